"""Exports of a ledger for the tools others use, and the JSON Schema of its files.

``claimreview``
    schema.org ClaimReview JSON-LD, for publishing fact-checks (:mod:`.claimreview`)
``csl-json``
    citations for Zotero, pandoc's ``--bibliography`` and citeproc (:mod:`.csl`)
``bibtex``
    the same citations for LaTeX, biblatex, pandoc and Zotero (:mod:`.bibtex`)
``jsonl``
    flat records for DuckDB, pandas and Spark (:mod:`.jsonl`)
``web-annotation``
    every anchored passage as a W3C Web Annotation, for annotation clients
    (:mod:`.web_annotation`)

:mod:`.schema` generates the JSON Schema of claim files, the speaker registry
and source metadata from the models.

Every export is a pure function of a validated ledger: the same files give the
same bytes. A ledger with errors is not exported, since a citation of a
misquote would carry the misquote on.

>>> from pathlib import Path
>>> from claimledger.check import validate
>>> from claimledger.config import Config
>>> clean = validate(Config.default(Path("tests/examples/clean")))
>>> export_ledger(clean, "csl-json").startswith("[")
True
>>> broken = validate(Config.default(Path("tests/examples/broken")))
>>> export_ledger(broken, "jsonl")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
claimledger.export.ExportRefused: the ledger has ... error(s); fix them before exporting
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from claimledger.check import Validation
from claimledger.export.bibtex import to_bibtex
from claimledger.export.claimreview import claimreview_feed, to_claimreview
from claimledger.export.common import claim_digest, rating_value
from claimledger.export.csl import csl_items, to_csl_json
from claimledger.export.jsonl import records, to_jsonl
from claimledger.export.schema import SCHEMA_FILES, json_schema, schema_text
from claimledger.export.web_annotation import annotation_collection, to_web_annotation
from claimledger.findings import Finding
from claimledger.ledger import LedgerFiles

__all__ = [
    "FORMATS",
    "SCHEMA_FILES",
    "ExportRefused",
    "annotation_collection",
    "claim_digest",
    "claimreview_feed",
    "csl_items",
    "export_ledger",
    "json_schema",
    "rating_value",
    "records",
    "schema_text",
    "to_bibtex",
    "to_claimreview",
    "to_csl_json",
    "to_jsonl",
    "to_web_annotation",
]

#: Each export format and the function that writes it.
FORMATS: Final[dict[str, Callable[[LedgerFiles], str]]] = {
    "claimreview": to_claimreview,
    "csl-json": to_csl_json,
    "bibtex": to_bibtex,
    "jsonl": to_jsonl,
    "web-annotation": to_web_annotation,
}


class ExportRefused(Exception):
    """The ledger has errors; ``findings`` are the errors."""

    def __init__(self, findings: tuple[Finding, ...]) -> None:
        super().__init__(f"the ledger has {len(findings)} error(s); fix them before exporting")
        self.findings = findings


def export_ledger(result: Validation, fmt: str) -> str:
    """The validated ledger in format ``fmt`` (a key of :data:`FORMATS`).

    Raises :class:`ExportRefused` when validation found errors (warnings are allowed).
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r} (one of: {', '.join(FORMATS)})")
    if result.failed:
        raise ExportRefused(tuple(f for f in result.findings if f.severity.fails))
    return FORMATS[fmt](result.ledger)
