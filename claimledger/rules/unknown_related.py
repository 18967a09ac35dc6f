"""A claim's ``related`` ids must name other claims of the ledger.

Passing: ``related: [corbyn-never-supported-putin]`` where that claim exists.

Failing: ``related: [corbyn-never-supportd-putin]``, or a claim naming itself.
"""

from collections.abc import Iterator

from claimledger import codes
from claimledger.findings import Severity
from claimledger.ledger import LedgerFiles
from claimledger.names import did_you_mean, suggest
from claimledger.rules.base import Problem

CODE = codes.UNKNOWN_RELATED
NAME = "unknown-related"
SEVERITY = Severity.ERROR
SCOPE = "ledger"


def check(ledger: LedgerFiles) -> Iterator[Problem]:
    index = ledger.index
    ids = {entry.id for entry in index}
    for entry in index:
        for other, where in entry.related:
            if other == entry.id:
                yield Problem(where, f"claim {entry.id!r} lists itself as related")
            elif other not in ids:
                hint = did_you_mean(suggest(other, sorted(ids)))
                yield Problem(where, f"unknown related claim {other!r}{hint}")
