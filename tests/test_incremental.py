"""The incremental validator reports exactly what the full one does, cached or not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimledger.check import validate
from claimledger.config import discover
from claimledger.incremental import CACHE_DIR, validate_incremental
from tests.conftest import MakeLedger


def full(root: Path) -> tuple[object, ...]:
    return validate(discover(root)).findings


@pytest.fixture
def broken(make_ledger: MakeLedger) -> Path:
    return make_ledger(base="broken")


def test_cold_warm_and_parallel_runs_equal_the_full_validation(broken: Path) -> None:
    expected = full(broken)
    assert expected  # the broken example has one of every error
    config = discover(broken)
    assert validate_incremental(config, jobs=1, cache=False) == expected
    assert validate_incremental(config, jobs=2, cache=False) == expected
    assert validate_incremental(config, jobs=1) == expected  # fills the cache
    assert list((broken / CACHE_DIR).rglob("*.json"))
    assert validate_incremental(config, jobs=2) == expected  # reads it


def test_a_changed_file_is_rechecked_and_cross_file_rules_see_it(broken: Path) -> None:
    config = discover(broken)
    validate_incremental(config)
    errors = broken / "claims" / "errors.yaml"
    # Renaming the duplicate id removes CL004; the other files come from the cache.
    errors.write_text(
        errors.read_text().replace("- id: us-is-an-intervening-power", "- id: renamed")
    )
    warm = validate_incremental(config)
    assert warm == full(broken)
    assert "CL004" not in {f.code for f in warm}


def test_a_corpus_change_invalidates_every_claim_file(broken: Path) -> None:
    config = discover(broken)
    before = validate_incremental(config)
    text = broken / "corpus" / "briefing-report.txt"
    text.write_text(text.read_text().replace("Obviously", "Of course"))
    after = validate_incremental(config)
    assert after == full(broken)
    assert after != before
    assert any(f.code == "CL009" and "briefing.yaml" in f.location.path for f in after)


def test_a_corrupt_or_planted_cache_entry_is_ignored(broken: Path) -> None:
    config = discover(broken)
    expected = validate_incremental(config)
    # A well-formed entry saying "no findings", as a pull request could commit it.
    planted = json.dumps({"findings": [], "index": []})
    for entry in (broken / CACHE_DIR).rglob("*.json"):
        entry.write_text(f"{'0' * 64}\n{planted}")
    assert validate_incremental(config) == expected
    for entry in (broken / CACHE_DIR).rglob("*.json"):
        entry.write_bytes(b"\x80not json")
    assert validate_incremental(config) == expected


def test_a_read_only_ledger_validates_without_a_cache(broken: Path) -> None:
    (broken / ".claimledger").write_text("a file where the cache folder would go")
    assert validate_incremental(discover(broken)) == full(broken)
