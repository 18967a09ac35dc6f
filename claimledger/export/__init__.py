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
>>> from claimledger.export import export_ledger
>>> from claimledger.check import validate
>>> from claimledger.config import Config
>>> clean = validate(Config.default(Path("tests/examples/clean")))
>>> export_ledger(clean, "csl-json").startswith("[")
True
>>> broken = validate(Config.default(Path("tests/examples/broken")))
>>> export_ledger(broken, "jsonl")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
claimledger.export.formats.ExportRefused: the ledger has ... error(s); fix them before exporting
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimledger.lazy import lazy_exports

if TYPE_CHECKING:
    from claimledger.export.bibtex import to_bibtex
    from claimledger.export.claimreview import claimreview_feed, to_claimreview
    from claimledger.export.common import claim_digest, rating_value
    from claimledger.export.csl import csl_items, to_csl_json
    from claimledger.export.formats import (
        FORMATS,
        ExportFormat,
        ExportRefused,
        export_ledger,
        is_export,
    )
    from claimledger.export.jsonl import records, to_jsonl
    from claimledger.export.schema import SCHEMA_FILES, json_schema, schema_text
    from claimledger.export.web_annotation import annotation_collection, to_web_annotation

__all__ = [
    "FORMATS",
    "SCHEMA_FILES",
    "ExportFormat",
    "ExportRefused",
    "annotation_collection",
    "claim_digest",
    "claimreview_feed",
    "csl_items",
    "export_ledger",
    "is_export",
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

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "to_bibtex": "claimledger.export.bibtex",
        "claimreview_feed": "claimledger.export.claimreview",
        "to_claimreview": "claimledger.export.claimreview",
        "claim_digest": "claimledger.export.common",
        "rating_value": "claimledger.export.common",
        "is_export": "claimledger.export.formats",
        "csl_items": "claimledger.export.csl",
        "to_csl_json": "claimledger.export.csl",
        "FORMATS": "claimledger.export.formats",
        "ExportFormat": "claimledger.export.formats",
        "ExportRefused": "claimledger.export.formats",
        "export_ledger": "claimledger.export.formats",
        "records": "claimledger.export.jsonl",
        "to_jsonl": "claimledger.export.jsonl",
        "SCHEMA_FILES": "claimledger.export.schema",
        "json_schema": "claimledger.export.schema",
        "schema_text": "claimledger.export.schema",
        "annotation_collection": "claimledger.export.web_annotation",
        "to_web_annotation": "claimledger.export.web_annotation",
    },
)
