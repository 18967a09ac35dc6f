"""W3C Web Annotation (JSON-LD): every anchored passage, for annotation clients to show.

The export is one ``AnnotationCollection`` whose first (and only) page holds
an ``Annotation`` for each quote, supporting, contradicting and context passage
that is anchored in its source's text, in ledger order. Each annotation's:

``target``
    the source: its ``url`` when the metadata records one, else the text
    itself, named by its digest (``ni:///sha-256;…``, RFC 6920), so that the
    annotation still says exactly which text it is about. Two selectors,
    alternatives for the same passage: a ``TextQuoteSelector`` (``exact`` the
    source's own words as the corpus holds them, with up to 32 characters of
    ``prefix`` and ``suffix``) and a ``TextPositionSelector`` (``start`` and
    ``end`` in code points of the corpus text, end exclusive). A client on the
    live page finds the passage by the quote; the positions pin it in the text
    the ledger checked.
``motivation``
    ``highlighting`` for a quote (where the speaker is reported saying it),
    ``assessing`` for evidence, ``describing`` for a context passage.
``body``
    ``TextualBody`` values: the claim's statement and who made it (purpose
    ``describing``); the verdict, for a quote of a rated claim, or whether
    the passage supports or contradicts the claim (purpose ``assessing``); for
    a quote that is not ``direct``, that it is the source's words, not the
    speaker's (purpose ``commenting``); for a context passage, that it neither
    supports nor contradicts the claim (purpose ``describing``); and, when the
    ledger has a ``url``, the claim's address in it.
``id``
    ``urn:uuid:`` of a UUID derived from the claim id and the passage's place
    in it, so the same ledger gives the same ids.

A passage not found, or found in several places with no ``occurrence`` to say
which (CL014), has no single place to point at and is left out; so is one
from a source known by reference only, which has no text yet.

>>> from pathlib import Path
>>> from claimledger.check import validate
>>> from claimledger.config import Config
>>> from claimledger.resolved import resolve
>>> ledger = resolve(validate(Config.default(Path("tests/examples/clean"))).ledger)
>>> first = annotation_collection(ledger)["first"]["items"][0]
>>> [s["type"] for s in first["target"]["selector"]]
['TextQuoteSelector', 'TextPositionSelector']
"""

from __future__ import annotations

import base64
import json
import uuid
from collections.abc import Iterator
from typing import Any, ClassVar, Final

from claimledger.export.common import claim_url, speaker_name
from claimledger.ledger import LedgerFiles, SourceDocument
from claimledger.resolved import ResolvedClaim, ResolvedLedger, resolve

__all__ = [
    "ANNO_CONTEXT",
    "WebAnnotationExport",
    "annotation_collection",
    "to_web_annotation",
    "web_annotations",
]

#: The W3C Web Annotation Data Model's JSON-LD context.
ANNO_CONTEXT: Final = "http://www.w3.org/ns/anno.jsonld"
#: The namespace of the annotations' UUIDs (a UUID of the name "claimledger").
_NAMESPACE: Final = uuid.uuid5(uuid.NAMESPACE_URL, "claimledger:web-annotation")
_MOTIVATION: Final = {
    "quotes": "highlighting",
    "supports": "assessing",
    "contradicts": "assessing",
    "context": "describing",
}


def _text_iri(doc: SourceDocument) -> str:
    """The corpus text named by its digest (RFC 6920 ``ni`` URI), for a source without a URL."""
    digest = bytes.fromhex(doc.digest or doc.meta.sha256 or "")
    return "ni:///sha-256;" + base64.urlsafe_b64encode(digest).decode().rstrip("=")


def _bodies(
    ledger: ResolvedLedger, claim: ResolvedClaim, field: str, item: Any
) -> list[dict[str, Any]]:
    speaker = speaker_name(claim.speaker)
    bodies: list[dict[str, Any]] = [
        {
            "type": "TextualBody",
            "purpose": "describing",
            "value": f"{speaker}: {claim.statement}",
            "format": "text/plain",
        }
    ]
    if field == "context":
        context = "Context for the claim: neither supports nor contradicts it."
        bodies.append({"type": "TextualBody", "purpose": "describing", "value": context})
        assessment = ""
    elif field != "quotes":
        judged = "Supports" if field == "supports" else "Contradicts"
        assessment = f"{judged} the claim."
    elif claim.verdict is not None:
        assessment = f"Verdict: {claim.verdict.rating}. {claim.verdict.rationale}"
    else:
        assessment = ""
    if assessment:
        bodies.append({"type": "TextualBody", "purpose": "assessing", "value": assessment.strip()})
    if field == "quotes" and not item.is_direct:
        # A partial quotation, paraphrase or headline: never to be shown as the speaker's words.
        words = f"The source's own words ({item.kind}), not the speaker's."
        bodies.append({"type": "TextualBody", "purpose": "commenting", "value": words})
    url = claim_url(ledger.config, claim)
    if url:
        bodies.append({"type": "SpecificResource", "source": url, "purpose": "linking"})
    return bodies


def web_annotations(ledger: ResolvedLedger) -> Iterator[dict[str, Any]]:
    """An annotation for each passage anchored in one place, in ledger order."""
    # Here, not at the top: `export --help` must not load the matcher.
    from claimledger.anchorings import anchoring

    for claim in ledger.claims:
        for field in _MOTIVATION:
            items: tuple[Any, ...] = getattr(claim, field)
            for index, item in enumerate(items):
                doc = ledger.documents.get(item.source.id)
                found = anchoring(doc, item.text, item.occurrence) if doc else None
                match = found.chosen if found else None
                if doc is None or doc.text is None or match is None:
                    continue
                key = f"{claim.id}\0{field}\0{index}"
                yield {
                    "id": f"urn:uuid:{uuid.uuid5(_NAMESPACE, key)}",
                    "type": "Annotation",
                    "motivation": _MOTIVATION[field],
                    "body": _bodies(ledger, claim, field, item),
                    "target": {
                        "source": doc.meta.url or _text_iri(doc),
                        "selector": [
                            {
                                "type": "TextQuoteSelector",
                                "exact": doc.text[match.start : match.end],
                                "prefix": match.prefix,
                                "suffix": match.suffix,
                            },
                            {
                                "type": "TextPositionSelector",
                                "start": match.start,
                                "end": match.end,
                            },
                        ],
                    },
                }


def annotation_collection(ledger: LedgerFiles | ResolvedLedger) -> dict[str, Any]:
    """The ledger's annotations as one ``AnnotationCollection`` with its page embedded."""
    ledger = resolve(ledger)
    items = list(web_annotations(ledger))
    config = ledger.config
    collection: dict[str, Any] = {
        "@context": ANNO_CONTEXT,
        "id": config.url or f"urn:uuid:{uuid.uuid5(_NAMESPACE, config.title)}",
        "type": "AnnotationCollection",
        "label": config.title,
        "total": len(items),
    }
    if config.author:
        collection["creator"] = {"type": "Organization", "name": config.author}
    collection["first"] = {"type": "AnnotationPage", "startIndex": 0, "items": items}
    return collection


def to_web_annotation(ledger: LedgerFiles | ResolvedLedger) -> str:
    """The collection as JSON-LD text, indented, keys in a fixed order."""
    return json.dumps(annotation_collection(ledger), indent=2, ensure_ascii=False) + "\n"


class WebAnnotationExport:
    """W3C Web Annotation JSON-LD: every anchored passage, for annotation clients."""

    name: ClassVar[str] = "web-annotation"

    @staticmethod
    def write(ledger: ResolvedLedger) -> str:
        return to_web_annotation(ledger)
