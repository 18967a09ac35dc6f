"""``claimledger validate [PATH...]``: check the ledger and report findings."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from claimledger.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    UsageError,
    find_config,
    for_display,
    make_reporter,
    registry_help,
)
from claimledger.cli.progress import progress_for
from claimledger.config import Config, discover
from claimledger.findings import Finding
from claimledger.report import REPORTERS


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "validate",
        help="check claim files, the speaker registry and the corpus",
        description="Check the whole ledger; report findings for the given paths (default: all).",
    )
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="a ledger root, or files and folders inside one (default: the current directory)",
    )
    parser.add_argument(
        "--format",
        choices=REPORTERS,
        default="text",
        help=f"output format ({registry_help(REPORTERS)})",
    )
    parser.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour text output (auto: only on a terminal)",
    )
    parser.add_argument(
        "--jobs",
        type=_positive,
        default=None,
        metavar="N",
        help="check changed claim files in N processes (default: the number of cores)",
    )
    parser.add_argument(
        "--staged",
        action="store_true",
        help="check what the git index holds (what a commit will contain), not the files on "
        "disk; for the pre-commit hook",
    )
    parser.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="print findings only, not the summary line on standard error",
    )
    parser.add_argument(
        "--no-cache",
        dest="cache",
        action="store_false",
        help="neither read nor write the per-file cache under .claimledger/cache/",
    )
    parser.add_argument(
        "--fix",
        action="store_true",
        help="apply the fixes that cannot change meaning (a quote's marks as in its source), "
        "keeping the files' layout and comments, and list them; then validate",
    )
    parser.add_argument(
        "--diff", action="store_true", help="show those fixes as a diff; write nothing"
    )
    parser.set_defaults(run=run)


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be a whole number of at least 1")
    return value


def _absolute(path: Path) -> Path:
    # Not resolve(): a symbolic link is reported where it stands, not where it points.
    return Path(os.path.normpath(path.absolute()))


def _within(finding: Finding, root: Path, selected: list[Path]) -> bool:
    full = _absolute(root / finding.location.path)
    return any(full.is_relative_to(sel) for sel in selected)


def run(args: argparse.Namespace) -> int:
    # Group the paths by ledger: the whole ledger is checked once (uniqueness and
    # anchoring span files), then findings are kept for the paths asked about.
    ledgers: dict[Path, tuple[Config, list[Path]]] = {}
    for raw in args.paths or [None]:
        config = find_config(raw)
        entry = ledgers.setdefault(config.root, (config, []))
        entry[1].append(_absolute(Path(raw)) if raw else _absolute(config.root))
    from claimledger.incremental import check_incremental

    started = time.perf_counter()
    findings: list[Finding] = []
    if args.diff or args.fix:
        if args.staged:
            raise UsageError("--fix and --diff edit the working tree; --staged checks the index")
        from claimledger.cli.fixing import fix_ledger

        if args.diff:
            fixable = sum(fix_ledger(c, sel, write=False) for c, sel in ledgers.values())
            return EXIT_FINDINGS if fixable else EXIT_OK
        for config, selected in ledgers.values():
            fix_ledger(config, selected, write=True)
    files = claims = sources = 0
    with contextlib.ExitStack() as snapshots:
        # Where each ledger's files are read: on disk, or the index's copy of them.
        read_from = {root: root for root in ledgers}
        for root, (config, selected) in ledgers.items():
            checking = config
            if args.staged:
                read_from[root] = snapshots.enter_context(_staged(root))
                checking = _staged_config(read_from[root])
            shown = progress_for("checking claim files")
            try:
                checked = check_incremental(
                    checking,
                    jobs=args.jobs,
                    cache=args.cache and not args.staged,
                    progress=shown,
                )
            finally:
                if shown is not None:
                    shown.close()
            kept = [f for f in checked.findings if _within(f, root, selected)]
            findings += for_display(kept, root)
            files, claims = files + checked.files, claims + checked.claims
            sources += checked.sources
        reporter = make_reporter(
            args.format, args.color, ledgers=list(read_from.values()), here=_context_root(read_from)
        )
        reporter.report(findings, sys.stdout)
    if not args.quiet:
        errors = sum(f.severity.fails for f in findings)
        print(
            f"claimledger: checked {_count(files, 'claim file')} ({_count(claims, 'claim')}) "
            f"against {_count(sources, 'source')}: {_count(errors, 'error')}, "
            f"{_count(len(findings) - errors, 'warning')} in "
            f"{time.perf_counter() - started:.2f} s",
            file=sys.stderr,
        )
    return EXIT_FINDINGS if any(f.severity.fails for f in findings) else EXIT_OK


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


@contextlib.contextmanager
def _staged(root: Path) -> Iterator[Path]:
    from claimledger.staged import StagedError, staged_tree

    try:
        with staged_tree(root) as snapshot:
            yield snapshot
    except StagedError as exc:
        raise UsageError(f"--staged: {exc}") from None


def _staged_config(snapshot: Path) -> Config:
    # The index's pyproject.toml governs the index's ledger; never a file above the snapshot.
    return discover(snapshot, within=snapshot)


def _context_root(read_from: dict[Path, Path]) -> Path:
    """The folder the reporter reads context lines from, for paths shown relative to here:
    the current directory, or its counterpart in the index's snapshot."""
    here = Path.cwd()
    for root, source in read_from.items():
        if source != root and _absolute(here).is_relative_to(root):
            return source / _absolute(here).relative_to(root)
    return here
