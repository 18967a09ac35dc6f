"""``claimledger export --format FORMAT [-o FILE] [PATH]``: the ledger for other tools."""

from __future__ import annotations

import argparse
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
        help="write the ledger as ClaimReview, CSL-JSON, BibTeX or JSON Lines",
        description="Validate the ledger and, if it has no errors, export it. "
        + registry_help(FORMATS)
        + ".",
    )
    parser.add_argument("path", nargs="?", metavar="PATH", help="the ledger (default: here)")
    parser.add_argument("--format", "-f", required=True, choices=FORMATS, help="what to write")
    parser.add_argument(
        "--output", "-o", metavar="FILE", help="write FILE atomically (default: standard output)"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from claimledger.check import validate
    from claimledger.export.formats import ExportRefused, export_ledger

    config = find_config(args.path)
    result = validate(config)
    # Findings go to standard error: standard output may be the export itself.
    reporter = make_reporter("text")
    try:
        text = export_ledger(result, args.format)
    except ExportRefused as refused:
        reporter.report(for_display(result.findings, config.root), sys.stderr)
        print(f"claimledger: {refused}", file=sys.stderr)
        return EXIT_FINDINGS
    reporter.report(for_display(result.findings, config.root), sys.stderr)  # warnings, if any
    write_output(text, args.output)
    return EXIT_OK
