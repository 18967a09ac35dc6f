"""``claimledger render [PATH] [-o LEDGER.md]``: write the citable Markdown ledger.

Exit codes: 0 written; 1 the ledger has errors, so nothing is written (unless
``--force``, which writes it with the failing claims marked); 2 a usage or
template error, or the file cannot be written. The previous file is replaced
atomically, so a failed or interrupted run leaves it as it was.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from claimledger.cli.common import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, find_config, for_display
from claimledger.render.groupings import GROUPINGS

__all__ = ["register", "run"]


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "render",
        help="write the ledger as citable Markdown (LEDGER.md)",
        description="Validate the ledger, then write it as Markdown. Nothing is written "
        "if the ledger has errors, unless --force is given.",
    )
    parser.add_argument(
        "path",
        nargs="?",
        metavar="PATH",
        help="the ledger root or a folder inside it (default: the current directory)",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="where to write; '-' for standard output (default: 'ledger' in [tool.claimledger])",
    )
    parser.add_argument(
        "--group-by",
        choices=GROUPINGS,
        default="speaker",
        help="how claims are grouped; within a group they are in date order (default: speaker)",
    )
    parser.add_argument(
        "--template",
        metavar="FILE",
        help="a Jinja2 template to use instead of 'template' in [tool.claimledger]",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="write the ledger even if it has errors, marking the claims that fail",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from claimledger.atomic import write_atomic
    from claimledger.check import validate
    from claimledger.digest import edition_digest
    from claimledger.render.markdown import TemplateError, render_markdown
    from claimledger.report import TextReporter

    config = find_config(args.path)
    result = validate(config)
    shown = for_display(result.findings, config.root)
    # Findings go to standard error: standard output may be the ledger itself (-o -).
    TextReporter(Path.cwd()).report(shown, sys.stderr)
    if result.failed and not args.force:
        print(
            "claimledger: the ledger has errors; nothing written (--force to write anyway)",
            file=sys.stderr,
        )
        return EXIT_FINDINGS
    template = Path(args.template) if args.template else None
    try:
        text = render_markdown(
            result.ledger,
            group_by=args.group_by,
            findings=result.findings if result.failed else (),
            template=template,
        )
    except TemplateError as exc:
        print(f"claimledger: template error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.output == "-":
        sys.stdout.write(text)
        return EXIT_OK
    target = Path(args.output) if args.output else config.ledger_path
    try:
        write_atomic(target, text)
    except OSError as exc:
        print(f"claimledger: cannot write {target}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    claims = len(result.ledger.claims)
    edition = edition_digest(result.ledger.claims)
    relative = os.path.relpath(target.absolute())
    shown_target = target if relative.startswith("..") else relative
    print(
        f"claimledger: wrote {shown_target} ({claims} claims, edition {edition})", file=sys.stderr
    )
    return EXIT_OK
