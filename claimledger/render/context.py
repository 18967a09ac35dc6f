"""Build the template's data (:class:`~claimledger.render.views.LedgerView`) from a ledger.

Every order here is total and depends only on the ledger's content, so the
same ledger always renders to the same bytes: claims by date then id, speakers
by name then id, sources by date then id. Anchors are allocated in one place
so that no two sections share one, claims first (a claim's anchor is its id).

>>> from pathlib import Path
>>> from claimledger.check import validate
>>> from claimledger.config import Config
>>> ledger = validate(Config.default(Path("tests/examples/clean"))).ledger
>>> view = build_view(ledger)  # the files read, or the ledger resolved from them
>>> [claim.anchor for claim in view.claims]
['us-is-an-intervening-power', 'multiple-interventions']
>>> view.sources[0].cited_by[0].anchor
'us-is-an-intervening-power'
"""

from __future__ import annotations

import functools
import sys
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence

from claimledger.dates import PartialDate
from claimledger.digest import DIGEST_LENGTH
from claimledger.findings import Finding
from claimledger.ledger import LedgerFiles, SourceDocument, version_path
from claimledger.models import (
    Identification,
    Related,
    Review,
    Role,
    Source,
    Speaker,
    relations_seen_from,
)
from claimledger.render.escape import anchor_slug, truncate
from claimledger.render.groupings import GROUPINGS, GroupBy
from claimledger.render.labels import (
    QUOTE_KIND_WORDS,
    RELATION_WORDS,
    Anchors,
    claim_key,
    date_key,
    is_certain_sequence,
    roles_at,
    source_label,
    span_words,
    speaker_label,
)
from claimledger.render.passages import Mark, paragraph_views
from claimledger.render.pinpoint import Pinpoints, Placed, Shown, place, shown_wordings
from claimledger.render.placing import group_claims, place_findings
from claimledger.render.stories import Stories
from claimledger.render.views import (
    ChangeView,
    ClaimLink,
    ClaimView,
    CorrectionView,
    DiagramSource,
    EvidenceView,
    IdentificationView,
    LedgerView,
    QuoteView,
    RelatedView,
    RoleView,
    Sections,
    SourceRef,
    SourceView,
    SpeakerRef,
    SpeakerView,
    StoryRef,
    TimelineEntry,
    VariantView,
    VersionView,
)
from claimledger.resolved import (
    ResolvedClaim,
    ResolvedEvidence,
    ResolvedLedger,
    ResolvedQuote,
    resolve,
)

__all__ = ["GROUPINGS", "GroupBy", "Places", "Wordings", "build_view"]


def _text(date: PartialDate | None) -> str | None:
    """A date in words: "12 October 2016", "2019 or later", "12 or 13 October 2016"."""
    return None if date is None else _described(date)


# A ledger's claims share few dates; equal dates (the same EDTF text) read the same.
@functools.lru_cache(maxsize=1 << 14)
def _described(date: PartialDate) -> str:
    return date.describe()


def _review(review: Review | None) -> str | None:
    if review is None:
        return None
    title = f"“{review.title}”" if review.title else None
    language = f"in {review.language}" if review.language else None
    parts = (review.author, title, _text(review.published), language, review.url)
    return ", ".join(p for p in parts if p)


def _short(meta: Source) -> str:
    return meta.publisher or meta.title or meta.id


def _date_of(meta: Source) -> PartialDate | None:
    return meta.published or meta.event_date


#: Where a passage stands in a document: :func:`~claimledger.render.pinpoint.place`, or the
#: same kept between runs.
Places = Callable[[SourceDocument, str, int | None], Placed | None]
#: A claim's outlets' wordings: :func:`~claimledger.render.pinpoint.shown_wordings`, or the
#: same kept between runs.
Wordings = Callable[[ResolvedClaim], Shown | None]


