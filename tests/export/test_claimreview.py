"""The ClaimReview export: golden files, the rating mapping, and only known facts."""

from __future__ import annotations

import json
from typing import Any

import pytest
from pytest_regressions.file_regression import FileRegressionFixture

from claimledger.check import validate
from claimledger.config import discover
from claimledger.dates import PartialDate
from claimledger.export.claimreview import claimreview_feed, to_claimreview
from claimledger.ledger import LedgerFiles
from claimledger.models import Source
from claimledger.schemaorg import first_appearance
from tests.conftest import MakeLedger
from tests.export.conftest import LEDGERS, configured, validated


def test_golden(
    named_ledger: tuple[str, LedgerFiles], file_regression: FileRegressionFixture
) -> None:
    name, ledger = named_ledger
    file_regression.check(to_claimreview(ledger), basename=name, extension=".jsonld")


def reviews(ledger: LedgerFiles) -> list[dict[str, Any]]:
    elements: list[dict[str, Any]] = json.loads(to_claimreview(ledger))["dataFeedElement"]
    return elements


def test_one_review_per_claim_with_a_verdict(named_ledger: tuple[str, LedgerFiles]) -> None:
    _, ledger = named_ledger
    judged = [c for c in ledger.claims if c.verdict]
    got = reviews(ledger)
    assert [r["itemReviewed"]["identifier"] for r in got] == [c.id for c in judged]
    assert all(r["@type"] == "ClaimReview" for r in got)
    assert [r["claimReviewed"] for r in got] == [c.statement for c in judged]


def test_ratings_are_numbered_best_high_and_unrated_have_only_a_name(
    named_ledger: tuple[str, LedgerFiles],
) -> None:
    _, ledger = named_ledger
    scale = ledger.config.verdict_scale
    for review, claim in zip(reviews(ledger), [c for c in ledger.claims if c.verdict], strict=True):
        rating = review["reviewRating"]
        assert claim.verdict is not None
        assert rating["alternateName"] == claim.verdict.rating
        if claim.verdict.rating in scale:
            assert rating["ratingValue"] == len(scale) - scale.index(claim.verdict.rating)
            assert (rating["bestRating"], rating["worstRating"]) == (len(scale), 1)
        else:
            assert set(rating) == {"@type", "alternateName"}


def test_seed_ratings_span_rated_and_unrated() -> None:
    # The seed ledger exercises both branches above.
    ledger = validated(LEDGERS["seed"])
    names = {r["reviewRating"]["alternateName"] for r in reviews(ledger)}
    assert {"accurate", "unsettled"} <= names


def test_authors_are_registry_names_or_descriptions(named_ledger: tuple[str, LedgerFiles]) -> None:
    _, ledger = named_ledger
    for review in reviews(ledger):
        author = review["itemReviewed"]["author"]
        speaker = ledger.speakers[author["identifier"]]
        if speaker.name:
            assert author["name"] == speaker.name
        else:
            # An unnamed speaker is called by (the first clause of) the description.
            assert speaker.description is not None
            head = author["name"].rstrip("…")
            assert " ".join(speaker.description.split()).startswith(head)
        expected = {"person": "Person", "organisation": "Organization"}.get(
            speaker.kind or "", "Thing"
        )
        assert author["@type"] == expected


def test_appearances_hold_only_recorded_metadata(named_ledger: tuple[str, LedgerFiles]) -> None:
    _, ledger = named_ledger
    for review in reviews(ledger):
        for work in review["itemReviewed"].get("appearance", []):
            meta = ledger.sources[work["identifier"]].meta
            assert work.get("url") == meta.url
            assert work.get("headline") == meta.title
            plain = meta.published is not None and meta.published.plain is not None
            assert work.get("datePublished") == (str(meta.published) if plain else None)
            assert work.get("publisher", {}).get("name") == meta.publisher


def source(name: str, published: str | None) -> Source:
    date = PartialDate.parse(published) if published else None
    return Source(id=name, kind="news-report", sha256="0", published=date)


@pytest.mark.parametrize(
    ("dates", "first"),
    [
        ([None], 0),  # the only report is the first, dated or not
        (["2016-10-12", "2016-10-13"], 0),
        (["2016-10-13", "2016-10-12"], 1),
        (["2016-10-12", "2016-10-12"], None),  # same day: order unknown
        (["2016-10", "2016-10-12"], None),  # the month may be the same day
        (["2016-09", "2016-10-12"], 0),
        (["2016-10-12", None], None),  # an undated report may be earlier
    ],
)
def test_first_appearance_only_when_certain(dates: list[str | None], first: int | None) -> None:
    reports = [source(f"r{i}", d) for i, d in enumerate(dates)]
    assert first_appearance(reports) == (None if first is None else reports[first])


def test_ledger_url_and_author_come_from_config(make_ledger: MakeLedger) -> None:
    root = make_ledger()
    configured(root, 'url = "https://example.org/ledger"\nauthor = "Example Fact Desk"\n')
    config = discover(root)
    feed = claimreview_feed(validate(config).ledger)
    review = feed["dataFeedElement"][0]
    assert feed["url"] == "https://example.org/ledger"
    assert review["url"] == "https://example.org/ledger#us-is-an-intervening-power"
    assert review["author"] == {"@type": "Organization", "name": "Example Fact Desk"}


def test_without_url_or_author_nothing_is_made_up(named_ledger: tuple[str, LedgerFiles]) -> None:
    _, ledger = named_ledger
    assert (ledger.config.url, ledger.config.author) == (None, None)
    for review in reviews(ledger):
        assert {"url", "author", "datePublished"}.isdisjoint(review)


def test_a_rated_claim_on_a_configured_scale(make_ledger: MakeLedger) -> None:
    root = make_ledger()
    text = (root / "claims" / "briefing.yaml").read_text()
    (root / "claims" / "briefing.yaml").write_text(
        text.replace("rating: unsettled", "rating: misleading")
    )
    review = claimreview_feed(validate(discover(root)).ledger)["dataFeedElement"][0]
    assert review["reviewRating"] == {
        "@type": "Rating",
        "ratingValue": 2,
        "bestRating": 4,
        "worstRating": 1,
        "alternateName": "misleading",
    }
