# Two commands set everything up on a fresh machine with Python 3.11+ and make:
#   make ledger   create .venv, install, validate claims/ against corpus/, write LEDGER.md
#   make test     create .venv with the test extras, run ruff, the import contracts, mypy --strict
#                 and pytest
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: ledger test lint typecheck pytest bench fuzz clean

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
	$(BIN)/lint-imports

typecheck: $(VENV)/.installed-test
	$(BIN)/mypy --strict claimledger tests benchmarks

pytest: $(VENV)/.installed-test
	$(BIN)/pytest -q

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
