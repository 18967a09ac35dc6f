"""claimledger: who said what, where it was reported, and what the evidence says.

Claims are YAML files; each links an assertion to its speaker, the quotes where
the speaker is reported making it, and the corpus passages that support or
contradict it. The pipeline: :mod:`~claimledger.parse` (YAML with positions) →
:mod:`~claimledger.structure` (models) → :mod:`~claimledger.rules` (checks) →
anchoring → query → render/export. :mod:`claimledger.cli` is the command line.

>>> from pathlib import Path
>>> result = validate(discover(Path("tests/examples/clean")))
>>> [claim.id for claim in result.ledger.claims]
['us-is-an-intervening-power', 'multiple-interventions']

To ask questions of a ledger, :func:`load` it (see :mod:`claimledger.query`):

>>> ledger = load("tests/examples/clean")
>>> [(c.id, c.speaker.display_name) for c in ledger.claims.where(topic="syria")]
[('us-is-an-intervening-power', "The Labour leader's spokesman")]
"""

from claimledger.check import Validation, validate
from claimledger.config import Config, ConfigError, LedgerNotFound, discover
from claimledger.dates import PartialDate
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

__version__ = "0.2.0.dev0"
