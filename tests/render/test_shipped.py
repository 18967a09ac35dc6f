"""The repository's own ledger: its ledger/ folder is current and reads as GitHub would show it."""

from __future__ import annotations

import re

import pytest

from claimledger.check import validate
from claimledger.config import discover
from claimledger.ledger import LedgerFiles
from claimledger.render import render_markdown, render_pages
from claimledger.render.folder import GENERATED
from tests.conftest import REPO
from tests.render.site import Site, mermaid_labels
from tests.render.structure import Structure, parser

FOLDER = REPO / "ledger"


@pytest.fixture(scope="module")
def ledger() -> LedgerFiles:
    result = validate(discover(REPO))
    # A shipped ledger with errors is test_corpus's failure to report, not ours.
    assert not result.failed
    return result.ledger


@pytest.fixture(scope="module")
def pages(ledger: LedgerFiles) -> dict[str, str]:
    return render_pages(ledger)


@pytest.fixture(scope="module")
def site(pages: dict[str, str]) -> Site:
    return Site.of(pages)


def test_committed_ledger_is_current(pages: dict[str, str]) -> None:
    assert FOLDER.is_dir(), "ledger/ is missing: run `make ledger`"
    committed = {
        path.relative_to(FOLDER).as_posix(): path.read_text(encoding="utf-8")
        for path in FOLDER.rglob("*.md")
        if path.read_text(encoding="utf-8").startswith(GENERATED)
    }
    assert sorted(committed) == sorted(pages), "ledger/ is stale: run `make ledger`"
    stale = [name for name in pages if committed[name] != pages[name]]
    assert stale == [], "ledger/ is stale: run `make ledger`"


def test_every_internal_link_on_every_page_resolves(site: Site) -> None:
    assert site.problems() == []
    links = sum(len(site.links(page)) for page in site.pages)
    assert links > 1000  # the check saw the ledger's links, not an empty site


def test_every_claim_is_shown_in_full_once(ledger: LedgerFiles, site: Site) -> None:
    shown = [anchor for s in site.pages.values() for anchor in s.explicit_ids]
    for claim in ledger.claims:
        assert shown.count(claim.id) == 1, claim.id


def test_every_quote_has_its_outlet_and_a_paragraph_link_on_its_claims_page(
    ledger: LedgerFiles, pages: dict[str, str]
) -> None:
    # "— [Mirror, 2016-10-12](../sources/mirror….md#…), [¶ 5](../sources/mirror….md#…-p5)",
    # on its own line, after each quote (in its block quote) and each evidence passage.
    provenance = re.compile(
        r"^(?:> |  )— \[[^\]]+\]\(\.\./sources/(?P<page>[^)#]+)\.md#source-(?P=page) "
        r'"[^"]+"\), \[¶¶? [0-9\u2013]+\]\(\.\./sources/(?P=page)\.md#source-(?P=page)-p[0-9]+\)',
        re.M,
    )
    stories = {name: text for name, text in pages.items() if name.startswith("stories/")}
    found = sum(len(provenance.findall(text)) for text in stories.values())
    passages = sum(
        len(c.quotes) + len(c.supports) + len(c.contradicts) + len(c.context) for c in ledger.claims
    )
    assert found == passages
    # No quote's provenance is a footnote far from it.
    assert all("[^" not in text for text in stories.values())


def test_every_paragraph_link_lands_on_the_paragraph_with_the_passage_marked(
    site: Site, pages: dict[str, str]
) -> None:
    pinpoints = [
        (name, href)
        for name in site.pages
        for href in site.links(name)
        if re.search(r"#source-[^#]+-p[0-9]+$", href)
    ]
    assert len(pinpoints) > 200
    for name, href in pinpoints:
        resolved = site.resolve(name, href)
        assert resolved is not None
        page, anchor = resolved
        line = next(x for x in pages[page].splitlines() if x.startswith(f'<a id="{anchor}">'))
        assert "<mark>" in line, (name, href)


def test_no_diagram_label_is_cut_and_no_claim_repeats_its_list_as_a_chart(site: Site) -> None:
    fences = [f for s in site.pages.values() for f in s.fences]
    labels = [label for f in fences for label in mermaid_labels(f.content)]
    assert labels
    assert not [label for label in labels if label.endswith(("…", "..."))]
    # One chart per story page and per attribution chain, not one per claim.
    assert len(fences) < 20


