"""The incremental validator reports exactly what the full one does, cached or not."""

from __future__ import annotations

import collections
import json
import re
from pathlib import Path

import pytest

import claimledger.corpus_on_demand as corpus_on_demand
import claimledger.incremental as incremental
import claimledger.layout as layout
import claimledger.ledger as ledger
import claimledger.safe_read as safe_read
from claimledger.cache_index import CACHE_DIR, INDEX_NAME
from claimledger.check import validate
from claimledger.config import Config, discover
from claimledger.findings import Finding
from claimledger.incremental import validate_incremental
from claimledger.ledger import SourceDocument, read_source, read_text
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


def test_a_warm_run_with_nothing_changed_reads_no_file(
    broken: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = discover(broken)
    expected = validate_incremental(config, jobs=1)
    read: list[Path] = []
    real = read_text

    def counted(path: Path, root: Path) -> tuple[str | None, bytes | None, list[Finding]]:
        read.append(path)
        return real(path, root)

    monkeypatch.setattr(incremental, "read_text", counted)
    monkeypatch.setattr(ledger, "read_registry", _refuse)
    assert validate_incremental(config, jobs=1) == expected
    # Only what cannot be cached is read again: the link that leaves the ledger and the
    # files that do not parse are reported afresh (reading them is refused or cheap).
    assert {p.name for p in read} <= {"outside.yaml"}


def test_a_cold_run_reads_each_file_once(broken: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The registry and corpus are hashed for the cache's key and parsed from the same
    bytes: no file is read twice (and what is parsed is what was hashed)."""
    expected = full(broken)
    read: list[Path] = []
    real = safe_read.read_regular

    def counted(path: Path, root: Path | None, *, limit: int) -> bytes:
        read.append(path)
        return real(path, root, limit=limit)

    monkeypatch.setattr(layout, "read_regular", counted)
    assert validate_incremental(discover(broken), jobs=1) == expected
    corpus = {p for p in read if p.parent.name == "corpus"}
    assert len(corpus) > 3  # the registry's documents were read here
    assert [p for p, n in collections.Counter(read).items() if n > 1] == []


def _refuse(config: object, **_: object) -> object:
    raise AssertionError("the registry and the corpus were read again")


def test_entries_of_deleted_files_are_pruned(broken: Path) -> None:
    config = discover(broken)
    validate_incremental(config, jobs=1)
    before = _entries(broken)
    (broken / "claims" / "errors.yaml").unlink()
    assert validate_incremental(config, jobs=1) == full(broken)
    after = _entries(broken)
    assert len(after) < len(before)
    assert validate_incremental(config, jobs=1) == full(broken)
    assert _entries(broken) == after


def _entries(root: Path) -> set[str]:
    body = (root / CACHE_DIR / INDEX_NAME).read_text(encoding="utf-8").partition("\n")[2]
    return set(json.loads(body)["entries"])


def test_a_same_sized_edit_to_a_corpus_text_is_seen(broken: Path) -> None:
    config = discover(broken)
    before = validate_incremental(config, jobs=1)
    text = broken / "corpus" / "briefing-report.txt"
    old = text.read_bytes()
    text.write_bytes(old.replace(b"Obviously", b"Obviouslx"))
    after = validate_incremental(config, jobs=1)
    assert after == full(broken) != before
    text.write_bytes(old)
    assert validate_incremental(config, jobs=1) == before


def test_the_old_file_per_entry_cache_is_removed(broken: Path, tmp_path: Path) -> None:
    old = broken / CACHE_DIR / "ab"
    old.mkdir(parents=True)
    (old / f"{'ab' * 32}.json").write_text("0\n{}")
    (old / "notes.txt").write_text("not ours")
    (tmp_path / "elsewhere").mkdir()
    (broken / CACHE_DIR / "cd").symlink_to(tmp_path / "elsewhere")
    (tmp_path / "elsewhere" / f"{'cd' * 32}.json").write_text("0\n{}")
    validate_incremental(discover(broken), jobs=1)
    assert [p.name for p in old.iterdir()] == ["notes.txt"]
    assert (tmp_path / "elsewhere" / f"{'cd' * 32}.json").exists()  # never through a link


def test_one_changed_file_reads_only_the_documents_it_cites(
    broken: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = discover(broken)
    validate_incremental(config, jobs=1)
    claims = broken / "claims" / "briefing.yaml"
    claims.write_text(claims.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    expected = full(broken)
    read: list[str] = []
    real = read_source

    def counted(config: Config, meta_path: Path) -> tuple[SourceDocument | None, list[Finding]]:
        read.append(meta_path.stem)
        return real(config, meta_path)

    monkeypatch.setattr(ledger, "read_registry", _refuse)
    monkeypatch.setattr(corpus_on_demand, "read_source", counted)
    assert validate_incremental(config, jobs=1) == expected
    cited = set(re.findall(r"source: (\S+)", claims.read_text(encoding="utf-8")))
    corpus = {p.stem for p in (broken / "corpus").glob("*.yaml")}
    assert read, "the changed file's sources were read"
    assert set(read) <= cited < corpus | cited
    assert len(set(read)) < len(corpus)


def test_a_claim_that_starts_citing_a_changed_text_is_named(broken: Path) -> None:
    config = discover(broken)
    text = broken / "corpus" / "briefing-report.txt"
    text.write_text(text.read_text(encoding="utf-8") + "Added.\n", encoding="utf-8")
    before = validate_incremental(config, jobs=1)
    assert before == full(broken)
    claims = broken / "claims" / "schema.yaml"
    claims.write_text(
        "claims:\n  - id: cites-it\n    statement: S.\n    speaker: spokesman\n"
        "    quotes:\n      - source: briefing-report\n        text: Obviously.\n",
        encoding="utf-8",
    )
    after = validate_incremental(config, jobs=1)
    assert after == full(broken)
    assert any("cites-it" in f.message for f in after if f.code == "CL008")
