"""Progress of a long run, on a terminal only: never in a pipe, a file or a CI log."""

from __future__ import annotations

import os
import sys
import time
from typing import TextIO

__all__ = ["Progress", "progress_for"]


class Progress:
    """``label 120/3000`` rewritten in place on ``out``, at most ten times a second,
    shown only after the run has taken half a second (short runs stay silent)."""

    def __init__(self, label: str, out: TextIO) -> None:
        self.label = label
        self.out = out
        self.started = time.monotonic()
        self.shown = 0.0
        self.visible = False

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self.started < 0.5 or (now - self.shown < 0.1 and done < total):
            return
        self.shown = now
        self.visible = True
        self.out.write(f"\r{self.label} {done}/{total}")
        self.out.flush()

    def close(self) -> None:
        """Erase the line, so findings print on a clean one."""
        if self.visible:
            self.out.write("\r\033[K")
            self.out.flush()


def progress_for(label: str, out: TextIO = sys.stderr) -> Progress | None:
    """A progress display when ``out`` is a terminal and not a CI run, else None."""
    if not out.isatty() or os.environ.get("CI") or os.environ.get("TERM") == "dumb":
        return None
    return Progress(label, out)
