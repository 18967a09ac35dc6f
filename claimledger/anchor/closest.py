"""The passage most like a quote that was not found, if it is alike enough to suggest.

Similarity is rapidfuzz's Indel ratio (``fuzz.ratio``, 0 to 100) between the normalised
quote and a passage of the normalised source cut on word edges.

Where to look is decided by *seed* words: of the quote's eight longest words (four
letters or more), the four found least often in the source, case aside. Each place a
seed occurs proposes where the quote would start; the best-supported proposals become
passages of the quote's length, whose edges then move a word at a time while the
similarity rises (so a passage may be longer or shorter than the quote when words were
added or dropped). A passage that shares none of those words is not offered as the
thing the quote garbles. In exchange the cost is a few substring searches and a few
dozen ratios of quote-sized strings whatever the size of the source, where rapidfuzz's
``partial_ratio_alignment`` over a whole 5 kB source costs 0.1 to 1 ms for a quote
longer than 64 characters.

>>> src = SourceText.build("Both the US and British governments have been reluctant.")
>>> c = closest("Both the US and British authorities have been reluctant", src)
>>> c.text, c.similarity, (c.start, c.end, c.paragraph)
('Both the US and British governments have been reluctant.', 86.5, (0, 56, 1))
>>> closest("the US and British authorities", src) is None  # 5 words: the bar is 84
True
"""

from __future__ import annotations

import math
import re

import attrs
from rapidfuzz import fuzz

from claimledger.anchor.source import SourceText

__all__ = ["Closest", "closest", "misquote_threshold"]

_LONGEST = 8  # words of the quote considered as seeds
_SEEDS = 4
_SEED_HITS = 12  # a seed found more often than this says little about where to look
_CANDIDATES = 4
_SLACK = 16  # characters by which seeds' proposals may disagree and still agree
# How much moving the edges of a passage word by word can add to its similarity, at
# most, in practice: a candidate further below the threshold is not worth refining.
_CLIMB = 25.0
_WORD = re.compile(r"\w{4,}")


@attrs.frozen
class Closest:
    """The passage most like a quote that was not found, and how alike (0 to 100)."""

    start: int
    end: int
    paragraph: int
    similarity: float
    text: str


def misquote_threshold(words: int) -> float:
    """The similarity a quote of ``words`` words must reach to be a possible misquote.

    Below it the quote is "not found", with no suggestion. A few words always look
    somewhat like *something* in a page of text, so suggesting the best of them would
    point at an unrelated place — the known failure of fuzzy anchoring in annotation
    tools. Measured on the corpus (about 2,000 phrases of unrelated English prose per
    length, each scored against every document by an exhaustive window search, which
    bounds what the seeded search below can find), the best chance similarity is about
    95 for 2 words, 91 for 3, 87 for 4, 77 for 5, 68 for 6 and under 65 from 7 words
    on; a one-word slip in a quote of 6 or more words usually scores 80 to 98.

    The bar is therefore 75 plus a margin that halves with every word beyond three:
    ``75 + 36 * 2 ** (3 - words)`` — 93 for 4 words, 84 for 5, 79.5 for 6, 76 for 8.
    For 3 words or fewer it would exceed 100: such quotes are never approximately
    found (``inf``). The floor of 75 keeps a long quote from being matched to a
    passage with a quarter of its characters different: that is a different remark.

    >>> [misquote_threshold(n) for n in (2, 3, 4, 5, 6, 8, 30)]
    [inf, inf, 93.0, 84.0, 79.5, 76.1, 75.0]
    """
    bar = 75.0 + 36.0 * 2.0 ** (3 - words)
    return math.inf if bar > 100.0 else round(bar, 1)


