"""A quote's own markup: ``…`` for words left out, ``[...]`` for words put in.

Both say the quote is not a contiguous copy of the source, so both turn the quote into
literal *parts* that must be found in order, with a bounded *gap* between neighbours:

- **Elision** (``...``, ``…``, ``. . .``, ``[...]``): the gap holds the omitted words and
  may span up to :data:`ELISION_GAP` normalised characters — about fifty words, two or
  three sentences of news prose: room for the clause or sentence an outlet drops
  inside one quotation, not for stitching together remarks from different paragraphs
  of a long document. An ellipsis at either end only says the quote starts or stops
  mid-sentence and is ignored.
- **Bracketed insertion** (``[the US] said``, ``[T]he``): the words in brackets are
  the quoter's, so they are not looked for; the bracket stands for up to
  :data:`BRACKET_SPAN` characters of the source (the pronoun or phrase it replaces)
  or for nothing (``[sic]``). A bracket touching a word (``[T]he``, ``Russia[n]``)
  stands for part of that word; elsewhere parts must start and end on word edges.

>>> p = parse("[T]he focus ... diverts [media] attention")
>>> p.parts, [g.kind for g in p.gaps], p.lead, p.kind
(('he focus', 'diverts', 'attention'), ['elision', 'bracket'], True, 'elided')
>>> parse("no markup") is None
True
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Literal

import attrs

from claimledger.anchor.source import SourceText

__all__ = [
    "BRACKET_SPAN",
    "ELISION_GAP",
    "Found",
    "Gap",
    "Pattern",
    "first_letter_variants",
    "occurrences",
    "parse",
    "plain",
    "search",
]

ELISION_GAP = 300
"""The most normalised characters an elision may stand for between two parts."""

BRACKET_SPAN = 40
"""The most normalised characters a bracketed insertion may stand for."""

# Candidate placements tried per quote: pathological quotes ("the ... the ... the")
# must not turn one validation into a combinatorial search.
_BUDGET = 10_000

_ELLIPSIS = r"\.(?: ?\.){2,}"
_MARK = re.compile(rf"(?P<elision>\[ ?{_ELLIPSIS} ?\]|{_ELLIPSIS})|(?P<bracket>\[[^\[\]]*\])")


@attrs.frozen
class Gap:
    """What lies between two parts of a quote in the source."""

    kind: Literal["elision", "bracket"]
    most: int
    attached_before: bool = False
    """A bracket touches the end of the part before, which may then end mid-word."""
    attached_after: bool = False
    """A bracket touches the start of the part after, which may then start mid-word."""


@attrs.frozen
class Pattern:
    """A quote with markup, as literal parts and the gaps between them."""

    parts: tuple[str, ...]
    gaps: tuple[Gap, ...]
    lead: bool = False
    """The quote opens with a bracket touching its first word (``[T]he``)."""
    trail: bool = False
    """The quote closes with a bracket touching its last word (``Russia[n]``)."""
    brackets: bool = False
    """The quote has a bracketed insertion anywhere, at its edges included."""

    @property
    def kind(self) -> Literal["elided", "bracketed", "normalised"]:
        """``elided`` if words are left out between parts, else ``bracketed`` if the quote
        has an insertion, else ``normalised``: only ellipses at its edges, which say the
        quote starts or ends mid-sentence, not that anything inside it is missing."""
        if any(gap.kind == "elision" for gap in self.gaps):
            return "elided"
        return "bracketed" if self.brackets else "normalised"


@attrs.frozen
class Found:
    """One placement of a pattern: normalised spans of the whole and of each part."""

    start: int
    end: int
    parts: tuple[tuple[int, int], ...]


def parse(key: str) -> Pattern | None:
    """Read the markup in a normalised quote; ``None`` if it has none."""
    marks = list(_MARK.finditer(key))
    if not marks:
        return None
    parts: list[str] = []
    gaps: list[Gap] = []
    pending: list[re.Match[str]] = []  # markers since the last part
    lead = False
    at = 0
    for mark in [*marks, None]:
        text = key[at : mark.start() if mark else len(key)]
        if text.strip(" "):
            if parts:
                gaps.append(_gap(key, pending))
            elif pending:
                lead = _is_bracket(pending[-1]) and _touches_next(key, pending[-1])
            parts.append(text.strip(" "))
            pending = []
        if mark is not None:
            pending.append(mark)
            at = mark.end()
    trail = bool(pending) and _is_bracket(pending[0]) and _touches_previous(key, pending[0])
    brackets = any(_is_bracket(mark) for mark in marks)
    return Pattern(tuple(parts), tuple(gaps), lead, trail and bool(parts), brackets)


def plain(key: str) -> str:
    """The quote without its markup, for approximate matching: brackets keep their words."""
    return " ".join(_MARK.sub(lambda m: " " if m["elision"] else m.group()[1:-1], key).split())


def _is_bracket(mark: re.Match[str]) -> bool:
    return mark["bracket"] is not None


def _touches_previous(key: str, mark: re.Match[str]) -> bool:
    return mark.start() > 0 and key[mark.start() - 1] != " "


def _touches_next(key: str, mark: re.Match[str]) -> bool:
    return mark.end() < len(key) and key[mark.end()] != " "


def _gap(key: str, marks: list[re.Match[str]]) -> Gap:
    elisions = sum(not _is_bracket(m) for m in marks)
    brackets = len(marks) - elisions
    return Gap(
        kind="elision" if elisions else "bracket",
        most=elisions * ELISION_GAP + brackets * BRACKET_SPAN,
        attached_before=_is_bracket(marks[0]) and _touches_previous(key, marks[0]),
        attached_after=_is_bracket(marks[-1]) and _touches_next(key, marks[-1]),
    )


def first_letter_variants(text: str) -> tuple[str, ...]:
    """``text`` and, if it starts with a cased letter, the same with that letter's case
    swapped: a quoter capitalises a quote that starts their sentence mid-sentence."""
    swapped = text[:1].swapcase()
    if len(swapped) == 1 and swapped != text[:1]:
        return text, swapped + text[1:]
    return (text,)


def occurrences(hay: str, needle: str, start: int = 0, stop: int | None = None) -> list[int]:
    """Sorted start offsets of ``needle`` (either case of its first letter) in
    ``hay[start:stop]``, overlapping ones included.

    >>> occurrences("Obviously, obviously.", "obviously")
    [0, 11]
    """
    stop = len(hay) if stop is None else stop
    found: list[int] = []
    for variant in first_letter_variants(needle):
        at = hay.find(variant, start, stop)
        while at != -1:
            found.append(at)
            at = hay.find(variant, at + 1, stop)
    found.sort()
    return found


def search(pattern: Pattern, source: SourceText) -> list[Found]:
    """Every placement of ``pattern`` in ``source``, in document order.

    For each place the first part occurs, the parts after it are placed as early as
    their gaps and word edges allow (backtracking when a later part does not fit).
    Placements that contain a tighter one are dropped: ``A … B`` with ``A`` twice before
    one ``B`` is one match, on the nearer ``A``.
    """
    if not pattern.parts:
        return []
    hay = source.normalised
    budget = [_BUDGET]
    found: list[Found] = []
    for at in occurrences(hay, pattern.parts[0]):
        if not pattern.lead and not _starts_word(source, at):
            continue
        spans = _extend(pattern, source, [(at, at + len(pattern.parts[0]))], budget)
        if spans is not None:
            found.append(_widen(pattern, source, spans))
        if budget[0] <= 0:
            break
    # Keep the placements that contain no other: scanning from the right, a placement
    # survives if it ends before every placement starting after it.
    kept: list[Found] = []
    for candidate in reversed(found):
        if not kept or candidate.end < kept[-1].end:
            kept.append(candidate)
    return kept[::-1]


def _extend(
    pattern: Pattern, source: SourceText, spans: list[tuple[int, int]], budget: list[int]
) -> list[tuple[int, int]] | None:
    k = len(spans)
    end = spans[-1][1]
    if k == len(pattern.parts):
        return spans if pattern.trail or _ends_word(source, end) else None
    gap = pattern.gaps[k - 1]
    if not gap.attached_before and not _ends_word(source, end):
        return None
    part = pattern.parts[k]
    for at in occurrences(source.normalised, part, end, end + gap.most + len(part)):
        budget[0] -= 1
        if budget[0] <= 0:
            return None
        if gap.attached_after or _starts_word(source, at):
            placed = _extend(pattern, source, [*spans, (at, at + len(part))], budget)
            if placed is not None:
                return placed
    return None


def _widen(pattern: Pattern, source: SourceText, spans: list[tuple[int, int]]) -> Found:
    # A bracket touching the first or last word stands for the rest of that word.
    hay = source.normalised
    start, end = spans[0][0], spans[-1][1]
    if pattern.lead:
        start -= _word_run(reversed(hay[max(0, start - BRACKET_SPAN) : start]))
    if pattern.trail:
        end += _word_run(iter(hay[end : end + BRACKET_SPAN]))
    return Found(start, end, tuple(spans))


def _word_run(chars: Iterator[str]) -> int:
    count = 0
    for char in chars:
        if not (char.isalnum() or char == "_"):
            break
        count += 1
    return count


def _starts_word(source: SourceText, at: int) -> bool:
    return source.starts_word(source.original_span(at, at + 1)[0])


def _ends_word(source: SourceText, end: int) -> bool:
    return source.ends_word(source.original_span(end - 1, end)[1])
