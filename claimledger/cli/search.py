"""``claimledger search TEXT``: ranked passages of the corpus and claims that match.

TEXT is words (all must occur; passages holding them together rank first), ``"a
phrase"`` (quoted within the shell's quotes: ``'"diverts attention"'``) or ``prefix*``;
any other FTS5 syntax is read as plain words. Offsets are code points into the
source's text.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any, TextIO

from claimledger.cli.common import (
    EXIT_OK,
    add_ledger_argument,
    dump,
    open_ledger,
    query_error,
    terminal,
)

if TYPE_CHECKING:
    from claimledger.query import ClaimHit, PassageHit

WIDTH = 200


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "search",
        help="full-text search of the corpus and of claims' statements and quotes",
        description="Search the corpus (by paragraph) and claims' statements and quotes; "
        "results are ranked by bm25, best first.",
    )
    parser.add_argument("text", nargs="+", metavar="TEXT", help='words, "a phrase" or prefix*')
    add_ledger_argument(parser)
    parser.add_argument(
        "--in",
        dest="where",
        choices=("claims", "corpus"),
        help="search only claims or only the corpus (default: both, claims first)",
    )
    parser.add_argument("--limit", type=_positive, default=10, metavar="N", help="hits per kind")
    parser.add_argument("--format", choices=("table", "json"), default="table")
    parser.set_defaults(run=run)


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a positive whole number, got {value!r}")
    return number


def _record(hit: ClaimHit | PassageHit) -> dict[str, Any]:
    from claimledger.query import PassageHit

    if isinstance(hit, PassageHit):
        return {
            "in": "corpus",
            "source": hit.source.id,
            "paragraph": hit.paragraph,
            "start": hit.start,
            "end": hit.end,
            "matches": [list(span) for span in hit.matches],
            "score": round(hit.score, 6),
            "text": hit.text,
        }
    return {
        "in": "claims",
        "claim": hit.claim.id,
        "speaker": hit.claim.speaker.id,
        "score": round(hit.score, 6),
        "matches": [
            {
                "field": m.field,
                "index": m.index,
                "spans": [list(span) for span in m.spans],
                "text": m.text,
            }
            for m in hit.matches
        ],
    }


def _table(claims: tuple[ClaimHit, ...], passages: tuple[PassageHit, ...], out: TextIO) -> None:
    for hit in claims:
        out.write(f"claim {hit.claim.id} [{hit.claim.speaker.id}]\n  {hit.snippet(WIDTH)}\n")
    for passage in passages:
        spans = ", ".join(f"{s}-{e}" for s, e in passage.matches)
        where = f"{passage.source.id} ¶{passage.paragraph} @{spans}"
        out.write(f"{where}\n  {passage.snippet(WIDTH)}\n")
    total = len(claims) + len(passages)
    out.write(f"{len(claims)} claim(s), {len(passages)} passage(s)\n" if total else "no matches\n")


def run(args: argparse.Namespace) -> int:
    from claimledger.query import QueryError

    ledger = open_ledger(args)
    query = " ".join(args.text)
    try:
        claims = ledger.search(query, limit=args.limit) if args.where != "corpus" else ()
        passages = ledger.search_corpus(query, limit=args.limit) if args.where != "claims" else ()
    except QueryError as exc:
        return query_error(exc)
    if args.format == "json":
        records = [*map(_record, claims), *map(_record, passages)]
        dump(records, "json", sys.stdout)
    else:
        _table(claims, passages, terminal(sys.stdout))
    return EXIT_OK
