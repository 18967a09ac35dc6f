"""render_markdown: the golden rendering, determinism, groupings and custom templates."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pytest_regressions.file_regression import FileRegressionFixture

import claimledger
from claimledger.check import validate
from claimledger.config import discover
from claimledger.render import (
    GROUPINGS,
    TemplateError,
    edition_digest,
    render_markdown,
    render_pages,
)
from tests.render.conftest import FIXTURE, configure, validated
from tests.render.structure import Structure


def test_golden_rendering_of_the_fixture(file_regression: FileRegressionFixture) -> None:
    text = claimledger.render_markdown(validated(FIXTURE).ledger)
    file_regression.check(text, extension=".md", encoding="utf-8", newline="\n")


def test_same_ledger_same_bytes_wherever_and_however_it_was_written(tmp_path: Path) -> None:
    first = render_markdown(validated(FIXTURE).ledger)
    assert render_markdown(validated(FIXTURE).ledger) == first
    # Another folder, files written in another order, the claim files renamed.
    other = tmp_path / "elsewhere" / "copy"
    for path in sorted(FIXTURE.rglob("*"), reverse=True):
        target = other / path.relative_to(FIXTURE)
        if path.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
    (other / "claims" / "briefing.yaml").rename(other / "claims" / "z-briefing.yaml")
    assert render_markdown(validated(other).ledger) == first


@pytest.mark.parametrize("group_by", GROUPINGS)
def test_every_grouping_shows_each_claim_once_with_its_anchor(group_by: str) -> None:
    ledger = validated(FIXTURE).ledger
    text = render_markdown(ledger, group_by=group_by)  # type: ignore[arg-type]
    structure = Structure.of(text)
    assert structure.problems() == []
    for claim in ledger.claims:
        assert structure.explicit_ids.count(claim.id) == 1
    assert structure.count("heading_open", "h4") == len(ledger.claims)


def test_grouping_by_topic_links_claims_from_their_other_topics() -> None:
    text = render_markdown(validated(FIXTURE).ledger, group_by="topic")
    russia = text.split('<a id="by-topic-russia"></a>')[1].split('<a id="by-topic-style"></a>')[0]
    # Both russia claims have "syria" first: shown in full there, linked from here.
    assert "#### " not in russia
    assert "Also under this heading: [The focus on Russian atrocities" in russia
    assert "(#russia-greatest-cause-of-deaths)" in russia


def test_markdown_significant_statement_does_not_change_the_structure() -> None:
    text = render_markdown(validated(FIXTURE).ledger)
    structure = Structure.of(text)
    statement = '#1 | the West\'s *own* strikes are <b>"no different"</b> [sic] & so on #'
    shown = [
        "".join(c.content for c in structure.tokens[i + 1].children or [])
        for i, t in enumerate(structure.tokens)
        if t.type == "heading_open" and t.tag == "h4"
    ]
    assert statement in shown
    assert len(shown) == 7  # one heading per claim, none made by the statement's "#"
    # Only our own anchors are raw HTML: the statement's <b> is text.
    html = [t.content for t in structure.tokens if t.type == "html_inline"]
    tags = ("</a>", "<mark>", "</mark>", "<sup>", "</sup>")  # a source's marked passages
    assert all(h.startswith('<a id="') or h in tags for h in html)
    # The claims table keeps four cells in every row.
    rows = [t for t in structure.tokens if t.type == "tr_open"]
    cells = [t for t in structure.tokens if t.type in ("td_open", "th_open")]
    assert structure.count("table_open") == 2  # the counts and the claims at a glance
    assert len(cells) == 4 * len(rows)


def test_unknown_metadata_is_said_to_be_unknown_not_guessed() -> None:
    text = render_markdown(validated(FIXTURE).ledger)
    weekly = text.split('<a id="source-weekly-example-2016-10-12"></a>')[1].split("<a id=")[0]
    assert "- **Publisher:** not stated" in weekly
    assert "- **Title:** not stated" in weekly
    assert "- **URL:** not stated" in weekly
    debate = text.split('<a id="source-debate-example-2016-10-18"></a>')[1].split("<a id=")[0]
    assert (
        "- **Published:** date not stated — Not printed; only the date of the debate is." in debate
    )


def test_a_custom_template_from_the_configuration(fixture_root: Path) -> None:
    (fixture_root / "templates").mkdir()
    (fixture_root / "templates" / "short.md.j2").write_text(
        "# {{ ledger.title | md }} ({{ ledger.edition }})\n"
        "{% for claim in ledger.claims %}\n- {{ claim.id }}: {{ claim.statement | md }}\n{% endfor %}\n"
    )
    configure(fixture_root, 'template = "templates/short.md.j2"')
    text = render_markdown(validated(fixture_root).ledger)
    assert text.startswith("# Example ledger: a briefing on strikes in Syria (")
    assert "- tricky-characters: \\#1 \\| the West's" in text


def test_a_custom_template_can_extend_the_built_in_one(tmp_path: Path) -> None:
    template = tmp_path / "mine.md.j2"
    template.write_text(
        '{% extends "claimledger/ledger.md.j2" %}\n{% block speakers %}## Nobody\n{% endblock %}\n'
    )
    text = render_markdown(validated(FIXTURE).ledger, template=template)
    assert "## Sources" in text
    assert text.endswith("## Nobody\n")
    assert "## Speakers" not in text


def test_a_custom_template_can_override_how_one_claim_is_shown(tmp_path: Path) -> None:
    template = tmp_path / "mine.md.j2"
    template.write_text(
        '{% extends "claimledger/ledger.md.j2" %}\n'
        "{% block claim %}\n- {{ claim.id }} ({{ claim.digest }})\n{% endblock %}\n"
    )
    text = render_markdown(validated(FIXTURE).ledger, template=template)
    assert "- no-equivalence (a3e2ca738c79)\n" in text
    assert "#### " not in text


@pytest.mark.parametrize(
    ("source", "line", "message"),
    [
        ("line one\n{% for x in %}\n", 2, ""),  # the words are Jinja2's: not asserted
        ("one\ntwo\n{{ ledger.no_such_field }}\n", 3, "no_such_field"),
        ("{{ ledger.title | no_such_filter }}\n", 1, "no_such_filter"),
        # The sandbox: no way from the data to Python's internals.
        ("\n{{ ledger.__class__.__mro__ }}\n", 2, "__class__"),
        # str.format reached through |attr: Jinja2 3.1.5 rendered the module's globals
        # (and from them os.environ); 3.1.6, the floor, refuses it.
        ('{{ "{0.__class__.__init__.__globals__}" | attr("format")(ledger) }}\n', 1, ""),
        ("{{ ledger.claims[0].statement | md_paragraphs(1, 2, 3) }}\n", 1, "TypeError"),
    ],
)
def test_template_errors_name_the_file_and_line(
    tmp_path: Path, source: str, line: int, message: str
) -> None:
    template = tmp_path / "broken.md.j2"
    template.write_text(source)
    with pytest.raises(TemplateError) as caught:
        render_markdown(validated(FIXTURE).ledger, template=template)
    assert caught.value.line == line
    assert Path(caught.value.path).resolve() == template.resolve()
    assert caught.value.message
    assert message in caught.value.message


def test_an_error_in_an_included_template_names_that_template(tmp_path: Path) -> None:
    (tmp_path / "main.md.j2").write_text('# Top\n{% include "part.md.j2" %}\n')
    (tmp_path / "part.md.j2").write_text("fine\n{{ missing }}\n")
    with pytest.raises(TemplateError) as caught:
        render_markdown(validated(FIXTURE).ledger, template=tmp_path / "main.md.j2")
    assert (Path(caught.value.path).name, caught.value.line) == ("part.md.j2", 2)


def test_a_missing_template_is_a_template_error(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="template not found"):
        render_markdown(validated(FIXTURE).ledger, template=tmp_path / "absent.md.j2")


def test_force_marks_the_failing_claims_and_lists_the_rest() -> None:
    root = Path(__file__).parent.parent / "examples" / "broken"
    result = validate(discover(root))
    text = render_markdown(result.ledger, findings=result.findings)
    assert "> [!WARNING]" in text
    assert "#### ⚠ A claim pointing at things that do not exist." in text
    assert "CL006 unknown source 'no-such-report'" in text
    assert "CL003 claims\\[0\\].id: expected a string" in text  # a file that yielded no claim
    assert Structure.of(text).problems() == []


def test_cite_as_links_to_the_published_ledger_when_its_url_is_configured(
    fixture_root: Path,
) -> None:
    configure(fixture_root, 'url = "https://example.org/ledger/LEDGER.md"')
    ledger = validated(fixture_root).ledger
    edition = edition_digest(ledger.claims)
    text = render_markdown(ledger)
    assert (
        f"- **Cite as:** Example ledger: a briefing on strikes in Syria, edition `{edition}`, "
        "claim `no-equivalence`, digest `a3e2ca738c79`, "
        "<https://example.org/ledger/LEDGER.md#no-equivalence>\n"
    ) in text


def test_cite_as_names_the_configured_edition_and_its_date_and_invents_neither(
    fixture_root: Path,
) -> None:
    ledger = validated(fixture_root).ledger
    edition = edition_digest(ledger.claims)
    plain = render_markdown(ledger)
    assert (
        f"- **Cite as:** Example ledger: a briefing on strikes in Syria, edition `{edition}`, "
        "claim `no-equivalence`, digest `a3e2ca738c79`\n"
    ) in plain
    configure(
        fixture_root,
        'edition = "Second edition"',
        'edition-date = "2016-11-02"',
        'url = "https://example.org/ledger/"',
    )
    ledger = validated(fixture_root).ledger
    pages = render_pages(ledger)
    assert (
        "- **Cite as:** Example ledger: a briefing on strikes in Syria, Second edition, edition "
        f"`{edition}` of 2 November 2016, claim `no-equivalence`, digest `a3e2ca738c79`, "
        "<https://example.org/ledger/stories/debate.md#no-equivalence>\n"
    ) in pages["stories/debate.md"]
