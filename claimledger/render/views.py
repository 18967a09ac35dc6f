"""What a ledger template sees: plain, frozen values, one class per thing shown.

Templates get these rather than the models so that every cross-reference is
already resolved (a quote's source is its label and anchor, not an id to look
up) and every fact a template might print is a field, never a computation the
template would have to repeat. User text is raw here; templates escape it with
the ``md`` and ``mermaid`` filters (:mod:`claimledger.render.escape`).

A missing fact is ``None``, never a placeholder: the template decides how to
say "not stated".
"""

from __future__ import annotations

import attrs

__all__ = [
    "ChangeView",
    "ClaimLink",
    "ClaimView",
    "CorrectionView",
    "DiagramSource",
    "EvidenceView",
    "Group",
    "IdentificationView",
    "LedgerView",
    "ParagraphView",
    "QuoteView",
    "RelatedView",
    "RoleView",
    "Sections",
    "SegmentView",
    "SourceRef",
    "SourceView",
    "SpeakerRef",
    "SpeakerView",
    "StoryRef",
    "TimelineEntry",
    "VariantView",
    "VersionView",
]


@attrs.frozen
class SourceRef:
    """A cited source: enough to name it in a footnote and link to its entry."""

    id: str
    anchor: str
    #: Short citation: publisher, title, date, as far as they are known; the id otherwise.
    label: str
    #: False when the id is not in the corpus (only in a ``--force`` rendering).
    known: bool = True
    #: What repeated mentions call it: the publisher, else the title, else the label.
    short: str = ""
    #: The short name and the date, for a quote's provenance line.
    brief: str = ""

    @property
    def name(self) -> str:
        return self.short or self.label


@attrs.frozen
class SpeakerRef:
    """A speaker named somewhere else than their own entry."""

    id: str
    anchor: str
    name: str
    known: bool = True
    #: The name uncut (``name``, kept for templates that want it short, may end in "…").
    full_name: str = ""

    @property
    def whole(self) -> str:
        return self.full_name or self.name


@attrs.frozen
class ClaimLink:
    """A link to a claim's section."""

    id: str
    anchor: str
    statement: str
    said_on: str | None = None
    known: bool = True


@attrs.frozen
class StoryRef:
    """A story: the claims of one claim file, under the title the configuration gives it."""

    key: str
    title: str
    anchor: str


@attrs.frozen
class QuoteView:
    """A quote, its footnote label and, when anchored, its paragraph in the source."""

    text: str
    source: SourceRef
    footnote: str
    #: 1-based paragraphs of the source where the quote starts and ends, if anchored.
    paragraph: int | None = None
    last_paragraph: int | None = None
    occurrence: int | None = None
    note: str | None = None
    #: The source's own account of the remark (reported speech), not the speaker's words.
    paraphrase: bool = False
    #: ``direct``, ``partial``, ``paraphrase`` or ``headline``.
    kind: str = "direct"
    #: What the kind is, in words, for a passage that is not the speaker's own words.
    kind_words: str | None = None
    #: The version of a corrected source the quote is from, when pinned.
    version: int | None = None
    #: The source is known by reference only: the text is not yet checked against it.
    unchecked: bool = False


@attrs.frozen
class EvidenceView:
    """A supporting or contradicting passage."""

    text: str
    source: SourceRef
    speaker: SpeakerRef | None = None
    paragraph: int | None = None
    last_paragraph: int | None = None
    note: str | None = None
    version: int | None = None
    #: The source is known by reference only: the text is not yet checked against it.
    unchecked: bool = False


@attrs.frozen
class ChangeView:
    """One difference of an outlet's wording from the reference wording.

    ``op`` is ``"replace"``, ``"insert"`` (words only this outlet has) or
    ``"delete"`` (words it lacks); the words are as anchoring compares them.
    """

    op: str
    reference: str
    other: str


@attrs.frozen
class VariantView:
    """How one outlet's wording of the claim differs from the reference (the fullest)."""

    source: SourceRef
    #: Empty when the outlet gives the reference's words.
    changes: tuple[ChangeView, ...]


@attrs.frozen
class RoleView:
    title: str
    since: str | None = None
    until: str | None = None
    source: SourceRef | None = None
    note: str | None = None
    #: When a source attests the role (dates in words).
    as_of: str | None = None


