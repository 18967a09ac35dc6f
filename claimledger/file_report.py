"""One claim file's findings and index entries, as validation's cache keeps them (JSON)."""

from __future__ import annotations

from typing import Any

import attrs

from claimledger.findings import Finding, Location, Severity
from claimledger.ledger import IndexedClaim

__all__ = ["FileReport"]


@attrs.frozen
class FileReport:
    """One claim file's findings (default severities) and index entries."""

    findings: tuple[Finding, ...]
    index: tuple[IndexedClaim, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "findings": [
                [f.code, f.severity.value, f.message, *_loc(f.location)] for f in self.findings
            ],
            "index": [
                [
                    e.id,
                    *_loc(e.at),
                    [[other, *_loc(at)] for other, at in e.related],
                    list(e.sources),
                ]
                for e in self.index
            ],
        }

    @classmethod
    def from_json(cls, data: Any) -> FileReport:
        findings = tuple(
            Finding(code, Severity(sev), msg, Location(path, line, col))
            for code, sev, msg, path, line, col in data["findings"]
        )
        index = tuple(
            IndexedClaim(
                claim_id,
                Location(path, line, col),
                tuple((other, Location(p, ln, c)) for other, p, ln, c in related),
                tuple(sources),
            )
            for claim_id, path, line, col, related, sources in data["index"]
        )
        return cls(findings, index)


def _loc(location: Location) -> tuple[str, int, int]:
    return location.path, location.line, location.column
