"""The template data: roles at the time, anchors that never clash, findings placed on their claims."""

from __future__ import annotations

from pathlib import Path

from claimledger.check import validate
from claimledger.config import discover
from claimledger.render import build_view, render_markdown
from tests.conftest import EXAMPLES
from tests.render.conftest import FIXTURE, validated
from tests.render.structure import Structure


def test_a_claim_shows_only_the_roles_its_date_does_not_rule_out() -> None:
    view = build_view(validated(FIXTURE).ledger)
    claims = {claim.id: claim for claim in view.claims}
    # Said 2016-10-12: a columnist "until 2015" no longer; director "since 2015-10" yes.
    assert [r.title for r in claims["us-intervening-named"].roles] == [
        "Director of communications to Jo Bloggs"
    ]
    # Undated: nothing is ruled out.
    assert len(claims["tricky-characters"].roles) == 2


def test_an_unnamed_speaker_is_called_by_the_first_clause_of_their_description() -> None:
    view = build_view(validated(FIXTURE).ledger)
    speakers = {s.id: s for s in view.speakers}
    assert speakers["foreign-secretary"].display_name == "The Foreign Secretary"
    assert (
        speakers["foreign-secretary"].description
        == "The Foreign Secretary, answering in the debate"
    )
    assert speakers["sam-aide"].identifies[0].id == "anonymous-aide"


def test_a_timeline_is_drawn_only_where_the_order_of_dates_is_certain() -> None:
    speakers = {s.id: s for s in build_view(validated(FIXTURE).ledger).speakers}
    assert speakers["anonymous-aide"].timeline_certain  # 2016-09, then 2016-10-12
    assert not speakers["foreign-secretary"].timeline_certain  # one date only
    assert not speakers["sam-aide"].timeline_certain  # one claim is undated
    assert [e.date for e in speakers["sam-aide"].timeline] == ["12 October 2016", None]


def test_anchors_never_clash_even_when_ids_look_like_section_anchors(fixture_root: Path) -> None:
    claims = fixture_root / "claims" / "clash.yaml"
    claims.write_text(
        "claims:\n"
        "  - {id: sources, statement: A claim named like a section., speaker: sam-aide}\n"
        "  - {id: source-weekly-example-2016-10-12, statement: Named like a source., speaker: sam-aide}\n"
    )
    ledger = validated(fixture_root).ledger
    text = render_markdown(ledger)
    structure = Structure.of(text)
    assert structure.problems() == []
    view = build_view(ledger)
    assert view.sections.sources == "sources-2"
    assert {"sources", "source-weekly-example-2016-10-12"} <= set(structure.explicit_ids)
    assert "source-weekly-example-2016-10-12-2" in structure.explicit_ids


def test_findings_are_placed_on_the_claim_whose_lines_they_fall_in() -> None:
    result = validate(discover(EXAMPLES / "broken"))
    view = build_view(result.ledger, findings=result.findings)
    marked = {c.statement: c.problems for c in view.claims if c.problems}
    assert any(
        "CL009 quote text not found" in p
        for p in marked["A claim pointing at things that do not exist."]
    )
    assert all(not p.startswith("claims/errors.yaml") for p in view.problems)
    assert any(p.startswith("corpus/altered.yaml") for p in view.problems)
    assert view.forced


def test_passages_are_pinpointed_to_their_paragraphs(fixture_root: Path) -> None:
    # An evidence passage that runs from the first paragraph of the report into the second.
    claims = fixture_root / "claims" / "across.yaml"
    claims.write_text(
        "claims:\n"
        "  - id: across-paragraphs\n"
        "    statement: A passage across two paragraphs.\n"
        "    speaker: sam-aide\n"
        "    quotes:\n"
        "      - source: weekly-example-2016-10-12\n"
        '        text: other atrocities that are taking place."\n'
        "    supports:\n"
        "      - source: weekly-example-2016-10-12\n"
        "        text: 'taking place.\" Asked whether the US'\n"
    )
    view = build_view(validated(fixture_root).ledger)
    claim = next(c for c in view.claims if c.id == "across-paragraphs")
    assert (claim.quotes[0].paragraph, claim.quotes[0].last_paragraph) == (1, 1)
    assert (claim.supports[0].paragraph, claim.supports[0].last_paragraph) == (1, 2)
    text = render_markdown(validated(fixture_root).ledger)
    assert "[¶¶ 1\u20132](#source-weekly-example-2016-10-12-p1)" in text  # an en dash


def test_outlet_variants_compare_versions_of_one_remark_only(fixture_root: Path) -> None:
    view = build_view(validated(fixture_root).ledger)
    claims = {c.id: c for c in view.claims}
    focus = claims["focus-on-russia-diverts-attention"]
    assert focus.variants_reference is not None
    assert focus.variants_reference.id == "daily-example-2016-10-13"  # the fullest wording
    [weekly] = focus.variants
    assert weekly.source.id == "weekly-example-2016-10-12"
    assert [(c.op, c.reference, c.other) for c in weekly.changes] == [
        ("delete", "I think sometimes", ""),
        ("insert", "", "sometimes"),
    ]
    # One outlet only: nothing to compare.
    assert claims["no-equivalence"].variants == ()


def test_a_paraphrase_is_not_compared_word_by_word(fixture_root: Path) -> None:
    briefing = fixture_root / "claims" / "briefing.yaml"
    briefing.write_text(
        briefing.read_text().replace(
            "        note: The Daily Example names the speaker as Sam Aide.\n",
            "        note: The Daily Example names the speaker as Sam Aide.\n"
            "      - source: daily-example-2016-10-13\n"
            "        text: A senior aide to Jo Bloggs yesterday said the focus on Russia\n",
        )
    )
    focus = next(
        c for c in build_view(validated(fixture_root).ledger).claims if c.id.startswith("focus")
    )
    assert len(focus.quotes) == 3
    assert [v.source.id for v in focus.variants] == ["weekly-example-2016-10-12"]
