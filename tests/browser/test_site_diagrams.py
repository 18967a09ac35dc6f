"""The seed ledger's site draws its diagrams as inline SVG, read in headless Chromium.

A page has a drawing exactly where the Markdown ledger has a Mermaid chart (the index's
timeline, a story's sources and speakers, an identified speaker's attribution chain); each
shows with a size, an accessible name and description, the same nodes and arrows as the
chart's data, every label inside its box and no box over another; and nothing is fetched
from the network to draw it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from selenium import webdriver

from claimledger.check import validate
from claimledger.config import discover
from claimledger.naming import one_line
from claimledger.render.context import build_view
from claimledger.render.layered import EDGE_WORDS
from claimledger.render.pages import Diagram, PagePlan, attribution_chain, html_file
from tests.browser.site import accessibility_violations, console_errors, page_facts
from tests.conftest import REPO


@pytest.fixture(scope="module")
def plan() -> PagePlan:
    view = build_view(validate(discover(REPO)).ledger, group_by="story")
    return PagePlan.build(view, item_pages=True)


def expected_drawings(plan: PagePlan) -> dict[str, Diagram | None]:
    """The pages that should have a drawing: the flowchart's data, or None for the timeline."""
    pages: dict[str, Diagram | None] = {}
    if plan.story_dates().entries:
        pages["index.html"] = None
    for page in plan.pages:
        if page.kind == "group" and page.group and plan.diagram(page.group).edges:
            pages[html_file(page.key)] = plan.diagram(page.group)
        if page.kind == "speaker" and page.speaker:
            chain = attribution_chain(plan.view, page.speaker)
            if chain is not None:
                pages[html_file(page.key)] = chain
    return pages


_DRAWINGS = """
const box = e => { const r = e.getBoundingClientRect(); return [r.x, r.y, r.width, r.height]; };
return [...document.querySelectorAll("svg")].map(svg => {
  const named = id => (document.getElementById(id) || {}).textContent || "";
  const groups = [...svg.querySelectorAll("g.node, g.label")].map(g => {
    const rect = g.querySelector("rect"), text = g.querySelector("text");
    const b = text.getBBox();
    return {css: g.getAttribute("class"),
            rect: ["x", "y", "width", "height"].map(a => Number(rect.getAttribute(a))),
            text: [b.x, b.y, b.width, b.height],
            lines: [...text.querySelectorAll("tspan")].map(t => t.textContent)};
  });
  return {role: svg.getAttribute("role"), size: box(svg), viewport: window.innerWidth,
          name: named(svg.getAttribute("aria-labelledby")),
          description: named(svg.getAttribute("aria-describedby")),
          arrows: svg.querySelectorAll("path.arrow").length, groups};
});
"""


def drawings(browser: webdriver.Chrome, base: str, page: str) -> list[dict[str, Any]]:
    browser.get(base + page)
    found: list[dict[str, Any]] = browser.execute_script(_DRAWINGS)
    return found


def _inside(inner: list[float], outer: list[float], slack: float = 1.0) -> bool:
    x, y, w, h = inner
    ox, oy, ow, oh = outer
    return (
        x >= ox - slack
        and y >= oy - slack
        and x + w <= ox + ow + slack
        and y + h <= oy + oh + slack
    )


def _overlap(a: list[float], b: list[float]) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def test_pages_draw_a_diagram_exactly_where_the_markdown_ledger_has_a_chart(
    plan: PagePlan, seed_site: Path, browser: webdriver.Chrome, base: str
) -> None:
    expected = expected_drawings(plan)
    assert "index.html" in expected
    assert any(name.startswith("stories/") for name in expected)
    assert any(name.startswith("speakers/") for name in expected)
    console_errors(browser)
    drawn = set()
    for path in sorted(seed_site.rglob("*.html")):
        name = path.relative_to(seed_site).as_posix()
        found = drawings(browser, base, name)
        assert console_errors(browser) == [], name
        if found:
            drawn.add(name)
        assert len(found) <= 1, name
    assert drawn == set(expected)


def test_each_drawing_shows_its_data_whole_and_legible(
    plan: PagePlan, browser: webdriver.Chrome, base: str
) -> None:
    for page, diagram in expected_drawings(plan).items():
        [drawing] = drawings(browser, base, page)
        facts = page_facts(browser)
        assert all(url.startswith(base) for url in facts["resources"]), page
        assert drawing["role"] == "img"
        assert drawing["name"].strip(), page
        assert drawing["description"].strip(), page
        width, height = drawing["size"][2:]
        assert 100 < width <= drawing["viewport"], page
        assert height > 50, page
        boxes = drawing["groups"]
        for group in drawing["groups"]:
            # Widths are estimated when the site is built: the real font must fit.
            assert _inside(group["text"], group["rect"]), (page, group["lines"])
        for n, one in enumerate(boxes):
            for other in boxes[n + 1 :]:
                assert not _overlap(one["rect"], other["rect"]), (
                    page,
                    one["lines"],
                    other["lines"],
                )
        shown = sorted(" ".join(g["lines"]) for g in drawing["groups"] if "node" in g["css"])
        if diagram is None:
            timeline = plan.story_dates()
            stories = [one_line(s) for _, titles in timeline.entries for s in titles]
            assert shown == sorted(stories), page
            dates = [" ".join(g["lines"]) for g in drawing["groups"] if "date" in g["css"]]
            assert dates == [date for date, _ in timeline.entries], page
            continue
        nodes = [one_line(n.label) for n in (*diagram.sources, *diagram.claims)]
        assert shown == sorted(nodes), page
        assert drawing["arrows"] == len(diagram.edges), page
        labels = sorted(" ".join(g["lines"]) for g in drawing["groups"] if g["css"] == "label")
        words = [one_line(e.label) or EDGE_WORDS[e.kind] for e in diagram.edges]
        assert labels == sorted(words), page
        for node in nodes:
            assert node in drawing["description"], page


def test_drawings_shrink_to_a_phone_and_pass_the_accessibility_check(
    plan: PagePlan, browser: webdriver.Chrome, base: str
) -> None:
    pages = sorted(expected_drawings(plan))
    browser.set_window_size(390, 844)
    try:
        for page in pages:
            [drawing] = drawings(browser, base, page)
            assert 0 < drawing["size"][2] <= drawing["viewport"], page
            width = browser.execute_script(
                "return [document.documentElement.scrollWidth, window.innerWidth]"
            )
            assert width[0] <= width[1], page
    finally:
        browser.set_window_size(1200, 1600)
    for page in (pages[0], next(p for p in pages if p.startswith("stories/"))):
        browser.get(base + page)
        serious = [
            v for v in accessibility_violations(browser) if v["impact"] in ("serious", "critical")
        ]
        assert serious == [], page
