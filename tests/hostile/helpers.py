"""What the hostile-input tests share: running the command line as pre-commit does."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO


def run_cli(
    cwd: Path, *args: str, timeout: float = 120, **env: str
) -> subprocess.CompletedProcess[str]:
    """``python -m claimledger.cli validate ARGS`` in ``cwd``, without debug tracebacks."""
    environ = {k: v for k, v in os.environ.items() if k != "CLAIMLEDGER_DEBUG"}
    environ["PYTHONPATH"] = str(REPO)
    return subprocess.run(
        [sys.executable, "-m", "claimledger.cli", "validate", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**environ, **env},
        check=False,
        timeout=timeout,
    )
