"""Where each passage stands in its source: anchored once per document, shared by all who ask.

The anchoring algorithm is :mod:`claimledger.anchor`; the files are read by
:mod:`claimledger.ledger`, which knows nothing of it. Here the two meet, for
the rules that judge quotes (not found, possible misquote, ambiguous) and the
presenters that cite them (paragraph pinpoints): a passage is anchored at most
once per document read, so after validation a rendering anchors nothing again.

The memo lives beside each :class:`~claimledger.ledger.SourceDocument` (held
weakly: it goes when the document does) and in each process separately.
Validation fills it a document at a time (:func:`anchor_passages`, one
:func:`~claimledger.anchor.anchor_all` call for all of a document's passages);
a presenter asking for one passage gets the memoised value.

>>> from pathlib import Path
>>> from claimledger.config import Config
>>> from claimledger.ledger import read_ledger
>>> files, _ = read_ledger(Config.default(Path("tests/examples/clean")))
>>> found = anchoring(files.sources["briefing-report"], "Obviously.")
>>> found is anchoring(files.sources["briefing-report"], "Obviously.")
True
>>> found.chosen.paragraph
1
>>> [a.status for a in anchor_passages(files.sources["briefing-report"], [("Obviously.", None)])]
['found']
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable

from claimledger.anchor import Anchoring, SourceText, anchor_all
from claimledger.ledger import SourceDocument

__all__ = ["anchor_passages", "anchoring", "prepared_text"]


class _Memo:
    __slots__ = ("anchorings", "text")

    def __init__(self, document: SourceDocument) -> None:
        # Built once however many quotes point into the document. A source known by
        # reference has no text its quotes were checked against, even if one is saved.
        unchecked = document.text is None or document.by_reference
        self.text = None if unchecked else SourceText.build(document.text or "")
        self.anchorings: dict[tuple[str, int | None], Anchoring] = {}


_MEMOS: weakref.WeakKeyDictionary[SourceDocument, _Memo] = weakref.WeakKeyDictionary()


def _memo(document: SourceDocument) -> _Memo:
    memo = _MEMOS.get(document)
    if memo is None:
        memo = _MEMOS[document] = _Memo(document)
    return memo


def prepared_text(document: SourceDocument) -> SourceText | None:
    """The document's text prepared for anchoring; ``None`` without a text."""
    return _memo(document).text


def anchor_passages(
    document: SourceDocument, requests: Iterable[tuple[str, int | None]]
) -> list[Anchoring] | None:
    """Where each ``(quote, occurrence)`` stands in ``document``, those not yet
    memoised anchored together in one pass; ``None`` without a text."""
    memo = _memo(document)
    if memo.text is None:
        return None
    requests = list(requests)
    known = memo.anchorings
    missing = [request for request in dict.fromkeys(requests) if request not in known]
    if missing:
        known.update(zip(missing, anchor_all(missing, memo.text), strict=True))
    return [known[request] for request in requests]


def anchoring(
    document: SourceDocument, quote: str, occurrence: int | None = None
) -> Anchoring | None:
    """Where ``quote`` stands in ``document`` (memoised); ``None`` without a text."""
    found = anchor_passages(document, [(quote, occurrence)])
    return None if found is None else found[0]
