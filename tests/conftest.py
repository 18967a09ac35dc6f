"""Shared fixtures: a small ledger written into a temporary folder."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings

# Speed is measured in benchmarks, never by a test's clock: no per-example deadline
# (a loaded two-core machine takes more than Hypothesis's default 200 ms now and then).
# tests/hostile/conftest.py's profiles keep this when they are loaded.
settings.register_profile("untimed", deadline=None)
settings.load_profile("untimed")

EXAMPLES = Path(__file__).parent / "examples"
REPO = Path(__file__).parent.parent

MakeLedger = Callable[..., Path]

#: The one line ``claimledger validate`` prints on standard error unless ``--quiet``.
SUMMARY = re.compile(
    r"claimledger: checked [\d,]+ claim files? \([\d,]+ claims?\) against [\d,]+ sources?: "
    r"([\d,]+) errors?, ([\d,]+) warnings? in \d+\.\d\d s\n"
)


def only_summary(stderr: str) -> bool:
    """Whether ``stderr`` is validate's summary line and nothing else (no warning, no traceback)."""
    return SUMMARY.fullmatch(stderr) is not None


def run_cli(
    *args: str, cwd: Path = REPO, timeout: float = 120, **env: str
) -> subprocess.CompletedProcess[str]:
    """``python -m claimledger.cli ARGS`` in ``cwd``, as a user or pre-commit runs it
    (debug tracebacks off, so what the user would see is what is tested)."""
    environ = {k: v for k, v in os.environ.items() if k != "CLAIMLEDGER_DEBUG"}
    return subprocess.run(
        [sys.executable, "-m", "claimledger.cli", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**environ, **env},
        check=False,
        timeout=timeout,
    )


@pytest.fixture(autouse=True)
def private_cache_secret(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keep the cache secret of test runs (and their subprocesses) out of the user's home."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.getbasetemp() / "xdg-cache"))


@pytest.fixture
def make_ledger(tmp_path: Path) -> MakeLedger:
    """Copy the clean example ledger and overwrite or add files.

    ``make_ledger({"claims/new.yaml": "..."})`` returns the ledger root.
    """

    def make(files: dict[str, str] | None = None, *, base: str = "clean") -> Path:
        root = tmp_path / "ledger"
        count = 1
        while root.exists():  # a second ledger in the same test
            count += 1
            root = tmp_path / f"ledger-{count}"
        shutil.copytree(
            EXAMPLES / base, root, symlinks=True, ignore=shutil.ignore_patterns(".claimledger")
        )
        for name, text in (files or {}).items():
            target = root / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        return root

    return make
