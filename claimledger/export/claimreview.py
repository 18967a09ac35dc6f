"""schema.org ClaimReview (JSON-LD): one review per claim that has a verdict.

The reviews are the elements of a schema.org ``DataFeed`` named after the
ledger. Each maps the ledger as follows:

``claimReviewed``
    the claim's statement.
``itemReviewed``
    a ``Claim``: its ``identifier`` is the claim id; its ``author`` the speaker,
    whose ``identifier`` is the speaker id, whose ``name`` is the registry's name
    or, for an unnamed speaker, the first clause of the registry's description
    (the label the rendered ledger uses; never a name guessed from another
    source), and whose ``description`` is the registry's; ``datePublished`` is
    ``said_on``, as precise as it is known (``2016``, ``2016-10``...), and left out
    when it is uncertain, approximate or bounded (EDTF);
    ``appearance`` lists the reports quoting it as ``CreativeWork`` (with the
    corpus id as ``identifier``, and ``url``, ``headline``, ``publisher``,
    ``author`` and ``datePublished`` where the corpus records them);
    ``firstAppearance`` is the earliest of them, but only when it is known: a
    single report, or one published definitely before every other. Two reports
    of the same day, or an undated one, leave it out.
``reviewRating``
    ``alternateName`` is the ledger's rating. Rated verdicts also get numbers,
    higher is better as schema.org expects: of ``n`` ratings on the scale
    (``verdict-scale``, best first) the best is ``n`` and the worst is ``1``, so
    ``bestRating`` is ``n`` and ``worstRating`` is ``1``. Unrated verdicts
    (``verdict-unrated``, such as ``unsettled``) carry no order, so they get
    ``alternateName`` only and no numbers.
``reviewBody``
    the verdict's rationale.
``url``, ``author``
    the ledger's ``url`` with ``#<claim id>``, and its ``author`` as an
    ``Organization``, from ``[tool.claimledger]``; left out when not configured.

No review has a ``datePublished``: the ledger does not record when a verdict
was published. Speakers are typed ``Thing``: the registry does not record
whether a speaker is a person, a body or a document speaking in its own voice
(the seed ledger has all three), and calling the Daily Mail a ``Person`` would
publish a falsehood; :func:`speaker_type` is where a recorded kind would go.

>>> from pathlib import Path
>>> from claimledger.check import validate
>>> from claimledger.config import Config
>>> ledger = validate(Config.default(Path("tests/examples/clean"))).ledger
>>> review = claim_reviews(ledger)[0]
>>> review["reviewRating"]
{'@type': 'Rating', 'alternateName': 'unsettled'}
>>> review["itemReviewed"]["author"]
{'@type': 'Thing', 'identifier': 'spokesman', 'name': "The Labour leader's spokesman", \
'description': "The Labour leader's spokesman"}
"""

from __future__ import annotations

import json
from typing import Any, ClassVar, Final

from claimledger.export.common import claim_url, rating_value, speaker_name
from claimledger.ledger import LedgerFiles
from claimledger.models import Source, Speaker, Verdict
from claimledger.resolved import ResolvedClaim, ResolvedLedger, resolve

__all__ = [
    "SCHEMA_ORG",
    "ClaimReviewExport",
    "claim_review",
    "claim_reviews",
    "claimreview_feed",
    "creative_work",
    "embedded_reviews",
    "first_appearance",
    "speaker_node",
    "speaker_type",
    "to_claimreview",
]

SCHEMA_ORG: Final = "https://schema.org"


_SCHEMA_TYPES = {"person": "Person", "organisation": "Organization"}


def speaker_type(speaker: Speaker) -> str:
    """The schema.org type of a speaker: Person or Organization where the registry says
    so, else ``Thing`` (a document's own voice, or a kind not recorded: never guessed)."""
    return _SCHEMA_TYPES.get(speaker.kind or "", "Thing")


def speaker_node(speaker: Speaker) -> dict[str, Any]:
    """A speaker as the author of a claim: the registry's name or description, never a guess."""
    node: dict[str, Any] = {
        "@type": speaker_type(speaker),
        "identifier": speaker.id,
        "name": speaker_name(speaker),
    }
    if speaker.description:
        node["description"] = " ".join(speaker.description.split())
    return node


