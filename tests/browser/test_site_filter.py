"""The index's claim filter (filter.js) in headless Chromium, on the seed ledger's site.

Typing keeps exactly the claims whose date, statement, speaker or verdict hold every word
(case and accents aside) and hides the stories left empty; clearing shows every claim
again; ``?q=`` fills the box; the page keeps passing the accessibility check; and with
scripts off the index lists every claim and shows no box.
"""

from __future__ import annotations

import unicodedata
from typing import Any

import attrs
import pytest
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from claimledger.check import validate
from claimledger.config import discover
from claimledger.render.context import build_view
from claimledger.render.views import ClaimView
from tests.browser.chromium import chromium
from tests.browser.site import accessibility_violations, console_errors
from tests.conftest import REPO


@pytest.fixture(scope="module")
def claims() -> tuple[ClaimView, ...]:
    return build_view(validate(discover(REPO)).ledger, group_by="story").claims


def _folded(text: str) -> str:
    bare = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(bare.lower().split())


def matching(claims: tuple[ClaimView, ...], query: str) -> set[str]:
    """The claims a reader typing ``query`` should see, by anchor, from the ledger's data."""
    words = _folded(query).split()
    found = set()
    for claim in claims:
        row = _folded(
            " ".join(
                (
                    claim.said_on or "not known",
                    claim.statement,
                    claim.speaker.whole,
                    claim.verdict_rating or "not rated",
                )
            )
        )
        if all(word in row for word in words):
            found.add(claim.anchor)
    return found


_SHOWN = """
const shown = e => e.getClientRects().length > 0;
return {
  claims: [...document.querySelectorAll("table.claims tbody tr")].filter(shown)
    .map(r => decodeURIComponent(new URL(r.querySelector("a").href).pathname)
      .split("/").pop().replace(/\\.html$/, "")),
  stories: [...document.querySelectorAll("section > table.claims")]
    .map(t => t.parentNode).filter(shown).map(s => s.querySelector("h3").id),
  status: (document.querySelector("[data-claim-filter] [role=status]") || {}).textContent,
};
"""


@attrs.frozen
class Shown:
    """What the index shows: its claims (by anchor) and stories, and the filter's status."""

    claims: list[str]
    stories: list[str]
    status: str | None


def shown(browser: webdriver.Chrome) -> Shown:
    result: dict[str, Any] = browser.execute_script(_SHOWN)
    return Shown(result["claims"], result["stories"], result["status"])


def test_typing_keeps_exactly_the_matching_claims(
    claims: tuple[ClaimView, ...], browser: webdriver.Chrome, base: str
) -> None:
    browser.get(base + "index.html")
    console_errors(browser)
    box = browser.find_element(By.CSS_SELECTOR, "[data-claim-filter] input")
    assert box.accessible_name.startswith("Show only the claims with these words")
    everyone = shown(browser)
    assert sorted(everyone.claims) == sorted(c.anchor for c in claims)
    stories_at_first = everyone.stories
    for query in ("Farron", "ALEPPO", "Corbyn  2016-10-12", "not rated", "zzz-none"):
        box.clear()
        box.send_keys(query)
        expected = matching(claims, query)
        now = shown(browser)
        assert set(now.claims) == expected, query
        assert len(now.claims) == len(expected), query
        # A story is shown while it has a claim shown.
        stories = {c.story.anchor for c in claims if c.anchor in expected and c.story}
        assert set(now.stories) == stories, query
        status = now.status or ""
        assert (f"Showing {len(expected)} of {len(claims)} claims." == status) == bool(expected)
        assert status.startswith("No claim") == (not expected)
    assert matching(claims, "Farron")
    assert not matching(claims, "zzz-none")
    box.send_keys(Keys.ESCAPE)
    again = shown(browser)
    assert again.claims == everyone.claims
    assert again.stories == stories_at_first
    assert again.status == ""
    assert console_errors(browser) == []


def test_the_address_fills_the_box(
    claims: tuple[ClaimView, ...], browser: webdriver.Chrome, base: str
) -> None:
    browser.get(base + "index.html?q=Farron")
    assert set(shown(browser).claims) == matching(claims, "Farron")


def test_a_filtered_index_passes_the_accessibility_check(
    browser: webdriver.Chrome, base: str
) -> None:
    browser.get(base + "index.html")
    browser.find_element(By.CSS_SELECTOR, "[data-claim-filter] input").send_keys("spokesman")
    serious = [
        v for v in accessibility_violations(browser) if v["impact"] in ("serious", "critical")
    ]
    assert serious == []


def test_without_scripts_the_index_lists_every_claim_and_no_box(
    claims: tuple[ClaimView, ...], base: str
) -> None:
    with chromium() as browser:
        browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
        browser.get(base + "index.html")
        assert browser.find_elements(By.CSS_SELECTOR, "[data-claim-filter] input") == []
        now = shown(browser)
        assert sorted(now.claims) == sorted(c.anchor for c in claims)
        assert not browser.find_element(By.CSS_SELECTOR, "[data-claim-filter]").is_displayed()
