"""``claimledger query``: the claims matching filters, as a table, JSON, YAML or ids.

Filters combine like :meth:`claimledger.query.ClaimSet.where`: every filter given must
match; a filter given more than once matches any of its values
(``--topic syria --topic russia`` is either).
"""

from __future__ import annotations

import argparse
import shutil
import sys
from collections.abc import Sequence
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
    from claimledger.query import ClaimSet, Ledger
    from claimledger.query.index import ClaimSummary

FORMATS = ("table", "json", "yaml", "ids")


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "query",
        help="list the claims matching filters",
        description="List the claims matching every filter given (a repeated filter: any of "
        "its values). Dates are YYYY, YYYY-MM or YYYY-MM-DD.",
    )
    add_ledger_argument(parser)
    many: Sequence[tuple[str, str]] = (
        ("--speaker", "a speaker's id, name or reported-as name (with those identified as them)"),
        ("--source", "a source quoted by, supporting or contradicting the claim"),
        ("--quoting", "a source quoting the claim"),
        ("--supported-by", "a source supporting the claim"),
        ("--contradicted-by", "a source contradicting the claim"),
        ("--topic", "a topic"),
        ("--verdict", "a verdict rating"),
        ("--related-to", "a claim id: the claims related to it"),
    )
    for flag, text in many:
        parser.add_argument(flag, action="append", metavar="VALUE", help=text)
    parser.add_argument("--transitive", action="store_true", help="--related-to follows chains")
    parser.add_argument("--since", metavar="DATE", help="said on or after DATE")
    parser.add_argument("--until", metavar="DATE", help="said on or before DATE")
    parser.add_argument(
        "--overlaps",
        "--possibly",
        dest="overlaps",
        action="store_true",
        help="a partly known, uncertain or bounded date matches if it possibly falls in the "
        "range (default: only if it certainly does)",
    )
    said = parser.add_mutually_exclusive_group()
    said.add_argument(
        "--contradicted", dest="contradicted", action="store_const", const=True, default=None
    )
    said.add_argument("--not-contradicted", dest="contradicted", action="store_const", const=False)
    disputed = parser.add_mutually_exclusive_group()
    disputed.add_argument(
        "--disputed",
        dest="disputed",
        action="store_const",
        const=True,
        default=None,
        help="claims on either side of a 'disputes' relation",
    )
    disputed.add_argument("--not-disputed", dest="disputed", action="store_const", const=False)
    parser.add_argument("--format", choices=FORMATS, default="table", help="output format")
    parser.set_defaults(run=run)


def select(ledger: Ledger, args: argparse.Namespace) -> ClaimSet:
    """The claims the command line's filters select."""
    claims = ledger.claims.where(
        speaker=args.speaker,
        source=args.source,
        quoting=args.quoting,
        supported_by=args.supported_by,
        contradicted_by=args.contradicted_by,
        topic=args.topic,
        verdict=args.verdict,
        contradicted=args.contradicted,
        disputed=args.disputed,
    )
    if args.related_to:
        claims = claims.related_to(args.related_to, transitive=args.transitive)
    if args.since:
        claims = claims.since(args.since, overlaps=args.overlaps)
    if args.until:
        claims = claims.until(args.until, overlaps=args.overlaps)
    return claims


def table(claims: Sequence[ClaimSummary], out: TextIO, width: int | None) -> None:
    """One line a claim: id, speaker, date, verdict, statement (cut to ``width`` if given)."""
    rows = [
        (
            c.id,
            c.speaker,
            c.said_on or "-",
            "-" if c.verdict is None else c.verdict,
            " ".join(c.statement.split()),
        )
        for c in claims
    ]
    header = ("ID", "SPEAKER", "SAID", "VERDICT", "STATEMENT")
    a, b, c, d = (max(len(r[i]) for r in [header, *rows]) for i in range(4))
    lines = [f"{w:<{a}}  {x:<{b}}  {y:<{c}}  {z:<{d}}  {s}" for w, x, y, z, s in [header, *rows]]
    if width is not None:
        lines = [line[: width - 1] + "…" if len(line) > width else line for line in lines]
    noun = "claim" if len(rows) == 1 else "claims"
    out.write("".join(f"{line.rstrip()}\n" for line in lines) + f"{len(rows)} {noun}\n")


def run(args: argparse.Namespace) -> int:
    from claimledger.query import QueryError

    ledger = open_ledger(args)
    try:
        claims = select(ledger, args)
    except QueryError as exc:
        return query_error(exc)
    out = terminal(sys.stdout)
    if args.format == "ids":
        out.writelines(f"{claim_id}\n" for claim_id in claims.ids())
    elif args.format == "table":
        width = shutil.get_terminal_size().columns if out.isatty() else None
        table(claims.summaries(), out, width)
    else:
        dump([claim.to_dict() for claim in claims], args.format, out)
    return EXIT_OK
