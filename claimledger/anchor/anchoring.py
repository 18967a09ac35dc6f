"""Find a quote in a source: where, how, in which paragraph — or what it most resembles.

A quote is tried, strictest first, as

1. ``exact``: the pasted text occurs verbatim;
2. ``normalised``: it occurs once both sides are :func:`normalise`\\ d (quote marks,
   dashes, whitespace, NFKC), and the first letter of the quote may differ in case;
3. ``bracketed`` / ``elided``: its ``[inserted]`` words and ``…`` omissions are read as
   in :mod:`claimledger.anchor.pattern` and the remaining parts found in order.

Matches never cut a word (``Russia`` is not found in ``Russian``). When nothing
matches, the most similar passage is reported if it clears
:func:`~claimledger.anchor.closest.misquote_threshold` ("possible misquote"); otherwise
the quote is "not found".

>>> src = SourceText.build("He said: “Both the US and British governments were slow.”")
>>> a = anchor('"Both the US and British governments were slow."', src)
>>> a.status, a.chosen.kind, a.chosen.start, a.chosen.end
('found', 'normalised', 9, 57)
>>> miss = anchor("Both the US and British authorities were slow", src)
>>> miss.status, miss.closest.text, miss.closest.similarity
('possible-misquote', 'Both the US and British governments were slow.', 83.5)
"""

from __future__ import annotations

from typing import Literal

import attrs

from claimledger.anchor.closest import Closest
from claimledger.anchor.closest import closest as _closest
from claimledger.anchor.normalisation import QUOTE_MARKS, normalise
from claimledger.anchor.pattern import Found, occurrences, parse, plain, search
from claimledger.anchor.source import SourceText

__all__ = ["CONTEXT", "Anchoring", "Kind", "Match", "Status", "anchor"]

Kind = Literal["exact", "normalised", "bracketed", "elided"]
Status = Literal["found", "ambiguous", "no-such-occurrence", "possible-misquote", "not-found"]

CONTEXT = 32
"""Characters of prefix and suffix kept with a match (W3C TextQuoteSelector)."""


@attrs.frozen
class Match:
    """Where a quote occurs in a source's original text.

    Offsets are W3C TextPositionSelector offsets: code points into the original text,
    ``start`` inclusive, ``end`` exclusive. ``parts`` are the spans of the quote's own
    words: one for a contiguous match, one per part for an elided or bracketed one.
    ``paragraph`` and ``last_paragraph`` (1-based; see :mod:`claimledger.anchor.source`)
    differ when the quote runs across paragraphs.
    """

    kind: Kind
    start: int
    end: int
    paragraph: int
    last_paragraph: int
    prefix: str
    suffix: str
    parts: tuple[tuple[int, int], ...]


@attrs.frozen
class Anchoring:
    """The outcome of anchoring one quote in one source.

    ``matches`` holds every position, in document order; ``occurrence`` (1-based),
    when given, picks one of several.
    """

    quote: str
    matches: tuple[Match, ...]
    closest: Closest | None = None
    occurrence: int | None = None

    @property
    def chosen(self) -> Match | None:
        """The match the quote refers to: the only one, or the ``occurrence``-th."""
        if self.occurrence is None:
            return self.matches[0] if len(self.matches) == 1 else None
        if self.occurrence <= len(self.matches):
            return self.matches[self.occurrence - 1]
        return None

    @property
    def found(self) -> bool:
        """Whether the quote is in the source and it is clear where."""
        return self.chosen is not None

    @property
    def ambiguous(self) -> bool:
        """The quote occurs more than once and no ``occurrence`` says which."""
        return self.occurrence is None and len(self.matches) > 1

    @property
    def status(self) -> Status:
        """One word for the outcome, for reports."""
        if self.matches:
            if self.found:
                return "found"
            return "ambiguous" if self.ambiguous else "no-such-occurrence"
        return "possible-misquote" if self.closest else "not-found"


def anchor(quote: str, source: SourceText, *, occurrence: int | None = None) -> Anchoring:
    """Anchor ``quote`` in ``source``; ``occurrence`` (1-based) picks one of several.

    >>> src = SourceText.build("Obviously. And I mean obviously.")
    >>> anchor("obviously", src).status
    'ambiguous'
    >>> anchor("obviously", src, occurrence=2).chosen.start
    22
    """
    if occurrence is not None and occurrence < 1:
        raise ValueError(f"occurrence counts from 1, not {occurrence}")
    pasted = quote.strip()
    key = normalise(pasted)
    if not key:
        return Anchoring(quote, (), None, occurrence)
    matches = _contiguous(pasted, key, source) or _marked(pasted, key, source)
    closest = None if matches else _closest(plain(key), source)
    return Anchoring(quote, matches, closest, occurrence)


def _contiguous(quote: str, key: str, source: SourceText) -> tuple[Match, ...]:
    text = source.text
    exact: list[tuple[int, int]] = []
    at = text.find(quote)
    while at != -1:
        if source.starts_word(at) and source.ends_word(at + len(quote)):
            exact.append((at, at + len(quote)))
        at = text.find(quote, at + 1)
    loose: list[tuple[int, int]] = []
    for at in occurrences(source.normalised, key):
        start, end = source.original_span(at, at + len(key))
        if not (source.starts_word(start) and source.ends_word(end)):
            continue
        start, end = _with_quote_marks(quote, text, start, end)
        # The same place, found both ways, is one exact match.
        if not any(s < end and start < e for s, e in exact):
            loose.append((start, end))
    kinds: dict[tuple[int, int], Kind] = dict.fromkeys(loose, "normalised")
    kinds.update(dict.fromkeys(exact, "exact"))
    return tuple(_match(source, kinds[span], *span, (span,)) for span in sorted(kinds))


def _marked(quote: str, key: str, source: SourceText) -> tuple[Match, ...]:
    pattern = parse(key)
    if pattern is None:
        return ()
    return tuple(_placed(quote, source, pattern.kind, found) for found in search(pattern, source))


def _placed(quote: str, source: SourceText, kind: Kind, found: Found) -> Match:
    start, end = source.original_span(found.start, found.end)
    start, end = _with_quote_marks(quote, source.text, start, end)
    parts = tuple(source.original_span(s, e) for s, e in found.parts)
    return _match(source, kind, start, end, parts)


def _with_quote_marks(quote: str, text: str, start: int, end: int) -> tuple[int, int]:
    # Normalisation drops quote marks at word edges; a quote that opens or closes with
    # one is taken to mean the source's mark, so the span includes it.
    if quote[:1] in QUOTE_MARKS and start > 0 and text[start - 1] in QUOTE_MARKS:
        start -= 1
    if quote[-1:] in QUOTE_MARKS and end < len(text) and text[end] in QUOTE_MARKS:
        end += 1
    return start, end


def _match(
    source: SourceText, kind: Kind, start: int, end: int, parts: tuple[tuple[int, int], ...]
) -> Match:
    text = source.text
    return Match(
        kind=kind,
        start=start,
        end=end,
        paragraph=source.paragraph_at(start),
        last_paragraph=source.paragraph_at(end - 1),
        prefix=text[max(0, start - CONTEXT) : start],
        suffix=text[end : end + CONTEXT],
        parts=parts,
    )
