"""One algorithm, three schedulers: the same output from each, byte for byte.

Dask runs for real: a LocalCluster of two worker processes.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa  # type: ignore[import-untyped]
import pyarrow.parquet as pq  # type: ignore[import-untyped]
import pytest

from claimledger import load
from claimledger.trace import Options, Patterns, SchedulerError, patterns_for, trace
from claimledger.trace.archive import find_shards, read_shard
from tests.trace.conftest import Planted


@pytest.fixture(scope="module")
def patterns(planted: Planted) -> Patterns:
    return patterns_for(load(planted.ledger, cache=False))


@pytest.fixture(scope="module")
def inprocess(planted: Planted, patterns: Patterns) -> str:
    return trace(patterns, [str(planted.archive)], scheduler="inprocess").jsonl()


def test_processes_give_the_inprocess_output(
    planted: Planted, patterns: Patterns, inprocess: str
) -> None:
    result = trace(patterns, [str(planted.archive)], scheduler="processes", workers=2)
    assert result.jsonl() == inprocess
    assert len({s.worker for s in result.stats}) >= 1
    assert sum(s.documents for s in result.stats) > 100


def test_a_dask_local_cluster_gives_the_inprocess_output(
    planted: Planted, patterns: Patterns, inprocess: str
) -> None:
    result = trace(patterns, [str(planted.archive)], scheduler="dask-local", workers=2)
    assert result.jsonl() == inprocess
    assert all(s.peak_memory > 0 for s in result.stats)


def test_a_running_dask_scheduler_by_address(
    planted: Planted, patterns: Patterns, inprocess: str
) -> None:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        result = trace(patterns, [str(planted.archive)], scheduler=cluster.scheduler_address)
    assert result.jsonl() == inprocess


def test_parquet_shards_read_as_their_json_lines(
    planted: Planted, patterns: Patterns, tmp_path: Path
) -> None:
    shard = find_shards([str(planted.archive)])[0]
    documents, problems = read_shard(shard)
    assert not problems
    rows = [
        {
            "id": d.id,
            "text": d.text,
            "url": d.url,
            "title": d.title,
            "publisher": d.publisher,
            "published": str(d.published),
        }
        for d in documents
    ]
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "part.parquet", row_group_size=16)
    as_jsonl = tmp_path / "part.jsonl"
    as_jsonl.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    options = Options()
    from_parquet = trace(
        patterns, [str(tmp_path / "part.parquet")], scheduler="inprocess", options=options
    )
    from_jsonl = trace(patterns, [str(as_jsonl)], scheduler="inprocess", options=options)
    assert from_parquet.appearances
    strip = [
        (a.claim, a.kind, a.document, a.start, a.end, a.line, a.published)
        for a in from_parquet.appearances
    ]
    assert strip == [
        (a.claim, a.kind, a.document, a.start, a.end, a.line, a.published)
        for a in from_jsonl.appearances
    ]


def test_an_unknown_scheduler_is_refused(planted: Planted, patterns: Patterns) -> None:
    with pytest.raises(SchedulerError, match="unknown scheduler"):
        trace(patterns, [str(planted.archive)], scheduler="threads")
    with pytest.raises(SchedulerError, match="at least 1"):
        trace(patterns, [str(planted.archive)], scheduler="processes", workers=0)
