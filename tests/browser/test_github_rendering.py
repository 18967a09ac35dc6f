"""The seed ledger's pages as GitHub shows them, in headless Chromium: every diagram drawn.

See :mod:`tests.browser.github` for how a page is shown (markdown-it-py, Mermaid from
the npm registry, Debian's Chromium and chromedriver, all installed by ``make test``).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium import webdriver

from claimledger.check import validate
from claimledger.config import discover
from claimledger.render import render_pages
from tests.browser.github import chromium, show
from tests.conftest import REPO

PAGES = (
    "README.md",
    "stories/spokesman-briefing-2016-10-12.md",
    "stories/reactions-2016-10-12.md",
    "sources/mirror-2016-10-12.md",
    "speakers.md",
)


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return render_pages(validate(discover(REPO)).ledger)


@pytest.fixture(scope="module")
def browser() -> Iterator[webdriver.Chrome]:
    with chromium() as driver:
        yield driver


@pytest.mark.parametrize("name", PAGES)
def test_the_page_shows_and_its_diagrams_draw_without_errors(
    browser: webdriver.Chrome, pages: dict[str, str], tmp_path: Path, name: str
) -> None:
    result = show(browser, tmp_path / "page.html", pages[name])
    assert result["errors"] == []
    assert result["drawn"] == result["blocks"] == pages[name].count("```mermaid")
    assert not [label for label in result["labels"] if label.endswith(("…", "..."))]
    assert browser.find_element("css selector", "h1").text
    png = browser.get_screenshot_as_png()
    assert png.startswith(b"\x89PNG")
    assert len(png) > 10_000


def test_story_and_speakers_pages_have_their_diagrams(pages: dict[str, str]) -> None:
    # So the test above draws real diagrams, not none.
    assert pages["stories/spokesman-briefing-2016-10-12.md"].count("```mermaid") == 1
    assert pages["speakers.md"].count("```mermaid") >= 2


def test_a_paragraph_link_lands_on_a_marked_passage(
    browser: webdriver.Chrome, pages: dict[str, str], tmp_path: Path
) -> None:
    show(browser, tmp_path / "source.html", pages["sources/mirror-2016-10-12.md"])
    marked = browser.execute_script(
        "const p = document.getElementById('source-mirror-2016-10-12-p19').parentElement;"
        "return [...p.querySelectorAll('mark')].map(m => m.textContent);"
    )
    assert marked == [
        "Asked if the US was one of those intervening powers, the spokesman replied: “Obviously.”"
    ]


def test_a_broken_diagram_is_reported(browser: webdriver.Chrome, tmp_path: Path) -> None:
    # The check can fail: Mermaid's error reaches the test.
    result = show(
        browser, tmp_path / "bad.html", "# Bad\n\n```mermaid\nflowchart LR\n  a -->|\n```\n"
    )
    assert result["blocks"] == 1
    assert result["drawn"] == 0
    assert result["errors"]