class _Builder:
    def __init__(
        self, ledger: ResolvedLedger, places: Places = place, wordings: Wordings = shown_wordings
    ) -> None:
        self.ledger = ledger
        self.pinpoints = Pinpoints(ledger, places)
        self.wordings = wordings
        self.anchors = Anchors()
        # Claims take their anchors first so that a claim's anchor is its id.
        # A repeated id (possible only in a --force rendering) gets its own anchor.
        self.anchor_of = [self.anchors.take(claim.id) for claim in ledger.claims]
        # Each claim's digest, computed once (the edition is made of them too).
        digests = zip(ledger.claims, ledger.digests, strict=True)
        self.digest_of = {id(claim): digest for claim, digest in digests}
        self.claim_anchor: dict[str, str] = {}
        for claim, anchor in zip(ledger.claims, self.anchor_of, strict=True):
            self.claim_anchor.setdefault(claim.id, anchor)
        self.sources = {
            source.id: SourceRef(
                source.id,
                self.anchors.take(source.id, "source-"),
                source_label(source),
                short=_short(source),
                brief=", ".join(part for part in (_short(source), _text(_date_of(source))) if part),
            )
            for source in sorted(ledger.sources.values(), key=lambda source: source.id)
        }
        self.speakers = {
            speaker.id: SpeakerRef(
                speaker.id,
                self.anchors.take(speaker.id, "speaker-"),
                speaker_label(speaker),
                full_name=speaker_label(speaker, limit=sys.maxsize),
            )
            for speaker in sorted(ledger.speakers.values(), key=lambda s: s.id)
        }
        self.claims: dict[str, ResolvedClaim] = {}
        #: Each claim's link, made once however many places link to it.
        self.links: dict[str, ClaimLink] = {}
        for claim in ledger.claims:
            self.claims.setdefault(claim.id, claim)
        self.stories = Stories(ledger, self.anchors)
        #: Every anchored passage, by source id, for the source's marked text.
        self.marks: dict[str, list[Mark]] = defaultdict(list)
        self.anchored = 0
        # Each claim's links as the linked claim sees them: a dispute recorded on one
        # side shows on both.
        self.incoming: dict[str, list[tuple[str, Related]]] = defaultdict(list)
        for claim in ledger.claims:
            for link in claim.related:
                if link.claim != claim.id:
                    self.incoming[link.claim].append((claim.id, link))

    def source(self, source_id: str) -> SourceRef:
        # A stand-in for an unknown id (render --force) has no entry to link to.
        known = self.sources.get(source_id)
        return known or SourceRef(source_id, anchor_slug(source_id, "source-"), source_id, False)

    def speaker(self, speaker_id: str) -> SpeakerRef:
        known = self.speakers.get(speaker_id)
        return known or SpeakerRef(
            speaker_id, anchor_slug(speaker_id, "speaker-"), speaker_id, False
        )

    def claim_link(self, claim_id: str) -> ClaimLink:
        link = self.links.get(claim_id)
        if link is None:
            link = self.links[claim_id] = self._claim_link(claim_id)
        return link

    def _claim_link(self, claim_id: str) -> ClaimLink:
        if claim_id not in self.claim_anchor:
            return ClaimLink(claim_id, anchor_slug(claim_id), claim_id, known=False)
        claim = self.claims[claim_id]
        return ClaimLink(
            claim.id, self.claim_anchor[claim_id], claim.statement, _text(claim.said_on)
        )

    def paragraphs(
        self,
        item: ResolvedQuote | ResolvedEvidence,
        role: str,
        claim: ClaimLink | None = None,
        speaker: SpeakerRef | None = None,
    ) -> tuple[int | None, int | None]:
        """The passage's paragraphs; the passage is marked in its source's text."""
        match = self.pinpoints.match(item)
        if match is None:
            return (None, None)
        self.anchored += 1
        if item.version in (None, item.source.current_version):
            # The source's page shows its current text; a passage pinned to an earlier
            # version stands in that version's text, not at these offsets.
            self.marks[item.source.id].extend(
                Mark(start, end, claim, role, speaker) for start, end in match.parts
            )
        return (match.paragraph, match.last_paragraph)

    def variants(self, claim: ResolvedClaim) -> tuple[SourceRef | None, tuple[VariantView, ...]]:
        wordings = self.wordings(claim)
        if wordings is None:
            return None, ()
        reference, variants = wordings
        shown = tuple(
            VariantView(self.source(source), tuple(ChangeView(*change) for change in changes))
            for source, changes in variants
        )
        if all(not variant.changes for variant in shown):
            return None, ()  # the outlets agree word for word: nothing to show
        return self.source(reference), shown

    def evidence(
        self,
        item: ResolvedEvidence,
        role: str,
        claim: ClaimLink | None = None,
        identifies: SpeakerRef | None = None,
    ) -> EvidenceView:
        speaker = self.speaker(item.speaker.id) if item.speaker else None
        pinpoint = self.paragraphs(item, role, claim, identifies)
        return EvidenceView(
            item.text,
            self.source(item.source.id),
            speaker,
            *pinpoint,
            item.note,
            item.version,
            item.source.sha256 is None,  # known by reference: not yet checked
        )

    def role(self, role: Role) -> RoleView:
        source = self.source(role.source) if role.source else None
        return RoleView(
            role.title, _text(role.since), _text(role.until), source, role.note, _text(role.as_of)
        )

    def identification(
        self, ident: Identification | None, evidence: tuple[EvidenceView, ...] | None = None
    ) -> IdentificationView | None:
        """How a speaker is identified: whom, how known and how surely. ``evidence`` is
        the speaker entry's (marked in the sources); without it, for a claim's speaker
        line, the passages are taken unmarked, the entry having marked them.

        A ``stated`` identification names the sources that state it: those whose
        passages name the identified person (the others show that the reports describe
        one speaker, and state nothing).
        """
        if ident is None:
            return None
        if evidence is None:
            evidence = tuple(
                EvidenceView(e.text, self.source(e.source.id), None, None, None, e.note)
                for e in self.ledger.resolve_evidence(ident.evidence)
            )
        person = self.ledger.speakers.get(ident.speaker)
        name = person.name.casefold() if person is not None and person.name else None
        stated_by = (
            tuple({e.source.id: e.source for e in evidence if name in e.text.casefold()}.values())
            if ident.basis == "stated" and name
            else ()
        )
        return IdentificationView(
            self.speaker(ident.speaker),
            evidence,
            ident.note,
            ident.basis,
            ident.confidence,
            stated_by,
        )

    def related(self, claim: ResolvedClaim) -> tuple[RelatedView, ...]:
        """The claim's own links, then those of claims linking to it (see
        :func:`claimledger.models.relations_seen_from`)."""
        found = relations_seen_from(claim.related, self.incoming.get(claim.id, ()))
        return tuple(
            RelatedView(self.claim_link(other), RELATION_WORDS[relation], note)
            for relation, other, note in found
        )

    def claim(
        self, claim: ResolvedClaim, anchor: str, problems: Sequence[str], story: StoryRef | None
    ) -> ClaimView:
        link = ClaimLink(claim.id, anchor, claim.statement, _text(claim.said_on))
        quotes = tuple(
            QuoteView(
                quote.text,
                self.source(quote.source.id),
                f"{anchor}-{n}",
                *self.paragraphs(quote, "quote", link),
                quote.occurrence,
                quote.note,
                not quote.is_direct,
                quote.kind,
                QUOTE_KIND_WORDS.get(quote.kind),
                quote.version,
                quote.source.sha256 is None,  # known by reference: not yet checked
            )
            for n, quote in enumerate(claim.quotes, start=1)
        )
        speaker = claim.speaker
        roles = roles_at(speaker.roles, claim.said_on)
        diagram = tuple(
            DiagramSource(
                f"s{n}",
                truncate(self.source(source.id).label, 50),
                any(q.source.id == source.id for q in claim.quotes),
                any(e.source.id == source.id for e in claim.supports),
                any(e.source.id == source.id for e in claim.contradicts),
                any(e.source.id == source.id for e in claim.context),
            )
            for n, source in enumerate(claim.sources(), start=1)
        )
        verdict = claim.verdict
        reference, variants = self.variants(claim)
        return ClaimView(
            id=claim.id,
            anchor=anchor,
            statement=claim.statement,
            digest=self.digest_of[id(claim)][:DIGEST_LENGTH],
            speaker=self.speaker(speaker.id),
            roles=tuple(self.role(role) for role in roles),
            said_on=_text(claim.said_on),
            said_on_note=claim.said_on_note,
            setting=claim.setting,
            topics=claim.topics,
            verdict_rating=verdict.rating if verdict else None,
            verdict_rationale=verdict.rationale if verdict else None,
            quotes=quotes,
            supports=tuple(self.evidence(e, "supports", link) for e in claim.supports),
            contradicts=tuple(self.evidence(e, "contradicts", link) for e in claim.contradicts),
            context=tuple(self.evidence(e, "context", link) for e in claim.context),
            variants_reference=reference,
            variants=variants,
            related=self.related(claim),
            history=tuple(CorrectionView(str(c.date), c.note) for c in claim.history),
            diagram=diagram,
            problems=tuple(problems),
            speaker_identified_as=(
                self.speaker(speaker.identified_as.speaker)
                if speaker.identified_as is not None
                else None
            ),
            speaker_identification=self.identification(speaker.identified_as),
            said_on_edtf=None if claim.said_on is None else str(claim.said_on),
            review=_review(claim.as_written().review),
            story=story,
        )

    def source_view(self, doc: SourceDocument, cited_by: Sequence[ResolvedClaim]) -> SourceView:
        meta = doc.meta
        root = self.ledger.config.root
        text_path = doc.text_path
        shown = text_path.relative_to(root) if text_path.is_relative_to(root) else text_path
        citing = tuple(self.claim_link(c.id) for c in sorted(cited_by, key=claim_key))
        return SourceView(
            id=meta.id,
            anchor=self.sources[meta.id].anchor,
            kind=meta.kind,
            title=meta.title,
            publisher=meta.publisher,
            authors=meta.authors,
            url=meta.url,
            published=_text(meta.published),
            published_note=meta.published_note,
            event_date=_text(meta.event_date),
            note=meta.note,
            text_path=shown.as_posix(),
            sha256=meta.sha256[:12] if meta.sha256 else None,
            archive_url=meta.archive_url,
            corrections=tuple(CorrectionView(str(c.date), c.note) for c in meta.history),
            versions=tuple(
                VersionView(
                    number,
                    (shown.parent / version_path(text_path, number).name).as_posix(),
                    (kept.sha256 or "")[:12],
                    str(kept.until),
                )
                for number, kept in enumerate(meta.versions, 1)
            ),
            cited_by=citing,
            paragraphs=tuple(
                paragraph_views(
                    doc.text,
                    self.sources[meta.id].anchor,
                    self.marks[meta.id],
                    {link.anchor: n for n, link in enumerate(citing, start=1)},
                )
                if doc.text is not None
                else ()
            ),
            label=self.sources[meta.id].label,
        )

    def speaker_view(
        self,
        speaker: Speaker,
        claims: Sequence[ResolvedClaim],
        identifies: Sequence[Speaker],
        by_speaker: Mapping[str, Sequence[ResolvedClaim]],
    ) -> SpeakerView:
        ordered = sorted(claims, key=claim_key)
        by_date: dict[str | None, list[ClaimLink]] = {}
        for claim in ordered:
            by_date.setdefault(_text(claim.said_on), []).append(self.claim_link(claim.id))
        dates = list(dict.fromkeys(claim.said_on for claim in ordered))
        ident = speaker.identified_as
        identification = None
        if ident is not None:
            me = self.speakers[speaker.id]
            evidence = tuple(
                self.evidence(e, "identifies", None, me)
                for e in self.ledger.resolve_evidence(ident.evidence)
            )
            identification = self.identification(ident, evidence)
        return SpeakerView(
            id=speaker.id,
            anchor=self.speakers[speaker.id].anchor,
            display_name=speaker_label(speaker),
            full_name=speaker_label(speaker, limit=sys.maxsize),
            name=speaker.name,
            description=speaker.description,
            reported_as=tuple(
                (alias.name, self.source(alias.source) if alias.source else None)
                for alias in speaker.reported_as
            ),
            roles=tuple(self.role(role) for role in speaker.roles),
            identified_as=identification,
            claims=tuple(self.claim_link(c.id) for c in ordered),
            timeline=tuple(TimelineEntry(date, tuple(links)) for date, links in by_date.items()),
            timeline_certain=len(dates) > 1
            and None not in dates
            and is_certain_sequence([d for d in dates if d is not None]),
            identifies=tuple(self.speaker(other.id) for other in identifies),
            alias_claims=tuple(
                (
                    self.speaker(other.id),
                    tuple(
                        self.claim_link(c.id) for c in sorted(by_speaker[other.id], key=claim_key)
                    ),
                )
                for other in identifies
                if by_speaker[other.id]
            ),
        )


