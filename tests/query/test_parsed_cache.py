"""Loading from the parsed-file cache gives what parsing gives, and sees every change."""

from __future__ import annotations

import os
import shutil

import pytest

import claimledger.parsed_cache
from claimledger.cache_index import CACHE_DIR
from claimledger.parsed_cache import PARSED_NAME
from claimledger.query import Ledger, load
from tests.conftest import MakeLedger, run_cli


def _described(ledger: Ledger) -> tuple[object, ...]:
    """Everything a query can see of a loaded ledger, positions included."""
    claims = tuple(repr(claim) for claim in ledger.claims)
    relations = tuple(repr(ledger.relations(claim)) for claim in ledger.claims)
    return claims, relations, ledger.speakers, ledger.sources, ledger.findings


def _no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(text: str, path: str) -> None:
        raise AssertionError(f"{path} parsed again")

    monkeypatch.setattr(claimledger.parsed_cache, "parse_yaml", refuse)


@pytest.mark.parametrize("base", ["clean", "broken"])
def test_a_warm_load_gives_what_parsing_gives_without_parsing(
    make_ledger: MakeLedger, monkeypatch: pytest.MonkeyPatch, base: str
) -> None:
    root = make_ledger(base=base)
    uncached = _described(load(root, strict=False, cache=False))
    assert not (root / CACHE_DIR / PARSED_NAME).exists()
    cold = _described(load(root, strict=False))
    assert (root / CACHE_DIR / PARSED_NAME).is_file()
    with monkeypatch.context() as patched:
        if base == "clean":  # the broken ledger's unparseable files are parsed every time
            _no_parsing(patched)
        warm = _described(load(root, strict=False))
    assert cold == uncached
    assert warm == uncached
    if base == "broken":  # findings located in files read back from the cache
        findings = load(root, strict=False).findings
        assert any(f.location.line > 1 for f in findings)


def test_a_changed_byte_is_seen_whatever_the_times_say(make_ledger: MakeLedger) -> None:
    root = make_ledger()
    claims = root / "claims" / "briefing.yaml"
    load(root)
    before = claims.stat()
    text = claims.read_text(encoding="utf-8")
    assert "Obviously." in text
    changed = text.replace("Obviously.", "Obviousl?.")  # the same size
    claims.write_text(changed, encoding="utf-8")
    os.utime(claims, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert claims.stat().st_size == before.st_size
    warm = load(root, strict=False)
    assert _described(warm) == _described(load(root, strict=False, cache=False))
    assert "Obviousl?." in repr(tuple(warm.claims))


def test_a_file_that_now_has_errors_is_reported_where_they_are(make_ledger: MakeLedger) -> None:
    root = make_ledger()
    load(root)
    claims = root / "claims" / "briefing.yaml"
    text = claims.read_text(encoding="utf-8")
    claims.write_text(text.replace("speaker: ", "speaker: nobody-", 1), encoding="utf-8")
    warm = load(root, strict=False)
    uncached = load(root, strict=False, cache=False)
    assert warm.findings == uncached.findings
    assert any(f.severity.fails for f in warm.findings)


@pytest.mark.parametrize(
    "argv",
    [
        ("query", "--format", "json"),
        ("query", "--topic", "syria", "--format", "yaml"),
        ("show", "us-is-an-intervening-power", "--format", "json"),
        ("show", "multiple-interventions"),
        ("search", "intervention", "--format", "json"),
    ],
)
def test_commands_answer_the_same_cold_warm_and_without_the_cache(
    make_ledger: MakeLedger, argv: tuple[str, ...]
) -> None:
    root = make_ledger()
    cold = run_cli(*argv, cwd=root)
    assert cold.returncode == 0, cold.stderr
    assert (root / CACHE_DIR / PARSED_NAME).is_file()
    warm = run_cli(*argv, cwd=root)
    shutil.rmtree(root / ".claimledger")
    fresh = run_cli(*argv, cwd=root)
    assert cold.stdout
    assert cold.stdout == warm.stdout == fresh.stdout
    assert cold.stderr == warm.stderr == fresh.stderr
