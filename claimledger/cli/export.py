"""``claimledger export --format FORMAT [-o FILE] [PATH]``: the ledger for other tools."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from claimledger.atomic import write_atomic
from claimledger.check import validate
from claimledger.cli.common import EXIT_FINDINGS, EXIT_OK, UsageError, find_config, for_display
from claimledger.export import FORMATS, ExportRefused, export_ledger
from claimledger.report import TextReporter


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "export",
        help="write the ledger as ClaimReview, CSL-JSON, BibTeX, JSON Lines or Web Annotations",
        description="Validate the ledger and, if it has no errors, export it. "
        "claimreview: schema.org ClaimReview JSON-LD, one review per claim with a verdict; "
        "csl-json, bibtex: a citation for every claim and every corpus document; "
        "jsonl: flat records for DuckDB, pandas and Spark; "
        "web-annotation: every anchored passage as a W3C Web Annotation.",
    )
    parser.add_argument("path", nargs="?", metavar="PATH", help="the ledger (default: here)")
    parser.add_argument("--format", "-f", required=True, choices=FORMATS, help="what to write")
    parser.add_argument(
        "--output", "-o", metavar="FILE", help="write FILE atomically (default: standard output)"
    )
    parser.set_defaults(run=run)


def write_output(text: str, output: str | None) -> None:
    """``text`` to standard output, or atomically to ``output`` (shared by export and schema)."""
    if output is None:
        sys.stdout.write(text)
        return
    try:
        write_atomic(Path(output), text)
    except OSError as exc:
        raise UsageError(f"cannot write {output}: {exc.strerror or exc}") from None


def run(args: argparse.Namespace) -> int:
    config = find_config(args.path)
    result = validate(config)
    # Findings go to standard error: standard output may be the export itself.
    reporter = TextReporter(Path.cwd(), colour=False)
    try:
        text = export_ledger(result, args.format)
    except ExportRefused as refused:
        reporter.report(for_display(result.findings, config.root), sys.stderr)
        print(f"claimledger: {refused}", file=sys.stderr)
        return EXIT_FINDINGS
    reporter.report(for_display(result.findings, config.root), sys.stderr)  # warnings, if any
    write_output(text, args.output)
    return EXIT_OK