def build_view(
    ledger: LedgerFiles | ResolvedLedger,
    *,
    group_by: GroupBy = "speaker",
    findings: Sequence[Finding] = (),
    places: Places = place,
    wordings: Wordings = shown_wordings,
) -> LedgerView:
    """The template data for ``ledger``.

    ``findings`` (of a ``--force`` rendering) are shown against the claims
    whose lines they fall in, the rest at the top. ``places`` places each passage
    in its source and ``wordings`` compares outlets' wordings of a claim's remark
    (:class:`claimledger.render.fragments.FragmentCache` keeps both between runs).
    """
    if group_by not in GROUPINGS:
        raise ValueError(f"cannot group by {group_by!r}; choose one of {', '.join(GROUPINGS)}")
    ledger = resolve(ledger)
    builder = _Builder(ledger, places, wordings)
    problems, elsewhere = place_findings(ledger, findings)
    pairs = [
        (claim, builder.claim(claim, anchor, problems.get(index, ()), builder.stories.of(index)))
        for index, (claim, anchor) in enumerate(zip(ledger.claims, builder.anchor_of, strict=True))
    ]
    sections = Sections(
        *(builder.anchors.take(name) for name in ("claims", "sources", "speakers", "verdict-scale"))
    )
    groups = group_claims(builder, pairs, group_by)

    cited: dict[str, list[ResolvedClaim]] = defaultdict(list)
    by_speaker: dict[str, list[ResolvedClaim]] = defaultdict(list)
    for claim in ledger.claims:
        by_speaker[claim.speaker.id].append(claim)
        for source in claim.sources():
            cited[source.id].append(claim)
    sources = sorted(
        ledger.documents.values(), key=lambda doc: (*date_key(_date_of(doc.meta)), doc.id)
    )
    identifies: dict[str, list[Speaker]] = defaultdict(list)
    for speaker in ledger.speakers.values():
        if speaker.identified_as is not None:
            identifies[speaker.identified_as.speaker].append(speaker)
    speakers = sorted(ledger.speakers.values(), key=lambda s: (speaker_label(s).casefold(), s.id))
    # Speakers first: identifications mark their passages in the sources' texts too.
    speaker_views = tuple(
        builder.speaker_view(s, by_speaker[s.id], identifies[s.id], by_speaker) for s in speakers
    )
    dates = sorted((c.said_on for c in ledger.claims if c.said_on), key=date_key)
    config = ledger.config
    ratings = [claim.verdict.rating for claim in ledger.claims if claim.verdict]
    return LedgerView(
        title=config.title,
        description=config.description,
        url=config.url,
        author=config.author,
        edition=ledger.edition,
        group_by=group_by,
        sections=sections,
        groups=tuple(groups),
        claims=tuple(view for group in groups for view in group.claims),
        sources=tuple(builder.source_view(doc, cited[doc.id]) for doc in sources),
        speakers=speaker_views,
        contradicted=sum(1 for claim in ledger.claims if claim.contradicts),
        on_scale=sum(1 for rating in ratings if rating in config.verdict_scale),
        unsettled=sum(1 for rating in ratings if rating in config.verdict_unrated),
        first_said=_text(dates[0]) if dates else None,
        last_said=_text(dates[-1]) if dates else None,
        said_span=span_words(dates),
        topics=tuple(sorted({t for c in ledger.claims for t in c.topics}, key=str.casefold)),
        verdict_scale=config.verdict_scale,
        verdict_unrated=config.verdict_unrated,
        stories=builder.stories.ordered(),
        edition_name=config.edition,
        edition_date=_text(config.edition_date),
        anchored_passages=builder.anchored,
        rules_off=tuple(sorted(code for code, level in config.rules.items() if level is None)),
        problems=tuple(elsewhere),
        forced=bool(findings),
    )
