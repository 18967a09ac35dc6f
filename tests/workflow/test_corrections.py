"""Corrections: what a new text does to each passage, and what is kept and shown."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimledger.config import discover
from claimledger.workflow.corrections import (
    CorrectionError,
    apply_correction,
    follow,
    plan_correction,
)
from tests.conftest import MakeLedger, run_cli

OLD = (
    "Asked if the US was one of those intervening powers, the spokesman replied: “Obviously.”\n"
    "\n"
    "“There are multiple foreign interventions in the Syrian civil war.”\n"
)


def test_follow_maps_a_passage_through_an_edit() -> None:
    old = "One two three. Four five six. Seven."
    assert follow(old, "One two three. Four FIVE six. Seven.", 15, 29) == (15, 29)
    assert follow(old, "Intro. One two three. Four five six.", 15, 29) == (22, 36)
    assert follow(old, "One two three. Seven.", 15, 29) is None  # gone


@pytest.fixture
def ledger(make_ledger: MakeLedger) -> Path:
    root = make_ledger()
    meta = root / "corpus/briefing-report.yaml"
    meta.write_text("# provenance: printed copy\n" + meta.read_text())
    return root


def plan(root: Path, new: str) -> dict[str, str]:
    result = plan_correction(
        discover(root), "briefing-report", new.encode(), "2016-10-13", "Changed."
    )
    return {f"{p.claim}/{p.label}": p.outcome for p in result.passages}


def test_each_outcome(ledger: Path) -> None:
    moved = "Updated at 10am.\n\n" + OLD
    assert set(plan(ledger, moved).values()) == {"moved"}
    changed = OLD.replace("multiple", "several")
    assert plan(ledger, changed) == {
        "us-is-an-intervening-power/quote": "unchanged",
        "us-is-an-intervening-power/supporting": "changed",
        "multiple-interventions/quote": "changed",
    }
    gone = OLD.split("\n\n")[0] + "\n"
    assert set(plan(ledger, gone).values()) == {"unchanged", "gone"}
    twice = OLD + "\nObviously.\n"
    assert plan(ledger, twice)["us-is-an-intervening-power/quote"] == "ambiguous"


def test_the_change_is_given_word_by_word(ledger: Path) -> None:
    result = plan_correction(
        discover(ledger),
        "briefing-report",
        OLD.replace("multiple", "several").encode(),
        "2016-10-13",
        "Changed.",
    )
    changed = next(p for p in result.passages if p.outcome == "changed")
    assert [(op.op, op.base, op.other) for op in changed.changes] == [
        ("replace", ("multiple",), ("several",))
    ]
    assert result.claims == ("us-is-an-intervening-power", "multiple-interventions")


def test_refusals_write_nothing(ledger: Path) -> None:
    config = discover(ledger)
    with pytest.raises(CorrectionError, match="no change"):
        plan_correction(config, "briefing-report", OLD.encode(), "2016-10-13", "x")
    with pytest.raises(CorrectionError, match="did you mean 'briefing-report'"):
        plan_correction(config, "briefing", b"x", "2016-10-13", "x")
    with pytest.raises(CorrectionError, match="--date"):
        plan_correction(config, "briefing-report", b"x", "13/10/2016", "x")
    (ledger / "corpus/briefing-report.txt").write_text(OLD + "edited in place\n")
    with pytest.raises(CorrectionError, match="restore the recorded text"):
        plan_correction(config, "briefing-report", b"x", "2016-10-13", "x")
    assert sorted(p.name for p in (ledger / "corpus").iterdir()) == [
        "briefing-report.txt",
        "briefing-report.yaml",
    ]


def test_metadata_keeps_its_comments_and_exports_show_the_correction(ledger: Path) -> None:
    new = OLD.replace("multiple", "several")
    result = plan_correction(
        discover(ledger), "briefing-report", new.encode(), "2016-10-13", "A word changed."
    )
    apply_correction(result)
    meta = (ledger / "corpus/briefing-report.yaml").read_text()
    assert meta.startswith("# provenance: printed copy\nkind: news-report\n")
    assert meta.endswith('history:\n  - date: "2016-10-13"\n    note: A word changed.\n')
    # The quotes still citing the old words fail; pinned to version 1 they pass.
    claims = ledger / "claims/briefing.yaml"
    text = claims.read_text()
    assert run_cli("validate", "--no-cache", cwd=ledger).returncode == 1
    pinned = text.replace(
        "text: There are multiple foreign interventions in the Syrian civil war.",
        "text: There are multiple foreign interventions in the Syrian civil war.\n"
        "        version: 1",
    ).replace(
        'text: "“There are multiple foreign interventions in the Syrian civil war.”"',
        'text: "“There are multiple foreign interventions in the Syrian civil war.”"\n'
        "        version: 1",
    )
    claims.write_text(pinned)
    checked = run_cli("validate", "--no-cache", cwd=ledger)
    assert checked.returncode == 0, checked.stdout
    csl = json.loads(run_cli("export", "--format", "csl-json", cwd=ledger).stdout)
    document = next(item for item in csl if item["id"] == "briefing-report")
    assert document["note"] == "Corrected 2016-10-13: A word changed."
    bib = run_cli("export", "--format", "bibtex", cwd=ledger).stdout
    assert "Corrected 2016-10-13: A word changed." in bib
    rows = [
        json.loads(line)
        for line in run_cli("export", "--format", "jsonl", cwd=ledger).stdout.splitlines()
    ]
    source = next(r for r in rows if r["record"] == "source")
    assert source["corrections"] == [{"date": "2016-10-13", "note": "A word changed."}]
    assert {r["version"] for r in rows if r["record"] in ("quote", "evidence")} >= {1}


def test_a_version_the_source_does_not_have(make_ledger: MakeLedger) -> None:
    root = make_ledger()
    claims = root / "claims/briefing.yaml"
    claims.write_text(
        claims.read_text().replace(
            'text: "“Obviously.”"', 'text: "“Obviously.”"\n        version: 2'
        )
    )
    result = run_cli("validate", "--no-cache", cwd=root)
    assert "CL006 'briefing-report' has no version 2 (versions 1 to 1)" in result.stdout


def test_identification_evidence_is_checked_against_the_correction(ledger: Path) -> None:
    """A passage identifying a speaker quotes the source like a claim's: a correction
    that changes its words names the speaker to review, apart from the claims."""
    (ledger / "claims/speakers.yaml").write_text(
        "speakers:\n"
        "  - id: spokesman\n"
        "    description: The Labour leader's spokesman\n"
        "    reported_as:\n"
        "      - name: the spokesman\n"
        "        source: briefing-report\n"
        "    identified_as:\n"
        "      speaker: aide\n"
        "      basis: inferred\n"
        "      confidence: possible\n"
        "      evidence:\n"
        "        - source: briefing-report\n"
        "          text: There are multiple foreign interventions in the Syrian civil war.\n"
        "  - id: aide\n"
        "    description: An aide\n"
    )
    assert run_cli("validate", "--no-cache", cwd=ledger).returncode == 0
    changed = OLD.replace("multiple", "several")
    result = plan_correction(
        discover(ledger), "briefing-report", changed.encode(), "2016-10-13", "Changed."
    )
    outcomes = {f"{p.claim}/{p.label}": p.outcome for p in result.passages}
    assert outcomes["spokesman/identification"] == "changed"
    assert result.speakers == ("spokesman",)
    assert "spokesman" not in result.claims
    new = ledger / "new.txt"
    new.write_text(changed, encoding="utf-8")
    cli = run_cli(
        "correct-source", "briefing-report", str(new), "--date", "2016-10-13", "--note", "x",
        "--dry-run", cwd=ledger,
    )  # fmt: skip
    assert cli.returncode == 1
    assert "speakers to review (identification evidence): spokesman" in cli.stdout
