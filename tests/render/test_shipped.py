"""The repository's own ledger: its LEDGER.md is current and reads as GitHub would show it."""

from __future__ import annotations

import pytest

from claimledger.check import validate
from claimledger.config import discover
from claimledger.render import render_markdown
from tests.conftest import REPO
from tests.render.structure import Structure

LEDGER = REPO / "LEDGER.md"


@pytest.fixture(scope="module")
def rendered() -> str:
    result = validate(discover(REPO))
    # A shipped ledger with errors is test_corpus's failure to report, not ours.
    return render_markdown(result.ledger, findings=result.findings if result.failed else ())


def test_committed_ledger_is_current(rendered: str) -> None:
    assert LEDGER.is_file(), "LEDGER.md is missing: run `make ledger`"
    assert LEDGER.read_text(encoding="utf-8") == rendered, "LEDGER.md is stale: run `make ledger`"


def test_shipped_ledger_has_no_broken_structure(rendered: str) -> None:
    assert Structure.of(rendered).problems() == []


def test_every_claim_has_its_anchor_and_diagram(rendered: str) -> None:
    ledger = validate(discover(REPO)).ledger
    structure = Structure.of(rendered)
    assert {c.id for c in ledger.claims} <= set(structure.explicit_ids)
    flowcharts = [f for f in structure.fences if f.content.startswith("flowchart")]
    assert len(flowcharts) == len(ledger.claims)


def test_every_quote_has_a_footnote(rendered: str) -> None:
    ledger = validate(discover(REPO)).ledger
    structure = Structure.of(rendered)
    assert len(structure.footnote_refs) == sum(len(c.quotes) for c in ledger.claims)
    assert set(structure.footnote_refs) == structure.footnote_defs


def test_every_source_and_speaker_has_its_entry(rendered: str) -> None:
    ledger = validate(discover(REPO)).ledger
    ids = set(Structure.of(rendered).explicit_ids)
    assert {f"source-{s}" for s in ledger.sources} <= ids
    assert {f"speaker-{s}" for s in ledger.speakers} <= ids


def test_every_passage_is_pinpointed(rendered: str) -> None:
    # The shipped ledger is clean, so every quote and passage anchors in its source.
    structure = Structure.of(rendered)
    footnotes = [
        t.content for t in structure.tokens if t.type == "inline" and "(#source-" in t.content
    ]
    ledger = validate(discover(REPO)).ledger
    passages = sum(
        len(c.quotes) + len(c.supports) + len(c.contradicts) + len(c.context) for c in ledger.claims
    )
    passages += sum(
        len(s.identified_as.evidence) for s in ledger.speakers.values() if s.identified_as
    )
    pinpointed = sum(text.count("), ¶") for text in footnotes)
    assert pinpointed == passages
