"""Shared fixtures: a small ledger written into a temporary folder."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).parent / "examples"
REPO = Path(__file__).parent.parent

MakeLedger = Callable[..., Path]


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
