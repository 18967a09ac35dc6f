"""Reporters: findings as compiler-style text, JSON or GitHub workflow annotations.

All three are built alike (``Reporter(root, colour=...)``) and share one interface,
``report(findings, out)``; :data:`REPORTERS` names them, and the first line of each
class's docstring is its help.

>>> import io
>>> from claimledger.findings import Finding, Location, Severity
>>> out = io.StringIO()
>>> found = Finding("CL009", Severity.ERROR, "quote text not found", Location("c.yaml", 4, 15))
>>> GithubReporter().report([found], out)
>>> out.getvalue()
'::error file=c.yaml,line=4,col=15,title=CL009::quote text not found\\n'
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol, TextIO

from claimledger.findings import Finding, Severity, printable, visible
from claimledger.safe_read import MAX_FILE_BYTES, read_regular

__all__ = ["REPORTERS", "GithubReporter", "JsonReporter", "Reporter", "TextReporter"]


class Reporter(Protocol):
    def __init__(
        self,
        root: Path | None = None,
        *,
        colour: bool = False,
        ledgers: Sequence[Path] | None = None,
    ) -> None: ...

    def report(self, findings: Sequence[Finding], out: TextIO) -> None: ...


class TextReporter:
    """``path:line:col: CODE message``, then the offending line and a caret."""

    def __init__(
        self,
        root: Path | None = None,
        *,
        colour: bool = False,
        context: bool = True,
        ledgers: Sequence[Path] | None = None,
    ):
        self.root = root or Path.cwd()
        self.colour = colour
        self.context = context
        #: Context lines are shown only from regular files inside these ledgers, read as
        #: the loader reads them: never through a link that leaves a ledger, never a FIFO
        #: or a device (a claim file linked to /proc/self/environ must not be printed).
        #: By default, the folder paths are relative to.
        self.ledgers = (self.root,) if ledgers is None else tuple(ledgers)
        self._lines: dict[str, list[str] | None] = {}

    def _paint(self, text: str, code: str) -> str:
        return f"\033[{code}m{text}\033[0m" if self.colour else text

    def _line(self, path: str, number: int) -> str | None:
        if path not in self._lines:
            self._lines[path] = self._read(self.root / path)
        lines = self._lines[path]
        return lines[number - 1] if lines and 0 < number <= len(lines) else None

    def _read(self, path: Path) -> list[str] | None:
        for ledger in self.ledgers:
            try:
                data = read_regular(path, ledger, limit=MAX_FILE_BYTES)
            except (OSError, RuntimeError):
                continue
            return data.decode("utf-8-sig", errors="replace").splitlines()
        return None

    def report(self, findings: Sequence[Finding], out: TextIO) -> None:
        for finding in findings:
            loc = finding.location
            colour = "31" if finding.severity is Severity.ERROR else "33"
            head = f"{self._paint(str(loc), '1')}: {self._paint(finding.code, colour)}"
            word = "" if finding.severity is Severity.ERROR else " (warning)"
            out.write(f"{head}{word} {visible(_clip(finding.message, MESSAGE_WIDTH))}\n")
            line = self._line(loc.path, loc.line) if self.context else None
            if line is not None:
                # One column per character; a caret past the shown width is not drawn.
                shown = visible(_clip(line.expandtabs(1), LINE_WIDTH))
                if loc.column <= LINE_WIDTH:
                    caret = f"  {' ' * (loc.column - 1)}{self._paint('^', colour)}\n"
                    out.write(f"  {shown}\n{caret}")
                else:
                    out.write(f"  {shown}\n")
        if findings:
            errors = sum(f.severity is Severity.ERROR for f in findings)
            warnings = len(findings) - errors
            out.write(f"{errors} error(s), {warnings} warning(s)\n")


#: The widest message and context line printed: a 10 MB line is not a message.
MESSAGE_WIDTH = 1000
LINE_WIDTH = 200


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


class _SelfContained:
    """A reporter whose records carry their own place: no context lines, no colour."""

    def __init__(
        self,
        root: Path | None = None,
        *,
        colour: bool = False,
        ledgers: Sequence[Path] | None = None,
    ) -> None:
        pass  # built like every reporter, so the CLI need not tell them apart


class JsonReporter(_SelfContained):
    """A JSON list of findings, for tools."""

    @staticmethod
    def records(findings: Sequence[Finding]) -> list[dict[str, str | int]]:
        """Each finding as the JSON object this reporter writes."""
        return [
            {
                "path": f.location.path,
                "line": f.location.line,
                "column": f.location.column,
                "code": f.code,
                "severity": f.severity.value,
                "message": f.message,
            }
            for f in findings
        ]

    def report(self, findings: Sequence[Finding], out: TextIO) -> None:
        json.dump(self.records(findings), out, indent=2, ensure_ascii=False)
        out.write("\n")


class GithubReporter(_SelfContained):
    """GitHub Actions workflow commands, shown as annotations on the pull request."""

    @staticmethod
    def _escape(text: str) -> str:
        # The log shows the rest as it is: a control character (a value quoted in a
        # message) is shown as a symbol, never sent to the log viewer or a terminal.
        return printable(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))

    @classmethod
    def _property(cls, text: str) -> str:
        # As actions/toolkit escapes properties: a file named "x\n::error ..." or
        # "a,line=1" must not end the command or forge another.
        return cls._escape(text).replace(":", "%3A").replace(",", "%2C")

    def report(self, findings: Sequence[Finding], out: TextIO) -> None:
        for f in findings:
            level = "error" if f.severity is Severity.ERROR else "warning"
            loc = f.location
            props = (
                f"file={self._property(loc.path)},line={loc.line},col={loc.column},title={f.code}"
            )
            out.write(f"::{level} {props}::{self._escape(f.message)}\n")


#: Each reporter by the name ``--format`` takes.
REPORTERS: dict[str, type[Reporter]] = {
    "text": TextReporter,
    "json": JsonReporter,
    "github": GithubReporter,
}
