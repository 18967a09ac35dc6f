# Two commands set everything up on a fresh machine with Python 3.11+ and make:
#   make ledger   create .venv, install, validate claims/ against corpus/, write the ledger's pages into ledger/
#   make test     create .venv with the test extras, run ruff, mypy --strict and pytest
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: ledger test lint typecheck pytest bench fuzz clean chromium screenshot

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# A stamp per install flavour, redone whenever pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

ledger: $(VENV)/.installed
	$(BIN)/claimledger validate
	$(BIN)/claimledger render

lint: $(VENV)/.installed-test
	$(BIN)/ruff check claimledger tests benchmarks
	$(BIN)/ruff format --check claimledger tests benchmarks

typecheck: $(VENV)/.installed-test
	$(BIN)/mypy --strict claimledger

# The browser tests show rendered pages as GitHub does (Mermaid) and check the web site's
# accessibility (axe-core), both from the npm registry (tests/browser/package-lock.json),
# in Debian's headless Chromium.
NPM := tests/browser/node_modules/.installed
$(NPM): tests/browser/package-lock.json
	cd tests/browser && npm ci --no-audit --no-fund
	touch $@

chromium:
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then \
		if [ "$$(id -u)" = 0 ]; then \
			apt-get update && apt-get install -y chromium chromium-driver; \
		else \
			echo "make: the browser tests need Debian's chromium and chromium-driver:" \
				"run as root, or: sudo apt-get install chromium chromium-driver" >&2; \
			exit 1; \
		fi; \
	fi

pytest: $(VENV)/.installed-test $(NPM) chromium
	$(BIN)/pytest -q

# The README's picture of a story page, as GitHub shows it.
screenshot: $(VENV)/.installed-test $(NPM) chromium
	$(BIN)/python -m tests.browser.github ledger/stories/reactions-2016-10-12.md docs/story-page.png

test: lint typecheck pytest

# Speed and memory targets are measured here, never in timed tests.
bench: $(VENV)/.installed-test
	$(BIN)/python benchmarks/run.py --out benchmarks/RESULTS.md

clean:
	rm -rf $(VENV) .claimledger .pytest_cache .mypy_cache .ruff_cache

# Hostile input at length: every property of tests/hostile with the `fuzz`
# Hypothesis profile (5,000 examples each; tests/hostile/conftest.py).
fuzz: $(VENV)/.installed-test
	HYPOTHESIS_PROFILE=fuzz $(BIN)/pytest tests/hostile -q --hypothesis-show-statistics
