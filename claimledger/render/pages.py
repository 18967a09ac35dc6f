"""The multi-page ledger's plan: which pages there are, what each shows, where each anchor lives.

This module knows nothing of Markdown or HTML, so that every presenter builds
the same site: an **index** (what the ledger is, what was checked, its counts,
every claim listed by story then date), one page per **group** of claims
(a story by default; a speaker, topic, source or date with ``group_by``), one
per **source** (its metadata and its text, paragraph by paragraph, with the
cited passages marked), a **speakers** page and a **verdicts** page (the claims
listed by rating: the index filtered by verdict).

Pages have presenter-neutral keys (``index``, ``stories/briefing``,
``sources/weekly-example-2016-10-12``); a presenter maps keys to file names
(:func:`markdown_file`: the index is ``README.md`` so that a folder of the
ledger on GitHub opens on it). Every anchor a view holds has one home page, and
:meth:`PagePlan.href` gives the relative link to it from any page.

>>> from pathlib import Path
>>> from claimledger.check import validate
>>> from claimledger.config import discover
>>> from claimledger.render.context import build_view
>>> view = build_view(validate(discover(Path("tests/render/ledger"))).ledger, group_by="story")
>>> plan = PagePlan.build(view)
>>> [page.key for page in plan.pages][:3]
['index', 'speakers', 'verdicts']
>>> plan.href("stories/briefing", "source-weekly-example-2016-10-12-p2", markdown_file)
'../sources/weekly-example-2016-10-12.md#source-weekly-example-2016-10-12-p2'
>>> plan.href("index", "focus-on-russia-diverts-attention", markdown_file)
'stories/briefing.md#focus-on-russia-diverts-attention'
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Mapping, Sequence
from typing import Literal

import attrs

from claimledger.dates import PartialDate
from claimledger.render.escape import anchor_slug
from claimledger.render.labels import date_key, is_certain_sequence
from claimledger.render.views import (
    ClaimView,
    Group,
    LedgerView,
    SourceView,
    SpeakerView,
    StoryRef,
)

__all__ = [
    "NOT_RATED",
    "Diagram",
    "DiagramEdge",
    "DiagramNode",
    "Page",
    "PageKind",
    "PagePlan",
    "Timeline",
    "VerdictGroup",
    "attribution_chain",
    "html_file",
    "markdown_file",
    "verdict_groups",
]

PageKind = Literal["index", "group", "source", "speakers", "verdicts", "claim", "speaker"]

#: The verdict group of claims without a verdict.
NOT_RATED = "not rated"

#: The folder of each kind of page that has one page per item.
_FOLDERS = {"story": "stories", "speaker": "by-speaker", "topic": "topics", "source": "by-source"}


def markdown_file(key: str) -> str:
    """The Markdown file of a page key."""
    return "README.md" if key == "index" else f"{key}.md"


def html_file(key: str) -> str:
    """The HTML file of a page key."""
    return f"{key}.html"


@attrs.frozen
class VerdictGroup:
    """The claims with one rating (or none), for the verdicts page."""

    rating: str
    anchor: str
    #: ``scale``, ``unrated`` (a rating outside the scale) or ``none``.
    kind: str
    claims: tuple[ClaimView, ...]


def verdict_groups(view: LedgerView) -> tuple[VerdictGroup, ...]:
    """Every rating of the scale, then the unrated ones, then the claims not rated.

    A rating no claim has is listed (with none), so the scale shows whole; a rating
    off the scale (possible only in a ``--force`` rendering) is listed after them.
    """
    ratings = list(dict.fromkeys((*view.verdict_scale, *view.verdict_unrated)))
    ratings += sorted(
        {c.verdict_rating for c in view.claims if c.verdict_rating} - set(ratings), key=str
    )
    groups = [
        VerdictGroup(
            rating,
            anchor_slug(rating, "verdict-"),
            "scale" if rating in view.verdict_scale else "unrated",
            tuple(c for c in view.claims if c.verdict_rating == rating),
        )
        for rating in ratings
    ]
    unrated = tuple(c for c in view.claims if c.verdict_rating is None)
    taken = {g.anchor for g in groups}
    anchor = "verdict-not-rated" if "verdict-not-rated" not in taken else "verdict-none-given"
    return (*groups, VerdictGroup(NOT_RATED, anchor, "none", unrated))


def _claims(n: int) -> str:
    return f"{n} claim{'s' if n != 1 else ''}"


@attrs.frozen
class DiagramNode:
    node: str
    #: The whole label: presenters wrap it, never cut it.
    label: str


@attrs.frozen
class DiagramEdge:
    source: str
    target: str
    #: ``quotes``, ``supports`` or ``contradicts`` (a claim's sources); ``called``
    #: (a source's names for a speaker) or ``identified`` (an attribution chain).
    kind: str
    label: str = ""


@attrs.frozen
class Diagram:
    """A picture: a group's sources and speakers, or an attribution chain."""

    sources: tuple[DiagramNode, ...]
    claims: tuple[DiagramNode, ...]
    edges: tuple[DiagramEdge, ...]


