"""A ledger's quotes as multi-pattern automata, built once and shipped to every worker.

For each traced quote (a claim's quotes that give the speaker's words: kind ``direct``,
not ``partial``, ``paraphrase`` or ``headline``) the automaton holds skeletons
(:mod:`claimledger.trace.skeleton`):

- the **whole** quote: a document holding it may match exactly or after normalisation;
- for a quote with ``…`` or ``[…]`` markup, its **longest part**: a document holding it
  and, anywhere, each other part may hold the elided quote;
- its **chunks** for approximate matches: the quote's words cut into ``k`` runs of
  about :data:`CHUNK_WORDS`. A passage with one word changed (or two in one chunk)
  keeps ``k - 1`` chunks whole, and a document is a candidate when it holds that
  many. Half of them would also let through changes spread over several chunks, but
  news copy repeats phrases ("the prime minister said"), and at half the bar every
  tenth document of a 10,000-claim trace was a candidate for several quotes, each
  costing a closest-passage search: the trace was thirty times slower.

The automaton is Aho-Corasick as the ``ahocorasick-rs`` package implements it (Rust).
What is built once and shipped is the key table (each skeleton and what it stands
for: about 1.5 MB for 10,000 claims); each worker process compiles it on first use, in
milliseconds, and keeps it. pyahocorasick was measured first (benchmarks/RESULTS.md):
its automaton pickles to 60 MB for 10,000 quotes, and it scanned the same skeletons at
a third of the speed.

Every candidate then goes to :func:`claimledger.anchor.anchor`, which decides the kind
(``exact``, ``normalised``, ``elided``, ``bracketed``) or the closest passage above
:func:`~claimledger.anchor.misquote_threshold` (a ``variant``).

>>> quote = "We will not cut the budget for schools this year"
>>> p = Patterns.build([("c1", "The statement.", [quote])])
>>> p.quotes[0].chunks_needed  # of 2 chunks
1
>>> sorted(p.candidates(skeleton("The minister said: we will not cut the budget for schools.")))
[0]
>>> sorted(p.candidates(skeleton("We will cut the budget for schools.")))
[]
"""

from __future__ import annotations

import weakref
from collections import Counter
from collections.abc import Iterable, Sequence

import ahocorasick_rs
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
    chunks_needed: int = 0
    """How many of the quote's chunks a document must hold to be a candidate for an
    approximate match (0: none is looked for: the quote is too short)."""


@attrs.frozen
class TracedClaim:
    """What trace needs of a claim: its id, statement and quotes' texts."""

    id: str
    statement: str
    quotes: tuple[str, ...]
    """Every quote, the source's own words included (for repeats), ``None``-free."""
    traced: tuple[bool, ...]
    """Which of :attr:`quotes` are the speaker's words, looked for as quotes."""


_Automaton = ahocorasick_rs.AhoCorasick


@attrs.frozen(eq=False)
class Patterns:
    """The compiled patterns of a ledger: picklable, built once per trace."""

    claims: tuple[TracedClaim, ...]
    quotes: tuple[TracedQuote, ...]
    keys: _Keys = attrs.field(repr=False)
    """Whole quotes and the longest part of each elided one."""
    chunk_keys: _Keys = attrs.field(repr=False)
    """The chunks, scanned only when approximate matches are wanted: common phrases
    make them hit far more often than whole quotes."""
    repeats: RepeatIndex = attrs.field(repr=False)

    @classmethod
    def build(
        cls,
        claims: Iterable[tuple[str, str, Sequence[str]] | TracedClaim],
    ) -> Patterns:
        """Patterns for ``claims``: :class:`TracedClaim` values or ``(id, statement,
        quotes)`` triples whose quotes are all the speaker's words."""
        traced = tuple(
            c
            if isinstance(c, TracedClaim)
            else TracedClaim(c[0], c[1], tuple(c[2]), (True,) * len(c[2]))
            for c in claims
        )
        automaton: dict[str, list[_Entry]] = {}
        chunk_automaton: dict[str, list[_Entry]] = {}
        quotes: list[TracedQuote] = []
        for claim_index, claim in enumerate(traced):
            pairs = zip(claim.quotes, claim.traced, strict=True)
            for position, (text, speaker) in enumerate(pairs, 1):
                if not speaker:
                    continue
                quote = _compile(
                    claim_index, position, text, len(quotes), automaton, chunk_automaton
                )
                if quote is not None:
                    quotes.append(quote)
        return cls(
            tuple(traced),
            tuple(quotes),
            _freeze(automaton),
            _freeze(chunk_automaton),
            RepeatIndex.build(traced),
        )

    def candidates(self, skeleton_text: str, *, approximate: bool = True) -> set[int]:
        """Positions in :attr:`quotes` of the quotes that may occur in a text with this
        skeleton (a superset of those that do)."""
        found: set[int] = set()
        parted: set[int] = set()
        chunks: Counter[int] = Counter()
        whole = _compiled(self, 0)
        if whole is not None:
            table = self.keys[1]
            for key in {
                hit[0] for hit in whole.find_matches_as_indexes(skeleton_text, overlapping=True)
            }:
                for role, index, _chunk in table[key]:
                    (found if role == _WHOLE else parted).add(index)
        chunked = _compiled(self, 1) if approximate else None
        if chunked is not None:
            table = self.chunk_keys[1]
            keys = {
                hit[0] for hit in chunked.find_matches_as_indexes(skeleton_text, overlapping=True)
            }
            chunks.update(entry[1] for key in keys for entry in table[key])
        quotes = self.quotes
        for index in parted - found:
            if all(part in skeleton_text for part in quotes[index].parts):
                found.add(index)
        for index, seen in chunks.items():
            if seen >= quotes[index].chunks_needed:
                found.add(index)
        return found


