"""Outlet variants: one remark as the Mirror, the first report and the Daily Mail worded it."""

# ruff: noqa: RUF001 - quotes are typed with the look-alike characters the sources use.
from __future__ import annotations

import pytest

from claimledger.anchor import Op, anchor, variants
from claimledger.anchor.wordings import words
from tests.anchor.anchor_corpus import AIDE, DAILY_MAIL, MIRROR, source

WORDINGS = {
    AIDE: "Both the US and British governments have been reluctant to accept any independent assessment of what's taking place as a result of those campaigns.",
    MIRROR: "Both the United States and British governments have been reluctant to accept any independent assessments of what has taken place as a result of those campaigns.",
    DAILY_MAIL: "Both the US and British authorities have been reluctant to accept any independent assessment of those.",
}


def test_the_wordings_are_the_sources_own() -> None:
    for sid, wording in WORDINGS.items():
        assert anchor(wording, source(sid)).found


def test_outlet_variants() -> None:
    compared = variants(list(WORDINGS.items()))
    assert (compared.reference, compared.text) == (MIRROR, WORDINGS[MIRROR])
    assert [v.source for v in compared.variants] == [AIDE, DAILY_MAIL]
    aide, mail = compared.variants

    assert aide.changes == (
        Op("replace", ("United", "States"), ("US",)),
        Op("replace", ("assessments",), ("assessment",)),
        Op("replace", ("what", "has", "taken"), ("what's", "taking")),
    )
    assert mail.changes == (
        Op("replace", ("United", "States"), ("US",)),
        Op("replace", ("governments",), ("authorities",)),
        Op("replace", ("assessments",), ("assessment",)),
        Op("delete", ("what", "has", "taken", "place", "as", "a", "result", "of"), ()),
        Op("delete", ("campaigns",), ()),
    )
    # The ops cover both wordings, in order, so a renderer can rebuild either side.
    for variant in compared.variants:
        assert sum((op.base for op in variant.ops), ()) == words(WORDINGS[MIRROR])
        assert sum((op.other for op in variant.ops), ()) == words(variant.text)
        assert not variant.same


def test_typography_and_case_are_not_differences() -> None:
    compared = variants(
        [("a", "“It’s the US‑led coalition,” he said"), ("b", "it's the US-led coalition he said")]
    )
    assert compared.variants[0].same
    assert compared.variants[0].ops == (
        Op(
            "equal",
            ("It's", "the", "US-led", "coalition", "he", "said"),
            ("it's", "the", "US-led", "coalition", "he", "said"),
        ),
    )


def test_an_outlets_ellipsis_is_a_word() -> None:
    compared = variants(
        [
            (
                "mirror",
                "atrocities - which is absolutely correct - I think sometimes diverts attention",
            ),
            ("mail", "atrocities… sometimes diverts attention"),
        ]
    )
    assert compared.variants[0].changes == (
        Op("replace", ("which", "is", "absolutely", "correct", "I", "think"), ("…",)),
    )


def test_reference_is_the_longest_then_the_first() -> None:
    assert variants([("a", "one two"), ("b", "one two three")]).reference == "b"
    assert variants([("a", "one two"), ("b", "one three")]).reference == "a"
    assert variants([("only", "one")]).variants == ()
    with pytest.raises(ValueError, match="no wordings"):
        variants([])
