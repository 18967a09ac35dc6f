"""Standard output that never loses bytes silently.

Python's own ``sys.stdout`` can drop the tail of its buffer without an error:
when a write is cut short (a disk that fills, a file-size limit), the rest is
reported to nobody and the process exits 0 having written 143 kB of 231 kB.
While a command runs, standard output is written through :class:`_AllOrError`,
which writes every byte or raises ``OSError``; it is flushed before the command
counts as done, so a failed write is exit 2 (see ``claimledger.cli.main``).
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from collections.abc import Iterator
from typing import Any

__all__ = ["checked_stdout"]


class _AllOrError(io.RawIOBase):
    """A raw writer on a file descriptor: each write writes everything, or raises."""

    def __init__(self, fd: int) -> None:
        self._fd = fd
        #: After a failed write, which has been raised, the rest is discarded: the error
        #: is reported once, not again when the buffer is flushed at exit.
        self._failed = False

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self._fd

    def isatty(self) -> bool:
        return os.isatty(self._fd)

    def write(self, data: Any) -> int:
        view = memoryview(data).cast("B")
        total = len(view)
        try:
            while view and not self._failed:
                written = os.write(self._fd, view)  # a short write, then the error on the rest
                view = view[written:]
        except OSError:
            self._failed = True
            raise
        return total


@contextlib.contextmanager
def checked_stdout() -> Iterator[None]:
    """Standard output that fails loudly for the duration of the block, flushed at its end."""
    original = sys.stdout
    try:
        fd = original.fileno()
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        # Not a file descriptor (a test's capture): nothing to check beyond a flush.
        yield
        original.flush()
        return
    original.flush()
    raw = _AllOrError(fd)
    stream = io.TextIOWrapper(
        io.BufferedWriter(raw),
        encoding=original.encoding,
        errors=original.errors,
        line_buffering=bool(original.line_buffering),
        write_through=False,
    )
    sys.stdout = stream
    try:
        yield
        stream.flush()
    finally:
        sys.stdout = original
        with contextlib.suppress(OSError, ValueError):
            stream.detach()  # the descriptor stays open: it is the process's standard output