_Entry = tuple[int, int, int]  # role, quote, chunk
_Keys = tuple[tuple[str, ...], tuple[tuple[_Entry, ...], ...]]  # skeletons, what each stands for

# Each process compiles a Patterns' automata once, on first use; they are not pickled.
_COMPILED: weakref.WeakKeyDictionary[Patterns, dict[int, _Automaton | None]] = (
    weakref.WeakKeyDictionary()
)


def _compiled(patterns: Patterns, which: int) -> _Automaton | None:
    """The automaton of :attr:`Patterns.keys` (0) or :attr:`Patterns.chunk_keys` (1)."""
    built = _COMPILED.setdefault(patterns, {})
    if which not in built:
        built[which] = _automaton((patterns.keys, patterns.chunk_keys)[which][0])
    return built[which]


def _automaton(keys: Sequence[str]) -> _Automaton | None:
    if not keys:
        return None
    return ahocorasick_rs.AhoCorasick(list(keys), matchkind=ahocorasick_rs.MatchKind.Standard)


def _freeze(table: dict[str, list[_Entry]]) -> _Keys:
    keys = tuple(table)
    return keys, tuple(tuple(table[key]) for key in keys)


def _key(text: str) -> str:
    """The skeleton looked for: without a first character that is a non-ASCII letter,
    whose case the skeleton keeps but anchoring forgives."""
    if text[:1] and not text[0].isascii() and text[0].swapcase() != text[0]:
        text = text[1:]
    return skeleton(text)


def _add(table: dict[str, list[_Entry]], key: str, entry: _Entry) -> None:
    entries = table.setdefault(key, [])
    if entry not in entries:
        entries.append(entry)


def _compile(
    claim: int,
    position: int,
    text: str,
    index: int,
    automaton: dict[str, list[_Entry]],
    chunk_automaton: dict[str, list[_Entry]],
) -> TracedQuote | None:
    key = normalise(text.strip())
    whole = _key(key)
    if not whole:
        return None  # nothing to look for: no letter or digit
    _add(automaton, whole, (_WHOLE, index, 0))
    pattern = parse(key)
    parts: tuple[str, ...] = ()
    if pattern is not None and pattern.parts:
        parts = tuple(p for p in (_key(part) for part in pattern.parts) if p)
        if parts:
            _add(automaton, max(parts, key=len), (_PART, index, 0))
    words = plain(key).split()
    count = max(2, round(len(words) / CHUNK_WORDS)) if len(words) >= 4 else 0
    keyed = 0
    for chunk in range(count):
        run = words[chunk * len(words) // count : (chunk + 1) * len(words) // count]
        chunk_key = _key(" ".join(run))
        if len(chunk_key) >= MIN_CHUNK:
            _add(chunk_automaton, chunk_key, (_CHUNK, index, chunk))
            keyed += 1
    # All but one of the chunks looked for (those long enough to be).
    return TracedQuote(claim, position, text, parts, max(1, keyed - 1) if keyed else 0)
