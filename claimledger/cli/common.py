"""What every subcommand shares: finding the ledger, exit codes, output paths."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import attrs

from claimledger.config import Config, discover
from claimledger.errors import ClaimledgerError
from claimledger.findings import Finding, Location

__all__ = ["EXIT_FINDINGS", "EXIT_OK", "EXIT_USAGE", "UsageError", "find_config", "for_display"]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


class UsageError(ClaimledgerError):
    """The command line cannot be carried out as given (exit 2)."""


def find_config(path: str | None) -> Config:
    """The ledger governing ``path`` (default: the current directory)."""
    start = Path(path) if path else Path.cwd()
    if not start.exists():
        raise UsageError(f"no such file or directory: {path}")
    return discover(start)


def for_display(findings: Sequence[Finding], root: Path) -> list[Finding]:
    """Findings with paths relative to the current directory, as editors expect."""
    here = Path.cwd()
    shown = []
    for finding in findings:
        full = root / finding.location.path
        rel = os.path.relpath(full, here) if full.is_absolute() else str(full)
        loc: Location = attrs.evolve(finding.location, path=Path(rel).as_posix())
        shown.append(attrs.evolve(finding, location=loc))
    return shown
