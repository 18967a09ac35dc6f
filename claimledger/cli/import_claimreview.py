"""``claimledger import claimreview FILE``: ClaimReview JSON-LD into a claim file.

The claims go to ``--output`` (default ``claims/imported.yaml`` in the ledger
found from the current directory), written atomically; an existing file is
replaced only with ``--force``. Notes on what was skipped go to standard
error; findings saying which corpus documents and speakers to add, at their
lines in the written file, go to standard output. Exit 0 once written; 1 for
input that is not ClaimReview JSON-LD; 2 for usage.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from claimledger.atomic import OutputRefused, private_folder, write_output
from claimledger.cli.common import EXIT_FINDINGS, EXIT_OK, UsageError, find_config, for_display
from claimledger.importers import NOT_ANCHORED, InputError, claim_file, read_claimreview
from claimledger.ledger import read_ledger
from claimledger.parse import MAX_BYTES
from claimledger.report import TextReporter


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "import",
        help="read claims published as ClaimReview into a claim file",
        description="Read schema.org ClaimReview JSON-LD (one review, a list, or a DataFeed) "
        f"into a claim file. Quotes are marked {NOT_ANCHORED!r} until anchored in the corpus.",
    )
    parser.add_argument("format", choices=("claimreview",), help="the input format")
    parser.add_argument("file", metavar="FILE", help="the JSON-LD file ('-': standard input)")
    parser.add_argument(
        "--output", "-o", metavar="FILE", help="claim file to write (default: claims/imported.yaml)"
    )
    parser.add_argument("--force", action="store_true", help="replace the output file if it exists")
    parser.set_defaults(run=run)


def _read(name: str) -> str | None:
    """The input's text, or ``None`` after saying why it cannot be read."""
    try:
        if name == "-":
            data = sys.stdin.buffer.read(MAX_BYTES + 1)
        else:
            with open(name, "rb") as handle:  # bounded: the file may be a device
                data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise UsageError(f"cannot read {name}: {exc.strerror or exc}") from None
    if len(data) > MAX_BYTES:
        print(f"{name}: over the {MAX_BYTES // 1048576} MB limit", file=sys.stderr)
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        print(f"{name}: not UTF-8: invalid byte at offset {exc.start}", file=sys.stderr)
        return None


def run(args: argparse.Namespace) -> int:
    config = find_config(None)
    output = Path(args.output) if args.output else config.claims_dir / "imported.yaml"
    if output.exists() and not args.force:
        raise UsageError(f"{output} exists; give --force to replace it")
    text = _read(args.file)
    if text is None:
        return EXIT_FINDINGS
    shown = "<stdin>" if args.file == "-" else args.file
    try:
        imported = read_claimreview(text, shown)
    except InputError as exc:
        for error in exc.errors:
            print(error, file=sys.stderr)
        return EXIT_FINDINGS
    for note in imported.notes:
        print(f"{note} (note)", file=sys.stderr)
    ledger, _ = read_ledger(config)  # only its ids are needed; validate reports its problems
    result = claim_file(imported, ledger, output, Path(shown).name)
    size = len(result.text.encode("utf-8"))
    if size > MAX_BYTES:
        # validate refuses a claim file over the limit: write nothing it would refuse.
        print(
            f"{shown}: the claim file would be {size / 1048576:.1f} MB, over the "
            f"{MAX_BYTES // 1048576} MB a claim file may be; split the input",
            file=sys.stderr,
        )
        return EXIT_FINDINGS
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        write_output(
            output, result.text, force=args.force, scratch=private_folder(config.root, create=False)
        )
    except OutputRefused as exc:
        raise UsageError(f"not written: {exc}") from None
    except OSError as exc:
        raise UsageError(f"cannot write {output}: {exc.strerror or exc}") from None
    TextReporter(Path.cwd(), ledgers=[config.root]).report(
        for_display(result.findings, config.root), sys.stdout
    )
    quotes = sum(len(c.quotes) for c in imported.claims)
    print(
        f"wrote {output}: {len(imported.claims)} claim(s); {quotes} quote(s) to anchor",
        file=sys.stderr,
    )
    return EXIT_OK
