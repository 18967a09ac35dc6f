"""The parsed-file cache a repository could plant is never trusted nor read through a link."""

from __future__ import annotations

import hashlib
import hmac
from pathlib import Path

from claimledger.cache_index import CACHE_DIR
from claimledger.parsed_cache import PARSED_NAME
from claimledger.query import load
from claimledger.secret import cache_secret
from tests.conftest import MakeLedger, run_cli
from tests.trust.limited import run_cli_in_1_gb


def _forge(index: Path, mac: str | None) -> None:
    """Rewrite the index so the claim file reads "Forged." where it says "Obviously.",
    signed with ``mac`` (this user's signature of the new body when None)."""
    body = index.read_text(encoding="utf-8").partition("\n")[2]
    assert "Obviously." in body
    body = body.replace("Obviously.", "Forged.")
    if mac is None:
        message = b"index\0" + body.encode()
        secret = cache_secret()
        assert secret is not None
        mac = hmac.new(secret, message, hashlib.sha256).hexdigest()
    index.write_text(f"{mac}\n{body}", encoding="utf-8")


def _statements(root: Path) -> str:
    # Without the query index, which would answer from what it stored before the forgery.
    for stored in (root / CACHE_DIR).glob("query-*.sqlite3"):
        stored.unlink()
    return repr(tuple(load(root).claims))


def test_an_index_this_user_signed_is_used(make_ledger: MakeLedger) -> None:
    # What the next test refuses works when signed: the refusal is the signature's doing.
    root = make_ledger()
    load(root)
    _forge(root / CACHE_DIR / PARSED_NAME, None)
    assert "Forged." in _statements(root)


def test_an_index_signed_otherwise_is_ignored(make_ledger: MakeLedger) -> None:
    root = make_ledger()
    load(root)
    index = root / CACHE_DIR / PARSED_NAME
    mac = index.read_text(encoding="utf-8").partition("\n")[0]
    _forge(index, "0" * len(mac))
    shown = _statements(root)
    assert "Forged." not in shown
    assert "Obviously." in shown
    # Replaced by this user's own index.
    assert "Forged." not in index.read_text(encoding="utf-8")


def test_a_planted_link_to_dev_zero_is_not_read(make_ledger: MakeLedger) -> None:
    root = make_ledger()
    index = root / CACHE_DIR / PARSED_NAME
    index.parent.mkdir(parents=True)
    index.symlink_to("/dev/zero")
    result = run_cli_in_1_gb("query", "--format", "ids", cwd=root)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "us-is-an-intervening-power" in result.stdout
    assert not index.is_symlink()


def test_a_cache_folder_that_is_a_link_is_neither_read_nor_written(
    make_ledger: MakeLedger, tmp_path: Path
) -> None:
    root = make_ledger()
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "cache").mkdir(parents=True)
    (root / ".claimledger").symlink_to(elsewhere)
    result = run_cli("query", "--format", "ids", cwd=root)
    assert result.returncode == 0, result.stderr
    assert list((elsewhere / "cache").iterdir()) == []
