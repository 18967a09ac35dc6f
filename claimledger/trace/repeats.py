"""Repeats of a claim in other words, by a lexical similarity: weighted Dice over stems.

A repeat is a sentence of the archive whose content words are largely a claim's: its
statement's or one of its quotes'. The measure, for a sentence ``S`` and a reference
``R`` (the statement or a quote), each reduced to a set of content-word *stems*
(lower case, stop words dropped, plural and ``-ed``/``-ing`` endings and a final ``e``
stripped, so ``bombed``, ``bombing`` and ``bombings`` are one term):

    score = 2·w(R ∩ S) / (w(R) + w(S))

where a term's weight ``w`` is its inverse document frequency among the ledger's own
references, ``log(1 + N / df)`` (a name or figure that few claims use says more than
"government"); a sentence term no reference uses weighs the mean of ``R``'s. A sentence
is a repeat when the score reaches :data:`REPEAT_THRESHOLD` and it shares at least
:data:`MIN_SHARED` terms with the reference.

Why this measure: it is deterministic and needs no weights to download; it looks at one
sentence at a time and at statistics of the ledger only, never of the archive, so every
shard is scored alone and the map over shards gives the same answer under any
scheduler; set operations over stems ignore word order and inflection (paraphrase
reorders clauses and changes tense) while the Dice denominator keeps a long sentence
that merely mentions a claim's topic below the bar. Its limit is a paraphrase that
changes most content words ("warplanes" for "fighter aircraft"): lexical measures miss
those. A semantic model plugs in as a :class:`RepeatScorer`: embed the references once
when the patterns are built (they are shipped with them), embed each candidate
sentence in the worker, and score by cosine; the candidate search below (sentences
sharing rare terms with a claim) stays as the cheap first stage, or is replaced by an
approximate-nearest-neighbour index over the embeddings.

Candidates are found through postings of the rarer terms (used by at most
:data:`MAX_POSTINGS` references), so a document costs a set of its words and a few
dictionary look-ups unless it shares several rare terms with a claim.

>>> index = RepeatIndex.build([("c", "Russian fighters bombed the Syrian city of Aleppo.", ())])
>>> hits = index.repeats("Activists said the Syrian city of Aleppo was bombed by Russian fighters.")
>>> [(h.claim, round(h.score, 2)) for h in hits]
[(0, 0.92)]
"""

# ruff: noqa: RUF001 - typographic marks are what trace reads past.

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from typing import Any, Protocol, cast

import attrs

__all__ = [
    "MAX_POSTINGS",
    "MIN_SHARED",
    "REPEAT_THRESHOLD",
    "RepeatHit",
    "RepeatIndex",
    "RepeatScorer",
    "sentences",
    "stems",
]

REPEAT_THRESHOLD = 0.6
"""The weighted Dice a sentence needs to be reported as a repeat; chosen on the planted
archive of ``benchmarks/`` (see benchmarks/RESULTS.md for precision and recall)."""

MIN_SHARED = 3
"""Content terms a repeat shares with the reference at least."""

MAX_POSTINGS = 0.002
"""The share of references a term may occur in (at least 2) and still propose
candidates: a term most claims use proposes them all."""

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*\s+")
_STOP = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "me",
        "more",
        "most",
        "my",
        "myself",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "said",
        "same",
        "say",
        "says",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "told",
        "tell",
        "mr",
        "mrs",
        "ms",
        "yesterday",
        "today",
    ]
)
_CACHE_CAP = 1 << 20


