"""What a search returns: passages of the corpus and claims, with the spans that matched.

Offsets are code points (Python string indexes), ``start`` inclusive, ``end``
exclusive: a :class:`PassageHit`'s index the source's whole text, a
:class:`TextMatch`'s the matched statement or quote.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal

import attrs

from claimledger.models import Source

if TYPE_CHECKING:
    from claimledger.resolved import ResolvedClaim

__all__ = ["ClaimHit", "PassageHit", "Span", "TextMatch", "snippet"]

#: ``(start, end)``: code points, start inclusive, end exclusive.
Span = tuple[int, int]


def snippet(
    text: str, spans: Iterable[Span], width: int = 200, marks: tuple[str, str] = ("«", "»")
) -> str:
    """``text`` cut to about ``width`` characters around its first span, at word edges,
    with the spans in it marked and ``…`` where it was cut.

    >>> snippet("The focus sometimes diverts attention from other atrocities.", [(20, 37)], 30)
    '… sometimes «diverts attention» from …'
    """
    ordered = sorted(spans)
    start, end = ordered[0] if ordered else (0, 0)
    room = max(0, width - (end - start))
    lo = max(0, start - room // 2)
    hi = min(len(text), end + room - (start - lo))
    lo = max(0, min(lo, hi - width))
    if lo > 0:  # back to the start of the word cut into
        lo = text.rfind(" ", 0, lo) + 1
    if hi < len(text):
        cut = text.rfind(" ", end, hi + 1)
        hi = cut if cut >= end else hi
    pieces, at = [], lo
    for s, e in ordered:
        if s >= at and e <= hi:
            pieces += [text[at:s], marks[0], text[s:e], marks[1]]
            at = e
    pieces.append(text[at:hi])
    body = "".join(pieces).strip()
    return ("… " if lo > 0 else "") + body + (" …" if hi < len(text) else "")


@attrs.frozen
class PassageHit:
    """A passage of a source matching a search; offsets index the source's whole text."""

    source: Source
    paragraph: int
    start: int
    end: int
    text: str
    matches: tuple[Span, ...]
    #: Relevance: bm25, higher is better.
    score: float

    def snippet(self, width: int = 200, marks: tuple[str, str] = ("«", "»")) -> str:
        """The passage around its first match, matches marked."""
        spans = [(s - self.start, e - self.start) for s, e in self.matches]
        return snippet(self.text, spans, width, marks)


@attrs.frozen
class TextMatch:
    """Where a claim's statement or one of its quotes matched; spans index ``text``."""

    field: Literal["statement", "quote"]
    #: The quote's position in the claim's ``quotes``; ``None`` for the statement.
    index: int | None
    text: str
    spans: tuple[Span, ...]


@attrs.frozen
class ClaimHit:
    """A claim matching a search, with every statement or quote of it that matched."""

    claim: ResolvedClaim
    matches: tuple[TextMatch, ...]
    #: Relevance of its best-matching text: bm25, higher is better.
    score: float

    def snippet(self, width: int = 200, marks: tuple[str, str] = ("«", "»")) -> str:
        """The best-matching text around its first match, matches marked."""
        best = self.matches[0]
        return snippet(best.text, best.spans, width, marks)
