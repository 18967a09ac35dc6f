"""The ledger's value classes: what a claim, a speaker and a source *are*.

Every class is frozen and slotted; collections are tuples. Field names are the
YAML keys (see README "File formats"). Optional facts default to ``None``:
absent means unknown, never guessed.

>>> q = Quote(source="mirror-2016-10-12", text="Obviously.")
>>> c = Claim(id="us-is-an-intervening-power", statement="The US is one of the intervening powers.",
...           speaker="seumas-milne", quotes=(q,))
>>> c.sources()
('mirror-2016-10-12',)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal, get_args

import attrs

from claimledger.dates import PartialDate

__all__ = [
    "APPEARANCE_KINDS",
    "CONFIDENCES",
    "IDENTIFICATION_BASES",
    "INVERSE_RELATIONS",
    "QUOTE_KINDS",
    "RELATIONS",
    "SPEAKER_KINDS",
    "Alias",
    "Appearance",
    "AppearanceKind",
    "Claim",
    "Confidence",
    "Correction",
    "Evidence",
    "Extraction",
    "Identification",
    "IdentificationBasis",
    "Quote",
    "QuoteKind",
    "Related",
    "Relation",
    "Review",
    "Role",
    "Source",
    "SourceVersion",
    "Speaker",
    "SpeakerKind",
    "Verdict",
    "relations_seen_from",
]

SpeakerKind = Literal["person", "organisation", "document"]
SPEAKER_KINDS: tuple[SpeakerKind, ...] = get_args(SpeakerKind)
AppearanceKind = Literal["exact", "normalised", "elided", "bracketed", "variant", "repeat"]
APPEARANCE_KINDS: tuple[AppearanceKind, ...] = get_args(AppearanceKind)

#: What a quote's text is: ``direct``, the speaker's words as the source quotes them;
#: ``partial``, the source's reported speech carrying a few quoted words of the speaker
#: (only those are the speaker's); ``paraphrase``, the source's words for the remark;
#: ``headline``, a headline or standfirst about the speaker, never the speaker's words.
QuoteKind = Literal["direct", "partial", "paraphrase", "headline"]
QUOTE_KINDS: tuple[QuoteKind, ...] = get_args(QuoteKind)

#: How one claim bears on another it lists under ``related``, read "this claim <relation>
#: the other": it disputes it, responds to it, repeats it, is the same remark as it (as
#: another outlet reports it), is a change of stance from it, or is background to it.
Relation = Literal[
    "disputes", "responds-to", "repeats", "same-remark-as", "stance-change", "background"
]
RELATIONS: tuple[Relation, ...] = get_args(Relation)
#: Each relation as the *other* claim sees it (``None``: untyped, "related").
INVERSE_RELATIONS: dict[Relation | None, str] = {
    None: "related",
    "disputes": "disputed-by",
    "responds-to": "responded-to-by",
    "repeats": "repeated-by",
    "same-remark-as": "same-remark-as",
    "stance-change": "stance-changed-by",
    "background": "has-background",
}

#: ``stated``: a named source states the identification (its passage is the evidence);
#: ``inferred``: the ledger's own reasoning from the evidence.
IdentificationBasis = Literal["stated", "inferred"]
IDENTIFICATION_BASES: tuple[IdentificationBasis, ...] = get_args(IdentificationBasis)
Confidence = Literal["certain", "probable", "possible"]
CONFIDENCES: tuple[Confidence, ...] = get_args(Confidence)


@attrs.frozen
class Quote:
    """Where a source reports the speaker making the claim, in the source's exact words.

    ``occurrence`` (1-based) picks one when the text occurs more than once.
    ``kind`` says whose words the text is (see :data:`QuoteKind`): only a ``direct``
    quote is shown as the speaker's words, and its text holds the speaker's words
    only, never the reporter's "he said:".
    """

    source: str
    text: str
    occurrence: int | None = None
    note: str | None = None
    kind: QuoteKind = "direct"
    #: The version of the source quoted (1 = the first text kept), when the source was
    #: corrected since: the passage is anchored in that version's text.
    version: int | None = None

    @property
    def is_direct(self) -> bool:
        """True when the text is the speaker's own words; every other kind is the source's."""
        return self.kind == "direct"


@attrs.frozen
class Evidence:
    """A passage of a source that supports or contradicts a claim.

    ``speaker`` names who is speaking in the passage, when it is not the
    source's own voice.
    """

    source: str
    text: str
    note: str | None = None
    speaker: str | None = None
    occurrence: int | None = None
    #: As for :class:`Quote`: the version of the source the passage is from.
    version: int | None = None


@attrs.frozen
class Related:
    """Another claim this one bears on, and how (``relation``; absent: just related)."""

    claim: str
    relation: Relation | None = None
    note: str | None = None


def relations_seen_from(
    mine: Iterable[Related], incoming: Iterable[tuple[str, Related]]
) -> list[tuple[str, str, str | None]]:
    """A claim's relations as seen from it: ``(relation, other claim id, note)``.

    ``mine`` are the claim's own ``related`` links; ``incoming`` the links other claims
    make to it, each with that claim's id, which are turned round (``disputes`` becomes
    ``disputed-by``). Each relation with a claim is given once, and an untyped link is
    left out where a typed one with the same claim says more.

    >>> relations_seen_from([Related("b"), Related("c", "repeats")],
    ...                     [("b", Related("a", "disputes")), ("c", Related("a"))])
    [('repeats', 'c', None), ('disputed-by', 'b', None)]
    """
    found: list[tuple[str, str, str | None]] = [
        (link.relation or "related", link.claim, link.note) for link in mine
    ]
    found += [(INVERSE_RELATIONS[link.relation], other, link.note) for other, link in incoming]
    typed = {other for relation, other, _ in found if relation != "related"}
    seen: set[tuple[str, str]] = set()
    kept: list[tuple[str, str, str | None]] = []
    for relation, other, note in found:
        if (relation, other) in seen or (relation == "related" and other in typed):
            continue
        seen.add((relation, other))
        kept.append((relation, other, note))
    return kept


@attrs.frozen
class Verdict:
    """A rating from the ledger's scale and why.

    A verdict imported from a published review keeps that review's numbers:
    ``rating_value`` between ``worst_rating`` and ``best_rating`` (higher is
    better); absent, exports number the rating by its place on the scale.
    """

    rating: str
    rationale: str
    rating_value: int | float | None = None
    best_rating: int | float | None = None
    worst_rating: int | float | None = None


@attrs.frozen
class Review:
    """Where a fact check of the claim was published, when, by whom, in which language.

    Set for claims imported from a published review (ClaimReview), if only as
    ``review: {}`` when the review says nothing of itself; a claim the ledger
    itself reviews leaves it out and is published at the ledger's URL.
    """

    url: str | None = None
    title: str | None = None
    published: PartialDate | None = None
    author: str | None = None
    language: str | None = None


@attrs.frozen
class Correction:
    """One dated entry of a claim's append-only history."""

    date: PartialDate
    note: str


