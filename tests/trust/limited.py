"""The command line run with its address space capped, so reading a planted ``/dev/zero``
fails the run instead of filling the machine's memory."""

from __future__ import annotations

import resource
import subprocess
import sys
from pathlib import Path

__all__ = ["run_cli_in_1_gb"]


def _limited_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


def run_cli_in_1_gb(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``python -m claimledger.cli ARGS`` in ``cwd``, within 1 GB of address space."""
    return subprocess.run(
        [sys.executable, "-m", "claimledger.cli", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=_limited_memory,
        check=False,
    )
