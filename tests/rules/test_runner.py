"""The one rule runner: what validation, incremental validation and loading share.

A rule set to ``off`` is never called (its check is not run, rather than run and
its findings dropped), whichever of the three runs the rules.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

from claimledger import codes
from claimledger.check import validate
from claimledger.config import discover
from claimledger.incremental import validate_incremental
from claimledger.ledger import LedgerFiles
from claimledger.query import load
from claimledger.rules import RULES, RULES_BY_CODE, Problem, registry
from tests.conftest import MakeLedger

PACKAGE = Path(__file__).parent.parent.parent / "claimledger"


def explode(ledger: LedgerFiles) -> Iterator[Problem]:
    raise AssertionError("a rule turned off was called")
    yield  # pragma: no cover


@pytest.fixture
def exploding(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every check of CL005, CL007 and CL009 raises when called."""
    targets = {codes.SAID_AFTER_PUBLISHED, codes.UNKNOWN_RELATED, codes.QUOTE_NOT_FOUND}
    replaced = []
    for rule in RULES:
        if rule.code in targets:
            rule = attrs.evolve(
                rule,
                check=explode if rule.check else None,
                check_registry=explode if rule.check_registry else None,
            )
            monkeypatch.setitem(RULES_BY_CODE, rule.code, rule)
        replaced.append(rule)
    monkeypatch.setattr(registry, "RULES", tuple(replaced))  # where the runner reads them


def turn_off(root: Path, *codes_off: str) -> None:
    pyproject = root / "pyproject.toml"
    table = "".join(f'{code} = "off"\n' for code in codes_off)
    pyproject.write_text(pyproject.read_text() + "\n[tool.claimledger.rules]\n" + table)


def test_the_spy_fires_when_the_rules_are_on(make_ledger: MakeLedger, exploding: None) -> None:
    root = make_ledger(base="broken")
    with pytest.raises(AssertionError, match="turned off was called"):
        validate(discover(root))


def test_a_rule_turned_off_is_never_called(make_ledger: MakeLedger, exploding: None) -> None:
    root = make_ledger(base="broken")
    turn_off(root, codes.SAID_AFTER_PUBLISHED, codes.UNKNOWN_RELATED, codes.QUOTE_NOT_FOUND)
    config = discover(root)
    findings = validate(config).findings
    assert findings  # the other rules still run
    off = {codes.SAID_AFTER_PUBLISHED, codes.UNKNOWN_RELATED, codes.QUOTE_NOT_FOUND}
    assert not off & {f.code for f in findings}
    # One process, so that the patched rules are the ones run.
    assert validate_incremental(config, jobs=1, cache=False) == findings
    loaded = load(root, strict=False, cache=False)
    assert not off & {f.code for f in loaded.findings}


def test_turning_a_rule_back_on_is_not_hidden_by_the_cache(make_ledger: MakeLedger) -> None:
    root = make_ledger(base="broken")
    pyproject = (root / "pyproject.toml").read_text()
    turn_off(root, codes.QUOTE_NOT_FOUND)
    assert codes.QUOTE_NOT_FOUND not in {
        f.code for f in validate_incremental(discover(root), jobs=1)
    }
    (root / "pyproject.toml").write_text(pyproject)
    found = validate_incremental(discover(root), jobs=1)
    assert codes.QUOTE_NOT_FOUND in {f.code for f in found}
    assert found == validate(discover(root)).findings


def _code_literals(path: Path) -> list[str]:
    """String constants that are rule codes, docstrings aside."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
        and len(node.value) == 5
        and node.value.startswith("CL")
        and node.value[2:].isdigit()
    ]


def test_rule_codes_are_defined_once() -> None:
    found = {
        path.relative_to(PACKAGE).as_posix(): literals
        for path in sorted(PACKAGE.rglob("*.py"))
        if (literals := _code_literals(path))
    }
    assert list(found) == ["codes.py"]
    assert sorted(found["codes.py"]) == sorted(codes.ALL)
    assert [rule.code for rule in RULES] == list(codes.ALL)