@attrs.frozen
class Appearance:
    """Where an archive document has the claim, as ``claimledger trace --apply`` records it.

    ``kind``: the claim's quote in the same words (``exact``, ``normalised``,
    ``elided``, ``bracketed``), a ``variant`` of a quote, or a ``repeat`` of the claim
    in other words; ``score`` 0 to 100. Offsets are code points into the document's
    text; ``quote`` is the claim's quote (1-based) it matches.
    """

    document: str
    kind: AppearanceKind
    score: float
    paragraph: int
    start: int
    end: int
    text: str
    quote: int | None = None
    url: str | None = None
    published: PartialDate | None = None


@attrs.frozen
class Claim:
    """An assertion linked to its speaker, its quotes and the evidence on it."""

    id: str
    statement: str
    speaker: str
    said_on: PartialDate | None = None
    said_on_note: str | None = None
    #: The occasion: where and how the claim was made.
    setting: str | None = None
    topics: tuple[str, ...] = ()
    quotes: tuple[Quote, ...] = ()
    supports: tuple[Evidence, ...] = ()
    contradicts: tuple[Evidence, ...] = ()
    #: Passages that give background to the claim but neither support nor contradict it.
    context: tuple[Evidence, ...] = ()
    verdict: Verdict | None = None
    history: tuple[Correction, ...] = ()
    related: tuple[Related, ...] = ()
    appearances: tuple[Appearance, ...] = ()
    #: The source id of the report the claim first appeared in, when a review says so
    #: and the reports' dates do not show it.
    first_appearance: str | None = None
    review: Review | None = None

    def sources(self) -> tuple[str, ...]:
        """Every source id the claim cites, in first-cited order, once each."""
        items: tuple[Quote | Evidence, ...] = (
            *self.quotes,
            *self.supports,
            *self.contradicts,
            *self.context,
        )
        return tuple(dict.fromkeys(item.source for item in items))

    def related_ids(self) -> tuple[str, ...]:
        """The ids of the claims under ``related``, in order."""
        return tuple(link.claim for link in self.related)


