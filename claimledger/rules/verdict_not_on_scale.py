"""A verdict's rating must be on the ledger's scale (or one of its unrated values).

The scale is ``verdict-scale`` in ``[tool.claimledger]``, best first; ratings such
as ``unsettled`` that carry no order are listed in ``verdict-unrated``.

Passing: ``rating: unsettled`` with ``verdict-unrated = ["unsettled"]``.

Failing: ``rating: pants-on-fire`` when the scale does not have it.
"""

from collections.abc import Iterator

from claimledger import codes
from claimledger.findings import Severity
from claimledger.ledger import LedgerFiles
from claimledger.rules.base import Problem

CODE = codes.VERDICT_NOT_ON_SCALE
NAME = "verdict-not-on-scale"
SEVERITY = Severity.ERROR


def check(ledger: LedgerFiles) -> Iterator[Problem]:
    config = ledger.config
    allowed = (*config.verdict_scale, *config.verdict_unrated)
    for claim, origin in ledger.located_claims():
        if claim.verdict is not None and claim.verdict.rating not in allowed:
            yield Problem(
                origin.at("verdict", "rating"),
                f"rating {claim.verdict.rating!r} is not on the scale ({', '.join(allowed)})",
            )
