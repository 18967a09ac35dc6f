"""One map, three schedulers: in this process, in local processes, or on a Dask cluster.

Every scheduler runs :func:`~claimledger.trace.shard.trace_shard` once per shard with
the same :class:`~claimledger.trace.patterns.Patterns`, built once by the caller and
shipped to each worker once (pickled to a process pool's initializer; scattered to
every Dask worker with ``broadcast``); results are reduced by
:func:`claimledger.trace.result.collect`, which sorts them, so the output is the same
whichever ran it. A worker holds one shard's current document (or Parquet batch) and
the patterns: memory does not grow with the archive.

``scheduler`` is ``inprocess``, ``processes`` (the default; ``workers`` processes, one
per core unless given), ``dask-local`` (a :class:`distributed.LocalCluster` of
``workers`` single-threaded worker processes, started and stopped here) or the address
of a running Dask scheduler, ``tcp://HOST:PORT`` (the archive's paths must be readable
by every worker under the same names, and the workers need claimledger installed).
"""

from __future__ import annotations

import importlib
import multiprocessing
import os
import pickle
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from typing import Any

from claimledger.trace.appearance import ShardResult
from claimledger.trace.archive import Shard
from claimledger.trace.patterns import Patterns
from claimledger.trace.shard import Options, trace_shard

__all__ = ["SCHEDULERS", "SchedulerError", "run_map"]

SCHEDULERS = ("inprocess", "processes", "dask-local", "tcp://HOST:PORT")


class SchedulerError(Exception):
    """The scheduler cannot be used as asked (a usage error)."""


def run_map(
    patterns: Patterns,
    shards: Sequence[Shard],
    options: Options,
    scheduler: str = "processes",
    workers: int | None = None,
) -> Iterator[ShardResult]:
    """The map over ``shards``, one result per shard, in the order they finish."""
    if workers is not None and workers < 1:
        raise SchedulerError(f"workers must be at least 1, not {workers}")
    # The largest shards first, so that no worker is left with a big one at the end.
    ordered = sorted(shards, key=lambda s: (-s.size, s.path))
    if scheduler == "inprocess":
        return (trace_shard(patterns, shard, options) for shard in ordered)
    if scheduler == "processes":
        return _processes(patterns, ordered, options, workers or os.cpu_count() or 1)
    if scheduler == "dask-local" or scheduler.startswith(("tcp://", "tls://")):
        return _dask(patterns, ordered, options, scheduler, workers)
    raise SchedulerError(
        f"unknown scheduler {scheduler!r}: expected inprocess, processes, dask-local or "
        "tcp://HOST:PORT"
    )


_INSTALLED: list[Patterns] = []


def _install(pickled: bytes) -> None:
    _INSTALLED[:] = [pickle.loads(pickled)]


def _installed_shard(shard: Shard, options: Options) -> ShardResult:
    return trace_shard(_INSTALLED[0], shard, options)


def _processes(
    patterns: Patterns, shards: Sequence[Shard], options: Options, workers: int
) -> Iterator[ShardResult]:
    # spawn, not fork: a forked child inherits the parent's threads' locks and memory.
    context = multiprocessing.get_context("spawn")
    pickled = pickle.dumps(patterns, protocol=pickle.HIGHEST_PROTOCOL)
    with ProcessPoolExecutor(
        max_workers=min(workers, max(1, len(shards))),
        mp_context=context,
        initializer=_install,
        initargs=(pickled,),
    ) as pool:
        futures = [pool.submit(_installed_shard, shard, options) for shard in shards]
        try:
            for future in as_completed(futures):
                yield future.result()
        finally:
            for future in futures:
                future.cancel()


def _shard_first(shard: Shard, patterns: Patterns, options: Options) -> ShardResult:
    # Client.map maps over the first argument.
    return trace_shard(patterns, shard, options)


def _dask(
    patterns: Patterns,
    shards: Sequence[Shard],
    options: Options,
    scheduler: str,
    workers: int | None,
) -> Iterator[ShardResult]:
    try:
        # Dask has no type hints: its objects are Any here.
        distributed: Any = importlib.import_module("distributed")
    except ImportError:
        raise SchedulerError(
            f"--scheduler {scheduler} needs Dask: pip install 'claimledger[dask]'"
        ) from None
    cluster: Any = None
    if scheduler == "dask-local":
        cluster = distributed.LocalCluster(
            n_workers=workers or os.cpu_count() or 1,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
        )
        client = distributed.Client(cluster)
    else:
        try:
            client = distributed.Client(scheduler, timeout="30s")
        except (OSError, TimeoutError) as exc:
            raise SchedulerError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    try:
        shipped = client.scatter(patterns, broadcast=True, hash=False)
        futures = client.map(
            _shard_first, list(shards), patterns=shipped, options=options, pure=False
        )
        for _, result in distributed.as_completed(futures, with_results=True):
            yield result
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
