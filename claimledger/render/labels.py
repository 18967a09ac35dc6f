"""Names, orders and anchors: the small decisions every part of a rendering shares.

Every order here is total and depends only on the ledger's content, so the
same ledger always renders to the same bytes.

>>> from claimledger.models import Speaker
>>> speaker_label(Speaker("aide", description="An aide to Jeremy Corbyn, speaking on condition "
...                       "of anonymity; named by one report."))
'An aide to Jeremy Corbyn'
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence

from claimledger.dates import PartialDate
from claimledger.models import Claim, Role, Speaker
from claimledger.naming import source_label, speaker_name
from claimledger.render.escape import anchor_slug, truncate
from claimledger.resolved import ResolvedClaim

__all__ = [
    "QUOTE_KIND_WORDS",
    "RELATION_WORDS",
    "Anchors",
    "claim_key",
    "date_key",
    "is_certain_sequence",
    "roles_at",
    "source_label",
    "span_words",
    "speaker_label",
]

#: Each kind of quotation that is not the speaker's own words, as a reader is told it.
QUOTE_KIND_WORDS: dict[str, str] = {
    "partial": "reported speech; only the words in quotation marks are the speaker's",
    "paraphrase": "the report's paraphrase",
    "headline": "a headline or standfirst, not the speaker's words",
}

#: Each relation between claims, and its inverse, as a link is introduced.
RELATION_WORDS: dict[str, str] = {
    "related": "Related",
    "disputes": "Disputes",
    "disputed-by": "Disputed by",
    "responds-to": "Responds to",
    "responded-to-by": "Responded to by",
    "repeats": "Repeats",
    "repeated-by": "Repeated in",
    "same-remark-as": "The same remark as",
    "stance-change": "A change of stance from",
    "stance-changed-by": "Stance later changed in",
    "background": "Background to",
    "has-background": "Has as background",
}


def date_key(date: PartialDate | None) -> tuple[int, int, int]:
    """Sorts dates by their first possible day, less precise first; undated last.

    >>> dates = [None, PartialDate.parse("2016-10-12"), PartialDate.parse("2016-10")]
    >>> [str(d) for d in sorted(dates, key=date_key)]
    ['2016-10', '2016-10-12', 'None']
    """
    if date is None:
        return (1, 0, 0)
    return (0, *date.sort_key())


def span_words(dates: Sequence[PartialDate]) -> str | None:
    """When claims dated ``dates`` were made, in words to follow "made"; None if none is dated.

    An open date ("12 October 2016 or earlier") is never put between "between" and "and":
    the range runs "from" it, or, when every other date is within it, is that date alone.

    >>> span_words([PartialDate.parse(t) for t in ("2016-09", "2016-10-18")])
    'between September 2016 and 18 October 2016'
    >>> span_words([PartialDate.parse(t) for t in ("../2016-10-12", "2016-10-12")])
    'on 12 October 2016 or earlier'
    >>> span_words([PartialDate.parse(t) for t in ("../2016-10-18", "2022-02-24/..")])
    'from 18 October 2016 or earlier to 24 February 2022 or later'
    """
    if not dates:
        return None
    earliest = min(dates, key=lambda d: (d.first, d.last))
    latest = max(dates, key=lambda d: (d.last, d.first))
    if earliest == latest or str(earliest) == str(latest):
        return f"on {earliest.describe()}"
    if earliest.open_start and all(d.last <= earliest.last for d in dates):
        return f"on {earliest.describe()}"
    if latest.open_end and all(d.first >= latest.first for d in dates):
        return f"on {latest.describe()}"
    if earliest.open_start or latest.open_end:
        return f"from {earliest.describe()} to {latest.describe()}"
    return f"between {earliest.describe()} and {latest.describe()}"


def claim_key(claim: Claim | ResolvedClaim) -> tuple[int, int, int, str]:
    """Claims by date, then id."""
    return (*date_key(claim.said_on), claim.id)


def is_certain_sequence(dates: Sequence[PartialDate]) -> bool:
    """True when the dates, in order, each definitely fall after the one before.

    Only then does a drawn timeline show an order the record supports.

    >>> is_certain_sequence([PartialDate.parse("2016-10"), PartialDate.parse("2016-10-12")])
    False
    >>> is_certain_sequence([PartialDate.parse("2016-10-12"), PartialDate.parse("2018")])
    True
    """
    return all(later.definitely_after(earlier) for earlier, later in itertools.pairwise(dates))


def roles_at(roles: Iterable[Role], when: PartialDate | None) -> list[Role]:
    """The roles whose recorded dates do not rule out ``when`` (all of them if undated)."""
    if when is None:
        return list(roles)
    return [
        role
        for role in roles
        if not (role.since is not None and role.since.definitely_after(when))
        and not (role.until is not None and when.definitely_after(role.until))
    ]


def speaker_label(speaker: Speaker, limit: int = 80) -> str:
    """What a speaker is called wherever the ledger mentions them: their name, or
    :func:`claimledger.naming.speaker_name` of an unnamed speaker cut to ``limit``
    for headings, links and diagrams (the speaker's index entry shows the whole
    description).

    >>> speaker_label(Speaker("pm-spokesman", description="The Prime Minister's spokesman, "
    ...                       "unnamed; the Daily Mail refers to the spokesman as “she”."), 20)
    'The Prime…'
    """
    name = speaker_name(speaker)
    return name if speaker.name or not speaker.description else truncate(name, limit)


class Anchors:
    """Hands out anchors, each once: a clash gets ``-2``, ``-3``…

    >>> anchors = Anchors()
    >>> anchors.take("sources"), anchors.take("sources")
    ('sources', 'sources-2')
    """

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def take(self, identifier: str, prefix: str = "") -> str:
        base = anchor_slug(identifier, prefix)
        anchor, n = base, 1
        while anchor in self._taken:
            n += 1
            anchor = f"{base}-{n}"
        self._taken.add(anchor)
        return anchor
