"""``claimledger trace ARCHIVE… [-o FILE]``: where else each claim was said or reported.

Reads the ledger (``--ledger``, default here), traces every claim through the archive's
shards and writes one JSON line per appearance (standard output, or ``-o FILE``), and
with ``--report FILE`` a Markdown report grouped by claim. A bad record in the archive
is reported as ``path:line:col: CODE message`` and nothing is written (exit 1).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

from claimledger.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    UsageError,
    add_ledger_argument,
    check_outputs,
    open_ledger,
    write_output,
)
from claimledger.dates import PartialDate

__all__ = ["register", "run"]


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "trace",
        help="find each claim's quotes and repeats in an archive, and the earliest",
        description="Trace every claim of the ledger through an archive: JSON Lines "
        "(.jsonl, .jsonl.gz) or Parquet shards of documents with id and text (and url, "
        "published, title, publisher), or folders of .txt files. Finds each quote exactly, "
        "retyped or elided, variants with a word or two changed, and repeats of the claim "
        "in other words. Writes one JSON line per appearance.",
    )
    parser.add_argument("archive", nargs="+", metavar="ARCHIVE", help="shard files or folders")
    add_ledger_argument(parser)
    parser.add_argument(
        "--output", "-o", metavar="FILE", help="write the JSON Lines to FILE (default: stdout)"
    )
    parser.add_argument("--report", metavar="FILE", help="also write a Markdown report to FILE")
    parser.add_argument(
        "--force",
        action="store_true",
        help="replace output files that are not claimledger trace's own",
    )
    parser.add_argument(
        "--since",
        metavar="DATE",
        help="only documents published on or after DATE (YYYY[-MM[-DD]]); undated ones are "
        "left out",
    )
    parser.add_argument(
        "--scheduler",
        default="processes",
        metavar="SCHEDULER",
        help="inprocess, processes (default: one process per core), dask-local (a local Dask "
        "cluster) or tcp://HOST:PORT (a running Dask scheduler)",
    )
    parser.add_argument("--workers", type=int, metavar="N", help="worker processes")
    parser.add_argument(
        "--no-variants", dest="variants", action="store_false", help="skip approximate matches"
    )
    parser.add_argument(
        "--no-repeats", dest="repeats", action="store_false", help="skip repeats in other words"
    )
    parser.add_argument(
        "--apply",
        action="store_true",
        help="record the appearances in the claim files (review the diff before committing)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    # Imported here: the automaton, the matcher and the query API are for this command only.
    from claimledger.trace import ArchiveError, Options, SchedulerError, find_shards, patterns_for
    from claimledger.trace.report import is_trace_report, markdown_report
    from claimledger.trace.result import collect, is_trace_output
    from claimledger.trace.schedulers import run_map

    since = None
    if args.since is not None:
        try:
            since = PartialDate.parse(args.since)
        except ValueError as exc:
            raise UsageError(f"--since: {exc}") from None
    ledger = open_ledger(args)
    # Both outputs are checked before the run: a refused report must not follow a written -o.
    check_outputs(
        [(args.output, is_trace_output), (args.report, is_trace_report)], force=args.force
    )
    if args.apply and any(f.severity.fails for f in ledger.findings):
        print("claimledger: --apply needs a ledger without errors", file=sys.stderr)
        return EXIT_FINDINGS
    try:
        shards = find_shards(args.archive)
    except ArchiveError as exc:
        raise UsageError(str(exc)) from None
    patterns = patterns_for(ledger)
    options = Options(variants=args.variants, repeats=args.repeats, since=since)
    started = time.perf_counter()
    try:
        result = collect(
            [c.id for c in patterns.claims],
            run_map(patterns, shards, options, args.scheduler, args.workers),
        )
    except SchedulerError as exc:
        raise UsageError(str(exc)) from None
    if result.problems:
        for problem in result.problems:
            print(problem, file=sys.stderr)
        print(
            f"claimledger: {len(result.problems)} problem(s) in the archive; nothing written",
            file=sys.stderr,
        )
        return EXIT_FINDINGS
    seconds = time.perf_counter() - started
    root = ledger.config.root
    write_output(result.jsonl(), args.output, owned=is_trace_output, force=args.force, root=root)
    if args.report:
        statements = {c.id: c.statement for c in patterns.claims}
        text = markdown_report(result, statements, title=f"Trace of {ledger.config.title}")
        write_output(text, args.report, owned=is_trace_report, force=args.force, root=root)
    documents = sum(s.documents for s in result.stats)
    print(
        f"claimledger: {len(result.appearances)} appearance(s) of "
        f"{len(result.by_claim())} claim(s) in {documents} document(s), {len(shards)} "
        f"shard(s), {seconds:.1f} s",
        file=sys.stderr,
    )
    if args.apply:
        return _apply(ledger, result.by_claim())
    return EXIT_OK


def _apply(ledger: Any, found: Any) -> int:
    from claimledger.trace.apply import ApplyError, apply_appearances

    root = ledger.config.root
    files: dict[Path, list[str]] = {}
    for claim in ledger.claims:
        if claim.location is not None:
            files.setdefault(root / claim.location.path, []).append(claim.id)
    try:
        changed = apply_appearances(files, found)
    except ApplyError as exc:
        print(f"claimledger: {exc}; nothing written", file=sys.stderr)
        return EXIT_FINDINGS
    except OSError as exc:
        raise UsageError(f"cannot write the claim files: {exc}") from None
    print(f"claimledger: recorded appearances in {len(changed)} claim file(s)", file=sys.stderr)
    return EXIT_OK
