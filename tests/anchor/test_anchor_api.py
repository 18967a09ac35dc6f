"""The public API: outcomes, occurrence, offsets, the threshold, the benchmark script."""

# ruff: noqa: RUF001 - quotes are typed with the look-alike characters the sources use.
from __future__ import annotations

import itertools
import math
import subprocess
import sys
from pathlib import Path

import pytest

import claimledger.anchor as anchoring
from claimledger.anchor import SourceText, anchor, misquote_threshold

ROOT = Path(__file__).resolve().parents[2]


def test_public_names() -> None:
    assert set(anchoring.__all__) == {
        "BRACKET_SPAN", "CONTEXT", "ELISION_GAP", "SAME_REMARK", "Anchoring", "Closest", "Kind",
        "Match", "Op", "OpKind", "SourceText", "Status", "Variant", "Wordings", "anchor", "anchor_all",
        "compare_words", "misquote_threshold", "normalise", "remark_wordings", "variants",
    }  # fmt: skip


def test_outcomes() -> None:
    src = SourceText.build("Obviously. And I mean obviously, he said.")
    twice = anchor("obviously", src)
    assert (twice.status, twice.found, twice.ambiguous, twice.chosen) == (
        "ambiguous",
        False,
        True,
        None,
    )
    assert [(m.start, m.end) for m in twice.matches] == [(0, 9), (22, 31)]
    second = anchor("obviously", src, occurrence=2)
    assert (second.status, second.found, second.chosen) == ("found", True, second.matches[1])
    assert anchor("obviously", src, occurrence=3).status == "no-such-occurrence"
    assert anchor("I mean obviously", src, occurrence=1).status == "found"
    assert anchor("perhaps", src).status == "not-found"


@pytest.mark.parametrize("occurrence", [0, -1])
def test_occurrence_counts_from_one(occurrence: int) -> None:
    with pytest.raises(ValueError, match="counts from 1"):
        anchor("x", SourceText.build("x"), occurrence=occurrence)


@pytest.mark.parametrize("quote", ["", "   ", "\n", '""', "…"])
def test_nothing_to_look_for(quote: str) -> None:
    result = anchor(quote, SourceText.build("Some text."))
    assert (result.status, result.matches, result.closest) == ("not-found", (), None)


def test_offsets_are_code_points_into_the_original() -> None:
    text = "😀 Headline\n\n👍 He said: “the focus\non Russia — is wrong”."
    src = SourceText.build(text)
    match = anchor('"The focus on Russia - is wrong"', src).matches[0]
    start = text.index("“the focus")
    assert (match.start, match.end) == (start, text.index("”") + 1)
    assert (match.paragraph, match.last_paragraph) == (2, 3)
    assert match.prefix == text[:start]
    assert match.suffix == "."


def test_quote_marks_belong_to_the_match_only_if_quoted() -> None:
    src = SourceText.build("He replied: “Obviously.”")
    with_marks = anchor('"Obviously."', src).matches[0]
    without = anchor("Obviously.", src).matches[0]
    assert src.text[with_marks.start : with_marks.end] == "“Obviously.”"
    assert src.text[without.start : without.end] == "Obviously."
    assert without.kind == "exact"


@pytest.mark.parametrize(
    ("quote", "passage", "kind"),
    [
        ("its vice-", "its vice-", "exact"),
        ("the atrocities -", "the atrocities –", "normalised"),
        ("'absolutely correct' --", "‘absolutely correct’ –", "normalised"),
        ("the atrocities", "the atrocities", "exact"),
    ],
)
def test_dashes_at_the_edges_belong_to_the_match_if_typed(
    quote: str, passage: str, kind: str
) -> None:
    src = SourceText.build("On the atrocities – ‘absolutely correct’ – its vice- chairman spoke.")
    match = anchor(quote, src).matches[0]
    assert (src.text[match.start : match.end], match.kind) == (passage, kind)


@pytest.mark.parametrize(
    ("quote", "found"),
    [
        ("Russia", False),
        ("Russian", True),
        ("the US", False),
        ("US-led", True),
        ("isn", False),
        ("isn’t", True),
    ],
)
def test_matches_do_not_cut_words(quote: str, found: bool) -> None:
    src = SourceText.build("Russian bombing, the US-led coalition: it isn’t so.")
    assert anchor(quote, src).found is found


def test_paragraphs_are_non_blank_lines() -> None:
    src = SourceText.build("\n\nTitle\nCaption\n\n \n\nBody text.\r\nMore.")
    assert [src.paragraph_at(src.text.index(w)) for w in ("Title", "Caption", "Body", "More")] == [
        1,
        2,
        3,
        4,
    ]
    assert src.paragraph_at(0) == 1


def test_quote_longer_than_its_source() -> None:
    src = SourceText.build("The focus on Russian atrocities sometimes diverts attention.")
    result = anchor("The focus on Russian atrocities sometimes diverts attention from others.", src)
    assert result.status == "possible-misquote"
    assert result.closest is not None
    assert result.closest.text == src.text
    # Nearly half of this one is not in the source at all: a different remark.
    longer = "The focus on Russian atrocities sometimes diverts attention from other atrocities that are taking place."
    assert anchor(longer, src).status == "not-found"


def test_threshold_shape() -> None:
    bars = [misquote_threshold(n) for n in range(0, 60)]
    assert all(math.isinf(bar) for bar in bars[:4])
    assert all(a >= b for a, b in itertools.pairwise(bars))
    assert bars[4] > 90
    assert min(bars) == 75.0


def test_benchmark_script_runs() -> None:
    script = ROOT / "benchmarks" / "bench_anchor.py"
    out = subprocess.run(
        [sys.executable, str(script), "--docs", "5", "--quotes-per-doc", "4"],
        capture_output=True, text=True, check=True, timeout=120,
    ).stdout  # fmt: skip
    assert "20 quotes" in out
    assert "total" in out
