"""``claimledger add-source FILE...``: copy documents into the corpus with their sha256."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from claimledger.cli.common import EXIT_FINDINGS, EXIT_OK, UsageError, find_config
from claimledger.cli.inputs import read_input


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "add-source",
        help="copy documents into the corpus and write their metadata",
        description="Copy each FILE into corpus/<id>.txt byte for byte and write corpus/<id>.yaml "
        "with its sha256 and the facts given here; fields not given are written as unknown "
        "(null), never guessed. A saved web page (.html) has its main text extracted with "
        "trafilatura; the page is kept beside it as <id>.html and the extraction recorded. "
        "Existing sources are never replaced.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="a text or web page ('-': stdin)")
    parser.add_argument("--id", help="the source id (default: from the file name)")
    parser.add_argument("--title", help="the document's title, as printed")
    parser.add_argument("--publisher", help="who published it (an outlet, a parliament)")
    parser.add_argument("--url", help="where it was published")
    parser.add_argument("--published", metavar="DATE", help="YYYY, YYYY-MM or YYYY-MM-DD")
    parser.add_argument("--kind", help="news-report, parliamentary-transcript, speech, …")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    # Imported here: the command line loads what a command runs only when it runs.
    from claimledger.workflow.corpus import (
        CorpusError,
        NewSource,
        add_source,
        source_id_from_name,
    )

    if len(args.files) > 1:
        one_only = [f"--{k}" for k in ("id", "title", "url") if getattr(args, k)]
        if one_only:
            raise UsageError(f"{', '.join(one_only)} describe one document; add files one by one")
    if "-" in args.files and not args.id:
        raise UsageError("standard input has no file name: give --id")
    config = find_config(None)
    failed = False
    for name in args.files:
        source_id = args.id or source_id_from_name(name)
        new = NewSource(
            id=source_id,
            kind=args.kind,
            title=args.title,
            publisher=args.publisher,
            url=args.url,
            published=args.published,
        )
        try:
            added = add_source(config, new, "<stdin>" if name == "-" else name, read_input(name))
        except CorpusError as exc:
            print(f"{name}: {exc}", file=sys.stderr)
            failed = True
            continue
        except OSError as exc:
            raise UsageError(f"cannot write the corpus: {exc.strerror or exc}") from None
        shown = added.text_path.relative_to(config.root).as_posix()
        line = f"added {added.id}: {shown} (sha256 {added.sha256})"
        if added.extraction is not None:
            page = added.original_path.name if added.original_path else "the page"
            ex = added.extraction
            line += f", main text extracted from {page} by {ex.tool} {ex.tool_version}"
        print(line)
    return EXIT_FINDINGS if failed else EXIT_OK