def _entry(pages: dict[str, str], speaker: str) -> str:
    text = pages["speakers.md"]
    return text.split(f'<a id="speaker-{speaker}"></a>')[1].split('<a id="speaker-')[0]


@pytest.mark.parametrize(
    ("person", "alias"),
    [("seumas-milne", "corbyn-spokesman-2016"), ("boris-johnson", "commons-answering-minister")],
)
def test_an_identified_persons_entry_lists_the_claims_made_under_the_alias(
    ledger: LedgerFiles, pages: dict[str, str], person: str, alias: str
) -> None:
    entry = _entry(pages, person)
    assert "Claims:** none recorded" not in entry
    under_alias = [c.id for c in ledger.claims if c.speaker == alias]
    assert len(under_alias) >= 7
    for claim_id in under_alias:
        assert f"#{claim_id})" in entry


def test_identifications_are_worded_as_the_ledgers_never_as_a_sources(
    ledger: LedgerFiles, pages: dict[str, str]
) -> None:
    for text in pages.values():
        assert "identified by another source" not in text
    identified = [s for s in ledger.speakers.values() if s.identified_as is not None]
    assert {s.id for s in identified} >= {"corbyn-spokesman-2016", "commons-answering-minister"}
    for speaker in identified:
        assert speaker.identified_as is not None
        entry = _entry(pages, speaker.id)
        if speaker.identified_as.basis == "stated":
            # Which source states it is named, and the passages are shown.
            assert "Stated by the [" in entry
            assert "among the passages below" in entry
        else:
            assert "The identification is the ledger's" in entry
    # Milne's is stated by the Daily Mail alone: the other reports only show one speaker.
    assert "Stated by the [Daily Mail](" in _entry(pages, "corbyn-spokesman-2016")
    assert "Stated by the [Daily Mail], among" not in _entry(pages, "corbyn-spokesman-2016")
    assert "and the [Mirror]" not in _entry(pages, "corbyn-spokesman-2016")
    # Johnson's identification is the ledger's inference: its own note says so.
    assert "stated by no source" in _entry(pages, "commons-answering-minister")


def test_unrated_claims_are_not_rated_and_the_scale_is_described_once(
    pages: dict[str, str],
) -> None:
    everything = "\n".join(pages.values())
    assert "Verdict: none" not in everything
    assert "| none |" not in everything
    assert everything.count("Verdicts are given on the scale") == 1
    assert "- **Verdict:** not rated." in pages["stories/spokesman-briefing-2016-10-12.md"]


def test_the_index_opens_on_the_story_the_ledger_is_about(pages: dict[str, str]) -> None:
    index = pages["README.md"]
    stories = re.findall(r'<a id="story-([^"]+)"></a>', index)
    assert stories[0] == "spokesman-briefing-2016-10-12"
    assert index.index("## What was checked") < index.index("## Claims by story")


def test_every_page_is_small_enough_to_read(pages: dict[str, str]) -> None:
    sizes = {name: len(text.encode("utf-8")) for name, text in pages.items()}
    assert max(sizes.values()) < 80_000, max(sizes, key=lambda name: sizes[name])


def test_the_single_page_still_renders_deterministically(ledger: LedgerFiles) -> None:
    text = render_markdown(ledger)
    assert Structure.of(text).problems() == []
    assert render_markdown(validate(discover(REPO)).ledger) == text


@pytest.mark.parametrize("opening", ["Outlets' wordings", "Evidence:"])
def test_a_section_after_a_list_of_quotes_is_a_paragraph_of_its_own(
    pages: dict[str, str], opening: str
) -> None:
    # A bold opening right under a list item, with no blank line, would read as
    # the item's lazy continuation: part of the last quote's provenance.
    seen = 0
    for name, text in pages.items():
        if not name.startswith("stories/"):
            continue
        tokens = parser().parse(text)
        depth = 0
        for n, token in enumerate(tokens):
            depth += token.nesting if token.type.startswith(("bullet_list", "ordered_list")) else 0
            if token.type != "inline" or not token.content.startswith(f"**{opening}"):
                continue
            seen += 1
            assert tokens[n - 1].type == "paragraph_open", (name, token.content[:60])
            assert depth == 0, (name, token.content[:60])
    # Both follow a list of paraphrases somewhere in the shipped ledger.
    assert seen > 5
