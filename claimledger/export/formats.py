"""The export formats by name, and the one way to export: a validated ledger or none.

Each format is a class with a ``name``, a ``write(ledger) -> str`` and a
docstring whose first line is its help (``claimledger export --help`` shows
those lines, so the help cannot fall behind the registry).

>>> list(FORMATS)
['claimreview', 'csl-json', 'bibtex', 'jsonl', 'web-annotation']
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Final, Protocol

from claimledger.errors import ClaimledgerError
from claimledger.export.bibtex import HEADER as BIBTEX_HEADER
from claimledger.export.bibtex import BibtexExport
from claimledger.export.claimreview import ClaimReviewExport
from claimledger.export.csl import CslJsonExport
from claimledger.export.jsonl import JsonLinesExport
from claimledger.export.web_annotation import WebAnnotationExport
from claimledger.findings import Finding
from claimledger.resolved import resolve

if TYPE_CHECKING:
    from claimledger.check import Validation
    from claimledger.resolved import ResolvedLedger

__all__ = ["FORMATS", "ExportFormat", "ExportRefused", "export_ledger", "is_export"]


class ExportFormat(Protocol):
    """An export: ``write`` turns a validated ledger into the format's text."""

    name: ClassVar[str]

    @staticmethod
    def write(ledger: ResolvedLedger) -> str: ...


#: Each export format by its name, in the order help lists them.
FORMATS: Final[dict[str, type[ExportFormat]]] = {
    export.name: export
    for export in (
        ClaimReviewExport,
        CslJsonExport,
        BibtexExport,
        JsonLinesExport,
        WebAnnotationExport,
    )
}


#: How each export begins, so that ``export -o`` recognises a file it wrote (and may
#: replace without ``--force``) from one it did not.
_SIGNATURES: Final[dict[str, tuple[str, ...]]] = {
    "claimreview": ('{\n  "@context": "https://schema.org",',),
    "csl-json": ('[\n  {\n    "id": ', "[]"),
    "bibtex": (BIBTEX_HEADER,),
    "jsonl": ('{"record":',),
}


def is_export(fmt: str, head: str) -> bool:
    """Whether a file beginning with ``head`` is an export in format ``fmt``."""
    return head.startswith(_SIGNATURES[fmt])


class ExportRefused(ClaimledgerError):
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
    return FORMATS[fmt].write(resolve(result.ledger))
