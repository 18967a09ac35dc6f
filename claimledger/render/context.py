"""Build the template's data (:class:`~claimledger.render.views.LedgerView`) from a ledger.

Every order here is total and depends only on the ledger's content, so the
same ledger always renders to the same bytes: claims by date then id, speakers
by name then id, sources by date then id. Anchors are allocated in one place
so that no two sections share one, claims first (a claim's anchor is its id).

>>> from pathlib import Path
>>> from claimledger.check import validate
>>> from claimledger.config import Config
>>> ledger = validate(Config.default(Path("tests/examples/clean"))).ledger
>>> view = build_view(ledger)
>>> [claim.anchor for claim in view.claims]
['us-is-an-intervening-power', 'multiple-interventions']
>>> view.sources[0].cited_by[0].anchor
'us-is-an-intervening-power'
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Sequence
from typing import Literal, get_args

from claimledger.dates import PartialDate
from claimledger.findings import Finding
from claimledger.ledger import LedgerFiles, SourceDocument
from claimledger.models import (
    Claim,
    Evidence,
    Quote,
    Related,
    Role,
    Speaker,
    relations_seen_from,
)
from claimledger.render.digest import claim_digest, edition_digest
from claimledger.render.escape import anchor_slug, truncate
from claimledger.render.labels import (
    QUOTE_KIND_WORDS,
    RELATION_WORDS,
    Anchors,
    claim_key,
    date_key,
    is_certain_sequence,
    roles_at,
    source_label,
    speaker_label,
)
from claimledger.render.pinpoint import Pinpoints
from claimledger.render.views import (
    ChangeView,
    ClaimLink,
    ClaimView,
    CorrectionView,
    DiagramSource,
    EvidenceView,
    Group,
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
    TimelineEntry,
    VariantView,
)

__all__ = ["GROUPINGS", "GroupBy", "build_view"]

GroupBy = Literal["speaker", "topic", "source", "date"]
GROUPINGS: tuple[GroupBy, ...] = get_args(GroupBy)


def _text(date: PartialDate | None) -> str | None:
    """A date in words: "12 October 2016", "2019 or later", "12 or 13 October 2016"."""
    return None if date is None else date.describe()


def _describe(finding: Finding) -> str:
    warning = "" if finding.severity.fails else " (warning)"
    return f"{finding.location}: {finding.code}{warning} {finding.message}"


def _place_findings(
    ledger: LedgerFiles, findings: Sequence[Finding]
) -> tuple[dict[int, list[str]], list[str]]:
    """Findings by the index of the claim whose lines they fall in, and the rest."""
    starts: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for index, origin in enumerate(ledger.claim_origins):
        starts[origin.path].append((origin.at().line, index))
    for located in starts.values():
        located.sort()
    by_claim: dict[int, list[str]] = defaultdict(list)
    elsewhere: list[str] = []
    for finding in findings:
        located = starts.get(finding.location.path, [])
        # The last claim starting at or before the finding's line holds it.
        at = bisect.bisect_right(located, (finding.location.line, len(ledger.claims)))
        if at:
            by_claim[located[at - 1][1]].append(_describe(finding))
        else:
            elsewhere.append(_describe(finding))
    return by_claim, elsewhere


class _Builder:
    def __init__(self, ledger: LedgerFiles) -> None:
        self.ledger = ledger
        self.pinpoints = Pinpoints(ledger)
        self.anchors = Anchors()
        # Claims take their anchors first so that a claim's anchor is its id.
        # A repeated id (possible only in a --force rendering) gets its own anchor.
        self.anchor_of = [self.anchors.take(claim.id) for claim in ledger.claims]
        self.claim_anchor: dict[str, str] = {}
        for claim, anchor in zip(ledger.claims, self.anchor_of, strict=True):
            self.claim_anchor.setdefault(claim.id, anchor)
        self.sources = {
            source_id: SourceRef(source_id, self.anchors.take(source_id, "source-"), label)
            for source_id, label in sorted(
                (doc.id, source_label(doc.meta)) for doc in ledger.sources.values()
            )
        }
        self.speakers = {
            speaker.id: SpeakerRef(
                speaker.id, self.anchors.take(speaker.id, "speaker-"), speaker_label(speaker)
            )
            for speaker in sorted(ledger.speakers.values(), key=lambda s: s.id)
        }
        self.claims: dict[str, Claim] = {}
        for claim in ledger.claims:
            self.claims.setdefault(claim.id, claim)
        # Each claim's links as the linked claim sees them: a dispute recorded on one
        # side shows on both.
        self.incoming: dict[str, list[tuple[str, Related]]] = defaultdict(list)
        for claim in ledger.claims:
            for link in claim.related:
                if link.claim != claim.id:
                    self.incoming[link.claim].append((claim.id, link))

    def source(self, source_id: str) -> SourceRef:
        known = self.sources.get(source_id)
        return known or SourceRef(source_id, anchor_slug(source_id, "source-"), source_id, False)

    def speaker(self, speaker_id: str) -> SpeakerRef:
        known = self.speakers.get(speaker_id)
        return known or SpeakerRef(
            speaker_id, anchor_slug(speaker_id, "speaker-"), speaker_id, False
        )

    def claim_link(self, claim_id: str) -> ClaimLink:
        if claim_id not in self.claim_anchor:
            return ClaimLink(claim_id, anchor_slug(claim_id), claim_id, known=False)
        claim = self.claims[claim_id]
        return ClaimLink(
            claim.id, self.claim_anchor[claim_id], claim.statement, _text(claim.said_on)
        )

    def paragraphs(self, item: Quote | Evidence) -> tuple[int | None, int | None]:
        found = self.pinpoints.paragraphs(item.source, item.text, item.occurrence)
        return found or (None, None)

    def variants(self, claim: Claim) -> tuple[SourceRef | None, tuple[VariantView, ...]]:
        wordings = self.pinpoints.wordings(claim)
        if wordings is None:
            return None, ()
        shown = tuple(
            VariantView(
                self.source(variant.source),
                tuple(
                    ChangeView(op.op, " ".join(op.base), " ".join(op.other))
                    for op in variant.changes
                ),
            )
            for variant in wordings.variants
        )
        if all(not variant.changes for variant in shown):
            return None, ()  # the outlets agree word for word: nothing to show
        return self.source(wordings.reference), shown

    def evidence(self, item: Evidence) -> EvidenceView:
        speaker = self.speaker(item.speaker) if item.speaker else None
        return EvidenceView(
            item.text, self.source(item.source), speaker, *self.paragraphs(item), item.note
        )

    def role(self, role: Role) -> RoleView:
        source = self.source(role.source) if role.source else None
        return RoleView(
            role.title, _text(role.since), _text(role.until), source, role.note, _text(role.as_of)
        )

    def related(self, claim: Claim) -> tuple[RelatedView, ...]:
        """The claim's own links, then those of claims linking to it (see
        :func:`claimledger.models.relations_seen_from`)."""
        found = relations_seen_from(claim.related, self.incoming.get(claim.id, ()))
        return tuple(
            RelatedView(self.claim_link(other), RELATION_WORDS[relation], note)
            for relation, other, note in found
        )

    def claim(self, claim: Claim, anchor: str, problems: Sequence[str]) -> ClaimView:
        quotes = tuple(
            QuoteView(
                quote.text,
                self.source(quote.source),
                f"{anchor}-{n}",
                *self.paragraphs(quote),
                quote.occurrence,
                quote.note,
                not quote.is_direct,
                quote.kind,
                QUOTE_KIND_WORDS.get(quote.kind),
            )
            for n, quote in enumerate(claim.quotes, start=1)
        )
        speaker = self.ledger.speakers.get(claim.speaker)
        roles = roles_at(speaker.roles, claim.said_on) if speaker else []
        diagram = tuple(
            DiagramSource(
                f"s{n}",
                truncate(self.source(source_id).label, 50),
                any(q.source == source_id for q in claim.quotes),
                any(e.source == source_id for e in claim.supports),
                any(e.source == source_id for e in claim.contradicts),
                any(e.source == source_id for e in claim.context),
            )
            for n, source_id in enumerate(claim.sources(), start=1)
        )
        verdict = claim.verdict
        reference, variants = self.variants(claim)
        return ClaimView(
            id=claim.id,
            anchor=anchor,
            statement=claim.statement,
            digest=claim_digest(claim),
            speaker=self.speaker(claim.speaker),
            roles=tuple(self.role(role) for role in roles),
            said_on=_text(claim.said_on),
            said_on_note=claim.said_on_note,
            setting=claim.setting,
            topics=claim.topics,
            verdict_rating=verdict.rating if verdict else None,
            verdict_rationale=verdict.rationale if verdict else None,
            quotes=quotes,
            supports=tuple(self.evidence(e) for e in claim.supports),
            contradicts=tuple(self.evidence(e) for e in claim.contradicts),
            context=tuple(self.evidence(e) for e in claim.context),
            variants_reference=reference,
            variants=variants,
            related=self.related(claim),
            history=tuple(CorrectionView(str(c.date), c.note) for c in claim.history),
            diagram=diagram,
            problems=tuple(problems),
            speaker_identified_as=(
                self.speaker(speaker.identified_as.speaker)
                if speaker is not None and speaker.identified_as is not None
                else None
            ),
        )

    def source_view(self, doc: SourceDocument, cited_by: Sequence[Claim]) -> SourceView:
        meta = doc.meta
        root = self.ledger.config.root
        text_path = doc.text_path
        shown = text_path.relative_to(root) if text_path.is_relative_to(root) else text_path
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
            sha256=meta.sha256[:12],
            cited_by=tuple(self.claim_link(c.id) for c in sorted(cited_by, key=claim_key)),
        )

    def speaker_view(
        self, speaker: Speaker, claims: Sequence[Claim], identifies: Sequence[Speaker]
    ) -> SpeakerView:
        ordered = sorted(claims, key=claim_key)
        by_date: dict[str | None, list[ClaimLink]] = {}
        for claim in ordered:
            by_date.setdefault(_text(claim.said_on), []).append(self.claim_link(claim.id))
        dates = list(dict.fromkeys(claim.said_on for claim in ordered))
        ident = speaker.identified_as
        identification = None
        if ident is not None:
            evidence = tuple(self.evidence(e) for e in ident.evidence)
            basis = {"stated": "stated by a source", "inferred": "inferred by the ledger"}
            identification = IdentificationView(
                self.speaker(ident.speaker),
                evidence,
                ident.note,
                basis.get(ident.basis or ""),
                ident.confidence,
            )
        return SpeakerView(
            id=speaker.id,
            anchor=self.speakers[speaker.id].anchor,
            display_name=speaker_label(speaker),
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
        )


def _groups(
    builder: _Builder, views: Sequence[tuple[Claim, ClaimView]], group_by: GroupBy
) -> list[Group]:
    """The claims section's groups: each claim shown in full once, linked from the others."""
    titles: dict[str, str] = {}
    sort_keys: dict[str, tuple[int, str, str]] = {}
    primary: dict[str, list[ClaimView]] = defaultdict(list)
    secondary: dict[str, list[ClaimLink]] = defaultdict(list)

    def add(key: str, title: str, sort: tuple[int, str, str]) -> None:
        titles.setdefault(key, title)
        sort_keys.setdefault(key, sort)

    for claim, view in sorted(views, key=lambda pair: claim_key(pair[0])):
        if group_by == "speaker":
            ref = builder.speaker(claim.speaker)
            add(ref.id, ref.name, (0, ref.name.casefold(), ref.id))
            primary[ref.id].append(view)
        elif group_by == "date":
            # Keyed (and anchored) by the EDTF text, headed by the date in words.
            key = str(claim.said_on or "")
            undated, first, last = date_key(claim.said_on)
            title = _text(claim.said_on) or "Date not known"
            add(key, title, (undated, f"{first:07d}{last + 9_999_999:07d}", key))
            primary[key].append(view)
        else:
            # A claim may have several topics or sources: shown in full under
            # the first, linked from the others, so that its anchor is unique.
            keys = tuple(dict.fromkeys(claim.topics if group_by == "topic" else claim.sources()))
            if not keys:
                add("", f"No {group_by}", (1, "", ""))
                primary[""].append(view)
            for n, key in enumerate(keys):
                title = key if group_by == "topic" else builder.source(key).label
                add(key, title, (0, title.casefold(), key))
                if n == 0:
                    primary[key].append(view)
                else:
                    secondary[key].append(view.link)
    return [
        Group(
            titles[key],
            builder.anchors.take(key or "none", f"by-{group_by}-"),
            tuple(primary[key]),
            tuple(secondary[key]),
        )
        for key in sorted(titles, key=lambda key: sort_keys[key])
    ]


