"""The indexes behind :class:`~claimledger.query.ClaimSet`, built once per loaded ledger.

Every filter is a dictionary look-up or a slice of a sorted array that yields a set of
claim positions; composing filters intersects those sets. A 10,000-claim ledger is
indexed in one pass over its claims, and no filter looks at a claim it does not return.
"""

from __future__ import annotations

import datetime as _dt
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal

import attrs

from claimledger.dates import PartialDate
from claimledger.models import Source, Speaker
from claimledger.query.names import QueryError, name_key, suggest

# The resolved claims' module loads when a claim is built: a table of results builds none.
if TYPE_CHECKING:
    from claimledger.resolved import ResolvedClaim

__all__ = ["ClaimIndex", "ClaimSummary", "Role", "summaries_from_json", "summaries_to_json"]

Role = Literal["quoting", "supported_by", "contradicted_by", "context"]
Members = frozenset[int]


def _grouped(pairs: Iterable[tuple[str, int]]) -> dict[str, Members]:
    groups: defaultdict[str, set[int]] = defaultdict(set)
    for key, position in pairs:
        groups[key].add(position)
    return {key: frozenset(members) for key, members in groups.items()}


@attrs.frozen
class ClaimSummary:
    """What a table of claims shows of one: id, speaker id, date as written, verdict
    rating, statement. Read from the ledger's stored index without building the claim."""

    id: str
    speaker: str
    said_on: str | None
    verdict: str | None
    statement: str

    @classmethod
    def of(cls, claim: ResolvedClaim) -> ClaimSummary:
        said, verdict = claim.said_on, claim.verdict
        return cls(
            claim.id,
            claim.speaker.id,
            None if said is None else str(said),
            None if verdict is None else verdict.rating,
            claim.statement,
        )


def summaries_to_json(summaries: Sequence[ClaimSummary]) -> list[list[str | None]]:
    """Summaries as columns of plain data."""
    return [
        [s.id for s in summaries],
        [s.speaker for s in summaries],
        [s.said_on for s in summaries],
        [s.verdict for s in summaries],
        [s.statement for s in summaries],
    ]


def summaries_from_json(data: Any) -> tuple[ClaimSummary, ...]:
    """What :func:`summaries_to_json` wrote."""
    ids, speakers, said, verdicts, statements = data
    return tuple(map(ClaimSummary, ids, speakers, said, verdicts, statements))


def _members(data: Any) -> Members:
    return frozenset(map(int, data))


def _groups(data: Any) -> dict[str, Members]:
    return {str(key): _members(value) for key, value in data.items()}


@attrs.frozen(eq=False)
class _Dates:
    """Dated claims' positions sorted by first and by last possible day (as ordinals)."""

    firsts: tuple[int, ...]
    by_first: tuple[int, ...]
    lasts: tuple[int, ...]
    by_last: tuple[int, ...]

    @classmethod
    def build(cls, claims: tuple[ResolvedClaim, ...]) -> _Dates:
        dated = [(c.said_on, i) for i, c in enumerate(claims) if c.said_on is not None]
        firsts = sorted((d.first.toordinal(), i) for d, i in dated)
        lasts = sorted((d.last.toordinal(), i) for d, i in dated)
        return cls(
            tuple(day for day, _ in firsts),
            tuple(i for _, i in firsts),
            tuple(day for day, _ in lasts),
            tuple(i for _, i in lasts),
        )

    def to_json(self) -> list[Any]:
        return [list(self.firsts), list(self.by_first), list(self.lasts), list(self.by_last)]

    @classmethod
    def from_json(cls, data: Any) -> _Dates:
        firsts, by_first, lasts, by_last = (tuple(map(int, column)) for column in data)
        return cls(firsts, by_first, lasts, by_last)

    def first_from(self, day: _dt.date) -> Members:
        return frozenset(self.by_first[bisect_left(self.firsts, day.toordinal()) :])

    def first_through(self, day: _dt.date) -> Members:
        return frozenset(self.by_first[: bisect_right(self.firsts, day.toordinal())])

    def last_from(self, day: _dt.date) -> Members:
        return frozenset(self.by_last[bisect_left(self.lasts, day.toordinal()) :])

    def last_through(self, day: _dt.date) -> Members:
        return frozenset(self.by_last[: bisect_right(self.lasts, day.toordinal())])


