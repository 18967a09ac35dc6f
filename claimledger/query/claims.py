"""Composable, typed filters over a ledger's claims.

A :class:`ClaimSet` is an immutable set of claims of one loaded ledger, iterated in
ledger order (file, then position in the file). Every filter returns a new set, so
filters chain, and sets combine with ``&``, ``|`` and ``-``:

>>> from claimledger.query import load
>>> claims = load("tests/examples/clean", cache=False).claims
>>> claims.where(speaker="the spokesman", topic="syria").ids()
('us-is-an-intervening-power',)
>>> claims.between("2016-10-01", "2016-10-31").ids()
('us-is-an-intervening-power',)
>>> (claims - claims.where(topic="syria")).ids()
('multiple-interventions',)

**Speakers.** ``speaker`` is matched, ignoring case, typography of quote marks and
spacing, against every speaker's id, name and ``reported_as`` names; a name several
speakers are reported under selects them all. To each speaker found are added the
speakers ``identified_as`` it (unnamed speakers whom a source identifies), and so on
along chains of identification, but not the other way: asking for an anonymous aide
does not return what the person they are identified as said under their own name.
Pass ``identified=False`` to :meth:`ClaimSet.by_speaker` for the named speaker alone.

**Dates.** A claim's ``said_on`` and the bounds are EDTF dates (:mod:`claimledger.dates`),
each a range of days (``2016-10`` is 1 to 31 October; ``since="2016-10"`` starts on the
1st, ``until="2016-10"`` ends on the 31st; ``2019/..`` is every day from 1 January 2019 on).
By default a claim matches when it is *certainly* within the bounds, its whole range lying
within them: ``2016-10`` is within ``2016-10-01``..``2016-10-31`` but not within
``2016-10-01``..``2016-10-15``, and ``2019/..`` is never certainly ``until`` any day. With
``overlaps=True`` it matches when it *possibly* falls within them, so ``2016-10`` and
``2016`` both overlap ``2016-10-01``..``2016-10-15``, and ``2019/..`` is possibly
``until="2020"``. Undated claims match no date filter.

**Names must exist.** A speaker, source, topic, rating or claim id the ledger does not
have raises :class:`QueryError` with close matches, rather than silently matching
nothing: a typo should not read as "no such claims".
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, overload

import attrs

from claimledger.dates import PartialDate
from claimledger.models import Speaker
from claimledger.query.index import ClaimIndex, ClaimSummary, Members, Role, as_date
from claimledger.query.names import QueryError

if TYPE_CHECKING:
    from claimledger.resolved import ResolvedClaim

__all__ = ["ClaimSet", "DateLike", "Names"]

#: One name, or several of which any may match.
Names = str | Iterable[str]
#: A date bound: ``"2016"``, ``"2016-10"``, ``"2016-10-12"``, a PartialDate or a date.
DateLike = str | PartialDate | _dt.date


def _each(names: Names) -> tuple[str, ...]:
    return (names,) if isinstance(names, str) else tuple(names)


def _claim_id(claim: ResolvedClaim | str) -> str:
    return claim if isinstance(claim, str) else claim.id


@attrs.frozen(repr=False)
class ClaimSet(Sequence["ResolvedClaim"]):
    """An immutable set of one ledger's claims, in ledger order.

    Get one from :attr:`claimledger.query.Ledger.claims`; never build one directly.
    """

    _index: ClaimIndex = attrs.field(eq=False)
    _members: Members
    _order: tuple[int, ...] = attrs.field(eq=False)

    @classmethod
    def of(cls, index: ClaimIndex, members: Iterable[int]) -> ClaimSet:
        """The claims at ``members`` (positions in ``index``)."""
        chosen = frozenset(members)
        return cls(index, chosen, tuple(sorted(chosen)))

    def _with(self, members: Members) -> ClaimSet:
        return ClaimSet.of(self._index, self._members & members)

    # -- the sequence protocol -------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._order)

    def __iter__(self) -> Iterator[ResolvedClaim]:
        claims = self._index.claims
        return (claims[i] for i in self._order)

    @overload
    def __getitem__(self, item: int) -> ResolvedClaim: ...
    @overload
    def __getitem__(self, item: slice) -> tuple[ResolvedClaim, ...]: ...
    def __getitem__(self, item: int | slice) -> ResolvedClaim | tuple[ResolvedClaim, ...]:
        claims = self._index.claims
        if isinstance(item, slice):
            return tuple(claims[i] for i in self._order[item])
        return claims[self._order[item]]

    def __contains__(self, item: object) -> bool:
        """A claim, or a claim id, in the set."""
        from claimledger.resolved import ResolvedClaim

        if isinstance(item, ResolvedClaim):
            item = item.id
        position = self._index.positions.get(item) if isinstance(item, str) else None
        return position is not None and position in self._members

    def __repr__(self) -> str:
        shown = ", ".join(self.ids()[:5]) + (", …" if len(self) > 5 else "")
        return f"<ClaimSet of {len(self)}: {shown}>"

    # -- combining sets --------------------------------------------------------------------

    def _other(self, other: object) -> Members:
        if not isinstance(other, ClaimSet) or other._index is not self._index:
            raise TypeError("only claim sets of the same loaded ledger combine")
        return other._members

    def __and__(self, other: ClaimSet) -> ClaimSet:
        return ClaimSet.of(self._index, self._members & self._other(other))

    def __or__(self, other: ClaimSet) -> ClaimSet:
        return ClaimSet.of(self._index, self._members | self._other(other))

    def __sub__(self, other: ClaimSet) -> ClaimSet:
        return ClaimSet.of(self._index, self._members - self._other(other))

    # -- filters ---------------------------------------------------------------------------

    def where(
        self,
        *,
        speaker: Names | None = None,
        source: Names | None = None,
        quoting: Names | None = None,
        supported_by: Names | None = None,
        contradicted_by: Names | None = None,
        topic: Names | None = None,
        verdict: Names | None = None,
        contradicted: bool | None = None,
        disputed: bool | None = None,
        related_to: Names | None = None,
    ) -> ClaimSet:
        """The claims matching every filter given; a filter given several names matches any.

        ``source`` matches claims citing the document in any way: quoting it, supported
        by it, contradicted by it or citing it for context; ``quoting``, ``supported_by``
        and ``contradicted_by`` each match one of those. ``contradicted`` keeps claims with
        (``True``) or without (``False``) contradicting evidence. ``disputed`` keeps claims
        on either side of a ``disputes`` relation (the disputing claim and the claim it
        disputes), whichever of the two records it; or, given ``False``, the others.
        ``related_to`` keeps the claims directly related to the claim(s) named (see
        :meth:`related_to` for chains).
        """
        index = self._index
        chosen = self._members
        if speaker is not None:
            chosen &= self.by_speaker(speaker)._members
        roles: tuple[tuple[Names | None, tuple[Role, ...]], ...] = (
            (source, ("quoting", "supported_by", "contradicted_by", "context")),
            (quoting, ("quoting",)),
            (supported_by, ("supported_by",)),
            (contradicted_by, ("contradicted_by",)),
        )
        for names, kinds in roles:
            if names is not None:
                ids = [index.source_id(name) for name in _each(names)]
                chosen &= frozenset().union(
                    *(index.by_source[kind].get(i, frozenset()) for kind in kinds for i in ids)
                )
        if topic is not None:
            chosen &= frozenset().union(*(index.topic(t) for t in _each(topic)))
        if verdict is not None:
            chosen &= frozenset().union(*(index.verdict(v) for v in _each(verdict)))
        if contradicted is not None:
            chosen = chosen & index.contradicted if contradicted else chosen - index.contradicted
        if disputed is not None:
            chosen = chosen & index.disputed if disputed else chosen - index.disputed
        if related_to is not None:
            chosen &= self.related_to(related_to)._members
        return ClaimSet.of(index, chosen)

    def by_speaker(self, speaker: Names, *, identified: bool = True) -> ClaimSet:
        """Claims of the speaker(s) known by this id, name or reported-as name.

        With ``identified`` (the default) also the claims of speakers identified as them.
        """
        index = self._index
        found = {s.id for name in _each(speaker) for s in self.speakers_named(name, identified)}
        return self._with(frozenset().union(*(index.by_speaker.get(s, ()) for s in found)))

    def speakers_named(self, name: str, identified: bool = True) -> tuple[Speaker, ...]:
        """The speakers a ``speaker`` filter with this name selects, in registry order.

        Raises :class:`QueryError`, with suggestions, when no speaker is known by it.
        """
        return self._index.speakers_named(name, identified=identified)

    def since(self, start: DateLike, *, overlaps: bool = False) -> ClaimSet:
        """Claims said on or after ``start`` (its first day); see the module for ``overlaps``."""
        day = as_date(start).first
        dates = self._index.dates
        return self._with(dates.last_from(day) if overlaps else dates.first_from(day))

    def until(self, end: DateLike, *, overlaps: bool = False) -> ClaimSet:
        """Claims said on or before ``end`` (its last day); see the module for ``overlaps``."""
        day = as_date(end).last
        dates = self._index.dates
        return self._with(dates.first_through(day) if overlaps else dates.last_through(day))

    def between(self, start: DateLike, end: DateLike, *, overlaps: bool = False) -> ClaimSet:
        """Claims said from ``start`` through ``end``, both included.

        A claim said "2016-10" lies within October, and only may lie within its first half:

        >>> from claimledger.query import load
        >>> claims = load("tests/examples/clean", cache=False).claims
        >>> claims.between("2016-10-01", "2016-10-31").ids()
        ('us-is-an-intervening-power',)
        >>> claims.between("2016-10-01", "2016-10-15").ids()
        ()
        >>> claims.between("2016-10-01", "2016-10-15", overlaps=True).ids()
        ('us-is-an-intervening-power',)
        """
        if as_date(start).first > as_date(end).last:
            raise QueryError(f"the range {start}..{end} ends before it starts")
        return self.since(start, overlaps=overlaps).until(end, overlaps=overlaps)

    def related_to(self, claim: Names | ResolvedClaim, *, transitive: bool = False) -> ClaimSet:
        """Claims related to ``claim`` (an id, several ids, or a claim), the claim excluded.

        Relations are symmetric: a claim listing another in ``related`` relates both.
        ``transitive`` follows chains of relations to every claim they reach.
        """
        from claimledger.resolved import ResolvedClaim

        index = self._index
        names = (claim.id,) if isinstance(claim, ResolvedClaim) else _each(claim)
        found = frozenset().union(
            *(index.related(index.position(n), transitive=transitive) for n in names)
        )
        return self._with(found)

    def contradicted(self, contradicted: bool = True) -> ClaimSet:
        """Claims with (or, given ``False``, without) contradicting evidence."""
        return self.where(contradicted=contradicted)

    def filter(self, predicate: Callable[[ResolvedClaim], bool]) -> ClaimSet:
        """The claims for which ``predicate`` is true: for anything the filters lack."""
        claims = self._index.claims
        return ClaimSet.of(self._index, (i for i in self._order if predicate(claims[i])))

    # -- reading results -------------------------------------------------------------------

    def ids(self) -> tuple[str, ...]:
        """The claims' ids, in ledger order."""
        summaries = self._index.summaries
        return tuple(summaries[i].id for i in self._order)

    def summaries(self) -> tuple[ClaimSummary, ...]:
        """What a table shows of each claim (id, speaker id, date, verdict rating,
        statement), in ledger order, without building the claims."""
        summaries = self._index.summaries
        return tuple(summaries[i] for i in self._order)

    def speakers(self) -> tuple[Speaker, ...]:
        """The speakers of these claims, once each, in order of first claim."""
        found = dict.fromkeys(summary.speaker for summary in self.summaries())
        return tuple(self._index.speakers[speaker] for speaker in found)

    def chronological(self) -> tuple[ResolvedClaim, ...]:
        """The claims by date said (earliest possible day first), undated ones last."""

        def key(claim: ResolvedClaim) -> tuple[bool, Any]:
            said = claim.said_on
            return (said is None, said.sort_key() if said else ())

        return tuple(sorted(self, key=key))
