"""A ledger made of hostile strings, as a web site in headless Chromium: every string shows as
text; none adds an element, a link, a style or a script, and no script runs."""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from selenium import webdriver

from claimledger.check import validate
from claimledger.config import discover
from claimledger.export import export_ledger
from claimledger.export.claimreview import embedded_reviews
from claimledger.render.folder import write_pages
from claimledger.render.html import render_site
from tests.browser.chromium import chromium
from tests.browser.site import console_errors, page_facts, serve
from tests.render.conftest import FIXTURE
from tests.render.hostile import HOSTILE

EVERY = "\n\n".join(HOSTILE)


def hostile_ledger(root: Path) -> None:
    """The render fixture with a source, a speaker, a story and a claim made of HOSTILE."""
    shutil.copytree(FIXTURE, root)
    text = "".join(f"{line}\n" for line in HOSTILE)
    (root / "corpus" / "hostile.txt").write_text(text, encoding="utf-8")
    meta = {
        "kind": "news-report",
        "sha256": hashlib.sha256(text.encode()).hexdigest(),
        "title": HOSTILE[12],
        "publisher": HOSTILE[13],
        "authors": [HOSTILE[14], HOSTILE[4]],
        "url": "javascript:window.pwned=1",
        "published": "2016-10-20",
        "note": EVERY,
    }
    (root / "corpus" / "hostile.yaml").write_text(yaml.safe_dump(meta), encoding="utf-8")
    registry = root / "claims" / "speakers.yaml"
    speakers = yaml.safe_load(registry.read_text(encoding="utf-8"))
    speakers["speakers"].append(
        {
            "id": "hostile",
            "name": HOSTILE[13],
            "description": EVERY,
            "reported_as": [{"name": HOSTILE[14], "source": "hostile"}],
            "roles": [{"title": HOSTILE[4], "source": "hostile"}],
        }
    )
    registry.write_text(yaml.safe_dump(speakers, allow_unicode=True), encoding="utf-8")
    claim = {
        "id": "hostile-claim",
        "statement": HOSTILE[14],
        "speaker": "hostile",
        "said_on": "2016-10-20",
        "said_on_note": EVERY,
        "context": EVERY,
        "topics": list(HOSTILE[:3]),
        "quotes": [{"source": "hostile", "text": line, "note": EVERY} for line in HOSTILE[12:16]],
        "supports": [{"source": "hostile", "text": HOSTILE[4], "note": EVERY}],
        "verdict": {"rating": "misleading", "rationale": EVERY},
        "history": [{"date": "2016-10-21", "note": EVERY}],
    }
    (root / "claims" / "hostile.yaml").write_text(
        yaml.safe_dump({"claims": [claim]}, allow_unicode=True), encoding="utf-8"
    )
    with (root / "pyproject.toml").open("a", encoding="utf-8") as pyproject:
        pyproject.write(f"\n[tool.claimledger.stories]\nhostile = {json.dumps(HOSTILE[13])}\n")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, Any]]]:
    root = tmp_path_factory.mktemp("hostile") / "ledger"
    hostile_ledger(root)
    result = validate(discover(root))
    assert not result.failed, [str(f) for f in result.findings]
    folder = root / "site"
    write_pages(folder, render_site(result.ledger, reviews=embedded_reviews(result.ledger)))
    feed = json.loads(export_ledger(result, "claimreview"))
    with serve(folder) as base:
        yield base, feed


@pytest.fixture(scope="module")
def browser() -> Iterator[webdriver.Chrome]:
    with chromium(console=True) as driver:
        yield driver


_INJECTED = """
return {
  pwned: window.pwned === undefined ? null : String(window.pwned),
  // The index's filter box is the site's own, made by its script.
  elements: [...document.querySelectorAll("img, b, style, iframe, object, embed, form, input")]
    .filter(e => !e.closest("[data-claim-filter]")).map(e => e.outerHTML),
  javascript: [...document.querySelectorAll("[href], [src]")]
    .map(e => e.getAttribute("href") || e.getAttribute("src"))
    .filter(a => !/^(https?:|[^:]*$)/i.test(a) && a !== "data:,"),
  handlers: [...document.querySelectorAll("*")].flatMap(e => [...e.attributes])
    .map(a => a.name).filter(n => n.startsWith("on")),
  text: document.body.textContent.replace(/\\s+/g, " "),
  shown: getComputedStyle(document.body).display,
};
"""


@pytest.mark.parametrize(
    "page",
    [
        "claims/hostile-claim.html",
        "sources/hostile.html",
        "speakers/hostile.html",
        "index.html",
        "stories/hostile.html",
        "verdicts.html",
    ],
)
def test_hostile_strings_show_as_text(
    browser: webdriver.Chrome, site: tuple[str, dict[str, Any]], page: str
) -> None:
    base, _ = site
    console_errors(browser)
    browser.get(base + page)
    found = browser.execute_script(_INJECTED)
    assert console_errors(browser) == []
    assert found["pwned"] is None
    assert found["elements"] == []
    assert found["javascript"] == []
    assert found["handlers"] == []
    assert found["shown"] != "none"
    facts = page_facts(browser)
    scripts = [s["src"] for s in facts["scripts"] if s["type"] != "application/ld+json"]
    assert scripts == (["filter.js"] if page == "index.html" else [])
    expected = (
        HOSTILE
        if page.startswith(("claims/", "sources/", "speakers/"))
        else (HOSTILE[13], HOSTILE[14])
        if page != "verdicts.html"
        else (HOSTILE[14],)
    )
    for text in expected:
        assert " ".join(text.split()) in found["text"], text


def test_hostile_claim_page_embeds_its_claimreview_unbroken(
    browser: webdriver.Chrome, site: tuple[str, dict[str, Any]]
) -> None:
    base, feed = site
    browser.get(base + "claims/hostile-claim.html")
    [script] = page_facts(browser)["scripts"]
    [review] = [r for r in feed["dataFeedElement"] if r["claimReviewed"] == HOSTILE[14]]
    assert json.loads(script["text"]) == {"@context": feed["@context"], **review}