@attrs.frozen
class Alias:
    """A name or description a source uses for a speaker."""

    name: str
    source: str | None = None


@attrs.frozen
class Role:
    """A position a speaker held; dates may be partial, uncertain or unknown.

    ``as_of`` is when a source attests the role (a spokesman "at the time of" an
    event), where its start and end are not known.
    """

    title: str
    since: PartialDate | None = None
    until: PartialDate | None = None
    as_of: PartialDate | None = None
    source: str | None = None
    note: str | None = None


@attrs.frozen
class Identification:
    """Who an unnamed speaker is, and the passages that show it.

    ``basis`` says how it is known: ``stated`` (a source names the speaker; the
    evidence is that passage) or ``inferred`` (the ledger's reasoning, given in the
    note). ``confidence`` is ``certain``, ``probable`` or ``possible``; absent, not rated.
    """

    speaker: str
    evidence: tuple[Evidence, ...]
    note: str | None = None
    basis: IdentificationBasis | None = None
    confidence: Confidence | None = None


@attrs.frozen
class Speaker:
    """A person or body whose claims are recorded.

    ``name`` is ``None`` for a speaker the sources do not name ("an unnamed
    Member"); ``identified_as`` records who another source shows them to be.
    ``kind`` says what the speaker is: a ``person``, an ``organisation``, or a
    ``document`` speaking in its own voice (a report whose publisher is not known);
    absent, it is not recorded.
    """

    id: str
    kind: SpeakerKind | None = None
    name: str | None = None
    description: str | None = None
    reported_as: tuple[Alias, ...] = ()
    roles: tuple[Role, ...] = ()
    identified_as: Identification | None = None

    @property
    def display_name(self) -> str:
        """The name, or the description for an unnamed speaker, or the id."""
        return self.name or self.description or self.id


@attrs.frozen
class SourceVersion:
    """A text of a source superseded by a correction, kept as ``<id>.v<N>.txt``.

    ``N`` is the version's place in the source's ``versions`` (from 1); ``until``
    is the date of the correction that superseded it.
    """

    sha256: str
    until: PartialDate
    note: str | None = None


@attrs.frozen
class Extraction:
    """How a source's text was taken from the original it was added from (a saved web
    page, kept beside it as ``<id>.<format>``), by which tool and version."""

    format: str
    sha256: str
    tool: str
    tool_version: str


@attrs.frozen
class Source:
    """A corpus document's metadata; its text lives in ``<id>.txt`` beside it.

    ``versions`` are the texts it had before corrections (oldest first; the current
    text is version ``len(versions) + 1``); ``history`` records each correction.
    ``kind`` is ``None`` when it is not recorded.

    A source known only by reference has no ``sha256`` and no text yet: its
    ``url`` (and ``archive_url``) say where it is, and quotes from it are not
    yet checked against a text. Saving the text as ``<id>.txt`` and recording
    its ``sha256`` in the same metadata file makes it an ordinary source.
    """

    id: str
    sha256: str | None = None
    kind: str | None = None
    title: str | None = None
    publisher: str | None = None
    authors: tuple[str, ...] = ()
    url: str | None = None
    archive_url: str | None = None
    published: PartialDate | None = None
    published_note: str | None = None
    event_date: PartialDate | None = None
    note: str | None = None
    extraction: Extraction | None = None
    versions: tuple[SourceVersion, ...] = ()
    history: tuple[Correction, ...] = ()

    @property
    def current_version(self) -> int:
        """The number of the current text: one more than the versions kept."""
        return len(self.versions) + 1
