"""The map: trace every claim through one shard. The same function runs in-process, in a
local worker process or on a Dask worker; it reads one document at a time.

A document costs its skeleton and one pass of the automaton
(:mod:`claimledger.trace.patterns`); only documents that may hold a quote are
normalised and anchored, and only documents sharing rare terms with a claim have their
sentences scored for repeats.
"""

from __future__ import annotations

import os
import resource
import socket
import time
from collections.abc import Sequence

import attrs

from claimledger.anchor import Closest, Match, SourceText, anchor, normalise
from claimledger.anchor.closest import closest
from claimledger.anchor.pattern import plain
from claimledger.dates import PartialDate
from claimledger.findings import Finding
from claimledger.trace.appearance import ArchiveAppearance, ShardResult, ShardStats, changes
from claimledger.trace.archive import ArchiveDocument, Shard, iter_documents
from claimledger.trace.patterns import Patterns
from claimledger.trace.skeleton import skeleton

__all__ = ["Options", "trace_document", "trace_shard"]


@attrs.frozen
class Options:
    """What to look for, and since when."""

    variants: bool = True
    """Approximate matches of quotes (a word or two changed)."""
    repeats: bool = True
    """The claim said in other words."""
    since: PartialDate | None = None
    """Only documents published on or after this date (undated ones are left out)."""


def trace_shard(patterns: Patterns, shard: Shard, options: Options) -> ShardResult:
    """Every appearance of every claim in ``shard``, and the shard's problems."""
    started, cpu = time.perf_counter(), time.process_time()
    problems: list[Finding] = []
    found: list[ArchiveAppearance] = []
    documents = characters = 0
    for document in iter_documents(shard, problems):
        if options.since is not None and (
            document.published is None or document.published.last < options.since.first
        ):
            continue
        documents += 1
        characters += len(document.text)
        found += trace_document(patterns, document, options)
    stats = ShardStats(
        shard=shard.path,
        documents=documents,
        characters=characters,
        seconds=time.perf_counter() - started,
        cpu_seconds=time.process_time() - cpu,
        peak_memory=_peak_memory(),
        worker=f"{socket.gethostname()}:{os.getpid()}",
    )
    return ShardResult(tuple(found), tuple(problems), stats)


def trace_document(
    patterns: Patterns, document: ArchiveDocument, options: Options
) -> list[ArchiveAppearance]:
    """The appearances of every claim in one document, in no particular order."""
    text = document.text
    candidates = patterns.candidates(skeleton(text), approximate=options.variants)
    source: SourceText | None = None
    found: list[ArchiveAppearance] = []
    for index in sorted(candidates):
        quote = patterns.quotes[index]
        source = source or SourceText.build(text)
        claim = patterns.claims[quote.claim].id
        anchoring = anchor(quote.text, source)
        for match in anchoring.matches:
            found.append(
                _appearance(
                    document,
                    claim,
                    match.kind,
                    100.0,
                    match.start,
                    match.end,
                    match.paragraph,
                    quote.quote,
                )
            )
        closest = anchoring.closest
        if anchoring.matches and options.variants and quote.chunks_needed:
            closest = _closest_elsewhere(quote.text, text, anchoring.matches)
        if closest is not None and options.variants:
            variant = _appearance(
                document,
                claim,
                "variant",
                closest.similarity,
                closest.start,
                closest.end,
                closest.paragraph,
                quote.quote,
            )
            found.append(attrs.evolve(variant, changes=changes(quote.text, closest.text)))
    if options.repeats:
        quoted = {(a.claim, a.start, a.end) for a in found}
        for hit in patterns.repeats.repeats(text):
            claim = patterns.claims[hit.claim].id
            if any(c == claim and s < hit.end and hit.start < e for c, s, e in quoted):
                continue  # the quote itself, already reported as such
            source = source or SourceText.build(text)
            found.append(
                _appearance(
                    document,
                    claim,
                    "repeat",
                    round(100 * hit.score, 1),
                    hit.start,
                    hit.end,
                    source.paragraph_at(hit.start),
                    hit.reference or None,
                )
            )
    return found


def _closest_elsewhere(quote: str, text: str, matches: Sequence[Match]) -> Closest | None:
    """The passage most like ``quote`` outside the places it is found: another outlet's
    wording in the same document. The matches are blanked out, offsets kept."""
    pieces: list[str] = []
    at = 0
    for match in matches:
        pieces += (text[at : match.start], " " * (match.end - match.start))
        at = max(at, match.end)
    pieces.append(text[at:])
    return closest(plain(normalise(quote.strip())), SourceText.build("".join(pieces)))


def _appearance(
    document: ArchiveDocument,
    claim: str,
    kind: str,
    score: float,
    start: int,
    end: int,
    paragraph: int,
    quote: int | None,
) -> ArchiveAppearance:
    return ArchiveAppearance(
        claim=claim,
        kind=kind,  # type: ignore[arg-type]
        score=score,
        document=document.id,
        shard=document.shard,
        line=document.line,
        start=start,
        end=end,
        paragraph=paragraph,
        text=document.text[start:end],
        quote=quote,
        url=document.url,
        published=None if document.published is None else str(document.published),
        title=document.title,
        publisher=document.publisher,
    )


def _peak_memory() -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
