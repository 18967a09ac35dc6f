"""The seed ledger's web site in headless Chromium, served from localhost as a web server would.

Every page loads with no console error and its stylesheet; every internal link names a
page of the site and an id on it; every claim page's JSON-LD is the ClaimReview that
``export --format claimreview`` writes for its claim; the marked passages of every
source page are exactly the anchored passages, at their offsets in the stored text; the
index, a claim page and a source page have no serious or critical accessibility
violation (axe-core); and a ledger made of hostile strings shows them as text.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from selenium import webdriver

from claimledger.anchorings import anchoring
from claimledger.check import validate
from claimledger.config import discover
from claimledger.ledger import LedgerFiles
from tests.browser.site import accessibility_violations, console_errors, page_facts
from tests.conftest import REPO, run_cli

Spans = list[tuple[int, int]]


@pytest.fixture(scope="module")
def ledger() -> LedgerFiles:
    return validate(discover(REPO)).ledger


@pytest.fixture(scope="module")
def site(seed_site: Path) -> Path:
    return seed_site


@pytest.fixture(scope="module")
def visited(
    browser: webdriver.Chrome, site: Path, base: str
) -> dict[str, tuple[dict[str, Any], list[str]]]:
    """Every page of the site: what it holds, and the console's errors while it loaded."""
    console_errors(browser)
    pages = {}
    for path in sorted(site.rglob("*.html")):
        name = path.relative_to(site).as_posix()
        browser.get(base + name)
        pages[name] = (page_facts(browser), console_errors(browser))
    return pages


def test_the_site_has_a_page_per_claim_source_and_speaker(
    ledger: LedgerFiles, visited: dict[str, Any]
) -> None:
    assert {f"claims/{c.id}.html" for c in ledger.claims} <= set(visited)
    assert {f"sources/{s}.html" for s in ledger.sources} <= set(visited)
    assert {f"speakers/{s}.html" for s in ledger.speakers} <= set(visited)
    assert {"index.html", "speakers.html", "verdicts.html"} <= set(visited)


def test_every_page_loads_with_its_stylesheet_and_no_console_error(
    visited: dict[str, tuple[dict[str, Any], list[str]]], base: str
) -> None:
    for name, (facts, errors) in visited.items():
        assert errors == [], name
        assert facts["sheets"], name
        assert all(rules > 10 for rules in facts["sheets"]), name
        assert facts["title"], name
        assert len(facts["h1"]) == 1, name
        assert facts["h1"][0].strip(), name
        # The only script that runs is the index's filter, the site's own; others are data.
        scripts = [s["src"] for s in facts["scripts"] if s["type"] != "application/ld+json"]
        assert scripts == (["filter.js"] if name == "index.html" else []), name
        # Nothing is fetched from anywhere but the site.
        assert facts["resources"], name
        assert all(url.startswith(base) for url in facts["resources"]), name


def test_every_internal_link_and_anchor_resolves(
    visited: dict[str, tuple[dict[str, Any], list[str]]], base: str
) -> None:
    ids = {name: set(facts["ids"]) for name, (facts, _) in visited.items()}
    checked = 0
    for name, (facts, _) in visited.items():
        for link in facts["links"]:
            if not link["resolved"].startswith(base):
                assert urlsplit(link["resolved"]).scheme in ("http", "https"), (name, link)
                continue
            parts = urlsplit(link["resolved"])
            target = unquote(parts.path).removeprefix("/")
            if target.endswith(".css"):
                continue
            assert target in ids, (name, link["href"])
            if parts.fragment:
                assert unquote(parts.fragment) in ids[target], (name, link["href"])
            checked += 1
    assert checked > 1000


def test_each_claim_page_embeds_its_claimreview_export(
    ledger: LedgerFiles, visited: dict[str, tuple[dict[str, Any], list[str]]]
) -> None:
    done = run_cli("export", "--format", "claimreview")
    assert done.returncode == 0, done.stderr
    feed = json.loads(done.stdout)
    reviews = {r["itemReviewed"]["identifier"]: r for r in feed["dataFeedElement"]}
    assert reviews
    for claim in ledger.claims:
        facts, _ = visited[f"claims/{claim.id}.html"]
        embedded = [json.loads(s["text"]) for s in facts["scripts"]]
        if claim.id in reviews:
            assert embedded == [{"@context": feed["@context"], **reviews[claim.id]}], claim.id
        else:  # no verdict: no review, and no rating invented
            assert embedded == [], claim.id


