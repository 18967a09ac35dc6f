"""A quote or evidence passage must have text.

An empty (or blank) ``text`` would anchor anywhere and prove nothing.

Passing: ``text: "Obviously."``

Failing: ``text: ""`` or ``text: "   "``.
"""

from collections.abc import Iterator

from claimledger import codes
from claimledger.findings import Severity
from claimledger.ledger import LedgerFiles
from claimledger.rules.base import Problem, passages

CODE = codes.EMPTY_QUOTE
NAME = "empty-quote"
SEVERITY = Severity.ERROR


def check(ledger: LedgerFiles) -> Iterator[Problem]:
    for passage in passages(ledger):
        if not passage.item.text.strip():
            yield Problem(passage.at("text"), f"empty {passage.label} text")
