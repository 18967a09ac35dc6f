"""The Fact Check Tools API and saved pages: the same fields kept as from ClaimReview."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimledger.importers import InputError
from claimledger.importers.factcheck_api import read_factcheck_api
from claimledger.importers.html import read_html
from claimledger.models import Review

DATA = Path(__file__).parent / "data"


def test_api_response_fields() -> None:
    text = (DATA / "api.json").read_text(encoding="utf-8")
    imported = read_factcheck_api(text, "api.json")
    first, second, third = imported.claims
    assert first.statement == second.statement == "5G towers spread the virus."
    assert first.id != second.id  # two publishers' reviews of one claim
    assert str(first.said_on) == "2020-03-29"
    assert first.review == Review(
        url="https://fullfact.example/online/5g-virus/",
        title="5G does not spread viruses",
        published=first.review.published if first.review else None,
        author="Full Fact",
        language="en",
    )
    assert (second.verdict.rating if second.verdict else None) == "Falso"
    assert {s.id: s.name for s in imported.speakers}[third.speaker] == "网络传言"
    assert {s.name for s in imported.speakers} == {"Viral social media posts", "网络传言"}
    # The API has no field for the publisher's site: each is reported at its line.
    sites = [m for m in imported.unplaced if ".publisher.site" in m.message]
    assert [m.location.line for m in sites] == [8, 9, 16]
    assert not any("nextPageToken" in m.message for m in imported.unplaced)


def test_api_pages_saved_as_a_list_are_read_as_one() -> None:
    page = json.loads((DATA / "api.json").read_text(encoding="utf-8"))
    imported = read_factcheck_api(json.dumps([page, page]), "pages.json")
    assert len(imported.claims) == 6
    assert len({c.id for c in imported.claims}) == 6


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"items": []}', "expected a claims:search response, got no claims list"),
        ('{"claims": [5]}', "claims[0]: expected a claim, got the integer 5"),
        ('{"claims": []}', "no ClaimReview found"),
    ],
)
def test_api_input_that_is_not_a_response(text: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        read_factcheck_api(text, "api.json")
    assert any(message in str(e) for e in caught.value.errors), caught.value.errors


def test_page_with_json_ld_and_microdata() -> None:
    text = (DATA / "page.html").read_text(encoding="utf-8")
    imported = read_html(text, "page.html")
    moon, greek = imported.claims
    assert moon.statement == "The moon is made of cheese."
    assert (
        (moon.verdict.rating, moon.verdict.rating_value) == ("False", 1) if moon.verdict else False
    )
    assert [s.url for s in imported.sources] == ["https://gromit.example/moon.html"]
    assert greek.id == "second"  # the review URL's fragment
    assert {s.id: s.name for s in imported.speakers}[greek.speaker] == "Γιώργος Παπαδόπουλος"
    assert greek.verdict is not None
    assert (greek.verdict.rating, greek.verdict.rating_value, greek.verdict.best_rating) == (
        "Mostly false",
        2,
        5,
    )
    # The site's own WebSite block is not a review; the broken block is reported, not fatal.
    assert [n.location.line for n in imported.notes if "not valid JSON" in n.message] == [13]
    assert imported.unplaced == ()


def test_page_without_a_review() -> None:
    with pytest.raises(InputError) as caught:
        read_html("<html><body><p>No review here.</p></body></html>", "p.html")
    assert "no ClaimReview found in the page" in str(caught.value)


def test_the_command_line_names_the_library_note() -> None:
    from claimledger.cli import import_claimreview
    from claimledger.importers import NOT_ANCHORED

    assert import_claimreview.NOT_ANCHORED == NOT_ANCHORED
