"""claimledger: who said what, where it was reported, and what the evidence says.

Claims are YAML files; each links an assertion to its speaker, the quotes where
the speaker is reported making it, and the corpus passages that support or
contradict it. The pipeline: :mod:`~claimledger.parse` (YAML with positions) →
:mod:`~claimledger.structure` (models) → :mod:`~claimledger.rules` (checks) →
anchoring → query → render/export. :mod:`claimledger.cli` is the command line.

>>> from pathlib import Path
>>> from claimledger import discover, load, validate
>>> result = validate(discover(Path("tests/examples/clean")))
>>> [claim.id for claim in result.ledger.claims]
['us-is-an-intervening-power', 'multiple-interventions']

To ask questions of a ledger, :func:`load` it (see :mod:`claimledger.query`):

>>> ledger = load("tests/examples/clean", cache=False)
>>> [(c.id, c.speaker.display_name) for c in ledger.claims.where(topic="syria")]
[('us-is-an-intervening-power', "The Labour leader's spokesman")]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimledger.lazy import lazy_exports

if TYPE_CHECKING:
    from claimledger.check import Validation, validate
    from claimledger.config import Config, ConfigError, LedgerNotFound, discover
    from claimledger.dates import PartialDate
    from claimledger.errors import ClaimledgerError
    from claimledger.export import ExportRefused, export_ledger, json_schema
    from claimledger.findings import Finding, Location, Severity
    from claimledger.importers import read_claimreview
    from claimledger.ledger import LedgerFiles, read_ledger
    from claimledger.models import (
        Alias,
        Claim,
        Correction,
        Evidence,
        Identification,
        Quote,
        Role,
        Source,
        Speaker,
        Verdict,
    )
    from claimledger.query import (
        ClaimHit,
        ClaimSet,
        Ledger,
        LedgerError,
        PassageHit,
        QueryError,
        ResolvedClaim,
        ResolvedEvidence,
        ResolvedQuote,
        load,
    )
    from claimledger.render import render_markdown

__all__ = [
    "Alias",
    "Claim",
    "ClaimHit",
    "ClaimSet",
    "ClaimledgerError",
    "Config",
    "ConfigError",
    "Correction",
    "Evidence",
    "ExportRefused",
    "Finding",
    "Identification",
    "Ledger",
    "LedgerError",
    "LedgerFiles",
    "LedgerNotFound",
    "Location",
    "PartialDate",
    "PassageHit",
    "QueryError",
    "Quote",
    "ResolvedClaim",
    "ResolvedEvidence",
    "ResolvedQuote",
    "Role",
    "Severity",
    "Source",
    "Speaker",
    "Validation",
    "Verdict",
    "discover",
    "export_ledger",
    "json_schema",
    "load",
    "read_claimreview",
    "read_ledger",
    "render_markdown",
    "validate",
]

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "Validation": "claimledger.check",
        "validate": "claimledger.check",
        "Config": "claimledger.config",
        "ConfigError": "claimledger.config",
        "discover": "claimledger.config",
        "LedgerNotFound": "claimledger.config",
        "PartialDate": "claimledger.dates",
        "ClaimledgerError": "claimledger.errors",
        "ExportRefused": "claimledger.export",
        "export_ledger": "claimledger.export",
        "json_schema": "claimledger.export",
        "Finding": "claimledger.findings",
        "Location": "claimledger.findings",
        "Severity": "claimledger.findings",
        "read_claimreview": "claimledger.importers",
        "LedgerFiles": "claimledger.ledger",
        "read_ledger": "claimledger.ledger",
        "Alias": "claimledger.models",
        "Claim": "claimledger.models",
        "Correction": "claimledger.models",
        "Evidence": "claimledger.models",
        "Identification": "claimledger.models",
        "Quote": "claimledger.models",
        "Role": "claimledger.models",
        "Source": "claimledger.models",
        "Speaker": "claimledger.models",
        "Verdict": "claimledger.models",
        "ClaimHit": "claimledger.query",
        "ClaimSet": "claimledger.query",
        "Ledger": "claimledger.query",
        "LedgerError": "claimledger.query",
        "PassageHit": "claimledger.query",
        "QueryError": "claimledger.query",
        "ResolvedClaim": "claimledger.query",
        "ResolvedEvidence": "claimledger.query",
        "ResolvedQuote": "claimledger.query",
        "load": "claimledger.query",
        "render_markdown": "claimledger.render",
    },
)

__version__ = "0.3.0"
