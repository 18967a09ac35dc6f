"""Claim ids (and speaker ids) must be unique across the whole ledger.

A claim's id is its anchor in the rendered ledger and the key of its citation,
so two claims with one id would make citations ambiguous. Reported at every
repetition, naming the first. (Duplicate speaker ids are reported by the loader
under this code too.)

Passing: ``claims/a.yaml`` has ``id: milne-briefing``; ``claims/b.yaml`` has ``id: cox-reaction``.

Failing: both files have ``id: milne-briefing``.
"""

from collections.abc import Iterator

from claimledger import codes
from claimledger.findings import Severity
from claimledger.ledger import LedgerFiles
from claimledger.rules.base import Problem

CODE = codes.DUPLICATE_ID
NAME = "duplicate-id"
SEVERITY = Severity.ERROR
#: Not configurable: every command resolves references, and a claim or quote whose
#: reference does not resolve could not be shown, queried or exported without dropping it.
FIXED = True
SCOPE = "ledger"


def check(ledger: LedgerFiles) -> Iterator[Problem]:
    first: dict[str, str] = {}
    for entry in ledger.index:
        where = entry.at
        if entry.id in first:
            yield Problem(where, f"duplicate claim id {entry.id!r} (first at {first[entry.id]})")
        else:
            first[entry.id] = f"{where.path}:{where.line}"
