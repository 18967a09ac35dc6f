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
from typing import Any, Literal

import attrs

from claimledger.dates import PartialDate
from claimledger.models import Source, Speaker
from claimledger.query.names import QueryError, name_key, suggest
from claimledger.resolved import ResolvedClaim

__all__ = ["ClaimFacts", "ClaimIndex", "Role"]

Role = Literal["quoting", "supported_by", "contradicted_by", "context"]
Members = frozenset[int]


def _grouped(pairs: Iterable[tuple[str, int]]) -> dict[str, Members]:
    groups: defaultdict[str, set[int]] = defaultdict(set)
    for key, position in pairs:
        groups[key].add(position)
    return {key: frozenset(members) for key, members in groups.items()}


@attrs.frozen
class ClaimFacts:
    """What the filters and a table of results read of one resolved claim: ids and
    plain values, so that a stored index answers a query without building claims."""

    id: str
    speaker: str
    statement: str
    #: ``said_on`` as written, and its first and last possible days (ordinals).
    said_on: str | None
    days: tuple[int, int] | None
    topics: tuple[str, ...]
    verdict: str | None
    #: The source ids the claim cites in each role (quotes, support, contradiction, context).
    quoting: tuple[str, ...]
    supported_by: tuple[str, ...]
    contradicted_by: tuple[str, ...]
    context: tuple[str, ...]
    #: The claims it lists as related (resolved ones only), with the relation stated.
    related: tuple[tuple[str, str | None], ...]

    @classmethod
    def of(cls, claim: ResolvedClaim) -> ClaimFacts:
        said = claim.said_on
        return cls(
            id=claim.id,
            speaker=claim.speaker.id,
            statement=claim.statement,
            said_on=None if said is None else str(said),
            days=None if said is None else (said.first.toordinal(), said.last.toordinal()),
            topics=claim.topics,
            verdict=None if claim.verdict is None else claim.verdict.rating,
            quoting=tuple(q.source.id for q in claim.quotes),
            supported_by=tuple(e.source.id for e in claim.supports),
            contradicted_by=tuple(e.source.id for e in claim.contradicts),
            context=tuple(e.source.id for e in claim.context),
            related=tuple((link.claim, link.relation) for link in claim.related),
        )

    def to_json(self) -> list[Any]:
        return [
            self.id,
            self.speaker,
            self.statement,
            self.said_on,
            None if self.days is None else list(self.days),
            list(self.topics),
            self.verdict,
            list(self.quoting),
            list(self.supported_by),
            list(self.contradicted_by),
            list(self.context),
            [list(link) for link in self.related],
        ]

    @classmethod
    def from_json(cls, data: Any) -> ClaimFacts:
        """Facts written by :meth:`to_json`; TypeError or ValueError if ``data`` is not."""
        (id_, speaker, statement, said_on, days, topics, verdict, *roles, related) = data
        quoting, supported_by, contradicted_by, context = (tuple(map(str, r)) for r in roles)
        return cls(
            id=str(id_),
            speaker=str(speaker),
            statement=str(statement),
            said_on=None if said_on is None else str(said_on),
            days=None if days is None else (int(days[0]), int(days[1])),
            topics=tuple(map(str, topics)),
            verdict=None if verdict is None else str(verdict),
            quoting=quoting,
            supported_by=supported_by,
            contradicted_by=contradicted_by,
            context=context,
            related=tuple((str(c), None if r is None else str(r)) for c, r in related),
        )


@attrs.frozen(eq=False)
class _Dates:
    """Dated claims' positions sorted by first and by last possible day (as ordinals)."""

    firsts: tuple[int, ...]
    by_first: tuple[int, ...]
    lasts: tuple[int, ...]
    by_last: tuple[int, ...]

    @classmethod
    def build(cls, facts: Sequence[ClaimFacts]) -> _Dates:
        dated = [(f.days, i) for i, f in enumerate(facts) if f.days is not None]
        firsts = sorted((first, i) for (first, _), i in dated)
        lasts = sorted((last, i) for (_, last), i in dated)
        return cls(
            tuple(day for day, _ in firsts),
            tuple(i for _, i in firsts),
            tuple(day for day, _ in lasts),
            tuple(i for _, i in lasts),
        )

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
    """A loaded ledger's claims and every index the filters use. Build with :meth:`build`.

    ``claims`` may build each claim on first use (from a stored index): the filters read
    only ``facts``.
    """

    claims: Sequence[ResolvedClaim]
    facts: Sequence[ClaimFacts]
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
        claims: Sequence[ResolvedClaim],
        speakers: Mapping[str, Speaker],
        sources: Mapping[str, Source],
        ratings: Iterable[str],
        facts: Sequence[ClaimFacts] | None = None,
    ) -> ClaimIndex:
        """Index ``claims`` (unique ids; references already resolved), or their ``facts``
        when given (then no claim is looked at)."""
        if facts is None:
            facts = tuple(map(ClaimFacts.of, claims))
        positions = {f.id: i for i, f in enumerate(facts)}
        edges: defaultdict[int, set[int]] = defaultdict(set)
        disputed: set[int] = set()
        for i, fact in enumerate(facts):
            for other, relation in fact.related:
                j = positions.get(other)
                # Relations are symmetric: a claim listing another relates both ways,
                # and a dispute recorded on one side is a dispute of both.
                if j is not None and j != i:
                    edges[i].add(j)
                    edges[j].add(i)
                    if relation == "disputes":
                        disputed.update((i, j))
        enum = list(enumerate(facts))
        by_source: dict[Role, dict[str, Members]] = {
            "quoting": _grouped((s, i) for i, f in enum for s in f.quoting),
            "supported_by": _grouped((s, i) for i, f in enum for s in f.supported_by),
            "contradicted_by": _grouped((s, i) for i, f in enum for s in f.contradicted_by),
            "context": _grouped((s, i) for i, f in enum for s in f.context),
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
        used = (f.verdict for f in facts if f.verdict is not None)
        return cls(
            claims=claims,
            facts=facts,
            speakers=speakers,
            sources=sources,
            ratings=tuple(dict.fromkeys([*ratings, *used])),
            positions=positions,
            by_speaker=_grouped((f.speaker, i) for i, f in enum),
            by_source=by_source,
            by_topic=_grouped((t, i) for i, f in enum for t in f.topics),
            by_verdict=_grouped((f.verdict, i) for i, f in enum if f.verdict is not None),
            contradicted=frozenset(i for i, f in enum if f.contradicted_by),
            disputed=frozenset(disputed),
            neighbours={i: frozenset(js) for i, js in edges.items()},
            dates=_Dates.build(facts),
            speaker_names=names,
            identified_by=identified_by,
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
