"""One claim file's findings and index entries, as validation's cache keeps them (JSON).

Plain data (no models), so that a run whose files are all cached imports no loader."""

from __future__ import annotations

from typing import Any

import attrs

from claimledger.findings import Finding, Location, Severity

__all__ = ["FileReport", "IndexedClaim"]


@attrs.frozen
class IndexedClaim:
    """What cross-file rules need of a claim: its id, related ids and their places.

    Small and plain, so a file's entries can be cached and merged without
    re-reading the file.
    """

    id: str
    at: Location
    related: tuple[tuple[str, Location], ...] = ()
    #: The source ids the claim cites, so that a changed source can name its claims.
    sources: tuple[str, ...] = ()


@attrs.frozen(eq=False)
class FileReport:
    """One claim file's findings (default severities) and index entries.

    Read back from the cache, the entries stay as stored until a rule needs them: a run
    whose ledger-wide findings are cached too only needs each claim's id and sources.
    """

    findings: tuple[Finding, ...]
    _index: tuple[IndexedClaim, ...] | None = attrs.field(alias="index")
    _stored: list[list[Any]] = attrs.field(factory=list, alias="stored", repr=False)

    @property
    def index(self) -> tuple[IndexedClaim, ...]:
        if self._index is None:
            object.__setattr__(self, "_index", _entries(self._stored))  # decoded once
        assert self._index is not None
        return self._index

    def citations(self) -> list[tuple[str, list[str]]]:
        """Each claim's id and the sources it cites, as plain values."""
        if self._index is None:
            return [(entry[0], entry[5]) for entry in self._stored]
        return [(entry.id, list(entry.sources)) for entry in self._index]

    def __len__(self) -> int:
        """How many claims the file holds (broken ones included)."""
        return len(self._stored) if self._index is None else len(self._index)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, FileReport):
            return NotImplemented
        return (self.findings, self.index) == (other.findings, other.index)

    def __hash__(self) -> int:
        return hash((self.findings, self.index))

    def to_json(self) -> dict[str, Any]:
        if self._index is None:
            stored = self._stored
        else:
            stored = [
                [
                    e.id,
                    *_loc(e.at),
                    [[other, *_loc(at)] for other, at in e.related],
                    list(e.sources),
                ]
                for e in self._index
            ]
        findings = [[f.code, f.severity.value, f.message, *_loc(f.location)] for f in self.findings]
        return {"findings": findings, "index": stored}

    @classmethod
    def from_json(cls, data: Any) -> FileReport:
        """A report as :meth:`to_json` gave it; ValueError, TypeError or KeyError if the
        data has another shape."""
        findings = tuple(
            Finding(code, Severity(sev), msg, Location(path, line, col))
            for code, sev, msg, path, line, col in data["findings"]
        )
        stored = data["index"]
        # The shape checked now (an entry decoded later cannot fail): id, place, links, sources.
        for claim_id, _, _, _, related, sources in stored:
            if not isinstance(claim_id, str) or any(len(link) != 4 for link in related):
                raise TypeError("not an index entry")
            if not (isinstance(sources, list) and all(isinstance(s, str) for s in sources)):
                raise TypeError("not an index entry")
        return cls(findings, None, stored)


def _entries(stored: list[list[Any]]) -> tuple[IndexedClaim, ...]:
    return tuple(
        IndexedClaim(
            claim_id,
            Location(path, line, col),
            tuple((other, Location(p, ln, c)) for other, p, ln, c in related),
            tuple(sources),
        )
        for claim_id, path, line, col, related, sources in stored
    )


def _loc(location: Location) -> tuple[str, int, int]:
    return location.path, location.line, location.column
