"""Properties over the whole corpus: any passage, however retyped, anchors back to itself."""

# ruff: noqa: RUF001 - quotes are typed with the look-alike characters the sources use.
from __future__ import annotations

import re

from hypothesis import assume, given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from claimledger.anchor import anchor, misquote_threshold, normalise
from tests.anchor.anchor_corpus import SOURCE_IDS, source

_TOKEN = re.compile(r"\S+")
_TOKENS = {sid: [m.span() for m in _TOKEN.finditer(source(sid).text)] for sid in SOURCE_IDS}
_RETYPE = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "--", "…": "..."})


def retype(text: str) -> str:
    """How a keyboard renders a copied passage: straight quotes, hyphens, one line."""
    return " ".join(text.translate(_RETYPE).split())


@st.composite
def passages(draw: st.DrawFn, min_words: int = 1, max_words: int = 40) -> tuple[str, int, int]:
    """A source and the span of a run of its words, cut on whitespace, that begins and
    ends with a letter or digit somewhere in its first and last word."""
    sid = draw(st.sampled_from(SOURCE_IDS))
    tokens = _TOKENS[sid]
    first = draw(st.integers(0, len(tokens) - min_words))
    count = draw(st.integers(min_words, min(max_words, len(tokens) - first)))
    (start, head_end), (tail_start, end) = tokens[first], tokens[first + count - 1]
    text = source(sid).text
    assume(any(c.isalnum() for c in text[start:head_end]))
    assume(any(c.isalnum() for c in text[tail_start:end]))
    return sid, start, end


@settings(max_examples=300, deadline=None)
@given(passages())
def test_verbatim_passage_anchors_exactly(passage: tuple[str, int, int]) -> None:
    sid, start, end = passage
    src = source(sid)
    result = anchor(src.text[start:end], src)
    assert (start, end, "exact") in {(m.start, m.end, m.kind) for m in result.matches}


@settings(max_examples=300, deadline=None)
@given(passages())
def test_retyped_passage_anchors_to_its_offsets(passage: tuple[str, int, int]) -> None:
    sid, start, end = passage
    src = source(sid)
    typed = retype(src.text[start:end])
    result = anchor(typed, src)
    assert (start, end) in {(m.start, m.end) for m in result.matches}
    assert {m.kind for m in result.matches} <= {"exact", "normalised"}
    assert result.status == ("found" if len(result.matches) == 1 else "ambiguous")


@settings(max_examples=200, deadline=None)
@given(passages(min_words=8), st.data())
def test_altered_word_is_never_a_match(passage: tuple[str, int, int], data: st.DataObject) -> None:
    sid, start, end = passage
    src = source(sid)
    words = retype(src.text[start:end]).split(" ")
    # A word in square brackets would be read as the quoter's own insertion.
    changeable = [i for i, w in enumerate(words) if re.search(r"[A-Za-z]{3,}", w) and "[" not in w]
    assume(changeable)
    i = data.draw(st.sampled_from(changeable))
    words[i] = re.sub(r"[A-Za-z]{3,}", "Zyxwvut", words[i], count=1)
    quote = " ".join(words)
    result = anchor(quote, src)
    assert result.matches == ()
    assert result.status in ("possible-misquote", "not-found")
    if result.closest is not None:
        assert result.closest.similarity >= misquote_threshold(len(words))
    if len(words) >= 12:
        # One word in twelve is a slip, not another remark: the passage is suggested,
        # or another that is at least as like the quote (news copy repeats itself).
        closest = result.closest
        assert closest is not None
        # Similarities are reported to one decimal place.
        original = round(fuzz.ratio(normalise(quote), normalise(src.text[start:end])), 1)
        assert (closest.start < end and start < closest.end) or closest.similarity >= original


_VOCABULARY = sorted({w for sid in SOURCE_IDS for w in re.findall(r"[A-Za-z']+", source(sid).text)})


@settings(max_examples=500, deadline=None)
@given(st.sampled_from(SOURCE_IDS), st.lists(st.sampled_from(_VOCABULARY), min_size=1, max_size=3))
def test_short_quote_is_never_approximately_found(sid: str, words: list[str]) -> None:
    # The known failure of fuzzy anchoring: a few words always resemble something.
    src = source(sid)
    quote = " ".join(words)
    result = anchor(quote, src)
    assert result.closest is None
    if normalise(quote).lower() not in src.normalised.lower():
        assert result.status == "not-found"


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(SOURCE_IDS), st.lists(st.sampled_from(_VOCABULARY), min_size=4, max_size=14))
def test_jumbled_words_are_not_suggested(sid: str, words: list[str]) -> None:
    # Corpus words in random order are as close as chance gets to real text; the
    # threshold is set above what they score for every quote length.
    src = source(sid)
    quote = " ".join(words)
    assume(normalise(quote).lower() not in src.normalised.lower())
    assert anchor(quote, src).closest is None
