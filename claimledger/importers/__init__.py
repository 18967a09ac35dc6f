"""Imports: fact checks published elsewhere, read into claim files of the ledger.

Three ways in, one model: schema.org ClaimReview JSON-LD (:mod:`.claimreview`),
the Google Fact Check Tools API's ``claims:search`` responses
(:mod:`.factcheck_api`) and saved web pages that carry ClaimReview as JSON-LD
or microdata (:mod:`.html`). Every field with a place in the ledger is kept;
every other field is reported by its path. What a format cannot give (a quote
in a report's own words, above all) is marked as still to be done, never made
up; :mod:`.plan` writes the result and says what is left.

>>> imported = read_claimreview('[{"@type": "ClaimReview", "claimReviewed": "It rained."}]', "-")
>>> print(dump_claims(imported.claims), end="")
claims:
  - id: it-rained
    statement: "It rained."
    speaker: unattributed
    review: {}
"""

from claimledger.importers.claim_yaml import dump_claims, dump_source
from claimledger.importers.claimreview import (
    NO_RATIONALE,
    NOT_ANCHORED,
    Imported,
    read_claimreview,
)
from claimledger.importers.jsonld import InputError, Message
from claimledger.importers.people import UNATTRIBUTED, Known
from claimledger.importers.plan import ImportOptions, ImportPlan, Write, plan_import

__all__ = [
    "NOT_ANCHORED",
    "NO_RATIONALE",
    "UNATTRIBUTED",
    "ImportOptions",
    "ImportPlan",
    "Imported",
    "InputError",
    "Known",
    "Message",
    "Write",
    "dump_claims",
    "dump_source",
    "plan_import",
    "read_claimreview",
]
