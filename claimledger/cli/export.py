"""``claimledger export --format FORMAT [-o FILE] [PATH]``: the ledger for other tools."""

from __future__ import annotations

import argparse
import functools
import sys
from typing import Any

from claimledger.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    find_config,
    for_display,
    make_reporter,
    registry_help,
    write_output,
)
from claimledger.export.formats import FORMATS


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "export",
        help="write the ledger as ClaimReview, CSL-JSON, BibTeX, JSON Lines or Web Annotations",
        description="Validate the ledger and, if it has no errors, export it. "
        + registry_help(FORMATS)
        + ".",
    )
    parser.add_argument("path", nargs="?", metavar="PATH", help="the ledger (default: here)")
    parser.add_argument("--format", "-f", required=True, choices=FORMATS, help="what to write")
    parser.add_argument(
        "--output",
        "-o",
        metavar="FILE",
        help="write FILE atomically ('-' or default: standard output)",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="replace FILE even if it is not an export of this format written by claimledger",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from claimledger.check import validate
    from claimledger.export.formats import ExportRefused, export_ledger, is_export

    config = find_config(args.path)
    result = validate(config)
    # Findings go to standard error: standard output may be the export itself.
    reporter = make_reporter("text", ledgers=[config.root])
    try:
        text = export_ledger(result, args.format)
    except ExportRefused as refused:
        reporter.report(for_display(result.findings, config.root), sys.stderr)
        print(f"claimledger: {refused}", file=sys.stderr)
        return EXIT_FINDINGS
    reporter.report(for_display(result.findings, config.root), sys.stderr)  # warnings, if any
    write_output(
        text,
        args.output,
        owned=functools.partial(is_export, args.format),
        force=args.force,
        root=config.root,
    )
    return EXIT_OK
