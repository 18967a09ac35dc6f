"""The three rules about where passages stand share one walk and one anchoring per document.

Quote not found (CL009), possible misquote and ambiguous quote each judge the anchored
passages of the claims and of the speaker registry; the passages are walked once per
ledger, each document's passages anchored with one call, and the findings are the same
as anchoring every passage on its own gives.
"""

from __future__ import annotations

import gc
from collections import Counter
from pathlib import Path

import pytest

from claimledger import anchorings as memo
from claimledger import codes
from claimledger.anchor import Anchoring, anchor
from claimledger.config import Config
from claimledger.ledger import LedgerFiles, SourceDocument, read_ledger
from claimledger.rules import RULES_BY_CODE
from claimledger.rules import base as rules_base
from claimledger.rules.runner import run_rules

ROOT = Path(__file__).resolve().parents[2]
QUOTE_RULES = [
    RULES_BY_CODE[code]
    for code in (codes.QUOTE_NOT_FOUND, codes.POSSIBLE_MISQUOTE, codes.AMBIGUOUS_QUOTE)
]


def _ledger(root: Path) -> LedgerFiles:
    files, _ = read_ledger(Config.default(root))
    return files


def test_each_document_is_anchored_in_one_call(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: Counter[str] = Counter()
    real = memo.anchor_passages

    def counting(
        document: SourceDocument, requests: list[tuple[str, int | None]]
    ) -> list[Anchoring] | None:
        calls[document.id] += 1
        return real(document, requests)

    monkeypatch.setattr(rules_base, "anchor_passages", counting)
    ledger = _ledger(ROOT)
    run_rules(ledger, QUOTE_RULES)
    cited = {passage.item.source for passage in rules_base.passages(ledger)}
    identifying = {passage.item.source for passage in rules_base.registry_passages(ledger)}
    # One call per document for the claims' walk and one for the registry's, each
    # shared by the three rules.
    assert identifying
    assert calls == Counter(
        {doc: (doc in cited) + (doc in identifying) for doc in cited | identifying}
    )


@pytest.mark.parametrize("root", [ROOT, ROOT / "tests/examples/broken"])
def test_the_walk_gives_what_anchoring_each_passage_gives(root: Path) -> None:
    ledger = _ledger(root)
    for of in (rules_base.passages, rules_base.registry_passages):
        walked = list(rules_base.anchorings(ledger, of))
        assert walked == list(rules_base.anchorings(ledger, of))  # the shared walk
        expected = []
        for passage in of(ledger):
            known = ledger.sources.get(passage.item.source)
            document = None if known is None else known.version(passage.item.version)
            if document is None or document.text is None or document.by_reference:
                continue
            if not passage.item.text.strip():
                continue
            text = memo.prepared_text(document)
            assert text is not None
            found = anchor(passage.item.text, text, occurrence=passage.item.occurrence)
            expected.append((passage, document.id, found))
        assert walked == expected


def test_the_walk_goes_with_its_ledger() -> None:
    ledger = _ledger(ROOT / "tests/examples/clean")
    assert list(rules_base.anchorings(ledger))
    del ledger
    gc.collect()
    assert not rules_base._walks