def build_view(
    ledger: LedgerFiles,
    *,
    group_by: GroupBy = "speaker",
    findings: Sequence[Finding] = (),
) -> LedgerView:
    """The template data for ``ledger``.

    ``findings`` (of a ``--force`` rendering) are shown against the claims
    whose lines they fall in, the rest at the top.
    """
    if group_by not in GROUPINGS:
        raise ValueError(f"cannot group by {group_by!r}; choose one of {', '.join(GROUPINGS)}")
    builder = _Builder(ledger)
    problems, elsewhere = _place_findings(ledger, findings)
    pairs = [
        (claim, builder.claim(claim, anchor, problems.get(index, ())))
        for index, (claim, anchor) in enumerate(zip(ledger.claims, builder.anchor_of, strict=True))
    ]
    sections = Sections(*(builder.anchors.take(name) for name in ("claims", "sources", "speakers")))
    groups = _groups(builder, pairs, group_by)

    cited: dict[str, list[Claim]] = defaultdict(list)
    by_speaker: dict[str, list[Claim]] = defaultdict(list)
    for claim in ledger.claims:
        by_speaker[claim.speaker].append(claim)
        for source_id in claim.sources():
            cited[source_id].append(claim)
    sources = sorted(
        ledger.sources.values(),
        key=lambda doc: (*date_key(doc.meta.published or doc.meta.event_date), doc.id),
    )
    identifies: dict[str, list[Speaker]] = defaultdict(list)
    for speaker in ledger.speakers.values():
        if speaker.identified_as is not None:
            identifies[speaker.identified_as.speaker].append(speaker)
    speakers = sorted(ledger.speakers.values(), key=lambda s: (speaker_label(s).casefold(), s.id))
    dates = sorted((c.said_on for c in ledger.claims if c.said_on), key=date_key)
    config = ledger.config
    return LedgerView(
        title=config.title,
        description=config.description,
        url=config.url,
        author=config.author,
        edition=edition_digest(ledger.claims),
        group_by=group_by,
        sections=sections,
        groups=tuple(groups),
        claims=tuple(view for group in groups for view in group.claims),
        sources=tuple(builder.source_view(doc, cited[doc.id]) for doc in sources),
        speakers=tuple(
            builder.speaker_view(s, by_speaker[s.id], identifies[s.id]) for s in speakers
        ),
        contradicted=sum(1 for claim in ledger.claims if claim.contradicts),
        first_said=_text(dates[0]) if dates else None,
        last_said=_text(dates[-1]) if dates else None,
        topics=tuple(sorted({t for c in ledger.claims for t in c.topics}, key=str.casefold)),
        verdict_scale=config.verdict_scale,
        verdict_unrated=config.verdict_unrated,
        problems=tuple(elsewhere),
        forced=bool(findings),
    )
