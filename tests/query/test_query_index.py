"""The query index answers every query as loading the files does: cold, warm, after a
change, and when the index is corrupted, forged or replaced by a link."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import claimledger.ledger
import claimledger.query
from claimledger.cache_index import CACHE_DIR
from claimledger.query import Ledger, QueryError, load
from claimledger.query.stored import index_path
from claimledger.secret import cache_secret
from tests.conftest import MakeLedger, run_cli
from tests.query.test_filters import CLAIMS, SPEAKERS

# Besides test_filters' claims: a dispute, an unknown speaker and a repeated id (both left
# out, with findings), a quote of an unknown source (left out of its claim), a second file.
MORE = """\
claims:
  - id: disputer
    statement: A claim disputing another.
    speaker: milne
    said_on: "2019/.."
    topics: [russia]
    related: [{claim: by-pm, relation: disputes, note: Says otherwise.}]
    quotes: [{source: briefing-report, text: Obviously.}, {source: nowhere, text: Gone.}]
  - id: by-nobody
    statement: Said by a speaker the registry lacks.
    speaker: nobody
  - id: loner
    statement: The same id again.
    speaker: milne
"""


def _ledger(make_ledger: MakeLedger) -> Path:
    return make_ledger(
        {
            "claims/speakers.yaml": SPEAKERS,
            "claims/briefing.yaml": CLAIMS,
            "claims/more.yaml": MORE,
        }
    )


def _attempt(query: Callable[[], Any]) -> Any:
    try:
        return query()
    except QueryError as exc:
        return f"QueryError: {exc}"


def _answers(ledger: Ledger) -> list[Any]:
    """What every filter, look-up and search of the query API gives, in plain terms."""
    claims = ledger.claims
    queries: list[Callable[[], Any]] = [
        lambda: claims.where(speaker="milne"),
        lambda: claims.by_speaker("milne", identified=False),
        lambda: claims.where(speaker="the spokesman"),
        lambda: claims.where(speaker="AN AIDE TO  JEREMY CORBYN"),
        lambda: claims.where(source="briefing-report"),
        lambda: claims.where(quoting="briefing-report"),
        lambda: claims.where(supported_by="briefing-report"),
        lambda: claims.where(contradicted_by="briefing-report"),
        lambda: claims.where(topic=["syria", "russia"]),
        lambda: claims.where(verdict="accurate"),
        lambda: claims.where(verdict="inaccurate"),
        lambda: claims.where(contradicted=True),
        lambda: claims.where(contradicted=False),
        lambda: claims.where(disputed=True),
        lambda: claims.where(disputed=False),
        lambda: claims.where(related_to="by-aide"),
        lambda: claims.related_to("by-milne", transitive=True),
        lambda: claims.since("2016-10"),
        lambda: claims.since("2016-10", overlaps=True),
        lambda: claims.until("2016-10-15"),
        lambda: claims.until("2020", overlaps=True),
        lambda: claims.between("2016-10-01", "2016-10-15", overlaps=True),
        lambda: claims.where(topic="russia").since("2016").where(contradicted=False),
        lambda: claims.where(speaker="nobody"),
        lambda: claims.where(topic="sryia"),
        lambda: claims.where(source="briefing-reprot"),
        lambda: claims.where(verdict="true"),
        lambda: claims.where(related_to="no-such-claim"),
    ]
    found: list[Any] = [
        repr(ledger),
        ledger.findings,
        ledger.speakers,
        ledger.sources,
        claims.summaries(),
        claims.speakers(),
        claims.chronological(),
        [repr(claim) for claim in claims],
        [claim.location for claim in claims],
        [ledger.relations(claim) for claim in claims],
        [ledger.text(source) for source in ledger.sources],
        [ledger.identified_as(speaker) for speaker in ledger.speakers],
        _attempt(lambda: ledger.claim("by-milne")),
        _attempt(lambda: ledger.claim("by-miln")),
        _attempt(lambda: ledger.speaker("aid")),
        _attempt(lambda: ledger.source("briefing")),
    ]
    for query in queries:
        result = _attempt(query)
        found.append(result if isinstance(result, str) else (result.ids(), tuple(result)))
    for words in ("obviously", "claim", '"spokesman replied"', "interven*", "nothing-like-it"):
        found.append([repr(hit) for hit in ledger.search(words)])
        found.append([repr(hit) for hit in ledger.search_corpus(words, limit=3)])
    return found


def _store(root: Path) -> Path:
    secret = cache_secret()
    assert secret is not None
    return index_path(root, secret)


def _without_reading_files(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the ledger's files were read: the index was not used")

    monkeypatch.setattr(claimledger.ledger, "read_ledger", refuse)


def _same_size_edit(path: Path, old: str, new: str) -> None:
    """Replace ``old`` by ``new`` (as long) and put the modification time back."""
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    assert old in text
    assert len(old) == len(new)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size


def _fresh(root: Path) -> list[Any]:
    return _answers(load(root, strict=False, cache=False))


def test_cold_and_warm_answer_as_the_files_do_and_warm_reads_no_file(
    make_ledger: MakeLedger, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _ledger(make_ledger)
    uncached = _fresh(root)
    assert not _store(root).exists()
    cold = _answers(load(root, strict=False))
    assert _store(root).is_file()
    with monkeypatch.context() as patched:
        _without_reading_files(patched)
        warm = _answers(load(root, strict=False))
    assert cold == uncached
    assert warm == uncached
    # The ledger has errors: a strict load refuses it, from the index as from the files.
    with pytest.raises(claimledger.query.LedgerError) as from_index:
        load(root)
    with pytest.raises(claimledger.query.LedgerError) as from_files:
        load(root, cache=False)
    assert from_index.value.findings == from_files.value.findings


@pytest.mark.parametrize(
    ("file", "old", "new"),
    [
        ("claims/briefing.yaml", "topics: [syria]", "topics: [sryia]"),  # a filter's value
        ("claims/briefing.yaml", "Claim by-milne.", "Claim by-mylne."),  # a statement
        ("claims/more.yaml", "relation: disputes", "relation: supports"),
        ("claims/speakers.yaml", "speaker: milne", "speaker: aide "),  # the registry
        ("corpus/briefing-report.yaml", "2016", "2017"),  # a source's metadata
        ("corpus/briefing-report.txt", "the", "THE"),  # a source's text (search)
    ],
)
def test_a_changed_byte_is_seen_whatever_the_times_say(
    make_ledger: MakeLedger, file: str, old: str, new: str
) -> None:
    root = _ledger(make_ledger)
    before = _answers(load(root, strict=False))
    _same_size_edit(root / file, old, new)
    after = _answers(load(root, strict=False))
    assert after == _fresh(root)
    assert after != before
    assert _answers(load(root, strict=False)) == after  # and the index follows


def test_deleted_and_added_files_are_seen(make_ledger: MakeLedger) -> None:
    root = _ledger(make_ledger)
    load(root, strict=False)
    (root / "claims" / "more.yaml").unlink()
    assert _answers(load(root, strict=False)) == _fresh(root)
    (root / "claims" / "extra.yaml").write_text(MORE.replace("disputer", "another"), "utf-8")
    (root / "corpus" / "notes.txt").write_text("A stray file of the corpus.\n", "utf-8")
    assert _answers(load(root, strict=False)) == _fresh(root)
    assert "another" in load(root, strict=False).claims.ids()


def _corrupt(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for at in range(100, len(data), 997):
        data[at] ^= 0x5A
    path.write_bytes(bytes(data))


def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:3000])


def _not_a_database(path: Path) -> None:
    path.write_text("claims: []\n", encoding="utf-8")


@pytest.mark.parametrize("damage", [_corrupt, _truncate, _not_a_database])
def test_a_damaged_index_is_ignored_and_rebuilt(
    make_ledger: MakeLedger, damage: Callable[[Path], None]
) -> None:
    root = _ledger(make_ledger)
    expected = _fresh(root)
    load(root, strict=False)
    damage(_store(root))
    assert _answers(load(root, strict=False)) == expected
    assert _answers(load(root, strict=False)) == expected


def _forge(root: Path, table: str, sign: bool) -> None:
    """Make the index's records say "Forged." where the claims say "Obviously.", signed
    with this user's secret or not."""
    secret = cache_secret()
    assert secret is not None
    with sqlite3.connect(_store(root)) as db:
        if table == "records":
            rows = db.execute("SELECT name, body FROM records").fetchall()
            keys = [(name,) for name, _ in rows]
        else:
            rows = db.execute("SELECT file, sha256, position, body FROM entries").fetchall()
            keys = [tuple(row[:3]) for row in rows]
            rows = [(f"{f}\0{s}\0{p}", body) for f, s, p, body in rows]
        changed = 0
        for key, (name, body) in zip(keys, rows, strict=True):
            if "Claim by-milne." not in body:
                continue
            forged = body.replace("Claim by-milne.", "Forged claim.")
            message = f"query-index\0{name}\0{forged}".encode()
            mac = hmac.new(secret if sign else b"not the secret", message, hashlib.sha256)
            where = "name = ?" if table == "records" else "file = ? AND sha256 = ? AND position = ?"
            db.execute(
                f"UPDATE {table} SET body = ?, mac = ? WHERE {where}",
                (forged, mac.hexdigest(), *key),
            )
            changed += 1
        assert changed


