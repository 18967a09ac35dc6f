"""``claimledger locate`` and ``explain``, and the suggestions findings carry."""

from __future__ import annotations

import re

import pytest
import yaml

from claimledger.check import validate
from claimledger.config import discover
from claimledger.names import suggest
from claimledger.rules import RULES
from tests.conftest import EXAMPLES, MakeLedger, run_cli


def test_every_occurrence_is_listed_with_the_value_that_picks_it() -> None:
    result = run_cli("locate", "mirror-2016-10-12", "Obviously")
    assert result.returncode == 0
    assert "2 occurrences" in result.stdout
    assert re.findall(r"occurrence: (\d)", result.stdout) == ["1", "2"]
    blocks = yaml.safe_load(run_cli("locate", "mirror-2016-10-12", "Obviously", "--yaml").stdout)
    assert [b["occurrence"] for b in blocks] == [1, 2]


def test_a_pasted_block_anchors(make_ledger: MakeLedger) -> None:
    root = make_ledger()
    out = run_cli("locate", "briefing-report", '"obviously."', "--yaml", cwd=root).stdout
    [block] = yaml.safe_load(out)
    claims = {
        "claims": [{"id": "pasted", "statement": "s", "speaker": "spokesman", "quotes": [block]}]
    }
    (root / "claims/pasted.yaml").write_text(yaml.safe_dump(claims, allow_unicode=True))
    assert run_cli("validate", "--no-cache", cwd=root).returncode == 0


def test_closest_passages_when_not_found() -> None:
    text = "Both the US and British authorities have been reluctant to accept"
    result = run_cli("locate", "mirror-2016-10-12", text)
    assert result.returncode == 1
    first = result.stdout.splitlines()[1]
    assert "governments have been reluctant" in first
    assert "%" in first


def test_unknown_source_gets_a_suggestion() -> None:
    result = run_cli("locate", "mirror", "x")
    assert result.returncode == 1
    assert "did you mean 'mirror-2016-10-12'?" in result.stderr


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_explain_covers_every_rule(rule: object) -> None:
    code = rule.code  # type: ignore[attr-defined]
    result = run_cli("explain", code.lower())
    assert result.returncode == 0
    assert result.stdout.startswith(f"{code} {rule.name} (")  # type: ignore[attr-defined]
    assert "Passing" in result.stdout
    assert "Failing" in result.stdout


def test_explain_lists_the_rules_and_suggests() -> None:
    listed = run_cli("explain").stdout
    assert [line.split()[0] for line in listed.splitlines() if line.startswith("CL")] == [
        r.code for r in RULES
    ]
    wrong = run_cli("explain", "quote-not-fond")
    assert wrong.returncode == 1
    assert "did you mean 'quote-not-found'" in wrong.stderr


def test_unknown_ids_in_the_fixture_of_all_errors_carry_suggestions() -> None:
    result = validate(discover(EXAMPLES / "broken"))
    ledger = result.ledger
    known = {
        "CL005": list(ledger.speakers),
        "CL006": list(ledger.sources),
        "CL007": [c.id for c in ledger.claims],
    }
    unknown = [f for f in result.findings if f.code in known]
    suggested = 0
    for finding in unknown:
        wanted = re.search(r"'([^']+)'", finding.message)
        assert wanted is not None
        if suggest(wanted.group(1), known[finding.code]):
            assert "; did you mean '" in finding.message, finding
            suggested += 1
        else:
            assert "did you mean" not in finding.message, finding
    assert suggested == 3  # speaker, source and related claim, each a letter off
    fields = [f for f in result.findings if "unknown field 'topcs'" in f.message]
    assert [f.message.split("; ")[1] for f in fields] == ["did you mean 'topics'?"]


def test_cl009_shows_the_word_difference_with_the_caret_on_it(make_ledger: MakeLedger) -> None:
    root = make_ledger(
        {
            "claims/misquote.yaml": "claims:\n  - id: m\n    statement: s\n"
            "    speaker: spokesman\n    quotes:\n      - source: briefing-report\n"
            '        text: "There are many foreign interventions in the Syrian civil war."\n'
        }
    )
    result = run_cli("validate", "--no-cache", cwd=root)
    lines = result.stdout.splitlines()
    at = next(i for i, line in enumerate(lines) if "CL009" in line)
    assert lines[at].endswith("; “many” for “multiple”")
    caret = lines[at + 2].index("^")
    assert lines[at + 1][caret:].startswith("many foreign")
