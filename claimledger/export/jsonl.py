"""JSON Lines: flat records for DuckDB, pandas and Spark.

One record a line, of six kinds told apart by ``record``: a ``speaker`` per
registry entry, a ``source`` per corpus document, a ``claim`` per claim, then
after each claim a ``quote`` per quote, an ``evidence`` per supporting,
contradicting or context passage (``stance``: ``supports``, ``contradicts`` or
``context``) and a ``related`` per claim it lists (``related``: the other claim's
id; ``relation``: ``disputes``, ``responds-to``... or ``null`` when not said). Every
record has every column, in the order of :data:`COLUMNS`, with ``null`` where
a column does not apply or the fact is unknown; so a reader infers one schema
however it samples the file. Nothing is nested but the lists ``topics`` and
``authors``, and a source's ``corrections`` (``date`` and ``note`` of each, oldest
first; a quote or evidence record's ``version`` is the version of the source it
quotes, when pinned).

Ids join the records: ``claim``, ``source`` and ``speaker`` hold the ids of
the claim, document and speaker a record is about (for a quote, ``speaker`` is
the claim's speaker; for evidence, whoever speaks in the passage, ``null`` for
the source's own voice). Dates are kept as written, in EDTF (``said_on``,
``published``), and as the first and last day they can be (``said_on_from``,
``said_on_to``; ``published_from``, ``published_to``), which readers load as
dates; an open bound (``2019/..``) is ``null``. ``verdict_value`` is the rating
as a number, higher is better, as in the ClaimReview export. ``quote_kind`` is
``direct`` for the speaker's words as quoted, or ``partial``, ``paraphrase`` or
``headline`` for the source's own words.

In DuckDB, quotes per source are
``SELECT source, count(*) FROM 'ledger.jsonl' WHERE record = 'quote' GROUP BY source``.

>>> from pathlib import Path
>>> from claimledger.check import validate
>>> from claimledger.config import Config
>>> ledger = validate(Config.default(Path("tests/examples/clean"))).ledger
>>> [r["record"] for r in records(ledger)]
['speaker', 'source', 'claim', 'quote', 'evidence', 'related', 'claim', 'quote', 'related']
>>> quote = next(r for r in records(ledger) if r["record"] == "quote")
>>> {k: v for k, v in quote.items() if v is not None}
{'record': 'quote', 'claim': 'us-is-an-intervening-power', 'source': 'briefing-report', \
'speaker': 'spokesman', 'position': 1, 'text': '“Obviously.”', 'quote_kind': 'direct'}
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, ClassVar, Final

from claimledger.dates import PartialDate
from claimledger.export.common import claim_digest, ledger_sources, rating_value
from claimledger.ledger import LedgerFiles
from claimledger.resolved import ResolvedClaim, ResolvedLedger, resolve

__all__ = ["COLUMNS", "RECORD_KINDS", "JsonLinesExport", "records", "to_jsonl"]

RECORD_KINDS: Final = ("speaker", "source", "claim", "quote", "evidence", "related")

COLUMNS: Final = (
    "record",
    "claim",
    "source",
    "speaker",
    # quote and evidence
    "position",
    "stance",
    "text",
    "occurrence",
    "note",
    "quote_kind",
    "version",
    # related
    "related",
    "relation",
    # claim
    "statement",
    "said_on",
    "said_on_from",
    "said_on_to",
    "setting",
    "topics",
    "verdict",
    "verdict_value",
    "rationale",
    "digest",
    # source
    "kind",
    "title",
    "publisher",
    "authors",
    "url",
    "published",
    "published_from",
    "published_to",
    "event_date",
    "corrections",
    # speaker
    "name",
    "description",
)


def _row(**values: Any) -> dict[str, Any]:
    """A record with every column, in order; a name outside COLUMNS is a bug, not data to drop."""
    unknown = set(values) - set(COLUMNS)
    if unknown:
        raise ValueError(f"not a column: {', '.join(sorted(unknown))}")
    return {column: values.get(column) for column in COLUMNS}


def _days(prefix: str, date: PartialDate | None) -> dict[str, str | None]:
    return {
        prefix: None if date is None else str(date),
        f"{prefix}_from": None if date is None or date.open_start else date.first.isoformat(),
        f"{prefix}_to": None if date is None or date.open_end else date.last.isoformat(),
    }


def _claim_records(ledger: ResolvedLedger, claim: ResolvedClaim) -> Iterator[dict[str, Any]]:
    verdict = claim.verdict
    yield _row(
        record="claim",
        claim=claim.id,
        speaker=claim.speaker.id,
        statement=claim.statement,
        **_days("said_on", claim.said_on),
        setting=claim.setting,
        topics=list(claim.topics),
        verdict=verdict.rating if verdict else None,
        verdict_value=rating_value(ledger.config, verdict.rating) if verdict else None,
        rationale=verdict.rationale if verdict else None,
        digest=claim_digest(claim.as_written()),
    )
    # Quotes and evidence are written as the model writes them out (to_dict): one
    # plain form of each, shared with the query API's JSON.
    for position, quote in enumerate(claim.quotes, 1):
        yield _row(
            record="quote",
            claim=claim.id,
            speaker=claim.speaker.id,
            position=position,
            source=quote.source.id,
            text=quote.text,
            occurrence=quote.occurrence,
            note=quote.note,
            quote_kind=quote.kind,
            version=quote.version,
        )
    stances = (
        ("supports", claim.supports),
        ("contradicts", claim.contradicts),
        ("context", claim.context),
    )
    for stance, items in stances:
        for position, item in enumerate(items, 1):
            yield _row(
                record="evidence",
                claim=claim.id,
                position=position,
                stance=stance,
                **item.to_dict(),
            )
    for position, link in enumerate(claim.related, 1):
        yield _row(
            record="related",
            claim=claim.id,
            position=position,
            related=link.claim,
            relation=link.relation,
            note=link.note,
        )


def records(ledger: LedgerFiles | ResolvedLedger) -> Iterator[dict[str, Any]]:
    """Every record, each with every column: speakers, sources, then each claim and its passages."""
    ledger = resolve(ledger)
    for speaker in ledger.speakers.values():
        yield _row(
            record="speaker",
            speaker=speaker.id,
            kind=speaker.kind,
            name=speaker.name,
            description=speaker.description,
        )
    for source in ledger_sources(ledger):
        yield _row(
            record="source",
            source=source.id,
            kind=source.kind,
            title=source.title,
            publisher=source.publisher,
            authors=list(source.authors),
            url=source.url,
            **_days("published", source.published),
            event_date=None if source.event_date is None else str(source.event_date),
            corrections=[{"date": str(c.date), "note": c.note} for c in source.history],
        )
    for claim in ledger.claims:
        yield from _claim_records(ledger, claim)


def to_jsonl(ledger: LedgerFiles | ResolvedLedger) -> str:
    """One JSON object a line, UTF-8, no spaces between tokens."""
    ledger = resolve(ledger)
    return "".join(
        json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"
        for record in records(ledger)
    )


class JsonLinesExport:
    """JSON Lines: flat records for DuckDB, pandas and Spark."""

    name: ClassVar[str] = "jsonl"

    @staticmethod
    def write(ledger: ResolvedLedger) -> str:
        return to_jsonl(ledger)
