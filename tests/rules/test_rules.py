"""Each rule: its failing example reports its code at the right line and column,
and the clean example ledger (its passing example) reports nothing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from claimledger.check import validate
from claimledger.config import ConfigError, discover
from claimledger.findings import Severity
from claimledger.rules import RULES, RULES_BY_CODE
from tests.conftest import EXAMPLES, MakeLedger

CLAIM = """claims:
  - id: extra
    statement: An extra claim.
    speaker: spokesman
{fields}"""

QUOTE = "    quotes:\n      - source: briefing-report\n        text: {text}\n"

CASES = [
    # (code, files to add or replace, expected path, line, column)
    ("CL001", {"claims/x.yaml": "claims: [\n  {id: a\n"}, "claims/x.yaml", 3, 1),
    ("CL002", {"claims/x.yaml": "claims: []\nclaims: []\n"}, "claims/x.yaml", 2, 1),
    (
        "CL003",
        {"claims/x.yaml": CLAIM.format(fields="    topics: syria\n")},
        "claims/x.yaml",
        5,
        13,
    ),
    (
        "CL004",
        {
            "claims/x.yaml": "claims:\n  - id: multiple-interventions\n    statement: s\n    speaker: spokesman\n"
        },
        "claims/x.yaml",
        2,
        9,
    ),
    (
        "CL005",
        {"claims/x.yaml": CLAIM.replace("speaker: spokesman", "speaker: nobody").format(fields="")},
        "claims/x.yaml",
        4,
        14,
    ),
    (
        "CL006",
        {
            "claims/x.yaml": CLAIM.format(
                fields="    quotes:\n      - source: nowhere\n        text: t\n"
            )
        },
        "claims/x.yaml",
        6,
        17,
    ),
    (
        "CL007",
        {"claims/x.yaml": CLAIM.format(fields="    related: [extra, nothing]\n")},
        "claims/x.yaml",
        5,
        15,
    ),
    (
        "CL008",
        {"corpus/briefing-report.txt": "Asked if the US was one of those powers: “Obviously.”\n"},
        "corpus/briefing-report.yaml",
        2,
        9,
    ),
    (
        "CL009",
        {"claims/x.yaml": CLAIM.format(fields=QUOTE.format(text="'“Obviously not.”'"))},
        "claims/x.yaml",
        7,
        15,
    ),
    (
        "CL010",
        {
            "claims/x.yaml": CLAIM.format(
                fields='    said_on: "2016-11"\n' + QUOTE.format(text="Obviously.")
            )
        },
        "claims/x.yaml",
        5,
        14,
    ),
    (
        "CL011",
        {
            "claims/x.yaml": CLAIM.format(
                fields="    verdict:\n      rating: pants-on-fire\n      rationale: r\n"
            )
        },
        "claims/x.yaml",
        6,
        15,
    ),
    (
        "CL012",
        {"claims/x.yaml": CLAIM.format(fields=QUOTE.format(text="' '"))},
        "claims/x.yaml",
        7,
        15,
    ),
]


def test_every_rule_has_a_case_and_a_doc() -> None:
    tested = {code for code, *_ in CASES} | {"CL015"}  # CL015: see test_outside_ledger
    assert tested == set(RULES_BY_CODE)
    for rule in RULES:
        assert rule.summary.endswith("."), rule.code
        assert "Passing" in rule.doc, rule.code
        assert "Failing" in rule.doc, rule.code


def test_the_clean_example_passes() -> None:
    assert validate(discover(EXAMPLES / "clean")).findings == ()


@pytest.mark.parametrize(
    ("code", "files", "path", "line", "column"), CASES, ids=[c[0] for c in CASES]
)
def test_failing_example(
    make_ledger: MakeLedger, code: str, files: dict[str, str], path: str, line: int, column: int
) -> None:
    root = make_ledger(files)
    findings = validate(discover(root)).findings
    located = [(f.code, f.location.path, f.location.line, f.location.column) for f in findings]
    assert (code, path, line, column) in located
    assert all(f.severity is Severity.ERROR for f in findings)


def test_outside_ledger(make_ledger: MakeLedger, tmp_path: Path) -> None:
    secret = tmp_path / "secret.yaml"
    secret.write_text("claims: []\n")
    root = make_ledger()
    os.symlink(secret, root / "claims" / "link.yaml")
    findings = validate(discover(root)).findings
    assert [(f.code, f.location.path) for f in findings] == [("CL015", "claims/link.yaml")]


def test_config_lowers_and_disables_rules(make_ledger: MakeLedger) -> None:
    bad = CLAIM.format(
        fields='    said_on: "2016-11"\n    related: [nothing]\n' + QUOTE.format(text="Obviously.")
    )
    root = make_ledger({"claims/x.yaml": bad})
    pyproject = root / "pyproject.toml"
    pyproject.write_text(
        pyproject.read_text() + '\n[tool.claimledger.rules]\nCL010 = "warning"\nCL007 = "off"\n'
    )
    findings = validate(discover(root)).findings
    assert [(f.code, f.severity) for f in findings] == [("CL010", Severity.WARNING)]


@pytest.mark.parametrize(
    ("setting", "message"), [("CL999", "unknown rule"), ("CL003", "cannot be changed")]
)
def test_config_refuses_unknown_and_load_rules(
    make_ledger: MakeLedger, setting: str, message: str
) -> None:
    root = make_ledger()
    pyproject = root / "pyproject.toml"
    pyproject.write_text(pyproject.read_text() + f'\n[tool.claimledger.rules]\n{setting} = "off"\n')
    with pytest.raises(ConfigError, match=message):
        validate(discover(root))
