"""``claimledger export --format FORMAT [-o FILE] [PATH]``: the ledger for other tools."""

from __future__ import annotations

import argparse
import functools
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimledger.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    UsageError,
    find_config,
    for_display,
    make_reporter,
    registry_help,
    write_output,
)
from claimledger.export.formats import FORMATS

if TYPE_CHECKING:
    from claimledger.config import Config


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


def _refuse_ledger_input(output: Path, config: Config) -> None:
    """An export is never written where the ledger reads its own files: over a claim
    file or into the corpus it would be lost data (``--force`` or not), and a new file
    there would be read as a broken claim file or source."""
    target = output.resolve()
    claims = config.claims_dir.resolve()
    corpus = config.corpus_dir.resolve()
    if target.is_relative_to(corpus) or (
        target.is_relative_to(claims) and target.suffix in (".yaml", ".yml")
    ):
        folder = "corpus" if target.is_relative_to(corpus) else "claims"
        raise UsageError(
            f"not written: {output} is in the ledger's {folder} folder, where claimledger "
            "reads the ledger itself; export elsewhere"
        )


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
    if args.output not in (None, "-"):
        _refuse_ledger_input(Path(args.output), config)
    write_output(
        text,
        args.output,
        owned=functools.partial(is_export, args.format),
        force=args.force,
        root=config.root,
    )
    return EXIT_OK
