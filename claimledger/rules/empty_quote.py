"""A quote or evidence passage (identification evidence too) must have text.

An empty (or blank) ``text`` would anchor anywhere and prove nothing.

Passing: ``text: "Obviously."``

Failing: ``text: ""`` or ``text: "   "``.
"""

from collections.abc import Iterator

from claimledger import codes
from claimledger.findings import Severity
from claimledger.ledger import LedgerFiles
from claimledger.rules.base import Passage, Problem, passages, registry_passages

CODE = codes.EMPTY_QUOTE
NAME = "empty-quote"
SEVERITY = Severity.ERROR


def _check(found: Iterator[Passage]) -> Iterator[Problem]:
    for passage in found:
        if not passage.item.text.strip():
            yield Problem(passage.at("text"), f"empty {passage.label} text")


def check(ledger: LedgerFiles) -> Iterator[Problem]:
    return _check(passages(ledger))


def check_registry(ledger: LedgerFiles) -> Iterator[Problem]:
    return _check(registry_passages(ledger))