def _called(speaker: SpeakerView, node: str, prefix: str) -> list[tuple[DiagramNode, DiagramEdge]]:
    by_source: dict[str, list[str]] = {}
    names: dict[str, str] = {}
    for name, ref in speaker.reported_as:
        key = ref.id if ref is not None else ""
        by_source.setdefault(key, []).append(f"“{name}”")
        names[key] = ref.name if ref is not None else "no source recorded"
    return [
        (
            DiagramNode(f"{prefix}{n}", f"{names[key]}: {', '.join(dict.fromkeys(called))}"),
            DiagramEdge(f"{prefix}{n}", node, "called"),
        )
        for n, (key, called) in enumerate(by_source.items(), start=1)
    ]


def attribution_chain(view: LedgerView, speaker: SpeakerView) -> Diagram | None:
    """How an identified speaker's words reach a name: what each source calls the
    speaker, the ledger's identification, and what the sources call that person."""
    ident = speaker.identified_as
    if ident is None:
        return None
    person = next((s for s in view.speakers if s.id == ident.speaker.id), None)
    nodes = [
        DiagramNode("u", speaker.whole),
        DiagramNode("p", ident.speaker.whole),
    ]
    edges = [DiagramEdge("u", "p", "identified")]
    for node, edge in _called(speaker, "u", "a") + (_called(person, "p", "b") if person else []):
        nodes.append(node)
        edges.append(edge)
    return Diagram(tuple(nodes), (), tuple(edges))


def _date(claim: ClaimView) -> PartialDate | None:
    return None if claim.said_on_edtf is None else PartialDate.parse(claim.said_on_edtf)


@attrs.frozen
class Timeline:
    """The stories by the dates their claims were made, where the order is certain."""

    entries: tuple[tuple[str, tuple[str, ...]], ...]
    #: Dates left out because they may fall on another date's day.
    left_out: tuple[str, ...]


@attrs.frozen
class Page:
    """One page: its key, kind and title, and the group or source it shows."""

    key: str
    kind: PageKind
    title: str
    group: Group | None = None
    source: SourceView | None = None
    claim: ClaimView | None = None
    speaker: SpeakerView | None = None


