"""render_pages: the page plan, golden pages, determinism, and what each page must show."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pytest_regressions.file_regression import FileRegressionFixture

from claimledger.check import validate
from claimledger.cli import main
from claimledger.config import discover
from claimledger.render import GROUPINGS, render_pages
from claimledger.render.context import build_view
from claimledger.render.pages import PagePlan, markdown_file
from tests.render.conftest import FIXTURE, validated
from tests.render.site import Site

EXAMPLES = Path(__file__).parent.parent / "examples"


def _joined(pages: dict[str, str]) -> str:
    return "".join(f"=== {name} ===\n{text}" for name, text in sorted(pages.items()))


def test_golden_pages_of_the_fixture(file_regression: FileRegressionFixture) -> None:
    pages = render_pages(validated(FIXTURE).ledger)
    file_regression.check(_joined(pages), extension=".md", encoding="utf-8", newline="\n")


def test_same_ledger_same_pages_wherever_it_was_written(tmp_path: Path) -> None:
    first = render_pages(validated(FIXTURE).ledger)
    other = tmp_path / "elsewhere"
    shutil.copytree(FIXTURE, other)
    assert render_pages(validated(other).ledger) == first


@pytest.mark.parametrize("group_by", GROUPINGS)
def test_every_grouping_links_every_page_and_shows_each_claim_once(group_by: str) -> None:
    ledger = validated(FIXTURE).ledger
    site = Site.of(render_pages(ledger, group_by=group_by))  # type: ignore[arg-type]
    assert site.problems() == []
    shown = [anchor for s in site.pages.values() for anchor in s.explicit_ids]
    for claim in ledger.claims:
        assert shown.count(claim.id) == 1


def test_a_forced_rendering_links_what_exists_and_says_what_does_not() -> None:
    result = validate(discover(EXAMPLES / "broken"))
    pages = render_pages(result.ledger, findings=result.findings)
    assert Site.of(pages).problems() == []
    assert "CL006 unknown source 'no-such-report'" in "".join(pages.values())
    assert "no-such-report (not in the corpus)" in "".join(pages.values())
    assert "these findings concern no single claim" in pages["README.md"]


def test_the_plan_puts_every_anchor_on_one_page() -> None:
    view = build_view(validated(FIXTURE).ledger, group_by="story")
    plan = PagePlan.build(view)
    assert [p.key for p in plan.pages if p.kind == "group"] == [
        "stories/briefing",
        "stories/debate",
    ]
    assert plan.page_of("no-equivalence") == "stories/debate"
    assert (
        plan.page_of("source-weekly-example-2016-10-12-p2") == "sources/weekly-example-2016-10-12"
    )
    assert plan.href("sources/weekly-example-2016-10-12", "no-equivalence", markdown_file) == (
        "../stories/debate.md#no-equivalence"
    )
    assert plan.href("index", "speaker-sam-aide", markdown_file) == "speakers.md#speaker-sam-aide"
    # An anchor no page holds (a --force rendering's dangling reference) stays on the page.
    assert plan.href("index", "no-such-claim", markdown_file) == "#no-such-claim"


def test_stories_follow_the_configured_titles_and_order(fixture_root: Path) -> None:
    pyproject = fixture_root / "pyproject.toml"
    pyproject.write_text(
        pyproject.read_text()
        + '\n[tool.claimledger.stories]\ndebate = "The debate"\nbriefing = "The briefing"\n'
    )
    index = render_pages(validated(fixture_root).ledger)["README.md"]
    assert index.index("### The debate") < index.index("### The briefing")


def test_a_story_title_for_no_claim_file_is_warned_about(
    fixture_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pyproject = fixture_root / "pyproject.toml"
    pyproject.write_text(pyproject.read_text() + '\n[tool.claimledger.stories]\ndebat = "Typo"\n')
    assert main(["render", str(fixture_root)]) == 0
    assert "titles 'debat', but no claim file has that name" in capsys.readouterr().err


def test_a_source_page_marks_each_passage_where_it_stands_and_links_its_claims() -> None:
    pages = render_pages(validated(FIXTURE).ledger)
    source = pages["sources/weekly-example-2016-10-12.md"]
    lines = [line for line in source.splitlines() if line.startswith('<a id="source-weekly')]
    assert [line.split("**")[1] for line in lines[1:]] == ["¶ 1", "¶ 2", "¶ 3"]
    # "Obviously." is quoted by a claim: marked, and linked to that claim's page.
    assert 'the aide replied: <mark>"Obviously."</mark><sup>[2q]' in lines[2]
    assert "(../stories/briefing.md#us-is-an-intervening-power " in lines[2]


def test_unrated_claims_are_listed_as_not_rated_on_the_verdicts_page() -> None:
    verdicts = render_pages(validated(FIXTURE).ledger)["verdicts.md"]
    not_rated = verdicts.split('<a id="verdict-not-rated"></a>')[1]
    assert "## not rated" in not_rated
    assert "The coalition's strikes in Syria are rarely reported." in not_rated