@pytest.mark.parametrize("table", ["records", "entries"])
def test_a_record_this_user_did_not_sign_is_never_used(make_ledger: MakeLedger, table: str) -> None:
    root = _ledger(make_ledger)
    expected = _fresh(root)
    load(root, strict=False)
    _forge(root, table, sign=False)
    shown = _answers(load(root, strict=False))
    assert "Forged claim." not in repr(shown)
    assert shown == expected


def test_a_record_this_user_signed_is_used(make_ledger: MakeLedger) -> None:
    # What the test above refuses works when signed: the refusal is the signature's doing.
    root = _ledger(make_ledger)
    load(root, strict=False)
    _forge(root, "entries", sign=True)
    assert "Forged claim." in repr(tuple(load(root, strict=False).claims))


def test_an_index_planted_by_a_link_is_neither_read_nor_written(
    make_ledger: MakeLedger, tmp_path: Path
) -> None:
    root = _ledger(make_ledger)
    elsewhere = tmp_path / "elsewhere.sqlite3"
    load(root, strict=False)
    _store(root).rename(elsewhere)
    kept = elsewhere.read_bytes()
    _store(root).symlink_to(elsewhere)
    assert _answers(load(root, strict=False)) == _fresh(root)
    assert _store(root).is_symlink()
    assert elsewhere.read_bytes() == kept
    _store(root).unlink()
    _store(root).symlink_to("/dev/zero")
    result = run_cli("query", "--format", "ids", cwd=root)
    assert result.returncode == 0, result.stderr
    assert "by-milne" in result.stdout


