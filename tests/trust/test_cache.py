"""A cache entry planted by a repository is never looked up, and never read through a link."""

from __future__ import annotations

import resource
from pathlib import Path

import pytest

from claimledger.config import discover
from claimledger.incremental import CACHE_DIR, _Cache, _context_key, _file_key
from claimledger.ledger import read_registry
from tests.conftest import MakeLedger, run_cli


def _keys(root: Path) -> list[str]:
    """Every cache key of the ledger, as anyone with the library can compute it."""
    config = discover(root)
    context = _context_key(read_registry(config)[0])
    claims = sorted((root / "claims").glob("*.yaml"))
    return [
        _file_key(context, p.relative_to(root).as_posix(), p.read_bytes())
        for p in claims
        if p.name != "speakers.yaml"
    ]


def _limited_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


def _plant(target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.symlink_to("/dev/zero")


@pytest.mark.parametrize("where", ["key", "secret-name"])
def test_a_planted_link_to_dev_zero_is_not_read(
    make_ledger: MakeLedger, where: str, tmp_path: Path
) -> None:
    root = make_ledger()
    assert run_cli("validate", cwd=root).returncode == 0  # creates this user's secret
    for entry in (root / CACHE_DIR).rglob("*.json"):
        entry.unlink()
    for key in _keys(root):
        if where == "key":  # where an entry named by its key would be looked up
            _plant(root / CACHE_DIR / key[:2] / f"{key}.json")
        else:  # even at the real (secret) name, a link is not followed
            _plant(_Cache(root.resolve(), True)._file(key))
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "claimledger.cli", "validate"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=_limited_memory,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_cache_entry_names_are_not_the_key(make_ledger: MakeLedger) -> None:
    root = make_ledger()
    assert run_cli("validate", cwd=root).returncode == 0
    names = {p.stem for p in (root / CACHE_DIR).rglob("*.json")}
    assert names, "nothing cached: the test would prove nothing"
    assert not names & set(_keys(root))


def test_a_cache_folder_that_is_a_link_is_neither_read_nor_written(
    make_ledger: MakeLedger, tmp_path: Path
) -> None:
    root = make_ledger()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (root / ".claimledger").symlink_to(elsewhere)
    result = run_cli("validate", cwd=root)
    assert result.returncode == 0
    assert list(elsewhere.iterdir()) == []
