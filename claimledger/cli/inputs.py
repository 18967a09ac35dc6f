"""Reading a file named on the command line, ``-`` being standard input."""

from __future__ import annotations

import sys
from pathlib import Path

from claimledger.cli.common import UsageError
from claimledger.parse import MAX_BYTES

__all__ = ["read_input"]


def read_input(name: str) -> bytes:
    """The bytes of ``name`` (``-``: standard input, read to one byte past the size limit,
    so that callers can refuse what is over it without reading it all)."""
    try:
        if name == "-":
            return sys.stdin.buffer.read(MAX_BYTES + 1)
        return Path(name).read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read {name}: {exc.strerror or exc}") from None
