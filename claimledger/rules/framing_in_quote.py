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
from collections.abc import Callable, Iterator, Sequence

from claimledger import codes
from claimledger.findings import Severity
from claimledger.ledger import LedgerFiles, Origin
from claimledger.models import Evidence, Quote
from claimledger.rules.base import Problem, shorten

__all__ = ["CODE", "NAME", "SEVERITY", "check", "check_registry", "framing"]

CODE = codes.FRAMING_IN_QUOTE
NAME = "framing-in-quote"
SEVERITY = Severity.WARNING

_VERB_WORDS = (
    "said",
    "says",
    "say",
    "added",
    "adds",
    "told",
    "tells",
    "tweeted",
    "tweets",
    "replied",
    "replies",
    "asked",
    "asks",
    "answered",
    "insisted",
    "insists",
    "claimed",
    "claims",
    "declared",
    "declares",
    "explained",
    "explains",
    "wrote",
    "writes",
    "warned",
    "warns",
    "stated",
    "states",
    "continued",
    "responded",
    "suggested",
    "argued",
    "accused",
    "denied",
    "saying",
    "adding",
    "telling",
    "declaring",
    "insisting",
    "writing",
)


def _trie(words: Sequence[str]) -> str:
    """An alternation of ``words`` that fails on a first letter at once: a regex tried at
    every position of a text otherwise compares each word in turn there. Bounded by
    ``\\b`` on both sides, one word at most matches at a place, whatever the order.

    >>> _trie(["said", "says", "told"])
    '(?:sa(?:id|ys)|told)'
    """
    heads: dict[str, list[str]] = {}
    for word in words:
        heads.setdefault(word[:1], []).append(word[1:])
    branches = []
    for head, tails in heads.items():
        if len(tails) == 1:
            branches.append(head + re.escape(tails[0]))
            continue
        common = tails[0]
        for tail in tails[1:]:
            while not tail.startswith(common):
                common = common[:-1]
        rest = [tail[len(common) :] for tail in tails]
        if "" in rest:
            inner = _trie([r for r in rest if r])
            branches.append(f"{head}{common}(?:{inner[3:-1]})?")
        else:
            branches.append(head + common + _trie(rest))
    return f"(?:{'|'.join(branches)})"


_VERBS = _trie(_VERB_WORDS)
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
    # Most quotes have no reporting verb, and one search settles them. The others try
    # each pattern only where a match can start (a verb's first letter, a closing mark),
    # never at every position with every alternative: the same leftmost match.
    starts = [verb.start() for verb in _VERB.finditer(text)]
    if starts:
        for pattern, may in zip(_PATTERNS, _MAY_MATCH, strict=True):
            if not may(text):
                continue
            places: list[int] | None = None
            if pattern is _PATTERNS[1]:
                places = [mark.start() for mark in _CLOSING_STARTS.finditer(text)]
            elif pattern in _FROM_VERB:
                places = starts
            if places is None:
                found = pattern.search(text)
            else:
                found = next(filter(None, (pattern.match(text, at) for at in places)), None)
            if found:
                return found.group(0).strip()
    elif "(@" in text:
        found = _PATTERNS[-1].search(text)
        if found:
            return found.group(0).strip()
    # Reported speech carrying a few quoted words: a reporting verb outside the marks.
    if starts and _QUOTED.search(text):
        verb = _VERB.search(_QUOTED.sub(" ", text))
        if verb:
            return verb.group(0)
    return None


#: The patterns that begin with a reporting verb: a match starts where a verb does (a
#: verb is a whole word, so nowhere else).
_FROM_VERB = frozenset((_PATTERNS[0], _PATTERNS[2]))
#: Where "…”, said the spokesman" can start: its optional punctuation or closing mark.
_CLOSING_STARTS = re.compile("[,.!?\"\u201d\u2019']")
#: For each pattern, a cheap test that is true of every text it can match: an opening
#: mark after the verb; a closing mark; a colon before trailing spaces; a colon; "(@".
_MAY_MATCH: tuple[Callable[[str], bool], ...] = (
    lambda text: any(mark in text for mark in "\"\u201c\u201e\u2018'"),
    lambda text: any(mark in text for mark in "\"\u201d\u2019'"),
    lambda text: text.rstrip().endswith(":"),  # str.isspace is \s in a str pattern
    lambda text: ":" in text,
    lambda text: "(@" in text,
)


def check(ledger: LedgerFiles) -> Iterator[Problem]:
    for claim, origin in ledger.located_claims():
        # A document speaking in its own voice: its framing is its own words.
        speaker = ledger.speakers.get(claim.speaker)
        document = speaker is not None and speaker.kind == "document"
        for index, quote in enumerate(claim.quotes):
            if quote.kind == "direct" and not document:
                yield from _flag(quote, "a direct quote", origin, ("quotes", index, "text"))
        for field, label in _EVIDENCE:
            for index, item in enumerate(getattr(claim, field)):
                if item.speaker is not None:
                    whose = f"{label} evidence spoken by {_speaker(item)!r}"
                    yield from _flag(item, whose, origin, (field, index, "text"))


#: The evidence lists of a claim, and what each item is called in a message.
_EVIDENCE = (("supports", "supporting"), ("contradicts", "contradicting"), ("context", "context"))


def _flag(
    item: Quote | Evidence, whose: str, origin: Origin, path: tuple[str | int, ...]
) -> Iterator[Problem]:
    found = framing(item.text)
    if found is not None:  # located only then: most quotes have no framing
        yield Problem(
            origin.at(*path),
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
