"""Elisions and bracketed insertions: how they are read and how far they may reach."""

from __future__ import annotations

import pytest

from claimledger.anchor import BRACKET_SPAN, ELISION_GAP, SourceText, anchor, normalise
from claimledger.anchor.pattern import parse, plain


@pytest.mark.parametrize(
    "quote",
    [
        "alpha ... omega",
        "alpha … omega",
        "alpha...omega",
        "alpha . . . omega",
        "alpha [...] omega",
        "alpha […] omega",
        "alpha.... omega",
    ],
)
def test_ellipsis_forms(quote: str) -> None:
    pattern = parse(normalise(quote))
    assert pattern is not None
    assert pattern.parts == ("alpha", "omega")
    assert [gap.kind for gap in pattern.gaps] == ["elision"]
    assert pattern.kind == "elided"


def test_brackets() -> None:
    pattern = parse("[Mr. Corbyn] said [that] it was [T]rue[ly] so")
    assert pattern is not None
    assert pattern.parts == ("said", "it was", "rue", "so")
    assert [(g.kind, g.attached_before, g.attached_after) for g in pattern.gaps] == [
        ("bracket", False, False),
        ("bracket", False, True),
        ("bracket", True, False),
    ]
    assert (pattern.lead, pattern.trail, pattern.kind) == (False, False, "bracketed")
    assert parse("no markup") is None


def test_plain_keeps_the_quoters_words() -> None:
    assert plain("[T]he focus ... on [Russia's] role") == "The focus on Russia's role"


def _gap_source(gap: int) -> SourceText:
    """ "Alpha" and "omega" with ``gap`` normalised characters between them."""
    text = f"Alpha {'x' * (gap - 2)} omega."
    assert text.index("omega") - len("Alpha") == gap
    return SourceText.build(text)


@pytest.mark.parametrize(("gap", "found"), [(ELISION_GAP, True), (ELISION_GAP + 1, False)])
def test_elision_reaches_so_far_and_no_further(gap: int, found: bool) -> None:
    result = anchor("Alpha ... omega", _gap_source(gap))
    assert bool(result.matches) is found


@pytest.mark.parametrize(("gap", "found"), [(BRACKET_SPAN, True), (BRACKET_SPAN + 1, False)])
def test_bracket_stands_for_a_short_span(gap: int, found: bool) -> None:
    result = anchor("Alpha [these words] omega", _gap_source(gap))
    assert bool(result.matches) is found


def test_bracket_may_stand_for_nothing() -> None:
    src = SourceText.build("He said the focus was wrong.")
    match = anchor("He said [sic] the focus", src).matches[0]
    assert (match.kind, match.start, match.end) == ("bracketed", 0, len("He said the focus"))
    assert match.parts == ((0, 7), (8, 17))


def test_parts_must_come_in_order() -> None:
    src = SourceText.build("Alpha and then omega.")
    assert anchor("Alpha ... omega", src).found
    assert not anchor("omega ... Alpha", src).matches


def test_elided_parts_keep_to_word_edges() -> None:
    src = SourceText.build("The Russians came, and then the focus shifted.")
    assert not anchor("The Russia ... the focus", src).matches
    assert anchor("The Russians ... the focus", src).found


def test_tightest_placement_wins() -> None:
    # "A ... B" with A twice before B: one match, on the nearer A.
    src = SourceText.build("Alpha one. Alpha two. Omega.")
    result = anchor("Alpha ... Omega", src)
    assert [(m.start, m.end) for m in result.matches] == [(11, 27)]


def test_bracket_touching_a_word_stands_for_part_of_it() -> None:
    src = SourceText.build("Asked, he said: the focus is misplaced.")
    match = anchor("[T]he focus is misplaced", src).matches[0]
    assert (match.start, match.end) == (16, 38)
    assert match.parts == ((17, 38),)
    match = anchor("the focus is misplace[d]", src).matches[0]
    assert (match.start, match.end) == (16, 38)


def test_edge_ellipses_only_say_the_quote_is_cut() -> None:
    src = SourceText.build("He said the focus on Russia was wrong.")
    match = anchor("… the focus on Russia …", src).matches[0]
    assert (match.kind, match.start, match.end) == ("normalised", 8, 27)


def test_markup_only_is_not_a_quote() -> None:
    src = SourceText.build("Anything at all.")
    assert anchor("...", src).status == "not-found"
    assert anchor("[sic]", src).status == "not-found"
