"""The shared normalisation and its map back to original offsets."""

# ruff: noqa: RUF001 - quotes are typed with the look-alike characters the sources use.
from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from claimledger.anchor import normalise
from claimledger.anchor.normalisation import _CANONICAL, SEPARATOR_CHARS, Normalised, _nfkc

CASES = [
    ("curly apostrophe", "it’s", "it's"),
    ("apostrophe in a name", "O’Neill", "O'Neill"),
    ("modifier-letter apostrophe", "donʼt", "don't"),
    ("single quotes at word edges", "a ‘quoted’ word", "a quoted word"),
    ("double quotes at word edges", "he said: “No.”", "he said: No."),
    ("straight double quotes", 'he said: "No."', "he said: No."),
    ("guillemets", "«bonjour»", "bonjour"),
    ("double prime as a quote", "″quoted″", "quoted"),
    ("low-9 quote", "„so“", "so"),
    ("spaced em dash", "a — b", "a-b"),
    ("closed em dash", "a—b", "a-b"),
    ("en dash in a range", "2016–17", "2016-17"),
    ("double hyphen", "a -- b", "a-b"),
    ("hyphen with one space", "ground- penetrating", "ground-penetrating"),
    ("non-breaking hyphen", "large‑scale", "large-scale"),
    ("minus sign", "3−2", "3-2"),
    ("dashes at the edges", "- which is correct –", "which is correct"),
    ("non-breaking space", "a\u00a0b", "a b"),
    ("narrow no-break space", "a\u202fb", "a b"),
    ("line break", "a\nb", "a b"),
    ("paragraph break", "a.\n\nb", "a. b"),
    ("CRLF", "a\r\nb", "a b"),
    ("line separator", "a\u2028b", "a b"),
    ("tab and spaces", "a \t  b", "a b"),
    ("edges", "  \n padded\t ", "padded"),
    ("zero-width space", "a\u200bb", "ab"),
    ("soft hyphen", "co\u00adoperate", "cooperate"),
    ("byte-order mark", "\ufeffText", "Text"),
    ("ellipsis", "wait…", "wait..."),
    ("ligature", "ﬁne", "fine"),
    ("fullwidth letters", "Ｆｕｌｌ", "Full"),
    ("combining accent", "cafe\u0301", "café"),
    ("case is kept", "The US", "The US"),
    ("quote mark after a dash", "war – “and peace”", "war-and peace"),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_normalise(text: str, expected: str) -> None:
    assert normalise(text) == expected
    assert Normalised.build(text).text == expected


_TRICKY = st.sampled_from(
    [" ", "\n", "\n\n", "\u00a0", "\u2009", "—", "–", "-", "--", "’", "‘", "“", "”", '"', "'"]
)
_ODD = st.sampled_from(
    ["…", "\u200b", "\u00ad", "ﬁ", "e\u0301", "\u0301", "é", "Ｆ", "´", "[", "]", ".", "😀"]
)
_TEXTS = st.lists(
    st.one_of(_TRICKY, _ODD, st.text("abcXYZ019", min_size=1, max_size=5)), max_size=30
).map("".join)


@settings(max_examples=500, deadline=None)
@given(_TEXTS)
def test_normal_form_is_stable_and_plain(text: str) -> None:
    normal = normalise(text)
    assert normalise(normal) == normal
    assert "  " not in normal
    assert normal == normal.strip(" -\"'")
    assert not set(normal) & set("\n\u00a0—–’‘“”…\u200b\u00ad")


@settings(max_examples=500, deadline=None)
@given(_TEXTS)
def test_every_normalised_character_maps_back(text: str) -> None:
    normal = Normalised.build(text)
    previous = (0, 0)
    for i, char in enumerate(normal.text):
        start, end = normal.original_span(i, i + 1)
        assert 0 <= start < end <= len(text)
        # In order, and two characters share an origin only if it is one group (…).
        assert start >= previous[0]
        assert start >= previous[1] or (start, end) == previous
        if char.isascii() and char.isalnum():
            assert text[start:end] in (char, "ﬁ", "…") or normalise(text[start:end]) == char
        previous = (start, end)
    if normal.text:
        # A span maps to the union of its characters' origins.
        first = normal.original_span(0, 1)[0]
        last = normal.original_span(len(normal.text) - 1, len(normal.text))[1]
        assert normal.original_span(0, len(normal.text)) == (first, last)


def test_offsets_are_original_code_points() -> None:
    text = "😀 “Say\u00a0no—never” 🙂 later"
    normal = Normalised.build(text)
    assert normal.text == "😀 Say no-never 🙂 later"
    at = normal.text.index("Say no-never")
    assert normal.original_span(at, at + len("Say no-never")) == (3, 3 + len("Say\u00a0no—never"))
    at = normal.text.index("later")
    assert normal.original_span(at, at + 5) == (text.index("later"), len(text))


def test_a_match_inside_an_expansion_covers_the_whole_character() -> None:
    normal = Normalised.build("wait… what")
    assert normal.text == "wait... what"
    assert normal.original_span(5, 6) == (4, 5)  # the middle "." is the "…"


def test_empty_span_is_refused() -> None:
    with pytest.raises(ValueError, match="non-empty span"):
        Normalised.build("abc").original_span(1, 1)


def test_a_mark_dropped_between_a_letter_and_its_accent() -> None:
    # Step 1 drops the quote mark, step 2 composes the letter and accent it separated:
    # the composed letter maps to all three original characters.
    normal = Normalised.build("Y’\u03010")
    assert normal.text == "Ý0"
    assert [normal.original_span(i, i + 1) for i in range(2)] == [(0, 3), (3, 4)]


def _runs_one_by_one(text: str) -> str:
    """Step 1 as the module docstring states it, a character at a time: each maximal run
    of separators (an ellipsis ends one and is ``...``) becomes nothing at either end of
    the text, else ``-`` if it holds a dash, else a space if it holds whitespace, else
    (quote marks, invisible characters) its first mark between two letters or nothing."""
    separators = SEPARATOR_CHARS - {"…"}
    out, at = [], 0
    while at < len(text):
        if text[at] not in separators:
            out.append("..." if text[at] == "…" else text[at])
            at += 1
            continue
        end = at
        while end < len(text) and text[end] in separators:
            end += 1
        canonical = text[at:end].translate(_CANONICAL)
        inside = at > 0 and end < len(text)
        if not inside or not canonical:
            out.append("")
        elif "-" in canonical or " " in canonical:
            out.append("-" if "-" in canonical else " ")
        else:
            between = all(c.isalnum() or c == "_" for c in (text[at - 1], text[end]))
            out.append(canonical[0] if between else "")
        at = end
    return "".join(out)


# Separators one at a time and in runs, beside letters, an ellipsis, each other; the
# ones the scan passes over, and the letter-like apostrophe, drawn more often.
_SEPARATED = st.lists(
    st.one_of(
        st.sampled_from(sorted(SEPARATOR_CHARS)),
        st.sampled_from(["'", "’", "ʼ", "-", "—", "‑", "\n", "\xa0", " ", "“", "\u200b"]),
        st.sampled_from(["a", "Z", "1", "_", ".", ",", "(", "  "]),
    ),
    max_size=12,
).map("".join)


@settings(max_examples=2000, deadline=None)
@given(st.one_of(_SEPARATED, _TEXTS))
@example("it’s")
@example("a'ʼ")
@example("a’ʼb—")
@example("\xa0a\nb\n")
@example("a -b")
def test_runs_collapse_as_stated(text: str) -> None:
    """The fast scan (which passes over runs that only change character) gives what
    reading the text a character at a time gives."""
    assert Normalised.build(text).text == normalise(text) == _nfkc(_runs_one_by_one(text))[0]
