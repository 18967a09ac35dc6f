"""Exports of a ledger for the tools others use, and the JSON Schema of its files.

==============  =====================================================  ============================
format          for                                                    module
==============  =====================================================  ============================
``claimreview``  fact-check publishing (schema.org ClaimReview JSON-LD)  :mod:`.claimreview`
``csl-json``    Zotero, pandoc ``--bibliography``, citeproc              :mod:`.csl`
``bibtex``      LaTeX, biblatex, pandoc, Zotero                          :mod:`.bibtex`
``jsonl``       DuckDB, pandas, Spark                                    :mod:`.jsonl`
==============  =====================================================  ============================

Every export is a pure function of a validated ledger: the same files give the
same bytes. A ledger with errors is not exported, since a citation of a
misquote would carry the misquote on.

>>> from pathlib import Path
>>> from claimledger.check import validate
>>> from claimledger.config import Config
>>> text = export(validate(Config.default(Path("tests/examples/clean"))), "csl-json")
>>> text.startswith("[")
True
>>> export(validate(Config.default(Path("tests/examples/broken"))), "jsonl")
Traceback (most recent call last):
...
claimledger.export.ExportRefused: the ledger has 15 error(s); fix them before exporting
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
from claimledger.findings import Finding
from claimledger.ledger import LedgerFiles

__all__ = [
    "FORMATS",
    "SCHEMA_FILES",
    "ExportRefused",
    "claim_digest",
    "claimreview_feed",
    "csl_items",
    "export",
    "json_schema",
    "rating_value",
    "records",
    "schema_text",
    "to_bibtex",
    "to_claimreview",
    "to_csl_json",
    "to_jsonl",
]

#: Each export format and the function that writes it.
FORMATS: Final[dict[str, Callable[[LedgerFiles], str]]] = {
    "claimreview": to_claimreview,
    "csl-json": to_csl_json,
    "bibtex": to_bibtex,
    "jsonl": to_jsonl,
}


class ExportRefused(Exception):
    """The ledger has errors; ``findings`` are the errors."""

    def __init__(self, findings: tuple[Finding, ...]) -> None:
        super().__init__(f"the ledger has {len(findings)} error(s); fix them before exporting")
        self.findings = findings


def export(result: Validation, fmt: str) -> str:
    """The validated ledger in format ``fmt`` (a key of :data:`FORMATS`).

    Raises :class:`ExportRefused` when validation found errors (warnings are allowed).
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r} (one of: {', '.join(FORMATS)})")
    if result.failed:
        raise ExportRefused(tuple(f for f in result.findings if f.severity.fails))
    return FORMATS[fmt](result.ledger)
