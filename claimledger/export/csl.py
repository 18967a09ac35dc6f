"""CSL-JSON: a citation for every corpus document and every claim, for Zotero and pandoc.

**Documents** keep their corpus id as key. The type follows the ``kind``:
``news-report`` is ``article-newspaper`` (its ``publisher``, the outlet, is
the ``container-title`` where styles print a newspaper's name),
``parliamentary-transcript`` is ``hearing`` (proceedings of a legislative
body), a kind that is itself a CSL type (``speech``, ``report``,
``webpage``...) is kept, and any other kind is the generic ``document``.
``published`` is ``issued`` and ``event_date`` is ``event-date``, with as many
date parts as are known; authors are ``literal`` names, as printed, since
splitting "Jason Groves" into given and family names would be a guess.
Anything the metadata leaves unknown is left out: no "n.d." is ever filled in.

**Claims** are entries of the ledger (type ``entry``), keyed ``claim:<id>``:
the statement is the ``title``, the ledger's title the ``container-title``, its
author the ``author``, its URL with ``#<id>`` the ``URL``; ``said_on`` is the
``event-date``, the topics are ``keyword`` and the claim's digest is its
``version``, so a citation pins the words it cites. The ``note`` names the
speaker and repeats the digest for styles that print notes.

>>> from pathlib import Path
>>> from claimledger.check import validate
>>> from claimledger.config import Config
>>> ledger = validate(Config.default(Path("tests/examples/clean"))).ledger
>>> [(item["id"], item["type"]) for item in csl_items(ledger)]  # doctest: +NORMALIZE_WHITESPACE
[('briefing-report', 'article-newspaper'), ('claim:us-is-an-intervening-power', 'entry'),
 ('claim:multiple-interventions', 'entry')]
"""

from __future__ import annotations

import json
from typing import Any, ClassVar, Final

from claimledger.dates import PartialDate
from claimledger.export.common import (
    cited_works,
    claim_digest,
    claim_url,
    date_parts,
    speaker_name,
)
from claimledger.ledger import LedgerFiles
from claimledger.models import Source
from claimledger.resolved import ResolvedClaim, ResolvedLedger, resolve

__all__ = ["CSL_TYPES", "CslJsonExport", "csl_items", "csl_type", "to_csl_json"]

#: Corpus kinds and the CSL type each is cited as.
CSL_TYPES: Final = {
    "news-report": "article-newspaper",
    "parliamentary-transcript": "hearing",
}
# CSL 1.0.2 types a corpus kind may already be named after.
_NATIVE: Final = frozenset(
    {
        "article",
        "article-journal",
        "article-magazine",
        "article-newspaper",
        "bill",
        "book",
        "broadcast",
        "chapter",
        "dataset",
        "document",
        "entry",
        "hearing",
        "interview",
        "legal_case",
        "legislation",
        "manuscript",
        "map",
        "pamphlet",
        "personal_communication",
        "post",
        "post-weblog",
        "report",
        "speech",
        "standard",
        "thesis",
        "treaty",
        "webpage",
    }
)


def csl_type(kind: str | None) -> str:
    """The CSL type for a corpus ``kind`` (``None``: not recorded).

    >>> csl_type("news-report"), csl_type("speech"), csl_type("leaflet"), csl_type(None)
    ('article-newspaper', 'speech', 'document', 'document')
    """
    if kind is None:
        return "document"
    return CSL_TYPES.get(kind) or (kind if kind in _NATIVE else "document")


def _date(date: PartialDate) -> dict[str, Any]:
    """A CSL date; an uncertain or bounded one also carries its EDTF text as ``raw``,
    which citeproc-js reads, and ``circa`` when it is uncertain or approximate. An open
    interval has no ``date-parts`` range, so it is given in words as ``literal``."""
    parts = date_parts(date)
    out: dict[str, Any] = {"date-parts": parts} if parts else {"literal": date.describe()}
    if date.plain is None:
        out["raw"] = str(date)
        if any(mark in str(date) for mark in "?~%"):
            out["circa"] = True
    return out


def source_item(source: Source, key: str) -> dict[str, Any]:
    """One corpus document as a CSL item."""
    kind = csl_type(source.kind)
    item: dict[str, Any] = {"id": key, "type": kind}
    if source.title:
        item["title"] = source.title
    if source.authors:
        item["author"] = [{"literal": name} for name in source.authors]
    if source.publisher:
        item["container-title" if kind == "article-newspaper" else "publisher"] = source.publisher
    if source.published:
        item["issued"] = _date(source.published)
    if source.event_date:
        item["event-date"] = _date(source.event_date)
    if source.url:
        item["URL"] = source.url
    if source.history:
        # A corrected document is cited with its corrections, as the IFCN principles ask.
        item["note"] = "; ".join(f"Corrected {c.date}: {c.note}" for c in source.history)
    return item


def claim_item(ledger: ResolvedLedger, claim: ResolvedClaim, key: str) -> dict[str, Any]:
    """One claim as a CSL ``entry`` of the ledger."""
    config = ledger.config
    digest = claim_digest(claim.as_written())
    item: dict[str, Any] = {"id": key, "type": "entry", "title": claim.statement}
    if config.author:
        item["author"] = [{"literal": config.author}]
    item["container-title"] = config.title
    if claim.said_on:
        item["event-date"] = _date(claim.said_on)
    if claim.topics:
        item["keyword"] = ", ".join(claim.topics)
    url = claim_url(config, claim)
    if url:
        item["URL"] = url
    item["version"] = digest
    speaker = speaker_name(claim.speaker)
    item["note"] = f"Claim {claim.id} by {speaker}; digest {digest}"
    return item


def csl_items(ledger: LedgerFiles | ResolvedLedger) -> list[dict[str, Any]]:
    """Every corpus document (by id), then every claim (in ledger order), as CSL items."""
    ledger = resolve(ledger)
    sources, claims = cited_works(ledger)
    return [source_item(source, key) for source, key in sources] + [
        claim_item(ledger, claim, key) for claim, key in claims
    ]


def to_csl_json(ledger: LedgerFiles | ResolvedLedger) -> str:
    """The CSL-JSON array, indented, for ``--bibliography`` or a Zotero import."""
    ledger = resolve(ledger)
    return json.dumps(csl_items(ledger), indent=2, ensure_ascii=False) + "\n"


class CslJsonExport:
    """CSL-JSON: a citation for every claim and every corpus document (Zotero, pandoc)."""

    name: ClassVar[str] = "csl-json"

    @staticmethod
    def write(ledger: ResolvedLedger) -> str:
        return to_csl_json(ledger)
