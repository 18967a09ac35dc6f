"""Benchmark: trace 10,000 claims through a generated archive of at least 1 GB.

    python benchmarks/bench_trace.py [--megabytes 1024] [--claims 10000] [--full-megabytes M]

The archive (news reports and transcripts with planted appearances; see
``archive.py``) is generated in a temporary folder and deleted afterwards. Measured:

- quotes only (exact, retyped, elided: ``--no-variants --no-repeats``) over the whole
  archive with 1 worker process and with 2: throughput in MB of text per second per
  core (wall clock, and CPU time, which a shared machine distorts less), and the
  speed-up from 1 to 2 workers;
- the full trace (variants and repeats too) with 2 workers, over ``--full-megabytes``
  of it (default: all): throughput, recall of every planted kind, precision and recall
  of repeats;
- the peak memory (resident) of each worker process;
- on paper, the cores a nightly trace of 100 GB needs, from the measured rates.

The target is 20 MB/s per core for exact and elided quotes over 10,000 claims' quotes.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import archive as generator

from claimledger import load
from claimledger.trace import Options, find_shards, patterns_for
from claimledger.trace.result import Trace, collect
from claimledger.trace.schedulers import run_map

NIGHTLY_GB = 100


def run(patterns: Any, shards: list[Any], options: Options, workers: int) -> tuple[Trace, float]:
    started = time.perf_counter()
    result = collect(
        [c.id for c in patterns.claims],
        run_map(patterns, shards, options, "processes", workers),
    )
    return result, time.perf_counter() - started


def rates(result: Trace, seconds: float, workers: int) -> dict[str, float]:
    mb = sum(s.characters for s in result.stats) / 1e6
    cpu = sum(s.cpu_seconds for s in result.stats)
    by_worker: dict[str, int] = {}
    for s in result.stats:
        by_worker[s.worker] = max(by_worker.get(s.worker, 0), s.peak_memory)
    return {
        "mb": mb,
        "seconds": seconds,
        "wall_per_core": mb / seconds / workers,
        "cpu_per_core": mb / cpu if cpu else 0.0,
        "peak_mb": max(by_worker.values()) / 1e6,
        "workers_seen": len(by_worker),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--megabytes", type=float, default=1024)
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--plantings", type=int, default=6_000)
    parser.add_argument("--full-megabytes", type=float)
    parser.add_argument("--shards", type=int, default=32)
    args = parser.parse_args()
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="claimledger-trace-bench-") as tmp:
        root = Path(tmp)
        started = time.perf_counter()
        generator.generate(
            root,
            claims=args.claims,
            megabytes=args.megabytes,
            plantings=args.plantings,
            shards=args.shards,
        )
        generated = time.perf_counter() - started
        size = sum(p.stat().st_size for p in (root / "archive").iterdir())
        started = time.perf_counter()
        patterns = patterns_for(load(root / "ledger", cache=False))
        built = time.perf_counter() - started
        shards = find_shards([str(root / "archive")])
        quotes = Options(variants=False, repeats=False)
        one, one_s = run(patterns, shards, quotes, 1)
        two, two_s = run(patterns, shards, quotes, 2)
        assert one.jsonl() == two.jsonl()
        full_shards = shards
        if args.full_megabytes:
            share = max(1, round(len(shards) * args.full_megabytes / args.megabytes))
            full_shards = shards[:share]
        full, full_s = run(patterns, full_shards, Options(), 2)
        scores = generator.evaluate([a.to_dict() for a in full.appearances], root / "planted.jsonl")
        if full_shards is not shards:
            kept = {str(s.path) for s in full_shards}
            scores = _restricted(root, kept, full)
        shutil.rmtree(root / "archive")
    load_after = os.getloadavg()
    r1, r2, rf = rates(one, one_s, 1), rates(two, two_s, 2), rates(full, full_s, 2)
    lines = [
        f"Machine: {os.cpu_count()} cores, {platform.machine()}, Python "
        f"{platform.python_version()}; load average {load_before[0]:.1f} before, "
        f"{load_after[0]:.1f} after (other work shares the cores).",
        f"Archive: {size / 1e9:.2f} GB on disk, {r1['mb']:.0f} MB of text in {len(shards)} "
        f"JSON Lines shards (generated in {generated:.0f} s); {len(patterns.quotes)} quotes of "
        f"{len(patterns.claims)} claims (patterns built in {built:.1f} s).",
        "",
        "| run | workers | MB | wall s | MB/s per core (wall) | MB/s per core (CPU) "
        "| peak RSS per worker MB |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, r, w in (
        ("quotes (exact, retyped, elided)", r1, 1),
        ("quotes (exact, retyped, elided)", r2, 2),
        ("full (+ variants, repeats)", rf, 2),
    ):
        lines.append(
            f"| {name} | {w} | {r['mb']:.0f} | {r['seconds']:.1f} | {r['wall_per_core']:.1f} "
            f"| {r['cpu_per_core']:.1f} | {r['peak_mb']:.0f} |"
        )
    lines += [
        "",
        f"Speed-up from 1 to 2 workers (quotes): {one_s / two_s:.2f}x.",
        "",
        "Planted appearances (full run): found as the same words / as a variant / as a "
        "repeat, of those planted:",
        "",
    ]
    for kind in generator.KINDS:
        s = scores[kind]
        lines.append(
            f"- {kind}: {s['same words']} / {s['variant']} / {s['repeat']} of {s['planted']}"
        )
    lines += [
        "",
        f"Repeats: precision {scores['repeat precision']:.3f}, recall "
        f"{scores['repeat recall']:.3f} (paraphrases found as a repeat or variant).",
        "",
        f"Projection for a nightly trace of {NIGHTLY_GB} GB, from the CPU-time rates "
        "(no I/O or scheduling overhead counted):",
        "",
    ]
    for name, rate in (("quotes only", r2["cpu_per_core"]), ("full", rf["cpu_per_core"])):
        core_hours = NIGHTLY_GB * 1000 / rate / 3600
        lines.append(
            f"- {name}: {core_hours:.1f} core-hours; {core_hours / 4:.1f} cores finish in "
            f"4 hours, {core_hours:.1f} in one hour."
        )
    print("\n".join(lines))


def _restricted(root: Path, shards: set[str], full: Trace) -> dict[str, Any]:
    planted = root / "planted.jsonl"
    kept = root / "planted-kept.jsonl"
    import json

    rows = [json.loads(line) for line in planted.read_text().splitlines()]
    kept.write_text("".join(json.dumps(r) + "\n" for r in rows if r["shard"] in shards))
    return generator.evaluate([a.to_dict() for a in full.appearances], kept)


if __name__ == "__main__":
    main()