@attrs.frozen
class RelatedView:
    """A related claim and how it bears on this one, in words ("Disputes", "Disputed by")."""

    link: ClaimLink
    relation: str
    note: str | None = None


@attrs.frozen
class CorrectionView:
    date: str
    note: str


@attrs.frozen
class DiagramSource:
    """A source node of a claim's diagram and how the source bears on the claim."""

    node: str
    label: str
    quotes: bool
    supports: bool
    contradicts: bool
    #: The source gives context only.
    context: bool = False


@attrs.frozen
class ClaimView:
    """Everything shown in a claim's section."""

    id: str
    anchor: str
    statement: str
    #: 12 hexadecimal digits of the claim's canonical form (see :mod:`.digest`).
    digest: str
    speaker: SpeakerRef
    #: The speaker's roles whose dates do not rule out the claim's date.
    roles: tuple[RoleView, ...]
    said_on: str | None
    said_on_note: str | None
    #: The occasion: where and how the claim was made.
    setting: str | None
    topics: tuple[str, ...]
    verdict_rating: str | None
    verdict_rationale: str | None
    quotes: tuple[QuoteView, ...]
    supports: tuple[EvidenceView, ...]
    contradicts: tuple[EvidenceView, ...]
    #: Passages that give background but neither support nor contradict the claim.
    context: tuple[EvidenceView, ...]
    #: The fullest wording of the remark, that the variants are compared with.
    variants_reference: SourceRef | None
    variants: tuple[VariantView, ...]
    #: The claims this one lists and those listing it, each with the relation as seen from here.
    related: tuple[RelatedView, ...]
    history: tuple[CorrectionView, ...]
    diagram: tuple[DiagramSource, ...]
    #: Findings against this claim, as ``path:line:col: CODE message`` (``--force`` only).
    problems: tuple[str, ...] = ()
    #: Whom the ledger identifies an unnamed speaker as (see the speaker's entry).
    speaker_identified_as: SpeakerRef | None = None
    #: How that identification is known and how sure it is (see :class:`IdentificationView`).
    speaker_identification: IdentificationView | None = None
    #: The date as written (EDTF), for ordering; ``said_on`` is it in words.
    said_on_edtf: str | None = None
    #: The story (claim file) the claim is written in.
    story: StoryRef | None = None
    #: The published fact check the claim was imported from, as "author, “title”, date, url".
    review: str | None = None

    @property
    def link(self) -> ClaimLink:
        return ClaimLink(self.id, self.anchor, self.statement, self.said_on)


@attrs.frozen
class Group:
    """A heading of the claims section, the claims under it and links to claims shown elsewhere."""

    title: str
    anchor: str
    claims: tuple[ClaimView, ...]
    see_also: tuple[ClaimLink, ...] = ()
    #: When its claims were made, in words to follow "made"; None when none is dated.
    said_span: str | None = None


@attrs.frozen
class VersionView:
    """An earlier text of a corrected source: its number, file, digest and end date."""

    number: int
    text_path: str
    sha256: str
    until: str


@attrs.frozen
class SourceView:
    """A bibliography entry."""

    id: str
    anchor: str
    kind: str | None
    title: str | None
    publisher: str | None
    authors: tuple[str, ...]
    url: str | None
    published: str | None
    published_note: str | None
    event_date: str | None
    note: str | None
    #: The text file, relative to the ledger root.
    text_path: str
    #: The first 12 hexadecimal digits of the text's SHA-256, as recorded in its metadata;
    #: ``None`` for a source known by reference only (no text yet).
    sha256: str | None
    cited_by: tuple[ClaimLink, ...]
    archive_url: str | None = None
    #: The source's corrections, oldest first, and the earlier texts they superseded.
    corrections: tuple[CorrectionView, ...] = ()
    versions: tuple[VersionView, ...] = ()
    #: The text, paragraph by paragraph, with every anchored passage marked.
    paragraphs: tuple[ParagraphView, ...] = ()
    #: The short citation its references show (publisher, title, date as known).
    label: str = ""


