"""``claimledger schema``: the JSON Schema of claim files, the speaker registry and sources.

``claimledger schema claims`` prints one schema; ``claimledger schema --dir
schema`` writes all three where the shipped YAML files' ``$schema`` lines
point, and with ``--check`` only reports which are missing or stale (exit 1).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from claimledger.cli.common import EXIT_FINDINGS, EXIT_OK, UsageError, write_output
from claimledger.export.schema import SCHEMA_FILES, schema_text


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "schema",
        help="print or write the JSON Schema of the ledger's YAML files",
        description="JSON Schema (draft 2020-12) generated from the models, for editors "
        "(yaml-language-server) and validators. Give KIND to print one, or --dir to write all.",
    )
    parser.add_argument(
        "kind", nargs="?", choices=SCHEMA_FILES, metavar="KIND", help="claims, speakers or source"
    )
    parser.add_argument("--output", "-o", metavar="FILE", help="write KIND's schema to FILE")
    parser.add_argument("--dir", metavar="DIR", help="write every schema into DIR")
    parser.add_argument(
        "--check", action="store_true", help="with --dir: write nothing, exit 1 if any is stale"
    )
    parser.add_argument(
        "--force", action="store_true", help="replace files that are not schemas claimledger wrote"
    )
    parser.set_defaults(run=run)


def _is_schema(head: str) -> bool:
    return head.startswith('{\n  "$schema": "https://json-schema.org/')


def run(args: argparse.Namespace) -> int:
    if (args.kind is None) == (args.dir is None):
        raise UsageError("schema: give a KIND (claims, speakers, source) or --dir DIR")
    if args.check and args.dir is None:
        raise UsageError("schema: --check needs --dir")
    if args.kind is not None:
        write_output(schema_text(args.kind), args.output, owned=_is_schema, force=args.force)
        return EXIT_OK
    if args.output is not None:
        raise UsageError("schema: --output is for one KIND; --dir writes them all")
    folder = Path(args.dir)
    stale = []
    for kind, name in SCHEMA_FILES.items():
        target, text = folder / name, schema_text(kind)
        current = target.read_text(encoding="utf-8") if target.is_file() else None
        if current == text:
            continue
        stale.append(target)
        if not args.check:
            folder.mkdir(parents=True, exist_ok=True)
            from claimledger.atomic import OutputRefused
            from claimledger.atomic import write_output as write_output_file

            try:
                write_output_file(target, text, owned=_is_schema, force=args.force)
            except OutputRefused as exc:
                raise UsageError(f"not written: {exc}") from None
    if args.check:
        for target in stale:
            print(f"{target.as_posix()}: out of date; run `claimledger schema --dir {args.dir}`")
        return EXIT_FINDINGS if stale else EXIT_OK
    for target in stale:
        print(f"wrote {target.as_posix()}", file=sys.stderr)
    return EXIT_OK
