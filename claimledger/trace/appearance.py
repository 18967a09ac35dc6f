"""What trace finds: an appearance of a claim in an archive document.

``kind`` says how the passage relates to the claim:

- ``exact``, ``normalised``, ``elided``, ``bracketed``: one of the claim's quotes, as
  :func:`claimledger.anchor.anchor` matches it (the same words; score 100);
- ``variant``: the passage most like a quote, above the anchoring threshold, but not
  the same words: ``changes`` lists the words that differ (score: similarity, 0-100);
- ``repeat``: a sentence that says the claim in other words
  (:mod:`claimledger.trace.repeats`; score: weighted Dice × 100).

Offsets are code points into the document's text, ``start`` inclusive, ``end``
exclusive; ``paragraph`` is 1-based (lines with text, as anchoring counts them).
"""

# ruff: noqa: RUF002 - typographic marks are what trace reads past.

from __future__ import annotations

from typing import Any, Literal

import attrs

from claimledger.anchor import variants
from claimledger.models import AppearanceKind

__all__ = ["SAME_WORDS", "ArchiveAppearance", "Change", "ShardResult", "ShardStats", "changes"]


#: The kinds that are a claim's quote in the same words.
SAME_WORDS: frozenset[str] = frozenset({"exact", "normalised", "elided", "bracketed"})


@attrs.frozen
class Change:
    """A run of words that differs: the quote's (``quote``) and the passage's."""

    op: Literal["replace", "insert", "delete"]
    quote: tuple[str, ...]
    passage: tuple[str, ...]


@attrs.frozen
class ArchiveAppearance:
    """A passage of an archive document where a claim appears."""

    claim: str
    kind: AppearanceKind
    score: float
    document: str
    shard: str
    line: int
    start: int
    end: int
    paragraph: int
    text: str
    quote: int | None = None
    """The claim's quote (1-based) the passage matches or is closest to; for a repeat,
    ``None`` when it is closest to the statement."""
    url: str | None = None
    published: str | None = None
    title: str | None = None
    publisher: str | None = None
    changes: tuple[Change, ...] = ()

    def to_dict(self, *, earliest: bool = False) -> dict[str, Any]:
        """Plain data for one JSON line; ``earliest`` marks the claim's earliest dated."""
        data = attrs.asdict(self, recurse=True)
        data["changes"] = [attrs.asdict(c) for c in self.changes]
        for change in data["changes"]:
            change["quote"], change["passage"] = list(change["quote"]), list(change["passage"])
        data["earliest"] = earliest
        return data


def changes(quote: str, passage: str) -> tuple[Change, ...]:
    """The runs of words by which ``passage`` differs from ``quote``.

    >>> changes("Both the US and British governments were slow",
    ...         "Both the US and British authorities were slow.")
    (Change(op='replace', quote=('governments',), passage=('authorities',)),)
    """
    compared = variants([("quote", quote), ("passage", passage)])
    flipped = compared.reference != "quote"
    found = []
    for op in compared.variants[0].changes:
        base, other = (op.other, op.base) if flipped else (op.base, op.other)
        kind = op.op
        if flipped and kind in ("insert", "delete"):
            kind = "delete" if kind == "insert" else "insert"
        assert kind != "equal"
        found.append(Change(kind, base, other))
    return tuple(found)


@attrs.frozen
class ShardStats:
    """What one map task did: for throughput and memory figures, not for the output."""

    shard: str
    documents: int
    characters: int
    seconds: float
    cpu_seconds: float
    peak_memory: int
    """The worker's peak resident memory in bytes when the task ended (0 if unknown)."""
    worker: str


@attrs.frozen
class ShardResult:
    """The output of the map over one shard: appearances, problems, stats."""

    appearances: tuple[ArchiveAppearance, ...]
    problems: tuple[Any, ...]
    stats: ShardStats
