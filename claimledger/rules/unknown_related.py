"""A claim's ``related`` ids must name other claims of the ledger.

Passing: ``related: [corbyn-never-supported-putin]`` where that claim exists.

Failing: ``related: [corbyn-never-supportd-putin]``, or a claim naming itself.
"""

from collections.abc import Iterator

from claimledger.findings import Severity
from claimledger.ledger import LedgerFiles
from claimledger.rules.base import Problem

CODE = "CL007"
NAME = "unknown-related"
SEVERITY = Severity.ERROR


def check(ledger: LedgerFiles) -> Iterator[Problem]:
    ids = {claim.id for claim in ledger.claims}
    for claim, origin in ledger.located_claims():
        for i, other in enumerate(claim.related):
            if other == claim.id:
                yield Problem(
                    origin.at("related", i), f"claim {claim.id!r} lists itself as related"
                )
            elif other not in ids:
                yield Problem(origin.at("related", i), f"unknown related claim {other!r}")
