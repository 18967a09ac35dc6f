# Two commands set everything up on a fresh machine with Python 3.11+ and make:
#   make ledger   create .venv, install, validate claims/ against corpus/, write the ledger's pages into ledger/
#   make test     create .venv with the test extras, run ruff, the import contracts, mypy --strict
#                 and pytest
# Both install the versions pinned (with hashes) in requirements.lock and
# requirements-dev.lock, the ones CI last passed with; `make lock` refreshes them.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# The oldest supported Python, on which `make test-min` runs the suite.
PYTHON_MIN ?= python3.11
MIN_VENV := .venv-min

.PHONY: ledger test test-min lint typecheck pytest lock bench fuzz clean chromium screenshot site-screenshots

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# A stamp per install flavour, redone whenever pyproject.toml, its lock or the version
# (read from claimledger/__init__.py into the installed metadata) changes.
# The locks hold claimledger's dependencies only; the package itself is installed
# from this checkout without resolving anything again.
$(VENV)/.installed: pyproject.toml requirements.lock claimledger/__init__.py | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml requirements-dev.lock claimledger/__init__.py | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements-dev.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@ $(VENV)/.installed

ledger: $(VENV)/.installed
	$(BIN)/claimledger validate
	$(BIN)/claimledger render

lint: $(VENV)/.installed-test
	$(BIN)/ruff check claimledger tests benchmarks
	$(BIN)/ruff format --check claimledger tests benchmarks
	$(BIN)/lint-imports

typecheck: $(VENV)/.installed-test
	$(BIN)/mypy --strict claimledger tests benchmarks

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

# The README's pictures of the web site: a claim page, a source page and a story page (its
# diagram) of the seed ledger.
site-screenshots: $(VENV)/.installed-test chromium
	rm -rf .claimledger/site && mkdir -p .claimledger
	$(BIN)/claimledger render --format html -o .claimledger/site
	$(BIN)/python -m tests.browser.site .claimledger/site claims/spokesman-us-is-an-intervening-power.html docs/site-claim-page.png
	$(BIN)/python -m tests.browser.site .claimledger/site "sources/mirror-2016-10-12.html#source-mirror-2016-10-12-p4" docs/site-source-page.png
	$(BIN)/python -m tests.browser.site .claimledger/site stories/reactions-2016-10-12.html docs/site-story-page.png

test: lint typecheck pytest

# The suite (pytest only: ruff's and mypy's verdicts belong to their pinned
# versions) on the lowest Python and the lowest version of every dependency that
# pyproject.toml allows, in a venv of its own. uv's lowest-direct resolution takes
# each declared floor exactly; tests/test_floors.py checks that it did.
$(MIN_VENV)/.installed: pyproject.toml $(VENV)/.installed-test
	rm -rf $(MIN_VENV)
	$(BIN)/uv venv --quiet --python $(PYTHON_MIN) $(MIN_VENV)
	VIRTUAL_ENV=$(MIN_VENV) $(BIN)/uv pip install --quiet --resolution lowest-direct -e '.[test]'
	touch $@

test-min: $(MIN_VENV)/.installed $(MERMAID) chromium
	CLAIMLEDGER_FLOORS=1 $(MIN_VENV)/bin/pytest -q

# Refresh both locks to the newest versions pyproject.toml allows (then run
# `make test` and commit them). The runtime lock is constrained by the dev lock,
# so the two agree on every package they share.
lock: | $(BIN)/uv
	$(BIN)/uv pip compile --quiet --upgrade --custom-compile-command "make lock" --universal --python-version 3.11 --generate-hashes \
		--extra test --extra dev pyproject.toml -o requirements-dev.lock
	$(BIN)/uv pip compile --quiet --upgrade --custom-compile-command "make lock" --universal --python-version 3.11 --generate-hashes \
		-c requirements-dev.lock pyproject.toml -o requirements.lock

# uv comes pinned with the test set-up; this installs it only to make a first lock.
$(BIN)/uv: | $(BIN)/python
	$(BIN)/python -m pip install --quiet uv

# Speed and memory targets are measured here, never in timed tests. Sizes and rounds:
# BENCH_SIZES="1000 10000 100000" BENCH_ROUNDS=3 (default 1,000 and 10,000 claims, 3 rounds);
# BENCH_STEPS="validate cold,render" measures only those (and the floor), e.g. for growth at 100,000;
# BENCH_COMPONENTS=1 adds the anchoring, query and trace scripts (the trace takes an hour).
bench: $(VENV)/.installed-test
	$(BIN)/python benchmarks/run.py --out benchmarks/RESULTS.md $(if $(BENCH_COMPONENTS),--components)

clean:
	rm -rf $(VENV) $(MIN_VENV) .claimledger .pytest_cache .mypy_cache .ruff_cache

# Hostile input at length: every property of tests/hostile with the `fuzz`
# Hypothesis profile (tests/hostile/conftest.py): FUZZ_EXAMPLES per library
# property (those that start the command line run a twentieth or a sixth as many);
# the default, 1,200, runs about ten minutes on two cores.
FUZZ_EXAMPLES ?= 1200
fuzz: $(VENV)/.installed-test
	FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) HYPOTHESIS_PROFILE=fuzz $(BIN)/pytest tests/hostile -q --hypothesis-show-statistics
