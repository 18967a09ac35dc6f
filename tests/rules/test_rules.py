"""Each rule: its failing example reports its code at the right line and column,
and the clean example ledger (its passing example) reports nothing."""

from __future__ import annotations

import hashlib
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


def source(source_id: str, text: str) -> dict[str, str]:
    """Files for a corpus document with correct metadata."""
    digest = hashlib.sha256(text.encode()).hexdigest()
    return {
        f"corpus/{source_id}.txt": text,
        f"corpus/{source_id}.yaml": f"kind: news-report\nsha256: {digest}\n",
    }


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
    (
        "CL013",
        {
            "claims/x.yaml": CLAIM.format(
                fields=QUOTE.format(
                    text="There are multiple foreign interventions, in the Syrian civil war."
                )
            )
        },
        "claims/x.yaml",
        7,
        15,
    ),
    (
        "CL014",
        {
            **source("twice", "“Obviously.” He paused. “Obviously.”\n"),
            "claims/x.yaml": CLAIM.format(
                fields="    quotes:\n      - source: twice\n        text: Obviously.\n"
            ),
        },
        "claims/x.yaml",
        7,
        15,
    ),
    (
        "CL017",
        {"claims/x.yaml": CLAIM.replace("id: extra", "id: Extra_Claim").format(fields="")},
        "claims/x.yaml",
        2,
        9,
    ),
    (
        "CL018",
        {
            "claims/x.yaml": CLAIM.replace(
                "statement: An extra claim.", 'statement: "An extra \\e[2J claim."'
            ).format(fields="")
        },
        "claims/x.yaml",
        3,
        16,
    ),
    (
        "CL019",
        {
            "corpus/by-url.yaml": "kind: web-page\nurl: https://news.example/story\n",
            "claims/x.yaml": CLAIM.format(
                fields="    quotes:\n      - source: by-url\n        text: Obviously.\n"
            ),
        },
        "claims/x.yaml",
        7,
        15,
    ),
    (
        "CL020",
        {
            **source("asked", "Asked if the US was one of those powers, he said: “Obviously.”\n"),
            "claims/x.yaml": CLAIM.format(
                fields="    quotes:\n      - source: asked\n        text: 'Asked if the US was "
                "one of those powers, he said: “Obviously.”'\n"
            ),
        },
        "claims/x.yaml",
        7,
        15,
    ),
]


def test_every_rule_has_a_case_and_a_doc() -> None:
    # CL015: see test_outside_ledger; CL016: test_nothing_to_check.py
    tested = {code for code, *_ in CASES} | {"CL015", "CL016"}
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
    rule = RULES_BY_CODE[code]
    assert all(f.severity is rule.severity for f in findings if f.code == code)


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


def message(make_ledger: MakeLedger, quote: str, **extra: str) -> list[tuple[str, str]]:
    fields = QUOTE.format(text=quote) + "".join(f"        {k}: {v}\n" for k, v in extra.items())
    root = make_ledger({"claims/x.yaml": CLAIM.format(fields=fields)})
    return [(f.code, f.message) for f in validate(discover(root)).findings]


def test_quote_not_found_suggests_the_closest_passage(make_ledger: MakeLedger) -> None:
    got = message(make_ledger, "There are many foreign interventions in the Syrian civil war.")
    assert got == [
        (
            "CL009",
            "quote text not found in 'briefing-report'; closest (92%, ¶ 2): "
            "“There are multiple foreign interventions in the Syrian civil war.”; "
            "“many” for “multiple”",
        )
    ]


def test_typography_and_elision_anchor(make_ledger: MakeLedger) -> None:
    assert message(make_ledger, "'\"There are multiple ... in the Syrian civil war.\"'") == []
    assert message(make_ledger, "'\"Obviously.\"'") == []


def test_occurrence_beyond_the_matches(make_ledger: MakeLedger) -> None:
    assert message(make_ledger, "Obviously.", occurrence="2") == [
        ("CL009", "quote text occurs 1 time(s) in 'briefing-report', not 2")
    ]


def test_readme_lists_every_rule() -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    for rule in RULES:
        assert f"| {rule.code} | {rule.name} | {rule.severity.value} | {rule.summary} |" in readme


def test_a_source_known_by_reference_needs_to_say_what_it_is(make_ledger: MakeLedger) -> None:
    root = make_ledger({"corpus/nothing.yaml": "kind: web-page\npublisher: Somebody\n"})
    findings = validate(discover(root)).findings
    assert [(f.code, f.location.path) for f in findings] == [("CL008", "corpus/nothing.yaml")]
    assert "needs a url" in findings[0].message


def test_a_text_saved_without_its_digest_is_not_checked_against(make_ledger: MakeLedger) -> None:
    text = "He said: “Obviously.”\n"
    files = {
        "corpus/by-url.yaml": "kind: web-page\nurl: https://news.example/story\n",
        "corpus/by-url.txt": text,
        "claims/x.yaml": CLAIM.format(
            fields="    quotes:\n      - source: by-url\n        text: Not in it at all.\n"
        ),
    }
    root = make_ledger(files)
    found = {(f.code, f.severity) for f in validate(discover(root)).findings}
    # The digest to record is given; until then the quote is unchecked, not a misquote.
    assert found == {("CL008", Severity.ERROR), ("CL019", Severity.WARNING)}
    digest = hashlib.sha256(text.encode()).hexdigest()
    meta = root / "corpus" / "by-url.yaml"
    meta.write_text(meta.read_text() + f"sha256: {digest}\n")
    # Recorded: an ordinary source, and the quote is checked against it.
    assert {f.code for f in validate(discover(root)).findings} == {"CL009"}


def test_context_and_identification_passages_from_a_source_by_reference_are_unchecked(
    make_ledger: MakeLedger,
) -> None:
    files = {
        "corpus/by-url.yaml": "kind: web-page\nurl: https://news.example/story\n",
        "claims/x.yaml": CLAIM.format(
            fields="    context:\n      - source: by-url\n        text: Some background.\n"
        ),
        "claims/speakers.yaml": (
            "speakers:\n"
            "  - id: spokesman\n"
            "    description: The Labour leader's spokesman\n"
            "  - id: aide\n"
            "    description: An aide\n"
            "    identified_as:\n"
            "      speaker: spokesman\n"
            "      basis: stated\n"
            "      confidence: probable\n"
            "      evidence:\n"
            "        - source: by-url\n"
            "          text: The aide was the spokesman.\n"
        ),
    }
    root = make_ledger(files)
    found = [
        (f.code, f.location.path, f.location.line)
        for f in validate(discover(root)).findings
        if f.code == "CL019"
    ]
    assert sorted(found) == [("CL019", "claims/speakers.yaml", 12), ("CL019", "claims/x.yaml", 7)]
