"""schema.org ClaimReview (JSON-LD): one review per claim that has a verdict or a review.

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
    ``appearance`` lists the reports quoting it (with the corpus id as
    ``identifier``, and ``url``, ``archivedAt``, ``headline``, ``publisher``,
    ``author`` and ``datePublished`` where the corpus records them; typed by
    their ``kind``, see :mod:`claimledger.schemaorg`);
    ``firstAppearance`` is the claim's ``first_appearance`` when recorded (an
    imported review said so), else the earliest report, but only when it is
    known: a single report, or one published definitely before every other.
    Two reports of the same day, or an undated one, leave it out.
``reviewRating``
    ``alternateName`` is the ledger's rating. A verdict imported from a
    published review keeps that review's ``ratingValue``, ``bestRating`` and
    ``worstRating``, and has none if it gave none. The ledger's own verdicts
    rated on the scale get numbers from it, higher is
    better as schema.org expects: of ``n`` ratings on the scale
    (``verdict-scale``, best first) the best is ``n`` and the worst is ``1``, so
    ``bestRating`` is ``n`` and ``worstRating`` is ``1``. Unrated verdicts
    (``verdict-unrated``, such as ``unsettled``) carry no order, so they get
    ``alternateName`` only and no numbers.
``reviewBody``
    the verdict's rationale (left out for an imported review that gave none).
``url``, ``headline``, ``datePublished``, ``author``, ``inLanguage``
    those of the published review the claim was imported from (``review``);
    else the ledger's ``url`` with ``#<claim id>`` and its ``author`` as an
    ``Organization``, from ``[tool.claimledger]``; left out when not known.
    The ledger does not record when its own verdicts were published.

Speakers are typed by the registry's ``kind`` (Person, Organization), else
``Thing``: calling the Daily Mail a ``Person`` would publish a falsehood.

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
from claimledger.models import Review, Source, Speaker, Verdict
from claimledger.resolved import ResolvedClaim, ResolvedLedger, resolve
from claimledger.schemaorg import NO_RATIONALE, first_appearance, work_type

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
    """A corpus document as a ``CreativeWork``, with only what its metadata records.

    Its ``@type`` is the schema.org type its ``kind`` names (an imported
    ``news-article`` is a ``NewsArticle``); the ledger's own kinds are
    ``CreativeWork``.
    """
    work: dict[str, Any] = {"@type": work_type(source.kind), "identifier": source.id}
    if source.url:
        work["url"] = source.url
    if source.archive_url:
        work["archivedAt"] = source.archive_url
    if source.title:
        work["headline"] = source.title
    if source.publisher:
        work["publisher"] = {"@type": "Organization", "name": source.publisher}
    if source.authors:
        work["author"] = [{"@type": "Person", "name": name} for name in source.authors]
    if source.published and source.published.plain:
        work["datePublished"] = str(source.published)
    return work


def _rating(ledger: ResolvedLedger, verdict: Verdict, imported: bool) -> dict[str, Any]:
    rating: dict[str, Any] = {"@type": "Rating"}
    value = rating_value(ledger.config, verdict.rating)
    numbers = (verdict.rating_value, verdict.best_rating, verdict.worst_rating)
    if imported or numbers != (None, None, None):
        # The published review's own numbers, kept on import (none if it gave none).
        for key, number in zip(("ratingValue", "bestRating", "worstRating"), numbers, strict=True):
            if number is not None:
                rating[key] = number
    elif value is not None:
        rating["ratingValue"] = value
        rating["bestRating"] = len(ledger.config.verdict_scale)
        rating["worstRating"] = 1
    rating["alternateName"] = verdict.rating
    return rating


def claim_review(
    ledger: ResolvedLedger, claim: ResolvedClaim, verdict: Verdict | None
) -> dict[str, Any]:
    """The ClaimReview of one claim with a verdict or a review (without ``@context``)."""
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
        recorded = {report.id: report for report in reports}.get(claim.first_appearance or "")
        first = recorded or first_appearance(reports)
        if first is not None:
            item["firstAppearance"] = creative_work(first)
    published = claim.review or Review()
    review: dict[str, Any] = {"@type": "ClaimReview"}
    url = published.url or claim_url(config, claim)
    if url:
        review["url"] = url
    if published.title:
        review["headline"] = published.title
    if published.published and published.published.plain:
        review["datePublished"] = str(published.published)
    if published.language:
        review["inLanguage"] = published.language
    review["claimReviewed"] = claim.statement
    review["itemReviewed"] = item
    author = published.author or config.author
    if author:
        review["author"] = {"@type": "Organization", "name": author}
    if verdict is not None:
        review["reviewRating"] = _rating(ledger, verdict, claim.review is not None)
        if verdict.rationale != NO_RATIONALE:
            review["reviewBody"] = verdict.rationale
    return review


def claim_reviews(ledger: LedgerFiles | ResolvedLedger) -> list[dict[str, Any]]:
    """A ClaimReview for every claim with a verdict or a published review, in ledger order."""
    ledger = resolve(ledger)
    return [
        claim_review(ledger, claim, claim.verdict)
        for claim in ledger.claims
        if claim.verdict is not None or claim.review is not None
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
    """schema.org ClaimReview JSON-LD: one review per claim with a verdict or a review."""

    name: ClassVar[str] = "claimreview"

    @staticmethod
    def write(ledger: ResolvedLedger) -> str:
        return to_claimreview(ledger)
