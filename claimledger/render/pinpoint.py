"""Where each passage stands in its source, and how outlets' wordings of one remark differ.

Both come from :mod:`claimledger.anchor`; this module only decides what a reader
is shown.

**Pinpoints.** A quote or evidence passage is anchored in its source; its
pinpoint is the paragraph of the match the passage refers to, ``(first, last)``
when it runs across paragraphs. A passage that cannot be placed unambiguously (possible only in a
``--force`` rendering) gets no pinpoint rather than a guessed one.

**Outlet variants.** A claim's quotes may include an outlet's paraphrase or
headline beside the speaker's words as reported; comparing those word by word
tells a reader nothing. So the wordings compared are the largest set that are
versions of one remark: those sharing at least :data:`SAME_REMARK` of their
words (Dice coefficient over the words anchoring compares) with one of them,
from at least two outlets. Anchoring's :func:`~claimledger.anchor.variants`
then compares them with the fullest.

>>> from pathlib import Path
>>> from claimledger.check import validate
>>> from claimledger.config import discover
>>> ledger = validate(discover(Path("tests/render/ledger"))).ledger
>>> pinpoints = Pinpoints(ledger)
>>> pinpoints.paragraphs("weekly-example-2016-10-12", '"Obviously."', None)
(2, 2)
>>> claim = ledger.claim("focus-on-russia-diverts-attention")
>>> wordings = pinpoints.wordings(claim)
>>> [(op.op, op.base, op.other) for op in wordings.variants[0].changes]
[('delete', ('I', 'think', 'sometimes'), ()), ('insert', (), ('sometimes',))]
"""

from __future__ import annotations

from collections.abc import Sequence

from claimledger.anchor import Variant, Wordings, variants
from claimledger.ledger import LedgerFiles
from claimledger.models import Claim

__all__ = ["SAME_REMARK", "Pinpoints"]

#: Share of words two wordings must have in common to be versions of one remark.
SAME_REMARK = 0.6


def _similarity(variant: Variant) -> float:
    """Dice coefficient of the words of a variant and of the reference it was compared with."""
    equal = sum(len(op.base) for op in variant.ops if op.op == "equal")
    total = sum(len(op.base) + len(op.other) for op in variant.ops)
    return 2 * equal / total if total else 1.0


class Pinpoints:
    """Anchors the passages of one ledger.

    Anchorings are memoised on each :class:`~claimledger.ledger.SourceDocument`,
    so after validation (which anchors every passage) a rendering redoes none.
    """

    def __init__(self, ledger: LedgerFiles) -> None:
        self._sources = ledger.sources

    def paragraphs(
        self, source_id: str, text: str, occurrence: int | None
    ) -> tuple[int, int] | None:
        """The first and last paragraph of the passage in its source, if it is placed."""
        source = self._sources.get(source_id)
        if source is None or not text.strip():
            return None
        found = source.anchoring(text, occurrence)
        match = None if found is None else found.chosen
        return None if match is None else (match.paragraph, match.last_paragraph)

    def wordings(self, claim: Claim) -> Wordings | None:
        """The versions of one remark among the claim's quotes, from two outlets or more."""
        quoted = [(quote.source, quote.text) for quote in claim.quotes if quote.text.strip()]
        if len({source for source, _ in quoted}) < 2:
            return None
        group = _largest_group(quoted)
        if len({source for source, _ in group}) < 2:
            return None
        return variants(group)


def _largest_group(quoted: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """The wordings similar to one of them, for the one with most such (first on a tie)."""
    best: list[tuple[str, str]] = []
    for i, centre in enumerate(quoted):
        group = [
            other
            for j, other in enumerate(quoted)
            if i == j or _similarity(variants([centre, other]).variants[0]) >= SAME_REMARK
        ]
        if len(group) > len(best):
            best = group
    return best
