"""The one error model: a finding is a rule code, a severity, a message and a place.

The YAML layer, the schema layer and every rule yield :class:`Finding` values;
only reporters format them and only the CLI chooses an exit code.

>>> f = Finding("CL008", Severity.ERROR, "quote not found", Location("claims/a.yaml", 3, 9))
>>> str(f)
'claims/a.yaml:3:9: CL008 quote not found'
"""

from __future__ import annotations

import enum
import re
from pathlib import Path

import attrs

__all__ = ["CONTROL", "Finding", "Location", "Severity", "escaped", "printable", "visible"]

# C0 and C1 controls, DEL, the Unicode line and paragraph separators, and the
# bidirectional overrides and isolates ("Trojan Source").
_CONTROLS = "\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
#: Characters that act on a terminal or reorder text, other than tab and line feed:
#: refused in a ledger's text (CL018) and escaped in whatever the CLI prints.
CONTROL = re.compile(f"[{_CONTROLS}]")
_INVISIBLE = re.compile(f"[\t\n{_CONTROLS}]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # U+2400 block: a one-column picture of the control
    return "\u2421" if code == 0x7F else "\ufffd"


def visible(text: str) -> str:
    r"""``text`` safe to print on a terminal or a line-based log: one column per character.

    Paths and lines from a pull request are shown to whoever runs the hook; a
    file named ``x\n::error ...`` or a line holding ``ESC]52;...`` must not
    forge output lines or reach the terminal as a command.

    >>> visible("claims/x\n::warning::forged.yaml\x1b[2J")
    'claims/x␊::warning::forged.yaml␛[2J'
    """
    return _INVISIBLE.sub(_picture, text)


def printable(text: str) -> str:
    r"""``text`` with each :data:`CONTROL` character shown as a visible symbol; tabs and
    line breaks kept. What a published page holds in place of a character no reader sees.

    >>> printable("a\tb\n\x1b]52;c;x\x07 \u202eevil")
    'a\tb\n␛]52;c;x␇ �evil'
    """
    return CONTROL.sub(_picture, text)


def escaped(text: str) -> str:
    r"""``text`` with every :data:`CONTROL` character as a ``\uXXXX`` escape, which JSON
    strings and YAML double-quoted scalars read back as the character itself.

    >>> escaped('"\x1b]52;c;x\x07"')
    '"\\u001b]52;c;x\\u0007"'
    """
    return CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


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
        return f"{visible(self.path)}:{self.line}:{self.column}"


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
