"""Trace every claim of a ledger through an archive: where else it was said or reported,
and where first.

The work is a map over the archive's shards and a reduce by claim:

1. :class:`Patterns` compiles the ledger once: each quote that gives the speaker's
   words (kind ``direct``; not ``partial``, ``paraphrase`` or ``headline``) as
   skeletons in one Aho-Corasick automaton
   (:mod:`~claimledger.trace.patterns`), and every statement and quote as weighted
   term sets for repeats (:mod:`~claimledger.trace.repeats`);
2. :func:`~claimledger.trace.shard.trace_shard` reads one shard a document at a time
   and anchors the quotes the automaton proposes with :func:`claimledger.anchor.anchor`
   (so kinds, offsets and paragraphs are anchoring's), reports the closest passage
   above the anchoring threshold as a ``variant`` with the words that differ, and
   scores the sentences that share rare terms with a claim for ``repeat``;
3. :func:`~claimledger.trace.result.collect` sorts everything by claim, date and
   place, so the result is the same whichever scheduler ran the map
   (:mod:`~claimledger.trace.schedulers`: in-process, local processes, Dask).

>>> import json, pathlib, tempfile
>>> archive = pathlib.Path(tempfile.mkdtemp()) / "news.jsonl"
>>> _ = archive.write_text(json.dumps({"id": "n1", "published": "2022-03-01",
...     "text": "He said in 2016: “Obviously, the focus on Russian atrocities "
...             "diverts attention.”"}) + "\\n")
>>> patterns = Patterns.build([("c", "Focus on Russia diverts attention.",
...                             ["The focus on Russian atrocities diverts attention"])])
>>> result = trace(patterns, [str(archive)], scheduler="inprocess")
>>> [(a.claim, a.kind, a.document, a.published, a.start, a.end) for a in result.appearances]
[('c', 'normalised', 'n1', '2022-03-01', 29, 78)]
"""

from __future__ import annotations

from collections.abc import Sequence

from claimledger.query import Ledger
from claimledger.trace.appearance import ArchiveAppearance, Change, ShardResult, ShardStats
from claimledger.trace.archive import ArchiveDocument, ArchiveError, Shard, find_shards
from claimledger.trace.patterns import Patterns, TracedClaim
from claimledger.trace.repeats import REPEAT_THRESHOLD, RepeatIndex, RepeatScorer
from claimledger.trace.result import Trace, collect
from claimledger.trace.schedulers import SCHEDULERS, SchedulerError, run_map
from claimledger.trace.shard import Options, trace_shard

__all__ = [
    "REPEAT_THRESHOLD",
    "SCHEDULERS",
    "ArchiveAppearance",
    "ArchiveDocument",
    "ArchiveError",
    "Change",
    "Options",
    "Patterns",
    "RepeatIndex",
    "RepeatScorer",
    "SchedulerError",
    "Shard",
    "ShardResult",
    "ShardStats",
    "Trace",
    "TracedClaim",
    "find_shards",
    "patterns_for",
    "trace",
    "trace_shard",
]


def patterns_for(ledger: Ledger) -> Patterns:
    """The patterns of every claim of a loaded ledger (:func:`claimledger.load`)."""
    return Patterns.build(
        TracedClaim(
            id=claim.id,
            statement=claim.statement,
            quotes=tuple(quote.text for quote in claim.quotes),
            traced=tuple(quote.is_direct for quote in claim.quotes),
        )
        for claim in ledger.claims
    )


def trace(
    patterns: Patterns,
    archive: Sequence[str],
    *,
    options: Options | None = None,
    scheduler: str = "processes",
    workers: int | None = None,
) -> Trace:
    """Trace ``patterns``' claims through the shards found under ``archive`` (paths)."""
    shards = find_shards(archive)
    results = run_map(patterns, shards, options or Options(), scheduler, workers)
    return collect([claim.id for claim in patterns.claims], results)
