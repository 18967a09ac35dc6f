"""What every subcommand shares: finding the ledger, exit codes, output paths."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TextIO, cast

import attrs

from claimledger.config import Config, discover
from claimledger.findings import Finding, Location, visible

__all__ = [
    "EXIT_FINDINGS",
    "EXIT_OK",
    "EXIT_USAGE",
    "UsageError",
    "find_config",
    "for_display",
    "terminal",
]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


class UsageError(Exception):
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


class _TerminalText:
    """A text stream that shows control and bidirectional characters as pictures.

    What ``show``, ``query`` and ``search`` print comes from a ledger that may be
    hostile and that need not have been validated: an ``ESC ]52`` sequence in a
    statement must not reach the terminal as a command. Line feeds and tabs pass.
    """

    def __init__(self, out: TextIO) -> None:
        self._out = out

    def write(self, text: str) -> int:
        return self._out.write("\n".join(visible(line) for line in text.split("\n")))

    def writelines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.write(line)

    def isatty(self) -> bool:
        return self._out.isatty()

    def flush(self) -> None:
        self._out.flush()


def terminal(out: TextIO) -> TextIO:
    """``out``, showing control and bidirectional characters as pictures (see above)."""
    return cast(TextIO, _TerminalText(out))
