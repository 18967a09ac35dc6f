"""A direct quote holds the speaker's words only, not the reporter's "he said:".

A ``direct`` quote, and an evidence passage given a ``speaker``, is shown as that
speaker's words. A reporting verb or attribution outside the quotation marks
("he said:", "Asked if …, the aide said:", "…”, said the spokesman", "tweeted in
response:", a tweet's "— Name (@handle) date") is the outlet's framing: it is
shown as if the speaker had said it, and it stops outlets' wordings of one remark
from being compared. Quote the words inside the marks; give the framing as the
claim's ``setting``, or keep the whole sentence as a ``partial`` quote (reported
speech with a few quoted words). A speaker of kind ``document`` (a report in its own
voice) is not checked: its framing is its own words.

Passing: ``text: "We are not in the business of allocating blame."``; or the
whole sentence with ``kind: partial``.

Failing (warning): ``text: 'Asked if the UK was as culpable as Russia, he said: "We are
not in the business of allocating blame."'`` with the default ``kind: direct``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from claimledger import codes
from claimledger.findings import Location, Severity
from claimledger.ledger import LedgerFiles
from claimledger.models import Evidence, Quote
from claimledger.rules.base import Problem, shorten

__all__ = ["CODE", "NAME", "SEVERITY", "check", "check_registry", "framing"]

CODE = codes.FRAMING_IN_QUOTE
NAME = "framing-in-quote"
SEVERITY = Severity.WARNING

_VERBS = (
    r"(?:said|says|say|added|adds|told|tells|tweeted|tweets|replied|replies|asked|asks|"
    r"answered|insisted|insists|claimed|claims|declared|declares|explained|explains|"
    r"wrote|writes|warned|warns|stated|states|continued|responded|suggested|argued|"
    r"accused|denied|saying|adding|telling|declaring|insisting|writing)"
)
# An opening quotation mark: straight or curly double, or a single one that opens a
# word (an apostrophe, as in "isn't", typed straight or curly, opens nothing).
_OPEN = "(?:[\"\u201c\u201e]|[\u2018'](?=\\w))"
_CLOSE = "(?:[\"\u201d]|(?<=[\\w.,!?])[\u2019'])"
_APOSTROPHE = "'\u2019"
_DASHES = "\u2014\u2013\\-"
_PATTERNS = (
    # "he said: “…", "tweeted in response: “…", "saying: '…"
    re.compile(rf"\b{_VERBS}\b[^\"\u201c\u2018]{{0,60}}?[:,]\s*{_OPEN}", re.IGNORECASE),
    # "…”, said the spokesman" and "…,” he told the BBC"
    re.compile(
        rf"[,.!?]?{_CLOSE}[,.]?\s+(?:[\w{_APOSTROPHE}-]+\s+){{0,5}}?{_VERBS}\b", re.IGNORECASE
    ),
    # "Denying it was …, he added:" at the end: the framing of words not quoted
    re.compile(rf"\b{_VERBS}\b[^.!?\"\u201c\u201d]{{0,60}}:\s*$", re.IGNORECASE),
    # "He told reporters: …" at the start, before unmarked words
    re.compile(
        rf"^(?:[\w{_APOSTROPHE}-]+\s+){{0,6}}?{_VERBS}\b[^.!?\"\u201c\u201d]{{0,40}}:\s",
        re.IGNORECASE,
    ),
    # an embedded tweet's signature: "— Brendan Cox (@MrBrendanCox) October 12, 2016"
    re.compile(rf"[{_DASHES}]\s*[^{_DASHES}()]{{1,60}}\(@\w{{1,30}}\)"),
)
# A quoted span: double marks, or single ones that open and close words (not the
# apostrophes of "isn't" or "Corbyn 's").
_QUOTED = re.compile(
    '["\u201c\u201e][^"\u201c\u201d\u201e]*["\u201d]'
    "|(?<![\\w])[\u2018'](?!s\\b)(?=\\w)[^\u2018\u2019]*?(?<=[\\w.,!?])[\u2019'](?!\\w)"
)
_VERB = re.compile(rf"\b{_VERBS}\b", re.IGNORECASE)


def framing(text: str) -> str | None:
    """The reporter's framing found in a quote's text, or ``None``.

    >>> framing('Asked if the UK was as culpable, he said: "We are not in the business."')
    'Asked if the UK was as culpable, he said: "'
    >>> framing("He accused Putin of 'shredding' international law.")
    'accused'
    >>> framing("The “intervention of foreign powers has escalated it”, said the spokesman.")
    '”, said'
    >>> print(framing("This isn't just wrong, it's absolutely disgraceful."))
    None
    """
    # Every pattern but the tweet's signature needs a reporting verb: most quotes have
    # none, and one search settles them.
    patterns = _PATTERNS if _VERB.search(text) else _PATTERNS[-1:] if "(@" in text else ()
    for pattern in patterns:
        found = pattern.search(text)
        if found:
            return found.group(0).strip()
    # Reported speech carrying a few quoted words: a reporting verb outside the marks.
    if len(patterns) > 1 and _QUOTED.search(text):
        verb = _VERB.search(_QUOTED.sub(" ", text))
        if verb:
            return verb.group(0)
    return None


def check(ledger: LedgerFiles) -> Iterator[Problem]:
    for claim, origin in ledger.located_claims():
        # A document speaking in its own voice: its framing is its own words.
        speaker = ledger.speakers.get(claim.speaker)
        document = speaker is not None and speaker.kind == "document"
        for index, quote in enumerate(claim.quotes):
            if quote.kind == "direct" and not document:
                yield from _flag(quote, "a direct quote", origin.at("quotes", index, "text"))
        for field, label in _EVIDENCE:
            for index, item in enumerate(getattr(claim, field)):
                if item.speaker is not None:
                    whose = f"{label} evidence spoken by {_speaker(item)!r}"
                    yield from _flag(item, whose, origin.at(field, index, "text"))


#: The evidence lists of a claim, and what each item is called in a message.
_EVIDENCE = (("supports", "supporting"), ("contradicts", "contradicting"), ("context", "context"))


def _flag(item: Quote | Evidence, whose: str, where: Location) -> Iterator[Problem]:
    found = framing(item.text)
    if found is not None:
        yield Problem(
            where,
            f"{whose} contains the reporter's framing ({shorten(found, 40)!r}): quote only "
            "the speaker's words, and give the framing as the setting or a partial quote",
        )


def check_registry(ledger: LedgerFiles) -> Iterator[Problem]:
    """The passages an identification gives as a speaker's own words."""
    for speaker_id, speaker in ledger.speakers.items():
        ident = speaker.identified_as
        if ident is None:
            continue
        for index, item in enumerate(ident.evidence):
            found = framing(item.text) if item.speaker is not None else None
            if found is not None:
                where = ledger.speaker_origins[speaker_id].at(
                    "identified_as", "evidence", index, "text"
                )
                yield Problem(
                    where,
                    f"identification evidence spoken by {item.speaker!r} contains the "
                    f"reporter's framing ({shorten(found, 40)!r}): quote only the speaker's words",
                )


def _speaker(item: Evidence) -> str:
    return item.speaker or ""
