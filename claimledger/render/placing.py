"""Where each claim and each finding of a rendering goes: the groups of claims, and the
claim each finding (of a ``--force`` rendering) concerns.

Every order here is total and depends only on the ledger's content.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Sequence
from typing import Protocol

from claimledger.findings import Finding
from claimledger.render.groupings import GroupBy
from claimledger.render.labels import Anchors, claim_key, date_key, span_words
from claimledger.render.stories import Stories
from claimledger.render.views import ClaimLink, ClaimView, Group, SourceRef, SpeakerRef
from claimledger.resolved import ResolvedClaim, ResolvedLedger

__all__ = ["Refs", "group_claims", "place_findings"]


class Refs(Protocol):
    """What grouping needs of the view builder: names, anchors and stories."""

    anchors: Anchors
    stories: Stories

    def speaker(self, speaker_id: str) -> SpeakerRef: ...

    def source(self, source_id: str) -> SourceRef: ...


def _describe(finding: Finding) -> str:
    warning = "" if finding.severity.fails else " (warning)"
    return f"{finding.location}: {finding.code}{warning} {finding.message}"


def place_findings(
    ledger: ResolvedLedger, findings: Sequence[Finding]
) -> tuple[dict[int, list[str]], list[str]]:
    """Findings by the index of the claim whose lines they fall in, and the rest."""
    starts: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for index, claim in enumerate(ledger.claims):
        if claim.location is not None:
            starts[claim.location.path].append((claim.location.line, index))
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


def group_claims(
    builder: Refs, views: Sequence[tuple[ResolvedClaim, ClaimView]], group_by: GroupBy
) -> list[Group]:
    """The claims section's groups: each claim shown in full once, linked from the others."""
    titles: dict[str, str] = {}
    sort_keys: dict[str, tuple[int, str, str]] = {}
    primary: dict[str, list[ClaimView]] = defaultdict(list)
    secondary: dict[str, list[ClaimLink]] = defaultdict(list)

    def add(key: str, title: str, sort: tuple[int, str, str]) -> None:
        titles.setdefault(key, title)
        sort_keys.setdefault(key, sort)

    order = {story.key: n for n, story in enumerate(builder.stories.ordered())}
    for claim, view in sorted(views, key=lambda pair: claim_key(pair[0])):
        if group_by == "speaker":
            ref = builder.speaker(claim.speaker.id)
            add(ref.id, ref.name, (0, ref.name.casefold(), ref.id))
            primary[ref.id].append(view)
        elif group_by == "story":
            story = view.story
            assert story is not None
            add(story.key, story.title, (0, f"{order[story.key]:09d}", story.key))
            primary[story.key].append(view)
        elif group_by == "date":
            # Keyed (and anchored) by the EDTF text, headed by the date in words.
            key = "" if claim.said_on is None else str(claim.said_on)
            undated, first, last = date_key(claim.said_on)
            title = "Date not known" if claim.said_on is None else claim.said_on.describe()
            add(key, title, (undated, f"{first:07d}{last + 9_999_999:07d}", key))
            primary[key].append(view)
        else:
            # A claim may have several topics or sources: shown in full under
            # the first, linked from the others, so that its anchor is unique.
            keys = tuple(
                dict.fromkeys(
                    claim.topics if group_by == "topic" else (s.id for s in claim.sources())
                )
            )
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
    said_on = {id(view): claim.said_on for claim, view in views}
    return [
        Group(
            titles[key],
            builder.anchors.take(key or "none", f"by-{group_by}-"),
            tuple(primary[key]),
            tuple(secondary[key]),
            span_words([d for v in primary[key] if (d := said_on[id(v)]) is not None]),
        )
        for key in sorted(titles, key=lambda key: sort_keys[key])
    ]
