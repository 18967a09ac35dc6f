"""Where a passage anchors in a source, as ``claimledger locate`` shows it.

Anchoring itself is :mod:`claimledger.anchor`'s (the same as validation's); this
module adds what a person writing a quote needs: every occurrence with the
``occurrence`` value that picks it, the closest passages when there is none, and a
quote block to paste.

>>> from claimledger.anchor import SourceText
>>> src = SourceText.build("Intro.\\nHe said: “It was obviously wrong.” Obviously.\\n")
>>> found = locate_in(src, "obviously")
>>> [(m.paragraph, src.text[m.start:m.end]) for m in found.anchoring.matches]
[(2, 'obviously'), (2, 'Obviously')]
>>> print(quote_yaml("s", found, src), end="")
- source: s
  text: obviously
  occurrence: 1
- source: s
  text: Obviously
  occurrence: 2
>>> [p.text for p in locate_in(src, "it was clearly wrong").passages][:1]
['“It was obviously wrong.”']
"""

from __future__ import annotations

import re
from typing import Any

import attrs
import yaml
from rapidfuzz import fuzz

from claimledger.anchor import Anchoring, Closest, SourceText, anchor, normalise

__all__ = ["Located", "locate_in", "quote_yaml"]

#: Closest passages shown when a text is not found.
CLOSEST = 3
_LINE = re.compile(r"[^\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]+")


@attrs.frozen
class Located:
    """The anchoring of a text, and the closest passages when it has no match (each as
    :class:`~claimledger.anchor.Closest`, whatever its similarity)."""

    anchoring: Anchoring
    passages: tuple[Closest, ...] = ()


def locate_in(source: SourceText, text: str, occurrence: int | None = None) -> Located:
    """Anchor ``text`` in ``source``; when it is not there, rank its paragraphs by likeness."""
    found = anchor(text, source, occurrence=occurrence)
    if found.matches:
        return Located(found)
    return Located(found, _closest_passages(source, normalise(text)))


def _closest_passages(source: SourceText, key: str) -> tuple[Closest, ...]:
    if not key:
        return ()
    scored = []
    for line in _LINE.finditer(source.text):
        if not line.group().strip():
            continue
        part = SourceText.build(line.group())
        if not part.normalised:
            continue
        aligned = fuzz.partial_ratio_alignment(key, part.normalised)
        if aligned is None:
            continue
        start, end = part.original_span(aligned.dest_start, max(aligned.dest_end, 1))
        start, end = _word_edges(part.text, start, end)
        at = line.start()
        scored.append(
            Closest(
                at + start,
                at + end,
                source.paragraph_at(at + start),
                round(aligned.score, 1),
                part.text[start:end],
            )
        )
    scored.sort(key=lambda p: (-p.similarity, p.start))
    return tuple(scored[:CLOSEST])


def _word_edges(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a span so that it cuts no word."""
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return start, end


def _block(source_id: str, text: str, occurrence: int | None, version: int | None) -> Any:
    item: dict[str, Any] = {"source": source_id, "text": text}
    if occurrence is not None:
        item["occurrence"] = occurrence
    if version is not None:
        item["version"] = version
    return item


def quote_yaml(
    source_id: str, located: Located, source: SourceText, version: int | None = None
) -> str:
    """Quote blocks to paste under ``quotes:`` (or ``supports:``): one per occurrence.

    A contiguous match is given in the source's own characters, so it anchors exactly;
    an elided or bracketed one keeps the text as typed, since its marks are the quoter's.
    """
    matches = located.anchoring.matches
    items = []
    for number, match in enumerate(matches, 1):
        contiguous = match.kind in ("exact", "normalised")
        text = source.text[match.start : match.end] if contiguous else located.anchoring.quote
        items.append(_block(source_id, text, number if len(matches) > 1 else None, version))
    dumped: str = yaml.safe_dump(items, sort_keys=False, allow_unicode=True, width=1_000_000)
    return dumped