def test_a_ledger_with_a_link_is_loaded_without_the_index(
    make_ledger: MakeLedger, tmp_path: Path
) -> None:
    root = _ledger(make_ledger)
    outside = tmp_path / "outside.txt"
    outside.write_text("Text from outside the ledger.\n", encoding="utf-8")
    (root / "corpus" / "stray.txt").symlink_to(outside)
    assert _answers(load(root, strict=False)) == _fresh(root)
    assert not _store(root).exists()


def test_the_index_holds_plain_data_only(make_ledger: MakeLedger) -> None:
    root = _ledger(make_ledger)
    load(root, strict=False)
    with sqlite3.connect(_store(root)) as db:
        bodies = [body for (body,) in db.execute("SELECT body FROM records")]
        bodies += [body for (body,) in db.execute("SELECT body FROM entries")]
    for body in bodies:
        json.loads(body)  # JSON, nothing that executes when loaded
    assert _store(root).parent == root / CACHE_DIR


@pytest.mark.parametrize(
    "argv",
    [
        ("query",),
        ("query", "--speaker", "the spokesman", "--format", "ids"),
        ("query", "--topic", "syria", "--topic", "russia", "--not-contradicted"),
        ("query", "--since", "2016-10", "--until", "2016-10-15", "--overlaps", "--format", "json"),
        ("query", "--disputed", "--format", "yaml"),
        ("query", "--related-to", "by-milne", "--transitive"),
        ("query", "--verdict", "acurate"),
        ("show", "by-aide"),
        ("show", "disputer", "--format", "json"),
        ("search", "claim", "--format", "json"),
    ],
)
def test_commands_answer_as_without_the_index_after_a_change(
    make_ledger: MakeLedger, argv: tuple[str, ...]
) -> None:
    root = _ledger(make_ledger)
    cold = run_cli(*argv, cwd=root)
    warm = run_cli(*argv, cwd=root)
    _same_size_edit(root / "claims" / "briefing.yaml", "Claim by-aide.", "Claim by-aida.")
    changed = run_cli(*argv, cwd=root)
    for result in (cold, warm, changed):
        assert "Traceback" not in result.stderr
    assert (cold.returncode, cold.stdout, cold.stderr) == (
        warm.returncode,
        warm.stdout,
        warm.stderr,
    )
    assert _store(root).is_file()
    _store(root).unlink()
    fresh = run_cli(*argv, cwd=root)
    assert (changed.returncode, changed.stdout, changed.stderr) == (
        fresh.returncode,
        fresh.stdout,
        fresh.stderr,
    )