_RUNS = """
return [...document.querySelectorAll(".source-text > p")].map(p => {
  const runs = [];
  for (const node of p.querySelector(".words").childNodes) {
    if (node.nodeType === Node.TEXT_NODE) runs.push([node.textContent, false]);
    else if (node.tagName === "MARK") runs.push([node.textContent, true]);
    else if (!node.classList.contains("cites")) runs.push([node.textContent, null]);
  }
  return {id: p.id, runs};
});
"""


def _merged(spans: Spans) -> Spans:
    merged: Spans = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        elif start < end:
            merged.append((start, end))
    return merged


def _anchored(ledger: LedgerFiles, source: str) -> Spans:
    """Every anchored passage in ``source``: quotes, evidence, identifications' evidence."""
    items: list[Any] = []
    for claim in ledger.claims:
        items += [*claim.quotes, *claim.supports, *claim.contradicts]
    for speaker in ledger.speakers.values():
        if speaker.identified_as is not None:
            items += speaker.identified_as.evidence
    document = ledger.sources[source]
    spans: Spans = []
    for item in items:
        if item.source == source and item.text.strip():
            found = anchoring(document, item.text, item.occurrence)
            assert found is not None
            assert found.chosen is not None
            spans += found.chosen.parts
    return _merged(spans)


def test_marked_passages_are_exactly_the_anchored_offsets(
    ledger: LedgerFiles, browser: webdriver.Chrome, base: str
) -> None:
    for source, document in sorted(ledger.sources.items()):
        assert document.text is not None
        browser.get(f"{base}sources/{source}.html")
        shown = browser.execute_script(_RUNS)
        lines = [
            (at, line.rstrip("\r\n"))
            for at, line in _offsets(document.text)
            if line and not line.isspace()
        ]
        assert len(shown) == len(lines), source
        marked: Spans = []
        # The text between paragraphs (line breaks, blank lines) is not shown, so not marked.
        shown_text = {at for start, line in lines for at in range(start, start + len(line))}
        for (start, line), paragraph in zip(lines, shown, strict=True):
            assert [kind for _, kind in paragraph["runs"] if kind is None] == []
            assert "".join(text for text, _ in paragraph["runs"]) == line, paragraph["id"]
            at = start
            for text, is_marked in paragraph["runs"]:
                if is_marked:
                    marked.append((at, at + len(text)))
                at += len(text)
        expected = _anchored(ledger, source)
        assert expected, source
        assert _offsets_in(_merged(marked)) == _offsets_in(expected) & shown_text, source


def _offsets_in(spans: Spans) -> set[int]:
    return {at for start, end in spans for at in range(start, end)}


def _offsets(text: str) -> Iterator[tuple[int, str]]:
    at = 0
    for line in text.splitlines(keepends=True):
        yield at, line
        at += len(line)


@pytest.mark.parametrize(
    "page",
    [
        "index.html",
        "claims/spokesman-focus-on-russia-diverts-attention.html",
        "sources/mirror-2016-10-12.html",
    ],
)
def test_pages_have_no_serious_accessibility_violation(
    browser: webdriver.Chrome, base: str, site: Path, page: str
) -> None:
    assert (site / page).is_file()
    browser.get(base + page)
    violations = accessibility_violations(browser)
    serious = [v for v in violations if v["impact"] in ("serious", "critical")]
    assert serious == []


READER_PAGES = (
    "index.html",
    "claims/spokesman-focus-on-russia-diverts-attention.html",
    "sources/mirror-2016-10-12.html",
    "speakers/corbyn-spokesman-2016.html",
)


def test_pages_fit_a_phone_and_print_without_the_navigation(
    browser: webdriver.Chrome, base: str, site: Path
) -> None:
    browser.set_window_size(390, 844)
    try:
        for page in READER_PAGES:
            assert (site / page).is_file(), page
            browser.get(base + page)
            width = browser.execute_script(
                "return [document.documentElement.scrollWidth, window.innerWidth]"
            )
            assert width[0] <= width[1], page
            browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
            shown = browser.execute_script(
                "return getComputedStyle(document.querySelector('header.site')).display"
            )
            browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
            assert shown == "none", page
    finally:
        browser.set_window_size(1200, 1600)
