"""A quote or evidence passage (identification evidence too) must be found in its source's text.

Found means anchored by :mod:`claimledger.anchor`: verbatim, or once typography is
set aside (curly or straight quote marks, dashes, non-breaking spaces, line
breaks, a capital where the quote starts mid-sentence), or with ``…`` for words
left out and ``[brackets]`` for words put in. When the text is not found, the
closest passage is suggested if it is alike enough for its length (see
``claimledger.anchor.misquote_threshold``). An ``occurrence`` beyond the number of
places the text occurs is reported here too. A near miss whose words are all the
source's, differing only in punctuation, is left to ``possible-misquote``.

Passing: ``text: "Obviously."`` from ``mirror-2016-10-12`` (the report prints “Obviously.”).

Failing: ``text: "Both the US and British authorities have been reluctant to accept any
independent assessment of what's taking place"`` from the first report, which says
"governments": ``quote text not found in '…'; closest (90%, ¶ 19): “Both the US and
British governments have been reluctant…”; “authorities” for “governments”``, with the
caret on "authorities", the first word that differs.
"""

from collections.abc import Iterator

from claimledger import codes
from claimledger.anchor import Anchoring
from claimledger.findings import Severity
from claimledger.rules.base import (
    Passage,
    Problem,
    anchored_checks,
    at_offset,
    punctuation_only,
    shorten,
    word_difference,
)

CODE = codes.QUOTE_NOT_FOUND
NAME = "quote-not-found"
SEVERITY = Severity.ERROR


def _judge(passage: Passage, source: str, found: Anchoring) -> Iterator[Problem]:
    if found.matches and found.occurrence is not None and not found.found:
        count = len(found.matches)
        message = (
            f"{passage.label} text occurs {count} time(s) in {source!r}, not {found.occurrence}"
        )
        yield Problem(passage.at("occurrence"), message)
    elif not found.matches and not punctuation_only(found):
        message = f"{passage.label} text not found in {source!r}"
        where = passage.at("text")
        if found.closest is not None:
            close = found.closest
            shown = shorten(close.text)
            message += f"; closest ({close.similarity:.0f}%, ¶ {close.paragraph}): “{shown}”"
            difference = word_difference(close.text, passage.item.text)
            if difference is not None:
                message += f"; {difference.summary}"
                where = at_offset(passage, where, difference.offset)
        yield Problem(where, message)


check, check_registry = anchored_checks(_judge)