def creative_work(source: Source) -> dict[str, Any]:
    """A corpus document as a ``CreativeWork``, with only what its metadata records."""
    work: dict[str, Any] = {"@type": "CreativeWork", "identifier": source.id}
    if source.url:
        work["url"] = source.url
    if source.title:
        work["headline"] = source.title
    if source.publisher:
        work["publisher"] = {"@type": "Organization", "name": source.publisher}
    if source.authors:
        work["author"] = [{"@type": "Person", "name": name} for name in source.authors]
    if source.published and source.published.plain:
        work["datePublished"] = str(source.published)
    return work


def first_appearance(reports: list[Source]) -> Source | None:
    """The report certainly published first, or ``None`` when the dates do not tell."""
    if len(reports) == 1:
        return reports[0]
    for report in reports:
        mine = report.published
        others = [other.published for other in reports if other is not report]
        if mine is not None and all(o is not None and o.definitely_after(mine) for o in others):
            return report
    return None


def _rating(ledger: ResolvedLedger, verdict: Verdict) -> dict[str, Any]:
    rating: dict[str, Any] = {"@type": "Rating"}
    value = rating_value(ledger.config, verdict.rating)
    if value is not None:
        rating["ratingValue"] = value
        rating["bestRating"] = len(ledger.config.verdict_scale)
        rating["worstRating"] = 1
    rating["alternateName"] = verdict.rating
    return rating


def claim_review(ledger: ResolvedLedger, claim: ResolvedClaim, verdict: Verdict) -> dict[str, Any]:
    """The ClaimReview of one claim with a verdict (without ``@context``)."""
    config = ledger.config
    item: dict[str, Any] = {
        "@type": "Claim",
        "identifier": claim.id,
        "author": speaker_node(claim.speaker),
    }
    # schema.org dates are ISO 8601 days, months or years: an uncertain or bounded date
    # (EDTF) has none to give, and inventing one is worse than leaving it out.
    if claim.said_on is not None and claim.said_on.plain:
        item["datePublished"] = str(claim.said_on)
    reports = list({q.source.id: q.source for q in claim.quotes}.values())
    if reports:
        item["appearance"] = [creative_work(report) for report in reports]
        first = first_appearance(reports)
        if first is not None:
            item["firstAppearance"] = creative_work(first)
    review: dict[str, Any] = {"@type": "ClaimReview"}
    url = claim_url(config, claim)
    if url:
        review["url"] = url
    review["claimReviewed"] = claim.statement
    review["itemReviewed"] = item
    if config.author:
        review["author"] = {"@type": "Organization", "name": config.author}
    review["reviewRating"] = _rating(ledger, verdict)
    review["reviewBody"] = verdict.rationale
    return review


def claim_reviews(ledger: LedgerFiles | ResolvedLedger) -> list[dict[str, Any]]:
    """A ClaimReview for every claim with a verdict, in ledger order."""
    ledger = resolve(ledger)
    return [
        claim_review(ledger, claim, claim.verdict)
        for claim in ledger.claims
        if claim.verdict is not None
    ]


def embedded_reviews(ledger: LedgerFiles | ResolvedLedger) -> dict[str, dict[str, Any]]:
    """Each rated claim's ClaimReview with its ``@context``, by claim id: what a web page
    about one claim embeds (``render --format html``)."""
    return {
        review["itemReviewed"]["identifier"]: {"@context": SCHEMA_ORG, **review}
        for review in claim_reviews(ledger)
    }


def claimreview_feed(ledger: LedgerFiles | ResolvedLedger) -> dict[str, Any]:
    """The ledger's reviews as a schema.org ``DataFeed``."""
    ledger = resolve(ledger)
    config = ledger.config
    feed: dict[str, Any] = {"@context": SCHEMA_ORG, "@type": "DataFeed", "name": config.title}
    if config.description:
        feed["description"] = config.description
    if config.url:
        feed["url"] = config.url
    feed["dataFeedElement"] = claim_reviews(ledger)
    return feed


def to_claimreview(ledger: LedgerFiles | ResolvedLedger) -> str:
    """The feed as JSON-LD text, indented, keys in a fixed order."""
    ledger = resolve(ledger)
    return json.dumps(claimreview_feed(ledger), indent=2, ensure_ascii=False) + "\n"


class ClaimReviewExport:
    """schema.org ClaimReview JSON-LD: one review per claim with a verdict."""

    name: ClassVar[str] = "claimreview"

    @staticmethod
    def write(ledger: ResolvedLedger) -> str:
        return to_claimreview(ledger)
