"""What the query index gives back, built when first used: speakers and sources from
their stored plain data, claims from their rows (structured and resolved), summaries
from their record. See :mod:`claimledger.query.stored`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeVar, overload

from claimledger.findings import Location
from claimledger.models import Claim, Source, Speaker
from claimledger.query.index import ClaimSummary

if TYPE_CHECKING:
    from claimledger.resolved import ResolvedClaim

__all__ = ["Built", "StoredClaims", "StoredSummaries", "structured_source", "structured_speaker"]

T = TypeVar("T")

#: Reads the plain data of the claim at a position of a claim file with given bytes.
Entry = Callable[[str, str, int], Any]


def _structure(raw: Any, cls: type[T]) -> T:
    # cattrs and the models' hooks load only when an object is built.
    from claimledger.structure import converter

    return converter.structure(raw, cls)


def structured_source(_: str, raw: Any) -> Source:
    return _structure(raw, Source)


def structured_speaker(_: str, raw: Any) -> Speaker:
    return _structure(raw, Speaker)


class Built(Mapping[str, Any]):
    """A mapping whose values are made from stored data on first use."""

    def __init__(self, raw: dict[str, Any], make: Any) -> None:
        self._raw = raw
        self._make = make
        self._made: dict[str, Any] = {}

    def __getitem__(self, key: str) -> Any:
        found = self._made.get(key)
        if found is None:
            found = self._made[key] = self._make(key, self._raw[key])
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)


class StoredClaims(Sequence["ResolvedClaim"]):
    """The ledger's claims, each structured and resolved when first read."""

    def __init__(
        self,
        entry: Entry,
        files: list[Any],
        rows: list[Any],
        speakers: Mapping[str, Speaker],
        sources: Mapping[str, Source],
    ) -> None:
        self._entry = entry
        self._files = files
        self._rows = rows
        self._speakers = speakers
        self._sources = sources
        self._ids: frozenset[str] = frozenset()
        self._made: dict[int, ResolvedClaim] = {}

    def know(self, ids: Iterable[str]) -> None:
        """The ids of every claim: a related link to another is dropped."""
        self._ids = frozenset(ids)

    def __len__(self) -> int:
        return len(self._rows)

    @overload
    def __getitem__(self, item: int) -> ResolvedClaim: ...
    @overload
    def __getitem__(self, item: slice) -> Sequence[ResolvedClaim]: ...
    def __getitem__(self, item: int | slice) -> ResolvedClaim | Sequence[ResolvedClaim]:
        if isinstance(item, slice):
            return tuple(self[i] for i in range(len(self))[item])
        found = self._made.get(item)
        if found is None:
            number, position, line, column = self._rows[item]
            file, sha = self._files[number]
            from claimledger.resolved import resolve_claim

            claim = _structure(self._entry(file, sha, position), Claim)
            where = Location(file, line, column)
            found = resolve_claim(claim, where, self._speakers, self._sources, self._ids)
            self._made[item] = found
        return found


class StoredSummaries(Sequence[ClaimSummary]):
    """The claims' summaries, read from their own record when first used (a table of
    results needs them, a search or a claim shown does not); made from the claims if
    the record does not verify."""

    def __init__(
        self,
        read: Callable[[], tuple[ClaimSummary, ...] | None],
        claims: Sequence[ResolvedClaim],
    ) -> None:
        self._read_record = read
        self._claims = claims
        self._read: tuple[ClaimSummary, ...] | None = None

    def __len__(self) -> int:
        return len(self._claims)

    @overload
    def __getitem__(self, item: int) -> ClaimSummary: ...
    @overload
    def __getitem__(self, item: slice) -> Sequence[ClaimSummary]: ...
    def __getitem__(self, item: int | slice) -> ClaimSummary | Sequence[ClaimSummary]:
        if self._read is None:
            found = self._read_record()
            if found is None or len(found) != len(self._claims):
                found = tuple(map(ClaimSummary.of, self._claims))
            self._read = found
        return self._read[item]
