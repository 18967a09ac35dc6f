"""One typo costs one entry: the cause is reported, not each of its consequences."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import MakeLedger, run_cli


def findings(root: Path) -> list[str]:
    result = run_cli("validate", "--format", "github", cwd=root)
    return [line.split("::", 2)[1] for line in result.stdout.splitlines()]


def test_a_typo_in_one_registry_entry_is_one_finding(make_ledger: MakeLedger) -> None:
    root = make_ledger()
    speakers = root / "claims" / "speakers.yaml"
    speakers.write_text(
        speakers.read_text().replace("    description:", "    descripton:")
        + "  - id: another\n    name: Another Speaker\n"
    )
    result = run_cli("validate", "--format", "github", cwd=root)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 1, lines
    assert "file=claims/speakers.yaml,line=3,col=5,title=CL003" in lines[0]
    assert "unknown field 'descripton'" in lines[0]


def test_a_typo_in_one_claim_leaves_the_others_checked(make_ledger: MakeLedger) -> None:
    root = make_ledger()
    claims = root / "claims" / "briefing.yaml"
    text = claims.read_text()
    # The first claim gets a typo; the second (which it relates to) a misquote.
    text = text.replace("    topics: [syria]", "    topcs: [syria]")
    text = text.replace(
        "        text: There are multiple foreign interventions in the Syrian civil war.\n"
        "    related: [us-is-an-intervening-power]",
        "        text: There are many foreign interventions in the Syrian civil war.\n"
        "    related: [us-is-an-intervening-power]",
    )
    claims.write_text(text)
    result = run_cli("validate", cwd=root)
    assert result.returncode == 1
    codes = [
        line.split(": ")[1].split()[0] for line in result.stdout.splitlines() if ": CL" in line
    ]
    assert codes == ["CL003", "CL009"], result.stdout  # no CL007 for the unreadable claim


def test_a_broken_corpus_document_is_one_finding(make_ledger: MakeLedger) -> None:
    root = make_ledger()
    meta = root / "corpus" / "briefing-report.yaml"
    meta.write_text(meta.read_text() + "publishr: somebody\n")
    result = run_cli("validate", "--format", "github", cwd=root)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 1, lines
    assert "file=corpus/briefing-report.yaml" in lines[0]
    assert "CL003" in lines[0]
