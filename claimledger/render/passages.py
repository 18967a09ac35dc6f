"""A source's text as a reader checks a pinpoint: numbered paragraphs, cited passages marked.

Paragraphs are numbered as anchoring numbers them (:mod:`claimledger.anchor.source`:
every non-blank line), so a claim's "¶ 5" is the fifth paragraph shown. Each
anchored passage is cut into the runs of text it covers (its own words only: an
elided quote's omitted words stay unmarked); a run covered by several passages
names every claim that cites it.

>>> from claimledger.render.views import ClaimLink
>>> claim = ClaimLink("c", "c", "A claim.")
>>> text = "Title\\n\\nHe said: obviously so.\\n"
>>> start = text.index("obviously")
>>> marks = [Mark(start, start + 9, claim, "quote")]
>>> [title, body] = paragraph_views(text, "src", marks, {"c": 1})
>>> title.number, [s.text for s in title.segments]
(1, ['Title'])
>>> body.anchor, [(s.text, s.roles) for s in body.segments]
('src-p2', [('He said: ', ()), ('obviously', ('quote',)), (' so.', ())])
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence

import attrs

from claimledger.render.views import ClaimLink, ParagraphView, SegmentView, SpeakerRef

__all__ = ["Mark", "paragraph_anchor", "paragraph_views"]


@attrs.frozen
class Mark:
    """A span of a source's text (code point offsets) that a claim or an identification cites."""

    start: int
    end: int
    claim: ClaimLink | None
    role: str
    #: The speaker whose identification cites the span (``role == "identifies"``).
    speaker: SpeakerRef | None = None


def paragraph_anchor(source_anchor: str, number: int) -> str:
    """The anchor of a source's paragraph: unique in the whole ledger, not only on its page."""
    return f"{source_anchor}-p{number}"


def _segment(text: str, covering: Sequence[Mark], numbers: Mapping[str, int]) -> SegmentView:
    claims: dict[tuple[str, str], ClaimLink] = {}
    speakers: dict[str, SpeakerRef] = {}
    for mark in covering:
        if mark.claim is not None:
            claims.setdefault((mark.claim.anchor, mark.role), mark.claim)
        if mark.speaker is not None:
            speakers.setdefault(mark.speaker.id, mark.speaker)
    ordered = sorted(claims.items(), key=lambda item: (numbers.get(item[0][0], 0), item[0]))
    return SegmentView(
        text,
        tuple(link for _, link in ordered),
        tuple(role for (_, role), _ in ordered),
        tuple(speakers[key] for key in sorted(speakers)),
        tuple(numbers.get(link.anchor, 0) for _, link in ordered),
    )


def paragraph_views(
    text: str, source_anchor: str, marks: Sequence[Mark], numbers: Mapping[str, int]
) -> list[ParagraphView]:
    """Every paragraph of ``text``, each cut into runs at the edges of the marks.

    ``numbers`` numbers the citing claims by anchor (their place in the source's list).
    """
    views: list[ParagraphView] = []
    at = 0
    number = 0
    for line in text.splitlines(keepends=True):
        start, at = at, at + len(line)
        if line.isspace() or not line:
            continue
        number += 1
        body = line.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        end = start + len(body)
        inside = [m for m in marks if m.start < end and m.end > start]
        cuts = sorted(
            {start, end} | {p for m in inside for p in (m.start, m.end) if start < p < end}
        )
        segments: list[SegmentView] = []
        for left, right in itertools.pairwise(cuts):
            covering = [m for m in inside if m.start <= left and m.end >= right]
            piece = _segment(text[left:right], covering, numbers)
            last = segments[-1] if segments else None
            if last is not None and (last.cited_by, last.roles, last.identifies) == (
                piece.cited_by,
                piece.roles,
                piece.identifies,
            ):
                segments[-1] = attrs.evolve(piece, text=last.text + piece.text)
            else:
                segments.append(piece)
        views.append(
            ParagraphView(number, paragraph_anchor(source_anchor, number), tuple(segments))
        )
    return views
