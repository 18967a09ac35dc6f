"""``claimledger show ID``: one claim with everything resolved, for reading or for tools."""

from __future__ import annotations

import argparse
import sys
import textwrap
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, TextIO

import attrs

from claimledger.cli.common import (
    EXIT_OK,
    add_ledger_argument,
    dump,
    open_ledger,
    query_error,
    terminal,
)
from claimledger.dates import PartialDate
from claimledger.models import Source, Speaker
from claimledger.query import QueryError, ResolvedClaim, ResolvedEvidence, ResolvedQuote

if TYPE_CHECKING:
    from claimledger.anchor import Op, Wordings
    from claimledger.query import Ledger

WIDTH = 88
INDENT = "    "


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "show",
        help="show one claim with its speaker, sources, evidence and related claims",
        description="Show one claim with every reference resolved.",
    )
    parser.add_argument("id", metavar="ID", help="the claim's id")
    add_ledger_argument(parser)
    parser.add_argument(
        "--format", choices=("text", "json", "yaml"), default="text", help="output format"
    )
    parser.set_defaults(run=run)


def _plain(value: Any) -> Any:
    # Tuples become lists (attrs' default), dates their YYYY[-MM[-DD]] strings.
    return attrs.asdict(
        value, value_serializer=lambda _, __, v: str(v) if isinstance(v, PartialDate) else v
    )


def resolved(ledger: Ledger, claim: ResolvedClaim) -> dict[str, Any]:
    """The claim as plain data with speakers, sources and related claims written out."""

    def item(entry: ResolvedQuote | ResolvedEvidence) -> dict[str, Any]:
        data = entry.to_dict()
        data["source"] = _plain(entry.source)
        if isinstance(entry, ResolvedEvidence) and entry.speaker is not None:
            data["speaker"] = _plain(entry.speaker)
        return data

    data = claim.to_dict()
    identified = ledger.identified_as(claim.speaker)
    data["speaker"] = _plain(claim.speaker)
    data["speaker"]["identified_as"] = None if identified is None else _plain(identified)
    for field in ("quotes", "supports", "contradicts", "context"):
        data[field] = [item(entry) for entry in getattr(claim, field)]
    data["related"] = [
        {"id": other.id, "relation": relation, "statement": other.statement}
        for relation, other in ledger.relations(claim)
    ]
    wordings = claim.variants()
    data["variants"] = None if wordings is None else _plain(wordings)
    return data


def _wrap(text: str, indent: str = INDENT) -> str:
    return textwrap.fill(
        " ".join(text.split()),
        WIDTH,
        initial_indent=indent,
        subsequent_indent=indent,
        break_on_hyphens=False,  # ids and dates are hyphenated and must stay whole
    )


def _source(source: Source) -> str:
    details = [d for d in (source.publisher, str(source.published or "") or None) if d]
    title = f" — {source.title}" if source.title else ""
    return f"{source.id}{title}" + (f" ({', '.join(details)})" if details else "")


def _speaker(speaker: Speaker) -> str:
    return f"{speaker.display_name} [{speaker.id}]"


def _items(out: TextIO, title: str, items: Iterable[ResolvedQuote | ResolvedEvidence]) -> None:
    entries = list(items)
    if not entries:
        return
    out.write(f"\n{title} ({len(entries)})\n")
    for number, entry in enumerate(entries, 1):
        out.write(f"  {number}. {_source(entry.source)}\n")
        if isinstance(entry, ResolvedEvidence) and entry.speaker is not None:
            out.write(f"{INDENT}speaking: {_speaker(entry.speaker)}\n")
        if isinstance(entry, ResolvedQuote) and not entry.is_direct:
            # The outlet's words (reported speech, a headline), so not in quotation marks.
            out.write(_wrap(f"{entry.kind}: {entry.text}") + "\n")
        else:
            out.write(_wrap(f"“{entry.text}”") + "\n")
        if entry.occurrence is not None:
            out.write(f"{INDENT}occurrence {entry.occurrence}\n")
        if entry.note:
            out.write(_wrap(f"note: {entry.note}") + "\n")


def _change(op: Op) -> str:
    base, other = (f"“{' '.join(words)}”" for words in (op.base, op.other))
    return {"replace": f"{base} → {other}", "delete": f"- {base}", "insert": f"+ {other}"}[op.op]


def _wordings(out: TextIO, wordings: Wordings) -> None:
    out.write(f"\nWordings, compared with {wordings.reference}'s\n")
    out.write(_wrap(f"“{wordings.text}”") + "\n")
    for variant in wordings.variants:
        changes = "; ".join(map(_change, variant.changes)) or "the same words"
        out.write(f"  {variant.source}\n{_wrap(changes)}\n")


def text(ledger: Ledger, claim: ResolvedClaim, out: TextIO) -> None:
    """The claim for reading in a terminal."""
    out.write(f"{claim.id}\n")
    if claim.location is not None:
        out.write(f"  {claim.location}\n")
    out.write("\n" + _wrap(claim.statement, "") + "\n\n")
    speaker = claim.speaker
    fields: list[tuple[str, str | list[str]]] = [
        ("speaker", f"{speaker.name or '(unnamed)'} [{speaker.id}]")
    ]
    if speaker.description:
        fields.append(("who", speaker.description))
    names: dict[str, list[str]] = {}
    for alias in speaker.reported_as:
        names.setdefault(alias.source or "", []).append(f"“{alias.name}”")
    cited = [source.id for source in claim.sources() if source.id in names]
    if cited:
        fields.append(("reported as", [f"{s}: {', '.join(names[s])}" for s in cited]))
    identified = ledger.identified_as(speaker)
    if identified is not None:
        fields.append(("identified as", _speaker(identified)))
    if claim.said_on is not None:
        fields.append(("said on", f"{claim.said_on.describe()} ({claim.said_on})"))
    if claim.said_on_note:
        fields.append(("date note", claim.said_on_note))
    if claim.setting:
        fields.append(("setting", claim.setting))
    if claim.topics:
        fields.append(("topics", ", ".join(claim.topics)))
    if claim.verdict is not None:
        fields.append(("verdict", f"{claim.verdict.rating}: {claim.verdict.rationale}"))
    for name, value in fields:
        lines = [value] if isinstance(value, str) else value
        out.write(f"{name}:\n" + "".join(_wrap(line) + "\n" for line in lines))
    _items(out, "Quoted in", claim.quotes)
    _items(out, "Supported by", claim.supports)
    _items(out, "Contradicted by", claim.contradicts)
    _items(out, "Context", claim.context)
    wordings = claim.variants()
    if wordings is not None:
        _wordings(out, wordings)
    related = ledger.relations(claim)
    if related:
        out.write(f"\nRelated ({len(related)})\n")
        for relation, other in related:
            out.write(f"  {relation}: {other.id}\n{_wrap(other.statement)}\n")
    if claim.history:
        out.write(f"\nHistory ({len(claim.history)})\n")
        for entry in claim.history:
            out.write(f"  {entry.date}\n{_wrap(entry.note)}\n")


def run(args: argparse.Namespace) -> int:
    ledger = open_ledger(args)
    try:
        claim = ledger.claim(args.id)
    except QueryError as exc:
        return query_error(exc)
    if args.format == "text":
        text(ledger, claim, terminal(sys.stdout))
    else:
        dump(resolved(ledger, claim), args.format, sys.stdout)
    return EXIT_OK
