"""A quote or evidence passage must occur in its source's text.

Whitespace runs (line breaks included) count as one space; everything else must
match exactly. Quotes whose source is unknown or whose text is empty are left
to ``unknown-source`` and ``empty-quote``.

Passing: ``text: "Obviously."`` from ``mirror-2016-10-12`` (the report prints it).

Failing: ``text: "Obviously not."``.
"""

import re
from collections.abc import Iterator

from claimledger.findings import Severity
from claimledger.ledger import LedgerFiles
from claimledger.rules.base import Problem, passages

CODE = "CL009"
NAME = "quote-not-found"
SEVERITY = Severity.ERROR

_SPACE = re.compile(r"\s+")


def _squash(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def check(ledger: LedgerFiles) -> Iterator[Problem]:
    squashed: dict[str, str] = {}  # one normalisation per source, however many quotes
    for passage in passages(ledger):
        source = ledger.sources.get(passage.item.source)
        if source is None or source.text is None or not passage.item.text.strip():
            continue
        if source.id not in squashed:
            squashed[source.id] = _squash(source.text)
        if _squash(passage.item.text) not in squashed[source.id]:
            yield Problem(passage.at("text"), f"{passage.label} text not found in {source.id!r}")
