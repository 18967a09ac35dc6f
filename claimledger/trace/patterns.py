"""A ledger's quotes as one multi-pattern automaton, built once and shipped to every worker.

For each traced quote (a claim's quotes that give the speaker's words: not those marked
``paraphrase``) the automaton holds skeletons (:mod:`claimledger.trace.skeleton`):

- the **whole** quote: a document holding it may match exactly or after normalisation;
- for a quote with ``…`` or ``[…]`` markup, its **longest part**: a document holding it
  and, anywhere, each other part may hold the elided quote;
- its **chunks** for approximate matches: the quote's words cut into ``k`` runs of
  about :data:`CHUNK_WORDS`. A passage with one word changed keeps ``k - 1`` chunks
  whole, one with two changes ``k - 2``; a document is a candidate when it holds at
  least half of them (``ceil(k / 2)``), which any passage within the anchoring
  threshold of a long quote does unless its changes are spread over most chunks.

Every candidate then goes to :func:`claimledger.anchor.anchor`, which decides the kind
(``exact``, ``normalised``, ``elided``, ``bracketed``) or the closest passage above
:func:`~claimledger.anchor.misquote_threshold` (a ``variant``).

>>> p = Patterns.build([("c1", "The statement.", ["We will not cut the budget for schools this year"])])
>>> p.quotes[0].chunks
2
>>> sorted(p.candidates(skeleton("The minister said: we will not cut the budget for schools.")))
[0]
>>> sorted(p.candidates(skeleton("We will cut the budget for schools.")))
[]
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

import ahocorasick
import attrs

from claimledger.anchor import normalise
from claimledger.anchor.pattern import parse, plain
from claimledger.trace.repeats import RepeatIndex
from claimledger.trace.skeleton import skeleton

__all__ = ["CHUNK_WORDS", "MIN_CHUNK", "Patterns", "TracedClaim", "TracedQuote"]

CHUNK_WORDS = 4
"""Words per chunk (about): long enough to be rare, short enough that a change
leaves most chunks whole."""

MIN_CHUNK = 12
"""Skeleton characters a chunk needs to be looked for: ``in the city of`` is not."""

_WHOLE, _PART, _CHUNK = 0, 1, 2


@attrs.frozen
class TracedQuote:
    """One quote of one claim, ready to look for: ``quote`` is its 1-based position."""

    claim: int
    quote: int
    text: str
    parts: tuple[str, ...] = ()
    """Skeletons of the parts of a quote with markup; empty for a plain quote."""
    chunks: int = 0
    """How many chunks are looked for (0: the quote is too short for approximate)."""

    @property
    def chunks_needed(self) -> int:
        return math.ceil(self.chunks / 2)


@attrs.frozen
class TracedClaim:
    """What trace needs of a claim: its id, statement and quotes' texts."""

    id: str
    statement: str
    quotes: tuple[str, ...]
    """Every quote, ``paraphrase`` ones included (for repeats), ``None``-free."""
    traced: tuple[bool, ...]
    """Which of :attr:`quotes` are the speaker's words, looked for as quotes."""


@attrs.frozen(eq=False)
class Patterns:
    """The compiled patterns of a ledger: picklable, built once per trace."""

    claims: tuple[TracedClaim, ...]
    quotes: tuple[TracedQuote, ...]
    automaton: Any = attrs.field(repr=False)
    repeats: RepeatIndex = attrs.field(repr=False)

    @classmethod
    def build(
        cls,
        claims: Iterable[tuple[str, str, Sequence[str]] | TracedClaim],
    ) -> Patterns:
        """Patterns for ``claims``: :class:`TracedClaim` values or ``(id, statement,
        quotes)`` triples whose quotes are all the speaker's words."""
        traced = tuple(
            c if isinstance(c, TracedClaim) else TracedClaim(c[0], c[1], tuple(c[2]), (True,) * len(c[2]))
            for c in claims
        )
        automaton = ahocorasick.Automaton()
        quotes: list[TracedQuote] = []
        for claim_index, claim in enumerate(traced):
            for position, (text, speaker) in enumerate(zip(claim.quotes, claim.traced, strict=True), 1):
                if not speaker:
                    continue
                quote = _compile(claim_index, position, text, len(quotes), automaton)
                if quote is not None:
                    quotes.append(quote)
        if len(automaton):
            automaton.make_automaton()
        return cls(tuple(traced), tuple(quotes), automaton, RepeatIndex.build(traced))

    def candidates(self, skeleton_text: str, *, approximate: bool = True) -> set[int]:
        """Positions in :attr:`quotes` of the quotes that may occur in a text with this
        skeleton (a superset of those that do)."""
        if not len(self.automaton) or self.automaton.kind != ahocorasick.AHOCORASICK:
            return set()
        found: set[int] = set()
        parted: set[int] = set()
        chunks: dict[int, set[int]] = {}
        for _, entries in self.automaton.iter(skeleton_text):
            for role, index, chunk in entries:
                if role == _WHOLE:
                    found.add(index)
                elif role == _PART:
                    parted.add(index)
                elif approximate:
                    chunks.setdefault(index, set()).add(chunk)
        quotes = self.quotes
        for index in parted - found:
            if all(part in skeleton_text for part in quotes[index].parts):
                found.add(index)
        for index, seen in chunks.items():
            if len(seen) >= quotes[index].chunks_needed:
                found.add(index)
        return found


def _add(automaton: Any, key: str, entry: tuple[int, int, int]) -> None:
    entries = automaton.get(key, ())
    if entry not in entries:
        automaton.add_word(key, (*entries, entry))


def _compile(claim: int, position: int, text: str, index: int, automaton: Any) -> TracedQuote | None:
    key = normalise(text.strip())
    whole = skeleton(key)
    if not whole:
        return None  # nothing to look for: no letter or digit
    _add(automaton, whole, (_WHOLE, index, 0))
    pattern = parse(key)
    parts: tuple[str, ...] = ()
    if pattern is not None and pattern.parts:
        parts = tuple(p for p in (skeleton(part) for part in pattern.parts) if p)
        if parts:
            _add(automaton, max(parts, key=len), (_PART, index, 0))
    words = plain(key).split()
    count = max(2, round(len(words) / CHUNK_WORDS)) if len(words) >= 4 else 0
    keyed = 0
    for chunk in range(count):
        run = words[chunk * len(words) // count : (chunk + 1) * len(words) // count]
        chunk_key = skeleton(" ".join(run))
        if len(chunk_key) >= MIN_CHUNK:
            _add(automaton, chunk_key, (_CHUNK, index, chunk))
            keyed += 1
    # Chunks too short to look for count as missing: the bar stays at half of all.
    chunks = count if keyed >= math.ceil(count / 2) else 0
    return TracedQuote(claim, position, text, parts, chunks)
