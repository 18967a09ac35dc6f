"""A quote or evidence passage must occur in its source's text.

Whitespace runs (line breaks included) count as one space; everything else must
match exactly. Quotes whose source is unknown or whose text is empty are left
to ``unknown-source`` and ``empty-quote``.

Passing: ``text: "Obviously."`` from ``mirror-2016-10-12`` (the report prints it).

Failing: ``text: "Obviously not."``.
"""

from collections.abc import Iterator

from claimledger.findings import Severity
from claimledger.ledger import LedgerFiles
from claimledger.rules.base import Problem, passages

CODE = "CL009"
NAME = "quote-not-found"
SEVERITY = Severity.ERROR


def check(ledger: LedgerFiles) -> Iterator[Problem]:
    for passage in passages(ledger):
        source = ledger.sources.get(passage.item.source)
        if source is None or source.squashed is None or not passage.item.text.strip():
            continue
        if " ".join(passage.item.text.split()) not in source.squashed:
            message = f"{passage.label} text not found in {source.id!r}"
            yield Problem(passage.at("text"), message)
