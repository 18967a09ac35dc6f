"""What the hostile-input tests share: running the command line as pre-commit does."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.conftest import REPO
from tests.conftest import run_cli as _run


def run_cli(
    cwd: Path, *args: str, timeout: float = 120, **env: str
) -> subprocess.CompletedProcess[str]:
    """``python -m claimledger.cli validate ARGS`` in ``cwd``, importing this checkout."""
    return _run("validate", *args, cwd=cwd, timeout=timeout, PYTHONPATH=str(REPO), **env)