def as_date(value: str | PartialDate | _dt.date) -> PartialDate:
    """A query bound as a date: an EDTF string (``2016``, ``2016-10``, ``2019/..``...) or a date."""
    if isinstance(value, PartialDate):
        return value
    if isinstance(value, _dt.date):
        return PartialDate.of(value.year, value.month, value.day)
    try:
        return PartialDate.parse(value)
    except ValueError as exc:
        raise QueryError(str(exc)) from None


@attrs.frozen(eq=False)
class ClaimIndex:
    """A loaded ledger's claims and every index the filters use. Build with :meth:`build`,
    or read back what :meth:`to_json` wrote with :meth:`from_json`.

    ``claims`` may build each claim when first used (read from a stored index): the
    filters read only the indexes, and a table of results only ``summaries``.
    """

    claims: Sequence[ResolvedClaim]
    summaries: Sequence[ClaimSummary]
    speakers: Mapping[str, Speaker]
    sources: Mapping[str, Source]
    ratings: tuple[str, ...]
    positions: Mapping[str, int]
    by_speaker: Mapping[str, Members]
    by_source: Mapping[Role, Mapping[str, Members]]
    by_topic: Mapping[str, Members]
    by_verdict: Mapping[str, Members]
    contradicted: Members
    #: Claims that dispute another claim or are disputed by one.
    disputed: Members
    neighbours: Mapping[int, Members]
    dates: _Dates
    #: Speaker ids by the key of every id, name and reported-as name.
    speaker_names: Mapping[str, frozenset[str]]
    #: Speaker ids by the id of the speaker they are identified as.
    identified_by: Mapping[str, frozenset[str]]

    @classmethod
    def build(
        cls,
        claims: tuple[ResolvedClaim, ...],
        speakers: Mapping[str, Speaker],
        sources: Mapping[str, Source],
        ratings: Iterable[str],
    ) -> ClaimIndex:
        """Index ``claims`` (unique ids; references already resolved)."""
        positions = {claim.id: i for i, claim in enumerate(claims)}
        edges: defaultdict[int, set[int]] = defaultdict(set)
        disputed: set[int] = set()
        for i, claim in enumerate(claims):
            for link in claim.related:
                j = positions.get(link.claim)
                # Relations are symmetric: a claim listing another relates both ways,
                # and a dispute recorded on one side is a dispute of both.
                if j is not None and j != i:
                    edges[i].add(j)
                    edges[j].add(i)
                    if link.relation == "disputes":
                        disputed.update((i, j))
        enum = list(enumerate(claims))
        by_source: dict[Role, dict[str, Members]] = {
            "quoting": _grouped((q.source.id, i) for i, c in enum for q in c.quotes),
            "supported_by": _grouped((e.source.id, i) for i, c in enum for e in c.supports),
            "contradicted_by": _grouped((e.source.id, i) for i, c in enum for e in c.contradicts),
            "context": _grouped((e.source.id, i) for i, c in enum for e in c.context),
        }
        names = _grouped_ids(
            (name_key(text), speaker.id)
            for speaker in speakers.values()
            for text in (speaker.id, speaker.name, *(a.name for a in speaker.reported_as))
            if text
        )
        identified_by = _grouped_ids(
            (s.identified_as.speaker, s.id) for s in speakers.values() if s.identified_as
        )
        used = (c.verdict.rating for c in claims if c.verdict is not None)
        return cls(
            claims=claims,
            summaries=tuple(map(ClaimSummary.of, claims)),
            speakers=speakers,
            sources=sources,
            ratings=tuple(dict.fromkeys([*ratings, *used])),
            positions=positions,
            by_speaker=_grouped((c.speaker.id, i) for i, c in enum),
            by_source=by_source,
            by_topic=_grouped((t, i) for i, c in enum for t in c.topics),
            by_verdict=_grouped((c.verdict.rating, i) for i, c in enum if c.verdict),
            contradicted=frozenset(i for i, c in enum if c.contradicts),
            disputed=frozenset(disputed),
            neighbours={i: frozenset(js) for i, js in edges.items()},
            dates=_Dates.build(claims),
            speaker_names=names,
            identified_by=identified_by,
        )

    def to_json(self) -> dict[str, Any]:
        """The indexes as plain data (claims, speakers and sources left out)."""

        def groups(found: Mapping[str, Iterable[Any]]) -> dict[str, list[Any]]:
            return {key: sorted(value) for key, value in found.items()}

        return {
            "ids": [summary.id for summary in self.summaries],
            "ratings": list(self.ratings),
            "by_speaker": groups(self.by_speaker),
            "by_source": {role: groups(found) for role, found in self.by_source.items()},
            "by_topic": groups(self.by_topic),
            "by_verdict": groups(self.by_verdict),
            "contradicted": sorted(self.contradicted),
            "disputed": sorted(self.disputed),
            "neighbours": [[i, sorted(js)] for i, js in self.neighbours.items()],
            "dates": self.dates.to_json(),
            "speaker_names": groups(self.speaker_names),
            "identified_by": groups(self.identified_by),
        }

    @classmethod
    def from_json(
        cls,
        data: Any,
        claims: Sequence[ResolvedClaim],
        summaries: Sequence[ClaimSummary],
        speakers: Mapping[str, Speaker],
        sources: Mapping[str, Source],
    ) -> ClaimIndex:
        """The index :meth:`to_json` wrote, over ``claims`` and their ``summaries`` (in
        the same order)."""
        ids = list(map(str, data["ids"]))
        if len(ids) != len(claims):
            raise ValueError("the index does not describe these claims")

        def names(found: Any) -> dict[str, frozenset[str]]:
            return {str(key): frozenset(map(str, value)) for key, value in found.items()}

        by_source: dict[Any, Mapping[str, Members]] = {
            role: _groups(data["by_source"][role])
            for role in ("quoting", "supported_by", "contradicted_by", "context")
        }
        return cls(
            claims=claims,
            summaries=summaries,
            speakers=speakers,
            sources=sources,
            ratings=tuple(map(str, data["ratings"])),
            positions={claim_id: i for i, claim_id in enumerate(ids)},
            by_speaker=_groups(data["by_speaker"]),
            by_source=by_source,
            by_topic=_groups(data["by_topic"]),
            by_verdict=_groups(data["by_verdict"]),
            contradicted=_members(data["contradicted"]),
            disputed=_members(data["disputed"]),
            neighbours={int(i): _members(js) for i, js in data["neighbours"]},
            dates=_Dates.from_json(data["dates"]),
            speaker_names=names(data["speaker_names"]),
            identified_by=names(data["identified_by"]),
        )

    # -- resolving the names a query uses ------------------------------------------------

    def speakers_named(self, name: str, *, identified: bool = True) -> tuple[Speaker, ...]:
        """The speakers ``name`` refers to (see :meth:`ClaimSet.by_speaker`)."""
        found = self.speaker_names.get(name_key(name))
        if not found:
            known = [
                text
                for s in self.speakers.values()
                for text in (s.id, s.name, *(a.name for a in s.reported_as))
                if text
            ]
            raise QueryError(f"no speaker is known as {name!r}", suggest(name, known))
        ids = set(found)
        frontier = list(found) if identified else []
        while frontier:  # identifications may chain: an unnamed aide identified as another
            for other in self.identified_by.get(frontier.pop(), ()):
                if other not in ids:
                    ids.add(other)
                    frontier.append(other)
        return tuple(s for s in self.speakers.values() if s.id in ids)

    def position(self, claim_id: str) -> int:
        """Where the claim with this id is; QueryError with suggestions if there is none."""
        position = self.positions.get(claim_id)
        if position is None:
            raise QueryError(f"no claim {claim_id!r}", suggest(claim_id, self.positions))
        return position

    def source_id(self, source_id: str) -> str:
        if source_id not in self.sources:
            raise QueryError(f"no source {source_id!r}", suggest(source_id, self.sources))
        return source_id

    def topic(self, topic: str) -> Members:
        if topic not in self.by_topic:
            raise QueryError(f"no claim has topic {topic!r}", suggest(topic, self.by_topic))
        return self.by_topic[topic]

    def verdict(self, rating: str) -> Members:
        if rating not in self.ratings:
            message = f"{rating!r} is not a rating of this ledger"
            raise QueryError(message, suggest(rating, self.ratings))
        return self.by_verdict.get(rating, frozenset())

    def related(self, position: int, *, transitive: bool) -> Members:
        """Claims related to the one at ``position``: directly, or by any chain of relations."""
        direct = self.neighbours.get(position, frozenset())
        if not transitive:
            return direct
        seen = {position}
        frontier = list(direct)
        while frontier:
            current = frontier.pop()
            if current not in seen:
                seen.add(current)
                frontier.extend(self.neighbours.get(current, ()))
        return frozenset(seen - {position})


def _grouped_ids(pairs: Iterable[tuple[str, str]]) -> dict[str, frozenset[str]]:
    groups: defaultdict[str, dict[str, None]] = defaultdict(dict)
    for key, value in pairs:
        groups[key][value] = None
    return {key: frozenset(values) for key, values in groups.items()}
