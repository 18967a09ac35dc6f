# ruff: noqa: RUF001 - en dashes in ranges, as printed for readers.
"""``claimledger locate SOURCE TEXT``: where a passage anchors, or what it resembles."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from claimledger.cli.common import EXIT_FINDINGS, EXIT_OK, find_config
from claimledger.findings import visible
from claimledger.names import did_you_mean, suggest


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "locate",
        help="show where a passage anchors in a source",
        description="Anchor TEXT in a source as validation does and show each match: its kind, "
        "paragraph, offsets and surrounding words, and the `occurrence` value that picks it "
        "when there are several. When TEXT is not found, the closest passages are shown. "
        "Exit 0 when found, 1 when not.",
    )
    parser.add_argument("source", metavar="SOURCE", help="a source id (corpus/<id>.yaml)")
    parser.add_argument("text", metavar="TEXT", help="the words to find ('-': standard input)")
    parser.add_argument("--yaml", action="store_true", help="print quote blocks ready to paste")
    parser.add_argument(
        "--version", type=int, metavar="N", help="look in version N of a corrected source"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    # Imported here: the command line loads what a command runs only when it runs.
    from claimledger.anchorings import prepared_text
    from claimledger.ledger import read_registry
    from claimledger.workflow.locate import locate_in, quote_yaml

    config = find_config(None)
    registry, _ = read_registry(config)
    known = registry.sources.get(args.source)
    if known is None:
        hint = did_you_mean(suggest(args.source, sorted(registry.sources)))
        print(f"claimledger: unknown source {args.source!r}{hint}", file=sys.stderr)
        return EXIT_FINDINGS
    document = known.version(args.version)
    if document is None:
        last = known.meta.current_version
        print(f"claimledger: {args.source!r} has no version {args.version} (1 to {last})")
        return EXIT_FINDINGS
    source = prepared_text(document)
    if source is None:
        print(f"claimledger: {document.text_path.name} cannot be read", file=sys.stderr)
        return EXIT_FINDINGS
    text = sys.stdin.read() if args.text == "-" else args.text
    located = locate_in(source, text)
    matches = located.anchoring.matches
    if args.yaml and matches:
        sys.stdout.write(quote_yaml(args.source, located, source, args.version))
        return EXIT_OK
    if not matches:
        print(
            f"not found in {args.source!r}; closest passages:"
            if located.passages
            else f"not found in {args.source!r}"
        )
        for passage in located.passages:
            print(
                f"  {passage.similarity:.0f}%  ¶ {passage.paragraph}, characters "
                f"{passage.start}–{passage.end}: “{visible(passage.text)}”"
            )
        return EXIT_FINDINGS
    count = f"{len(matches)} occurrences" if len(matches) > 1 else "1 match"
    print(f"found in {args.source!r}: {count}")
    for number, match in enumerate(matches, 1):
        where = f"¶ {match.paragraph}" + (
            f"–{match.last_paragraph}" if match.last_paragraph != match.paragraph else ""
        )
        pick = f"occurrence: {number}, " if len(matches) > 1 else ""
        print(f"  {pick}{match.kind}, {where}, characters {match.start}–{match.end}")
        words = source.text[match.start : match.end]
        print(f"    …{visible(match.prefix)}[{visible(words)}]{visible(match.suffix)}…")
    return EXIT_OK
