"""framing-in-quote's first search (no reporting verb, no tweet: nothing to find) changes no verdict."""

from __future__ import annotations

import re
import string

from hypothesis import given
from hypothesis import strategies as st

from claimledger.rules.framing_in_quote import (
    _PATTERNS,
    _QUOTED,
    _VERB,
    _VERB_WORDS,
    _VERBS,
    framing,
)

PIECES = [
    "he said: ",
    "said the spokesman",
    "“We will",
    "”, he added",
    "isn't",
    "'shredding'",
    " — Brendan Cox (@MrBrendanCox) October 12, 2016",
    "Told reporters: ",
    "Asked if",
    "the minister",
    ", ",
    ". ",
    '"',
    "\u2019",
    "housing",
    "SAID",
    "unsaid",
]


def reference(text: str) -> str | None:
    """Every pattern tried, as the rule did before its first search."""
    for pattern in _PATTERNS:
        found = pattern.search(text)
        if found:
            return found.group(0).strip()
    if _QUOTED.search(text):
        verb = _VERB.search(_QUOTED.sub(" ", text))
        if verb:
            return verb.group(0)
    return None


@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=8), max_size=12))
def test_the_fast_path_finds_what_every_pattern_finds(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert framing(text) == reference(text)


def test_the_verb_alternation_matches_exactly_the_verbs() -> None:
    """The verbs' alternation is built as a trie: it must accept each verb and nothing
    else near one (a prefix of a verb, a verb with a letter more)."""
    words = set(_VERB_WORDS)
    near = {w[:i] for w in words for i in range(len(w) + 1)}
    near |= {w + letter for w in words for letter in string.ascii_lowercase}
    assert {text for text in near if re.fullmatch(_VERBS, text)} == words
