"""JSON Lines: golden files, and the records loaded and queried in DuckDB."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import duckdb
from pytest_regressions.file_regression import FileRegressionFixture

from claimledger.export.jsonl import COLUMNS, to_jsonl
from claimledger.ledger import LedgerFiles


def test_golden(
    named_ledger: tuple[str, LedgerFiles], file_regression: FileRegressionFixture
) -> None:
    name, ledger = named_ledger
    file_regression.check(to_jsonl(ledger), basename=name, extension=".jsonl")


def test_every_line_has_every_column_in_order(named_ledger: tuple[str, LedgerFiles]) -> None:
    _, ledger = named_ledger
    lines = to_jsonl(ledger).splitlines()
    assert all(list(json.loads(line)) == list(COLUMNS) for line in lines)


def load(ledger: LedgerFiles, tmp_path: Path) -> duckdb.DuckDBPyConnection:
    path = tmp_path / "ledger.jsonl"
    path.write_text(to_jsonl(ledger), encoding="utf-8")
    con = duckdb.connect()
    con.execute(f"CREATE TABLE ledger AS SELECT * FROM read_ndjson_auto('{path}')")
    return con


def test_duckdb_counts_match_the_ledger(
    named_ledger: tuple[str, LedgerFiles], tmp_path: Path
) -> None:
    _, ledger = named_ledger
    con = load(ledger, tmp_path)
    quotes = con.execute(
        "SELECT source, count(*) FROM ledger WHERE record = 'quote' GROUP BY source"
    ).fetchall()
    assert dict(quotes) == Counter(q.source for c in ledger.claims for q in c.quotes)
    claims = con.execute(
        "SELECT speaker, count(*) FROM ledger WHERE record = 'claim' GROUP BY speaker"
    ).fetchall()
    assert dict(claims) == Counter(c.speaker for c in ledger.claims)
    stances = con.execute(
        "SELECT stance, count(*) FROM ledger WHERE record = 'evidence' GROUP BY stance"
    ).fetchall()
    want = {
        "supports": sum(len(c.supports) for c in ledger.claims),
        "contradicts": sum(len(c.contradicts) for c in ledger.claims),
        "context": sum(len(c.context) for c in ledger.claims),
    }
    assert dict(stances) == {k: v for k, v in want.items() if v}
    kinds = dict(con.execute("SELECT record, count(*) FROM ledger GROUP BY record").fetchall())
    assert kinds["speaker"] == len(ledger.speakers)
    assert kinds["source"] == len(ledger.sources)


def test_duckdb_joins_and_reads_dates(
    named_ledger: tuple[str, LedgerFiles], tmp_path: Path
) -> None:
    _, ledger = named_ledger
    con = load(ledger, tmp_path)
    types = dict(con.execute("SELECT column_name, column_type FROM (DESCRIBE ledger)").fetchall())
    assert types["said_on_from"] == "DATE"
    assert types["topics"] == "VARCHAR[]"
    # Quotes joined to the documents quoted: every quote finds its source record.
    orphans = con.execute(
        "SELECT count(*) FROM ledger q LEFT JOIN ledger s "
        "ON s.record = 'source' AND s.source = q.source "
        "WHERE q.record = 'quote' AND s.source IS NULL"
    ).fetchone()
    assert orphans == (0,)
    # Claims said within a range of days, by the last day a partial date can be.
    dated = con.execute(
        "SELECT count(*) FROM ledger WHERE record = 'claim' AND said_on_to <= DATE '2016-10-31'"
    ).fetchone()
    assert dated == (
        sum(1 for c in ledger.claims if c.said_on and c.said_on.last.isoformat() <= "2016-10-31"),
    )
