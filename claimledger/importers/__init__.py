"""Imports: claims published elsewhere, read into claim files of the ledger.

Only schema.org ClaimReview is read so far (:mod:`.claimreview`). What another
format cannot give (a quote in a report's exact words, above all) is marked as
still to be done, never made up; :mod:`.claim_file` says where.

>>> imported = read_claimreview('[{"@type": "ClaimReview", "claimReviewed": "It rained."}]', "-")
>>> print(dump_claims(imported.claims), end="")
claims:
  - id: it-rained
    statement: "It rained."
    speaker: unattributed
"""

from claimledger.importers.claim_file import ClaimFileText, claim_file
from claimledger.importers.claim_yaml import dump_claims
from claimledger.importers.claimreview import (
    NOT_ANCHORED,
    UNATTRIBUTED,
    Appearance,
    Imported,
    read_claimreview,
)
from claimledger.importers.jsonld import InputError, Message

__all__ = [
    "NOT_ANCHORED",
    "UNATTRIBUTED",
    "Appearance",
    "ClaimFileText",
    "Imported",
    "InputError",
    "Message",
    "claim_file",
    "dump_claims",
    "read_claimreview",
]
