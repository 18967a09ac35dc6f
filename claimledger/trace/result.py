"""The reduce: appearances by claim, in a fixed order, with each claim's earliest dated.

The order does not depend on which worker finished first: claims in ledger order, then
appearances by date (undated last), shard, line in the shard, offsets and kind. So the
JSON Lines and the report are byte for byte the same under every scheduler.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

import attrs

from claimledger.dates import PartialDate
from claimledger.findings import Finding
from claimledger.trace.appearance import ArchiveAppearance, ShardResult, ShardStats

__all__ = ["Trace", "collect", "is_trace_output"]


def is_trace_output(head: str) -> bool:
    """Whether a file beginning with ``head`` is JSON Lines ``claimledger trace`` wrote
    (each line an appearance, whose first key is its claim)."""
    return head.startswith('{"claim": ')


_KIND_ORDER = ("exact", "normalised", "elided", "bracketed", "variant", "repeat")


@attrs.frozen
class Trace:
    """Every appearance found, the archive's problems, and what each map task did."""

    claims: tuple[str, ...]
    appearances: tuple[ArchiveAppearance, ...]
    problems: tuple[Finding, ...]
    stats: tuple[ShardStats, ...] = attrs.field(eq=False)

    def by_claim(self) -> dict[str, list[ArchiveAppearance]]:
        """Each claim with appearances (in ledger order) and its appearances."""
        grouped: dict[str, list[ArchiveAppearance]] = {}
        for appearance in self.appearances:
            grouped.setdefault(appearance.claim, []).append(appearance)
        return grouped

    def earliest(self) -> dict[str, ArchiveAppearance]:
        """Each claim's earliest dated appearance: the first of the earliest
        publication date (a partial date counts from its first day)."""
        first: dict[str, ArchiveAppearance] = {}
        for appearance in self.appearances:  # dated ones come first, earliest first
            if appearance.published is not None and appearance.claim not in first:
                first[appearance.claim] = appearance
        return first

    def jsonl(self) -> str:
        """One JSON object per appearance, per line."""
        earliest = {id(a) for a in self.earliest().values()}
        return "".join(
            json.dumps(a.to_dict(earliest=id(a) in earliest), ensure_ascii=False) + "\n"
            for a in self.appearances
        )


def collect(claims: Sequence[str], results: Iterable[ShardResult]) -> Trace:
    """Reduce the map's results into one :class:`Trace`."""
    order = {claim: index for index, claim in enumerate(claims)}
    appearances: list[ArchiveAppearance] = []
    problems: list[Finding] = []
    stats: list[ShardStats] = []
    for result in results:
        appearances += result.appearances
        problems += result.problems
        stats.append(result.stats)
    appearances.sort(key=lambda a: _sort_key(order, a))
    problems.sort(key=Finding.sort_key)
    stats.sort(key=lambda s: s.shard)
    return Trace(tuple(claims), tuple(appearances), tuple(problems), tuple(stats))


def _sort_key(order: dict[str, int], a: ArchiveAppearance) -> tuple[object, ...]:
    dated = PartialDate.parse(a.published) if a.published else None
    when = (0, dated.first.isoformat(), dated.last.isoformat()) if dated else (1, "", "")
    return (
        order.get(a.claim, len(order)),
        a.claim,
        *when,
        a.shard,
        a.line,
        a.document,
        a.start,
        a.end,
        _KIND_ORDER.index(a.kind),
        a.quote or 0,
    )
