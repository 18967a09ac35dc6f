"""A claim cannot have been said after a source that reports it was published.

Dates are ranges of days (EDTF: partial, uncertain, approximate or bounded), and
only what is *certain* is reported: a ``said_on`` whose earliest possible day is
after the source's latest possible publication day. A remark that only *may*
postdate its report (``said_on: "2016"`` against ``published: "2016-10-13"``, or
``"2019/.."`` against ``"2022-02-24/.."``) is not an error: the dates leave room
for the right order. Sources with an unknown publication date are not compared.

Passing: ``said_on: "2016-10-12/2016-10-13"`` quoted from a report published ``"2016-10-13"``.

Failing: ``said_on: "2016-11"`` quoted from a report published ``"2016-10-13"``;
``said_on: "2023/.."`` quoted from a report published ``"2019/2022"``.
"""

from collections.abc import Iterator

from claimledger import codes
from claimledger.findings import Severity
from claimledger.ledger import LedgerFiles
from claimledger.rules.base import Problem

CODE = codes.SAID_AFTER_PUBLISHED
NAME = "said-after-published"
SEVERITY = Severity.ERROR


def check(ledger: LedgerFiles) -> Iterator[Problem]:
    for claim, origin in ledger.located_claims():
        if claim.said_on is None:
            continue
        for source_id in dict.fromkeys(quote.source for quote in claim.quotes):
            source = ledger.sources.get(source_id)
            published = source.meta.published if source else None
            if published is not None and claim.said_on.definitely_after(published):
                yield Problem(
                    origin.at("said_on"),
                    f"said_on {claim.said_on} ({claim.said_on.describe()}) is certainly after "
                    f"{source_id!r}, which reports it, was published ({published.describe()})",
                )