def closest(key: str, source: SourceText) -> Closest | None:
    """The passage of ``source`` most like ``key`` (a normalised quote without markup),
    if it reaches :func:`misquote_threshold`."""
    threshold = misquote_threshold(len(key.split()))
    if math.isinf(threshold):
        return None
    hay = source.normalised
    best = (0.0, 0, 0)
    for at in _alignments(key, source.folded):
        start = hay.rfind(" ", 0, max(0, at) + 1) + 1
        end = hay.find(" ", min(len(hay), at + len(key)) - 1)
        passage = _score(key, hay, start, len(hay) if end == -1 else end)
        if passage[0] > best[0]:
            best = passage
    if best[0] + _CLIMB < threshold:
        return None
    similarity, start, end = _climb(key, hay, best)
    if similarity < threshold:
        return None
    start, end = source.original_span(start, end)
    return Closest(start, end, source.paragraph_at(start), similarity, source.text[start:end])


def _alignments(key: str, folded: str) -> list[int]:
    """Where in ``folded`` (the source in lower case) the quote might start, best first.

    The seeds are the quote's rarest words in the source (of its longest, so that
    "the" never counts), and each place a seed occurs says the quote would start that
    far before it. A proposal is ranked by how many different seeds agree with it to
    within a few characters (a changed word shifts the ones after it a little): news
    copy repeats phrases ("the Russian Embassy"), so one seed's hits say little alone.
    Proposals within half a quote of a better one are the same candidate.
    """
    offsets: dict[str, int] = {}
    for found in _WORD.finditer(key.lower()):
        offsets.setdefault(found.group(), found.start())
    longest = sorted(offsets.items(), key=lambda item: -len(item[0]))[:_LONGEST]
    counted = sorted(
        (hits, word, offset)
        for word, offset in longest
        if 0 < (hits := folded.count(word)) <= _SEED_HITS
    )
    proposals: list[tuple[int, int]] = []
    for seed, (_, word, offset) in enumerate(counted[:_SEEDS]):
        at = folded.find(word)
        while at != -1:
            proposals.append((at - offset, seed))
            at = folded.find(word, at + 1)
    proposals.sort()
    # For each proposal, the seeds among the proposals within _SLACK of it: a window
    # slid along the sorted proposals, with a count of each seed inside it.
    ranked = []
    inside = [0] * _SEEDS
    seeds = low = high = 0
    for at, _ in proposals:
        while high < len(proposals) and proposals[high][0] <= at + _SLACK:
            seed = proposals[high][1]
            seeds += inside[seed] == 0
            inside[seed] += 1
            high += 1
        while proposals[low][0] < at - _SLACK:
            seed = proposals[low][1]
            inside[seed] -= 1
            seeds -= inside[seed] == 0
            low += 1
        ranked.append((-seeds, at))
    ranked.sort()
    chosen: list[int] = []
    for _, at in ranked:
        if all(abs(at - other) > len(key) // 2 for other in chosen):
            chosen.append(at)
            if len(chosen) == _CANDIDATES:
                break
    return chosen


def _score(key: str, hay: str, start: int, end: int) -> tuple[float, int, int]:
    return round(fuzz.ratio(key, hay[start:end]), 1), start, end


def _climb(key: str, hay: str, best: tuple[float, int, int]) -> tuple[float, int, int]:
    """Move either edge of the passage a word at a time while the similarity rises."""
    for _ in range(2 * len(key.split()) + 8):
        step = max((_score(key, hay, s, e) for s, e in _moves(hay, best[1], best[2])), default=best)
        if step[0] <= best[0]:
            break
        best = step
    return best


def _moves(hay: str, start: int, end: int) -> list[tuple[int, int]]:
    """The passages one word longer or shorter at either end than ``hay[start:end]``."""
    moves = []
    if start > 0:
        moves.append((hay.rfind(" ", 0, start - 1) + 1, end))
    inner = hay.find(" ", start, end)
    if inner != -1:
        moves.append((inner + 1, end))
        moves.append((start, hay.rfind(" ", start, end)))
    if end < len(hay):
        moves.append((start, _end_or_len(hay, hay.find(" ", end + 1))))
    return moves


def _end_or_len(hay: str, end: int) -> int:
    return len(hay) if end == -1 else end