def _stem(word: str) -> str:
    for suffix in ("ings", "ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            word = word[: -len(suffix)]
            break
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    return word


# Each word seen, with its term ("" for a stop word): after the first documents almost
# every word is known, and a document's terms come from C-level set and map operations.
_STEMS: dict[str, str] = {}


def _term(word: str) -> str:
    plain = word.replace("’", "'")
    plain = plain[:-2] if plain.endswith("'s") else plain
    return "" if plain in _STOP or len(plain) < 2 else _stem(plain)


def stems(text: str) -> frozenset[str]:
    """The content terms of ``text``.

    >>> sorted(stems("The bombings were bombed; he is bombing Aleppo's markets."))
    ['aleppo', 'bomb', 'market']
    """
    words = set(_WORD.findall(text.lower()))
    known = _STEMS
    seen: set[str | None] = set(map(known.get, words))
    if None in seen:  # words not seen before
        if len(known) + len(words) > _CACHE_CAP:
            known.clear()
        for word in words:
            if word not in known:
                known[word] = _term(word)
        seen = set(map(known.get, words))
    seen.discard("")
    return frozenset(cast("set[str]", seen))


def sentences(text: str) -> Iterable[tuple[int, int]]:
    """``(start, end)`` of each sentence: lines cut after ``.``, ``!``, ``?`` and a space.

    >>> text = "One. Two?\\nThree"
    >>> [text[s:e] for s, e in sentences(text)]
    ['One.', 'Two?', 'Three']
    """
    at = 0
    for line in text.splitlines(keepends=True):
        start = at
        for end in _SENTENCE_END.finditer(line):
            yield from _trimmed(text, start, at + end.end())
            start = at + end.end()
        yield from _trimmed(text, start, at + len(line))
        at += len(line)


def _trimmed(text: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        yield start, end


class RepeatScorer(Protocol):
    """How a candidate sentence is scored against a reference (0 to 1); the lexical
    :class:`RepeatIndex` is one, a sentence-embedding model would be another."""

    def score(self, reference: int, sentence: frozenset[str], text: str) -> float: ...


@attrs.frozen
class RepeatHit:
    """A sentence that repeats a claim: offsets into the text, the reference it is
    closest to (0 for the statement, n for the claim's n-th quote) and the score."""

    claim: int
    reference: int
    start: int
    end: int
    score: float


@attrs.frozen(eq=False)
class RepeatIndex:
    """The ledger's references as weighted term sets, with postings of the rarer terms."""

    references: tuple[tuple[int, int, frozenset[str]], ...]
    weights: dict[str, float] = attrs.field(repr=False)
    postings: dict[str, tuple[int, ...]] = attrs.field(repr=False)
    totals: tuple[float, ...] = attrs.field(repr=False)
    needed: tuple[int, ...] = attrs.field(repr=False)
    """Rare terms a document must share with each reference to be scored: half of the
    reference's, and at least :data:`MIN_SHARED`."""

    @classmethod
    def build(cls, claims: Iterable[Any]) -> RepeatIndex:
        """From claims: :class:`~claimledger.trace.patterns.TracedClaim` values or
        ``(id, statement, quotes)`` triples."""
        references: list[tuple[int, int, frozenset[str]]] = []
        for index, claim in enumerate(claims):
            statement, quotes = (
                (claim[1], claim[2])
                if isinstance(claim, tuple)
                else (
                    claim.statement,
                    claim.quotes,
                )
            )
            for position, text in enumerate((statement, *quotes)):
                terms = stems(text)
                if len(terms) >= MIN_SHARED:
                    references.append((index, position, terms))
        df: Counter[str] = Counter()
        for _, _, terms in references:
            df.update(terms)
        n = len(references)
        weights = {term: math.log(1 + n / count) for term, count in df.items()}
        postings: dict[str, list[int]] = {}
        cap = max(2, int(MAX_POSTINGS * n))
        for ref, (_, _, terms) in enumerate(references):
            for term in terms:
                if df[term] <= cap:
                    postings.setdefault(term, []).append(ref)
        totals = tuple(sum(weights[t] for t in terms) for _, _, terms in references)
        rare = Counter(ref for refs in postings.values() for ref in refs)
        needed = tuple(max(MIN_SHARED, math.ceil(rare[ref] / 2)) for ref in range(len(references)))
        return cls(
            tuple(references),
            weights,
            {term: tuple(refs) for term, refs in postings.items()},
            totals,
            needed,
        )

    def score(self, reference: int, sentence: frozenset[str], text: str = "") -> float:
        """The weighted Dice of reference ``reference`` and a sentence's terms."""
        _, _, terms = self.references[reference]
        total = self.totals[reference]
        mean = total / len(terms)
        weights = self.weights
        shared = sum(weights[t] for t in terms & sentence)
        own = sum(weights.get(t, mean) if t not in terms else weights[t] for t in sentence)
        return 2 * shared / (total + own) if total + own else 0.0

    def candidates(self, terms: frozenset[str]) -> list[int]:
        """References sharing enough rare terms with ``terms`` (see :attr:`needed`)."""
        postings = self.postings
        counts: Counter[int] = Counter()
        for term in terms & postings.keys():
            counts.update(postings[term])
        needed = self.needed
        return sorted(ref for ref, count in counts.items() if count >= needed[ref])

    def repeats(
        self, text: str, *, scorer: RepeatScorer | None = None, threshold: float = REPEAT_THRESHOLD
    ) -> list[RepeatHit]:
        """The sentences of ``text`` that repeat a claim: per claim and sentence, the
        best-scoring reference, in text order."""
        if not self.candidates(stems(text)):
            return []
        scorer = scorer or self
        best: dict[tuple[int, int], RepeatHit] = {}
        for start, end in sentences(text):
            terms = stems(text[start:end])
            if len(terms) < MIN_SHARED:
                continue
            # The same test as for the document, now for the sentence alone.
            for ref in self.candidates(terms):
                claim, position, _ = self.references[ref]
                score = scorer.score(ref, terms, text[start:end])
                if score >= threshold:
                    hit = RepeatHit(claim, position, start, end, score)
                    known = best.get((claim, start))
                    if known is None or score > known.score:
                        best[(claim, start)] = hit
        return sorted(best.values(), key=lambda h: (h.start, h.claim))
