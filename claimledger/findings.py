"""The one error model: a finding is a rule code, a severity, a message and a place.

The YAML layer, the schema layer and every rule yield :class:`Finding` values;
only reporters format them and only the CLI chooses an exit code.

>>> f = Finding("CL008", Severity.ERROR, "quote not found", Location("claims/a.yaml", 3, 9))
>>> str(f)
'claims/a.yaml:3:9: CL008 quote not found'
"""

from __future__ import annotations

import enum
from pathlib import Path

import attrs

__all__ = ["Finding", "Location", "Severity"]


class Severity(enum.Enum):
    """How much a finding matters. Errors fail validation; warnings do not."""

    ERROR = "error"
    WARNING = "warning"

    @property
    def fails(self) -> bool:
        return self is Severity.ERROR


@attrs.frozen(order=True)
class Location:
    """A place in a file: 1-based line and column, as editors count them."""

    path: str
    line: int = 1
    column: int = 1

    @classmethod
    def of(cls, path: Path | str, line: int = 1, column: int = 1) -> Location:
        return cls(str(path), line, column)

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


@attrs.frozen
class Finding:
    """One problem found in the ledger."""

    code: str
    severity: Severity
    message: str
    location: Location

    def __str__(self) -> str:
        return f"{self.location}: {self.code} {self.message}"

    def sort_key(self) -> tuple[str, int, int, str, str]:
        loc = self.location
        return (loc.path, loc.line, loc.column, self.code, self.message)
