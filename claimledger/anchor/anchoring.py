"""Find a quote in a source: where, how, in which paragraph — or what it most resembles.

A match is of one of four kinds:

- ``exact``: the source has the quote as pasted;
- ``normalised``: it has the quote once both go through :func:`normalise` (quote
  marks, dashes, whitespace, NFKC), the first letter of the quote perhaps in the other
  case;
- ``elided`` / ``bracketed``: with its ``…`` omissions and ``[inserted]`` words read as
  in :mod:`claimledger.anchor.pattern`, the quote's parts are in the source, in order.

The first two come from one search of the normalised text, so an occurrence typed
differently from the pasted one still counts (``occurrence`` numbers do not depend on
typography). Markup is read only when that search fails, so brackets or an ellipsis
that the source itself has (``[WATCH]``) are matched as text first. Matches never cut
a word (``Russia`` is not found in ``Russian``). When nothing matches, the most
similar passage is reported if it clears
:func:`~claimledger.anchor.closest.misquote_threshold` ("possible misquote");
otherwise the quote is "not found".

>>> src = SourceText.build("He said: “Both the US and British governments were slow.”")
>>> a = anchor('"Both the US and British governments were slow."', src)
>>> a.status, a.chosen.kind, a.chosen.start, a.chosen.end
('found', 'normalised', 9, 57)
>>> miss = anchor("Both the US and British authorities were slow", src)
>>> miss.status, miss.closest.text, miss.closest.similarity
('possible-misquote', 'Both the US and British governments were slow.', 83.5)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

import attrs

from claimledger.anchor.closest import Closest
from claimledger.anchor.closest import closest as _closest
from claimledger.anchor.normalisation import edge_mark, normalise
from claimledger.anchor.pattern import (
    Found,
    first_letter_variants,
    occurrences,
    parse,
    plain,
    search,
)
from claimledger.anchor.source import SourceText

__all__ = ["CONTEXT", "Anchoring", "Kind", "Match", "Status", "anchor", "anchor_all"]

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
    _check_occurrence(occurrence)
    pasted = quote.strip()
    key = normalise(pasted)
    if not key:
        return Anchoring(quote, (), None, occurrence)
    matches = _contiguous(pasted, key, source, occurrences(source.normalised, key))
    matches = matches or _marked(pasted, key, source)
    closest = None if matches else _closest(plain(key), source)
    return Anchoring(quote, matches, closest, occurrence)


def anchor_all(requests: Iterable[tuple[str, int | None]], source: SourceText) -> list[Anchoring]:
    """Anchor every ``(quote, occurrence)`` of one source in one pass: for each, what
    :func:`anchor` gives.

    The work a document's passages have in common is done once: a quote asked for
    again (another claim, another occurrence) is placed once, quotes typed
    differently that normalise alike are searched for once, and the contiguous
    search for every distinct form is one scan of the normalised text per form
    (``str.find`` on the form less its first letter, then a check of that letter in
    either case, instead of one scan per case). Quotes it does not find go on
    through markup and the closest-passage search as in :func:`anchor`.

    Why not a multi-pattern automaton: measured on the benchmark's documents (5 kB,
    about ten quotes each), building an Aho-Corasick automaton of a document's
    quotes and scanning with it cost about 380 µs per document, against 66 µs for
    the twenty ``str.find`` scans it would replace: those scans are memchr-fast,
    and a document has too few quotes for one pass over it to win.

    >>> src = SourceText.build("Obviously. And I mean obviously.")
    >>> [a.status for a in anchor_all([("obviously", None), ("obviously", 2)], src)]
    ['ambiguous', 'found']
    """
    placed: dict[str, tuple[tuple[Match, ...], Closest | None]] = {}
    starts: dict[str, list[int]] = {}  # of each normalised form, in the normalised text
    anchorings = []
    for quote, occurrence in requests:
        _check_occurrence(occurrence)
        found = placed.get(quote)
        if found is None:
            found = placed[quote] = _place(quote, source, starts)
        anchorings.append(Anchoring(quote, *found, occurrence))
    return anchorings


def _place(
    quote: str, source: SourceText, starts: dict[str, list[int]]
) -> tuple[tuple[Match, ...], Closest | None]:
    pasted = quote.strip()
    key = normalise(pasted)
    if not key:
        return (), None
    found = starts.get(key)
    if found is None:
        found = starts[key] = _starts(source.normalised, key)
    matches = _contiguous(pasted, key, source, found) or _marked(pasted, key, source)
    return matches, None if matches else _closest(plain(key), source)


def _check_occurrence(occurrence: int | None) -> None:
    if occurrence is not None and occurrence < 1:
        raise ValueError(f"occurrence counts from 1, not {occurrence}")


def _starts(hay: str, key: str) -> list[int]:
    """:func:`~claimledger.anchor.pattern.occurrences` of ``key`` in ``hay`` in one scan."""
    variants = first_letter_variants(key)
    if len(variants) == 1 or len(key) == 1:
        return occurrences(hay, key)
    first, swapped, rest = key[0], variants[1][0], key[1:]
    found = []
    at = hay.find(rest, 1)
    while at != -1:
        if hay[at - 1] == first or hay[at - 1] == swapped:
            found.append(at - 1)
        at = hay.find(rest, at + 1)
    return found


def _contiguous(quote: str, key: str, source: SourceText, starts: list[int]) -> tuple[Match, ...]:
    # Every place the normalised quote occurs (``starts``), so that occurrences are
    # counted the same however the quote was typed; a place whose original text is the
    # quote as pasted is an exact match.
    text = source.text
    matches = []
    for at in starts:
        start, end = source.original_span(at, at + len(key))
        if source.starts_word(start) and source.ends_word(end):
            start, end = _with_edge_marks(quote, text, start, end)
            kind: Kind = "exact" if text[start:end] == quote else "normalised"
            matches.append(_match(source, kind, start, end, ((start, end),)))
    return tuple(matches)


def _marked(quote: str, key: str, source: SourceText) -> tuple[Match, ...]:
    pattern = parse(key)
    if pattern is None:
        return ()
    return tuple(_placed(quote, source, pattern.kind, found) for found in search(pattern, source))


def _placed(quote: str, source: SourceText, kind: Kind, found: Found) -> Match:
    start, end = source.original_span(found.start, found.end)
    start, end = _with_edge_marks(quote, source.text, start, end)
    parts = tuple(source.original_span(s, e) for s, e in found.parts)
    return _match(source, kind, start, end, parts)


def _with_edge_marks(quote: str, text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a match over the source's quote marks and dashes that the quote has too.

    Normalisation drops them at the edges of a quote (``“Obviously.”``, ``vice-``,
    ``deaths -``), so the match first covers the words only; a quote that opens or
    closes with such marks is taken to mean the source's, where the source has the
    same kinds of mark (and spaces) there.
    """
    if _edge(quote[:1]) is None and _edge(quote[-1:]) is None:
        return start, end  # the common case: the quote opens and closes with words
    inner = 0  # the quote's marks and spaces, from the first word outwards
    while inner < len(quote) and _edge(quote[inner]):
        inner += 1
    at = start
    for char in reversed(quote[:inner]):
        if at == 0 or _edge(text[at - 1]) != _edge(char):
            break
        at -= 1
        start = at if not char.isspace() else start
    inner = len(quote)  # and from the last word outwards
    while inner > 0 and _edge(quote[inner - 1]):
        inner -= 1
    at = end
    for char in quote[inner:]:
        if at == len(text) or _edge(text[at]) != _edge(char):
            break
        at += 1
        end = at if not char.isspace() else end
    return start, end


def _edge(char: str) -> str | None:
    return " " if char.isspace() else edge_mark(char)


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
