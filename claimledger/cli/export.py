"""``claimledger export --format FORMAT [-o FILE] [PATH]``: the ledger for other tools."""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from claimledger.atomic import OutputRefused, private_folder
from claimledger.atomic import write_output as write_output_file
from claimledger.check import validate
from claimledger.cli.common import EXIT_FINDINGS, EXIT_OK, UsageError, find_config, for_display
from claimledger.export import FORMATS, ExportRefused, export_ledger, is_export
from claimledger.report import TextReporter


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "export",
        help="write the ledger as ClaimReview, CSL-JSON, BibTeX or JSON Lines",
        description="Validate the ledger and, if it has no errors, export it. "
        "claimreview: schema.org ClaimReview JSON-LD, one review per claim with a verdict; "
        "csl-json, bibtex: a citation for every claim and every corpus document; "
        "jsonl: flat records for DuckDB, pandas and Spark.",
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


def write_output(
    text: str,
    output: str | None,
    *,
    owned: Callable[[str], bool],
    force: bool = False,
    root: Path | None = None,
) -> None:
    """``text`` to standard output (``None`` or ``-``), or safely to ``output``: an existing
    file is replaced only if ``owned`` recognises it or with ``force`` (shared by export
    and schema)."""
    if output is None or output == "-":
        sys.stdout.write(text)
        return
    try:
        scratch = private_folder(root, create=False) if root is not None else None
        write_output_file(Path(output), text, owned=owned, force=force, scratch=scratch)
    except OutputRefused as exc:
        raise UsageError(f"not written: {exc}") from None
    except OSError as exc:
        raise UsageError(f"cannot write {output}: {exc.strerror or exc}") from None


def run(args: argparse.Namespace) -> int:
    config = find_config(args.path)
    result = validate(config)
    # Findings go to standard error: standard output may be the export itself.
    reporter = TextReporter(Path.cwd(), colour=False, ledgers=[config.root])
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
