"""A quote that matches its source only approximately, word for word but not mark for mark.

The quote is not in the source even with typography set aside, but the closest
passage has the same words in the same order: punctuation was added, dropped or
moved ("governments, have been" for "governments have been"). That may be a
transcription slip or a change of sense, so it is reported as a warning with
the passage to compare. A quote whose *words* differ is ``quote-not-found``, an
error. A newsroom that wants these to block a commit sets ``CL013 = "error"``.

Passing: ``text: "Both the US and British governments have been reluctant"`` (as printed).

Failing (warning): ``text: "Both the US, and British governments have been reluctant to accept"``.
"""

from collections.abc import Iterator

from claimledger import codes
from claimledger.anchor import Anchoring
from claimledger.findings import Severity
from claimledger.rules.base import (
    Passage,
    Problem,
    anchored_checks,
    punctuation_only,
    shorten,
)

CODE = codes.POSSIBLE_MISQUOTE
NAME = "possible-misquote"
SEVERITY = Severity.WARNING


def _judge(passage: Passage, source: str, found: Anchoring) -> Iterator[Problem]:
    if punctuation_only(found) and found.closest is not None:
        close = found.closest
        message = (
            f"possible misquote: {passage.label} text differs in punctuation from {source!r} "
            f"({close.similarity:.0f}%, ¶ {close.paragraph}): “{shorten(close.text)}”"
        )
        yield Problem(passage.at("text"), message)


check, check_registry = anchored_checks(_judge)
