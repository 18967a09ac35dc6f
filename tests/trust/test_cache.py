"""A cache planted by a repository is never trusted, looked up, or read through a link."""

from __future__ import annotations

import hashlib
import json
import resource
from pathlib import Path

from claimledger.cache_index import CACHE_DIR, INDEX_NAME, CacheIndex
from claimledger.config import discover
from claimledger.incremental import _context_key, _file_key
from claimledger.ledger import read_registry
from tests.conftest import MakeLedger, run_cli


def _keys(root: Path) -> list[str]:
    """Every cache key of the ledger, as anyone with the library can compute it."""
    config = discover(root)
    context = _context_key(read_registry(config)[0])
    claims = sorted((root / "claims").glob("*.yaml"))
    return [
        _file_key(
            context, p.relative_to(root).as_posix(), hashlib.sha256(p.read_bytes()).hexdigest()
        )
        for p in claims
        if p.name != "speakers.yaml"
    ]


def _limited_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


def _plant(target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.symlink_to("/dev/zero")


def test_a_planted_link_to_dev_zero_is_not_read(make_ledger: MakeLedger) -> None:
    root = make_ledger()
    assert run_cli("validate", cwd=root).returncode == 0  # creates this user's secret
    index = root / CACHE_DIR / INDEX_NAME
    index.unlink()
    _plant(index)
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
    # Replaced by this run's own index, never written through.
    assert not index.is_symlink()
    assert index.stat().st_size < 1 << 20


def test_cache_entry_names_are_not_the_key(make_ledger: MakeLedger) -> None:
    root = make_ledger()
    assert run_cli("validate", cwd=root).returncode == 0
    body = (root / CACHE_DIR / INDEX_NAME).read_text(encoding="utf-8").partition("\n")[2]
    names = set(json.loads(body)["entries"])
    keys = set(_keys(root))
    assert names, "nothing cached: the test would prove nothing"
    assert not names & keys
    assert names >= {CacheIndex(root.resolve(), True).name(key) for key in keys}


def test_a_cache_index_signed_with_another_secret_is_ignored(make_ledger: MakeLedger) -> None:
    root = make_ledger()
    claims = root / "claims" / "briefing.yaml"
    good = claims.read_text(encoding="utf-8")
    assert run_cli("validate", cwd=root).returncode == 0
    index = root / CACHE_DIR / INDEX_NAME
    clean = index.read_text(encoding="utf-8")
    # The misquote is in the bytes; the committed index says the file is clean, with
    # every stamp rewritten to match, but its signature is not this user's.
    claims.write_text(good.replace("“Obviously.”", "“Obviously not.”"), encoding="utf-8")
    mac, _, body = clean.partition("\n")
    index.write_text(f"{'0' * len(mac)}\n{body}", encoding="utf-8")
    assert run_cli("validate", cwd=root).returncode == 1


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
