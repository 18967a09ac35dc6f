"""Where each passage stands in its source, and how outlets' wordings of one remark differ.

Both come from :mod:`claimledger.anchor`; this module only decides what a reader
is shown.

**Pinpoints.** A quote or evidence passage is anchored in its source; its
pinpoint is the paragraph of the match the passage refers to, ``(first, last)``
when it runs across paragraphs. A passage that cannot be placed unambiguously (possible only in a
``--force`` rendering) gets no pinpoint rather than a guessed one.

**Outlet variants.** A claim's quotes may include an outlet's paraphrase or
headline beside the speaker's words as reported; comparing those word by word
tells a reader nothing. Quotes marked ``paraphrase`` are left out, and of the
rest the wordings compared are the largest set of versions of one remark, from
at least two outlets, as :func:`claimledger.anchor.remark_wordings` finds them
(the query API shows the same).

>>> from pathlib import Path
>>> from claimledger.check import validate
>>> from claimledger.config import discover
>>> from claimledger.resolved import resolve
>>> ledger = resolve(validate(discover(Path("tests/render/ledger"))).ledger)
>>> quote = next(q for c in ledger.claims for q in c.quotes if q.text == '"Obviously."')
>>> Pinpoints(ledger).paragraphs(quote)
(2, 2)
>>> claim = next(c for c in ledger.claims if c.id == "focus-on-russia-diverts-attention")
>>> wordings = claim.variants()
>>> [(op.op, op.base, op.other) for op in wordings.variants[0].changes]
[('delete', ('I', 'think', 'sometimes'), ()), ('insert', (), ('sometimes',))]
"""

from __future__ import annotations

from collections.abc import Callable

import attrs

from claimledger.anchorings import anchoring
from claimledger.ledger import SourceDocument
from claimledger.resolved import ResolvedClaim, ResolvedEvidence, ResolvedLedger, ResolvedQuote

__all__ = ["Pinpoints", "Placed", "Shown", "place", "shown_wordings"]

#: Outlets' wordings as a rendering shows them: the reference source's id, then each
#: other source's id and its changes, ``(op, reference words, its words)``.
Shown = tuple[str, tuple[tuple[str, tuple[tuple[str, str, str], ...]], ...]]


def shown_wordings(claim: ResolvedClaim) -> Shown | None:
    """The claim's outlets' wordings (:meth:`~claimledger.resolved.ResolvedClaim.variants`),
    words joined as shown; ``None`` without two outlets' wordings."""
    wordings = claim.variants()
    if wordings is None:
        return None
    return wordings.reference, tuple(
        (
            variant.source,
            tuple((op.op, " ".join(op.base), " ".join(op.other)) for op in variant.changes),
        )
        for variant in wordings.variants
    )


@attrs.frozen
class Placed:
    """Where a passage stands in its source: what a rendering shows of its
    :class:`~claimledger.anchor.Match` (the paragraphs, the spans of its words)."""

    paragraph: int
    last_paragraph: int
    parts: tuple[tuple[int, int], ...]


def place(document: SourceDocument, quote: str, occurrence: int | None) -> Placed | None:
    """Where ``quote`` (its ``occurrence``-th appearance) stands in ``document``, if it is
    placed: the match :func:`claimledger.anchorings.anchoring` chooses."""
    found = anchoring(document, quote, occurrence)
    match = None if found is None else found.chosen
    return None if match is None else Placed(match.paragraph, match.last_paragraph, match.parts)


class Pinpoints:
    """Places the passages of one ledger.

    Anchorings are memoised per :class:`~claimledger.ledger.SourceDocument`
    (:mod:`claimledger.anchorings`), so after validation in this process a rendering
    redoes none; ``places`` may also keep them between runs
    (:meth:`claimledger.render.fragments.FragmentCache.placed`).
    """

    def __init__(
        self,
        ledger: ResolvedLedger,
        places: Callable[[SourceDocument, str, int | None], Placed | None] = place,
    ) -> None:
        self._documents = ledger.documents
        self._places = places

    def match(self, item: ResolvedQuote | ResolvedEvidence) -> Placed | None:
        """Where the passage stands in its source (in the version it quotes, if pinned),
        if it is placed."""
        known = self._documents.get(item.source.id)
        document = None if known is None else known.version(item.version)
        if document is None or not item.text.strip():
            return None
        return self._places(document, item.text, item.occurrence)

    def paragraphs(self, item: ResolvedQuote | ResolvedEvidence) -> tuple[int, int] | None:
        """The first and last paragraph of the passage in its source, if it is placed."""
        match = self.match(item)
        return None if match is None else (match.paragraph, match.last_paragraph)