@attrs.frozen
class SegmentView:
    """A run of a paragraph's text, and the claims whose passages cover it (none: plain text).

    ``roles`` says, per claim in ``cited_by``, how it cites the run: ``"quote"``,
    ``"supports"``, ``"contradicts"`` or ``"identifies"`` (an identification's evidence).
    """

    text: str
    cited_by: tuple[ClaimLink, ...] = ()
    roles: tuple[str, ...] = ()
    #: Speakers whose identification rests on this run.
    identifies: tuple[SpeakerRef, ...] = ()
    #: Per claim in ``cited_by``, its number in the source's list of citing claims.
    numbers: tuple[int, ...] = ()

    @property
    def marked(self) -> bool:
        return bool(self.cited_by or self.identifies)


@attrs.frozen
class ParagraphView:
    """One paragraph of a source's text (a non-blank line; see :mod:`claimledger.anchor.source`)."""

    number: int
    anchor: str
    segments: tuple[SegmentView, ...]


@attrs.frozen
class IdentificationView:
    speaker: SpeakerRef
    evidence: tuple[EvidenceView, ...]
    note: str | None = None
    #: How it is known: ``stated`` (a source names the speaker in the evidence) or
    #: ``inferred`` (the ledger's reasoning); ``None`` if not recorded.
    basis: str | None = None
    #: ``certain``, ``probable`` or ``possible``, if recorded.
    confidence: str | None = None
    #: For ``stated``: the sources whose passages name the identified person.
    stated_by: tuple[SourceRef, ...] = ()


@attrs.frozen
class TimelineEntry:
    """The claims a speaker made on one date (``None``: date not known)."""

    date: str | None
    claims: tuple[ClaimLink, ...]


@attrs.frozen
class SpeakerView:
    """A speaker index entry."""

    id: str
    anchor: str
    #: The name, or the first clause of an unnamed speaker's description, or the id.
    display_name: str
    name: str | None
    description: str | None
    #: Each name a source uses, with that source when recorded.
    reported_as: tuple[tuple[str, SourceRef | None], ...]
    roles: tuple[RoleView, ...]
    identified_as: IdentificationView | None
    claims: tuple[ClaimLink, ...]
    #: The speaker's claims by date, earliest first, undated last.
    timeline: tuple[TimelineEntry, ...]
    #: True when the claims fall on two or more dates, each definitely after the one
    #: before: only then does a drawn timeline show an order the record supports.
    timeline_certain: bool
    #: Unnamed speakers the ledger identifies as this one.
    identifies: tuple[SpeakerRef, ...] = ()
    #: The claims recorded under each of those speakers, by date.
    alias_claims: tuple[tuple[SpeakerRef, tuple[ClaimLink, ...]], ...] = ()
    #: ``display_name`` uncut.
    full_name: str = ""

    @property
    def whole(self) -> str:
        return self.full_name or self.display_name


@attrs.frozen
class Sections:
    """The anchors of the document's own sections (a claim may already hold "claims")."""

    claims: str
    sources: str
    speakers: str
    #: Where the verdict scale is described.
    scale: str = "verdict-scale"


@attrs.frozen
class LedgerView:
    """The whole ledger, as the template's ``ledger`` variable."""

    title: str
    description: str | None
    url: str | None
    author: str | None
    #: 12 hexadecimal digits over every claim digest (see :mod:`.digest`).
    edition: str
    group_by: str
    groups: tuple[Group, ...]
    sections: Sections
    #: Every claim once, in the order the groups show them.
    claims: tuple[ClaimView, ...]
    sources: tuple[SourceView, ...]
    speakers: tuple[SpeakerView, ...]
    contradicted: int
    #: Claims rated on the scale, and those rated off it (``verdict-unrated``: the
    #: evidence does not settle them), counted apart.
    on_scale: int
    unsettled: int
    #: The earliest and latest dates claims were made on, where any is dated.
    first_said: str | None
    last_said: str | None
    #: The same in words to follow "made": "between … and …", "on … or earlier".
    said_span: str | None
    topics: tuple[str, ...]
    verdict_scale: tuple[str, ...]
    verdict_unrated: tuple[str, ...]
    #: Stories in the configured order, then by file name.
    stories: tuple[StoryRef, ...] = ()
    #: The configured edition name and date (``None`` when not configured).
    edition_name: str | None = None
    edition_date: str | None = None
    #: Passages found word for word in their sources (quotes, evidence, identifications).
    anchored_passages: int = 0
    #: Codes of the checks the configuration turns off.
    rules_off: tuple[str, ...] = ()
    #: Findings of a ``--force`` rendering, ledger-wide, as text; empty otherwise.
    problems: tuple[str, ...] = ()
    forced: bool = False
