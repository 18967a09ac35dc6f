"""The skeleton prefilter never loses what anchoring would find."""

# ruff: noqa: RUF001 - typographic marks are what trace reads past.

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimledger.anchor import SourceText, anchor, normalise
from claimledger.anchor.normalisation import SEPARATOR_CHARS
from claimledger.trace.patterns import Patterns
from claimledger.trace.skeleton import skeleton

ALPHABET = st.sampled_from(
    [*"abcXYZ019 .,;:!?()[]", *sorted(SEPARATOR_CHARS), "é", "Ég"[0], "ß", "ﬁ", "Ω", "İ"]
)
TEXTS = st.text(ALPHABET, max_size=60)


@given(TEXTS)
def test_normalising_first_changes_no_skeleton(text: str) -> None:
    assert skeleton(normalise(text)) == skeleton(text)


@given(TEXTS, st.integers(0, 60), st.integers(0, 60))
def test_a_piece_of_a_text_has_a_piece_of_its_skeleton(text: str, i: int, j: int) -> None:
    assert skeleton(text[min(i, j) : max(i, j)]) in skeleton(text)


@given(TEXTS, st.integers(0, 60), st.integers(1, 30))
def test_every_quote_anchoring_finds_is_a_candidate(text: str, at: int, length: int) -> None:
    quote = text[at : at + length]
    if anchor(quote, SourceText.build(text)).matches:
        patterns = Patterns.build([("c", "s", [quote])])
        if patterns.quotes:
            assert patterns.candidates(skeleton(text), approximate=False) == {0}


def test_a_retyped_quote_is_a_candidate() -> None:
    patterns = Patterns.build([("c", "s", ["Élysée said it's the US-led coalition's fault"])])
    text = "“élysée said it’s the US‑led\u00a0coalition’s fault,” he wrote…"
    assert anchor(patterns.quotes[0].text, SourceText.build(text)).matches
    assert patterns.candidates(skeleton(text), approximate=False) == {0}