@attrs.frozen
class PagePlan:
    """The pages of a ledger and the page each anchor is on."""

    view: LedgerView
    pages: tuple[Page, ...]
    verdicts: tuple[VerdictGroup, ...]
    homes: Mapping[str, str]
    _links: dict[tuple[str, str, Callable[[str], str]], str] = attrs.field(
        factory=dict, eq=False, repr=False
    )

    @classmethod
    def build(cls, view: LedgerView, *, item_pages: bool = False) -> PagePlan:
        """The plan of ``view``, whose groups become the group pages.

        With ``item_pages`` (the web site), every claim and every speaker also has a
        page of its own (``claims/<anchor>``, ``speakers/<id>``), which becomes the
        home of its anchor: a claim can then be linked and shared by itself.
        """
        homes: dict[str, str] = {}
        pages = [
            Page("index", "index", view.title),
            Page("speakers", "speakers", "Speakers"),
            Page("verdicts", "verdicts", "Claims by verdict"),
        ]
        for anchor in (view.sections.claims, view.sections.sources, view.sections.scale):
            homes[anchor] = "index"
        homes[view.sections.speakers] = "speakers"
        for story in view.stories:
            homes[story.anchor] = "index"
        folder = _FOLDERS.get(view.group_by, f"by-{view.group_by}")
        for group in view.groups:
            key = f"{folder}/{group.anchor.removeprefix(f'by-{view.group_by}-')}"
            pages.append(Page(key, "group", group.title, group=group))
            homes[group.anchor] = key
            for claim in group.claims:
                homes.setdefault(claim.anchor, key)
        for source in view.sources:
            key = f"sources/{source.anchor.removeprefix('source-')}"
            pages.append(Page(key, "source", source.label or source.id, source=source))
            homes[source.anchor] = key
            for paragraph in source.paragraphs:
                homes[paragraph.anchor] = key
        for speaker in view.speakers:
            homes[speaker.anchor] = "speakers"
        if item_pages:
            for claim in view.claims:
                key = f"claims/{claim.anchor}"
                pages.append(Page(key, "claim", claim.statement, claim=claim))
                homes[claim.anchor] = key
            for speaker in view.speakers:
                key = f"speakers/{speaker.anchor.removeprefix('speaker-')}"
                pages.append(Page(key, "speaker", speaker.whole, speaker=speaker))
                homes[speaker.anchor] = key
        groups = verdict_groups(view)
        for verdict in groups:
            homes[verdict.anchor] = "verdicts"
        return cls(view, tuple(pages), groups, homes)

    @staticmethod
    def in_date_order(claims: Sequence[ClaimView]) -> tuple[ClaimView, ...]:
        """Claims by date (undated last), then id."""
        return tuple(sorted(claims, key=lambda c: (*date_key(_date(c)), c.id)))

    def by_story(self) -> tuple[tuple[StoryRef, tuple[ClaimView, ...]], ...]:
        """Each story with its claims by date (undated last), then id."""
        ordered = self.in_date_order(self.view.claims)
        return tuple(
            (story, tuple(c for c in ordered if c.story == story)) for story in self.view.stories
        )

    def story_page(self, story: StoryRef) -> str:
        """The page showing the story's claims in full (the index if it has none)."""
        for claim in self.view.claims:
            if claim.story == story:
                return self.homes.get(claim.anchor, "index")
        return "index"

    def story_dates(self) -> Timeline:
        """Each date claims were made on, with the stories (and claim counts) of that date.

        Only dates whose order is certain are drawn: a date that may fall on the day
        of a more precise one (``2016-10`` beside ``2016-10-12``) is left out, and
        named, so that the timeline shows no order the record does not support. Fewer
        than two dates left: no timeline.
        """
        counts: dict[str, dict[str, int]] = {}
        for claim in self.view.claims:
            if claim.said_on_edtf is not None and claim.story is not None:
                per_story = counts.setdefault(claim.said_on_edtf, {})
                per_story[claim.story.key] = per_story.get(claim.story.key, 0) + 1
        try:
            dates = sorted((PartialDate.parse(d) for d in counts), key=date_key)
        except ValueError:  # a date this renderer cannot order
            return Timeline((), ())
        # A date that may share a day with a more precise one is the one left out.
        certain = [
            date
            for date in dates
            if not any(
                other != date
                and not (date.definitely_after(other) or other.definitely_after(date))
                and other.last - other.first < date.last - date.first
                for other in dates
            )
        ]
        if not is_certain_sequence(certain):
            return Timeline((), ())
        if len(certain) < 2:
            return Timeline((), ())
        entries = tuple(
            (
                date.describe(),
                tuple(
                    f"{story.title} ({_claims(counts[str(date)][story.key])})"
                    for story in self.view.stories
                    if story.key in counts[str(date)]
                ),
            )
            for date in certain
        )
        return Timeline(entries, tuple(d.describe() for d in dates if d not in certain))

    def diagram(self, group: Group) -> Diagram:
        """Who makes the group's claims and which sources quote, support or contradict them.

        One node per speaker (with the number of their claims) and per source; one
        arrow per source, speaker and way of citing, labelled with how many claims.
        """
        speakers: dict[str, DiagramNode] = {}
        counts: dict[str, int] = {}
        sources: dict[str, DiagramNode] = {}
        cited: dict[tuple[str, str, str], int] = {}
        for claim in group.claims:
            who = claim.speaker.id
            counts[who] = counts.get(who, 0) + 1
            speakers.setdefault(who, DiagramNode(f"p{len(speakers) + 1}", claim.speaker.whole))
            ways = dict.fromkeys(
                (
                    *(("quotes", q.source) for q in claim.quotes),
                    *(("supports", e.source) for e in claim.supports),
                    *(("contradicts", e.source) for e in claim.contradicts),
                )
            )
            for kind, ref in ways:
                if ref.known:
                    sources.setdefault(ref.id, DiagramNode(f"s{len(sources) + 1}", ref.name))
                    key = (sources[ref.id].node, speakers[who].node, kind)
                    cited[key] = cited.get(key, 0) + 1
        people = tuple(
            attrs.evolve(node, label=f"{node.label} ({_claims(counts[who])})")
            for who, node in speakers.items()
        )
        edges = tuple(
            DiagramEdge(source, person, kind, f"{kind} {_claims(n)}")
            for (source, person, kind), n in cited.items()
        )
        return Diagram(tuple(sources.values()), people, edges)

    def page_of(self, anchor: str) -> str | None:
        """The key of the page holding ``anchor``; ``None`` if no page does."""
        return self.homes.get(anchor)

    def href(self, page: str, anchor: str, file: Callable[[str], str]) -> str:
        """The link from page ``page`` to ``anchor``, relative, as ``file`` names pages.

        An anchor no page holds (a dangling reference in a ``--force`` rendering) is
        linked on the page itself, where the template says it is missing.
        """
        home = self.homes.get(anchor, page)
        if home == page:
            return f"#{anchor}"
        return f"{self.page_href(page, home, file)}#{anchor}"

    def published(self, anchor: str, file: Callable[[str], str]) -> str | None:
        """The web address of ``anchor`` where the ledger is published (the ``url`` key,
        the folder's address), or ``None`` when no address is configured."""
        if not self.view.url:
            return None
        base = self.view.url if self.view.url.endswith("/") else f"{self.view.url}/"
        return f"{base}{file(self.homes.get(anchor, 'index'))}#{anchor}"

    def page_href(self, page: str, target: str, file: Callable[[str], str]) -> str:
        """The link from page ``page`` to the top of page ``target``."""
        key = (page, target, file)
        if key not in self._links:  # relpath is slow, and a page links to few pages
            here = posixpath.dirname(file(page)) or "."
            self._links[key] = posixpath.relpath(file(target), here)
        return self._links[key]
