"""A quote that occurs more than once in its source must say which occurrence it means.

The rendered ledger cites a quote by paragraph, so "which one" matters; set
``occurrence`` (counting from 1 in document order) on the quote or evidence item.

Passing: ``text: "Obviously."`` with ``occurrence: 1`` where the source says it twice.

Failing (warning): ``text: "Obviously."`` with no ``occurrence`` where the source says it twice.
"""

from collections.abc import Iterator

from claimledger import codes
from claimledger.anchor import Anchoring
from claimledger.findings import Severity
from claimledger.rules.base import Passage, Problem, anchored_checks

CODE = codes.AMBIGUOUS_QUOTE
NAME = "ambiguous-quote"
SEVERITY = Severity.WARNING


def _judge(passage: Passage, source: str, found: Anchoring) -> Iterator[Problem]:
    if found.ambiguous:
        paragraphs = ", ".join(f"¶ {m.paragraph}" for m in found.matches)
        message = (
            f"{passage.label} text occurs {len(found.matches)} times in {source!r} "
            f"({paragraphs}); set occurrence to say which"
        )
        yield Problem(passage.at("text"), message)


check, check_registry = anchored_checks(_judge)
