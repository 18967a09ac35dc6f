"""Real quotes from the corpus, as a fact-checker would paste or type them.

Expected offsets are computed with ``str.index`` on the source text, never by hand.
"""

# ruff: noqa: RUF001 - quotes are typed with the look-alike characters the sources use.
from __future__ import annotations

from dataclasses import dataclass

import pytest
from rapidfuzz import fuzz

from claimledger.anchor import CONTEXT, anchor, misquote_threshold, normalise
from tests.anchor.anchor_corpus import (
    AIDE,
    COMMONS,
    DAILY_MAIL,
    DEFENDS,
    MIRROR,
    paragraph_of,
    source,
)


@dataclass(frozen=True)
class Case:
    id: str
    source: str
    quote: str
    status: str
    kind: str | None = None
    passage: str | None = None  # where the chosen match must be: its first occurrence...
    nth: int = 1  # ...or its nth
    parts: tuple[str, ...] = ()  # for elided and bracketed matches: each part's passage
    occurrence: int | None = None
    every: tuple[tuple[str, int], ...] = ()  # an ambiguous quote's (passage, nth) positions
    suggestion: str | None = None  # the passage offered for a possible misquote


# One case a line or two: the table is easier to read unformatted.
# fmt: off
CASES = [
    # Exact and typographic variants.
    Case("pasted verbatim", MIRROR, "Obviously people are entitled and at complete liberty to demonstrates outside not only the Russian Embassy",
         "found", "exact", "Obviously people are entitled and at complete liberty to demonstrates outside not only the Russian Embassy"),
    Case("curly quotes typed straight", MIRROR, 'the spokesman replied: "Obviously."',
         "found", "normalised", "the spokesman replied: “Obviously.”"),
    Case("en dash and hyphen typed as hyphens", MIRROR, "atrocities - which is absolutely correct - I think sometimes diverts attention",
         "found", "normalised", "atrocities - which is absolutely correct – I think sometimes diverts attention"),
    Case("en dash typed as double hyphen", MIRROR, "People are free to protest outside the intervening powers' embassies -- and there are a number of them",
         "found", "normalised", "People are free to protest outside the intervening powers' embassies – and there are a number of them"),
    Case("closed em dash typed spaced", COMMONS, "at that European Council - I participated in it fully",
         "found", "normalised", "at that European Council—I participated in it fully"),
    Case("straight quotes in the source, curly in the quote", AIDE, "“Independent assessments are that there have been very large-scale civilian casualties”",
         "found", "normalised", '"Independent assessments are that there have been very large-scale civilian casualties'),
    Case("single quotes typed straight", DAILY_MAIL, "Media focus on Russia's role 'diverts attention' from the 'atrocities'",
         "found", "normalised", "media focus on Russia’s role ‘diverts attention’ from the ‘atrocities’"),
    Case("opening single quote typed straight", DAILY_MAIL, "'The focus on Russian atrocities",
         "found", "normalised", "‘The focus on Russian atrocities"),
    Case("double quotes inside the quote", COMMONS, 'such a "get out of jail free" card',
         "found", "normalised", "such a “get out of jail free” card"),
    Case("curly apostrophes typed straight", DEFENDS, "And we've always stood up for some transparency on all the Russian money that's come into Britain.",
         "found", "normalised", "And we’ve always stood up for some transparency on all the Russian money that’s come into Britain."),
    Case("apostrophe in Hansard", COMMONS, "Her Majesty's Government, along with every other member of the General Assembly",
         "found", "normalised", "Her Majesty’s Government, along with every other member of the General Assembly"),
    Case("non-breaking space", AIDE, "which includes Britain",
         "found", "normalised", "which\xa0includes Britain"),
    Case("non-breaking spaces", AIDE, "condemn Russia's targeting of rebel-held areas in the northern Syrian city of Aleppo",
         "found", "normalised", "condemn\xa0Russia's targeting of rebel-held areas in the northern Syrian\xa0city of Aleppo"),
    Case("hyphen broken by a space in the source", DAILY_MAIL, "ground-penetrating bombs",
         "found", "normalised", "ground- penetrating bombs"),
    Case("hyphen broken by a space, again", DAILY_MAIL, "vice-chairman Chris Nineham",
         "found", "normalised", "vice- chairman Chris Nineham"),
    Case("brackets that are in the source", DEFENDS, "to fight Russia [WATCH]",
         "found", "normalised", "to fight Russia\xa0[WATCH]"),
    # Case of the first letter.
    Case("first letter lowered", MIRROR, "obviously people are entitled",
         "found", "normalised", "Obviously people are entitled"),
    Case("first letter raised mid-sentence", MIRROR, "Sometimes diverts attention from other atrocities",
         "found", "normalised", "sometimes diverts attention from other atrocities"),
    # Line breaks: quotes that run across paragraphs, which reopen the quotation.
    Case("across two paragraphs", MIRROR, "there hasn't been so much attention on those atrocities or those casualties. Both the United States and British governments",
         "found", "normalised", "there hasn't been so much attention on those atrocities or those casualties.\n\n“Both the United States and British governments"),
    Case("across two paragraphs, curly", DEFENDS, "by the influence of very dodgy Russian money. Sadly, it's taken the deaths of so many in Ukraine",
         "found", "normalised", "by the influence of very dodgy Russian money.\n\n“Sadly, it’s taken the deaths of so many in Ukraine"),
    # The Daily Mail's own ellipsis inside the quote.
    Case("Daily Mail ellipsis pasted", DAILY_MAIL, "The focus on Russian atrocities or Syrian army atrocities… sometimes diverts attention",
         "found", "exact", "The focus on Russian atrocities or Syrian army atrocities… sometimes diverts attention"),
    Case("Daily Mail ellipsis typed as dots", DAILY_MAIL, "The focus on Russian atrocities or Syrian army atrocities... sometimes diverts attention",
         "found", "normalised", "The focus on Russian atrocities or Syrian army atrocities… sometimes diverts attention"),
    # Elisions.
    Case("elision over the Daily Mail's words", DAILY_MAIL, "The focus on Russian atrocities ... sometimes diverts attention",
         "found", "elided", "The focus on Russian atrocities or Syrian army atrocities… sometimes diverts attention", parts=('The focus on Russian atrocities', 'sometimes diverts attention')),
    Case("elision in a Hansard answer", COMMONS, "I met Russian Foreign Minister Lavrov in New York on 21 September ... and we obviously focused on Syria in those discussions.",
         "found", "elided", "I met Russian Foreign Minister Lavrov in New York on 21 September, which was two days after the bombing of the aid convoy, and we obviously focused on Syria in those discussions.", parts=('I met Russian Foreign Minister Lavrov in New York on 21 September', 'and we obviously focused on Syria in those discussions.')),
    Case("an outlet's shortened quote, elided", AIDE, "Both the US and British governments have been reluctant ... as a result of those campaigns.",
         "found", "elided", "Both the US and British governments have been reluctant to accept any independent assessment of what's taking place as a result of those campaigns.", parts=('Both the US and British governments have been reluctant', 'as a result of those campaigns.')),
    Case("parts too far apart", COMMONS, "Aleppo Bombings ... nothing is off the table",
         "not-found"),
    # Bracketed insertions.
    Case("bracket for a word", AIDE, "he has condemned [Russia's] intervention and the Russian bombing",
         "found", "bracketed", "he has condemned Russian intervention and the Russian bombing", parts=('he has condemned', 'intervention and the Russian bombing')),
    Case("bracket naming the speaker", AIDE, "[Jeremy Corbyn] has condemned Russian intervention and the Russian bombing",
         "found", "bracketed", "has condemned Russian intervention and the Russian bombing"),
    Case("bracketed capital", COMMONS, "[T]he UK has been in the lead in the UN Security Council",
         "found", "bracketed", "the UK has been in the lead in the UN Security Council", parts=('he UK has been in the lead in the UN Security Council',)),
    # Ambiguity and occurrence.
    Case("twice, verbatim", MIRROR, "This isn't just wrong, it's absolutely disgraceful.",
         "ambiguous", "exact", every=(("This isn't just wrong, it's absolutely disgraceful.", 1), ("This isn't just wrong, it's absolutely disgraceful.", 2))),
    Case("twice, the second with a capital", DEFENDS, "some of us have never supported Putin",
         "ambiguous", every=(('some of us have never supported Putin', 1), ('Some of us have never supported Putin', 1))),
    Case("occurrence picks the second", MIRROR, "This isn't just wrong, it's absolutely disgraceful.",
         "found", "exact", "This isn't just wrong, it's absolutely disgraceful.", nth=2, occurrence=2),
    Case("occurrence picks the first", DEFENDS, "some of us have never supported Putin",
         "found", "exact", "some of us have never supported Putin", occurrence=1),
    Case("occurrence out of range", MIRROR, "This isn't just wrong, it's absolutely disgraceful.",
         "no-such-occurrence", occurrence=3),
    Case("word cut short", DAILY_MAIL, "focus on Russia",
         "not-found"),
    Case("word cut at an apostrophe", DEFENDS, "He added Labour",
         "not-found"),
    Case("altered word", DAILY_MAIL, "JEREMY Corbyn faced calls to sack his closest adviser last night",
         "possible-misquote", suggestion="JEREMY Corbyn faced calls to sack his closest aide last night"),
    Case("altered word in Hansard", COMMONS, "the UK will play its full role in urging other countries to accept that that may be the only way to make Russia back down",
         "possible-misquote", suggestion="the UK will play its full role in urging other nations to accept that that may be the only way to make Russia back down?"),
    Case("another outlet's wording", AIDE, "Both the US and British authorities have been reluctant to accept any independent assessment",
         "possible-misquote", suggestion="Both the US and British governments have been reluctant to accept any independent assessment"),
]
# fmt: on


def nth_index(text: str, passage: str, nth: int) -> int:
    at = -1
    for _ in range(nth):
        at = text.index(passage, at + 1)
    return at


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_corpus_quote(case: Case) -> None:
    src = source(case.source)
    text = src.text
    result = anchor(case.quote, src, occurrence=case.occurrence)

    assert result.status == case.status
    assert result.found == (case.status == "found")
    assert result.ambiguous == (case.status == "ambiguous")
    for match in result.matches:
        # W3C selectors: the context is the original text around the match.
        assert match.prefix == text[max(0, match.start - CONTEXT) : match.start]
        assert match.suffix == text[match.end : match.end + CONTEXT]
        assert match.paragraph == paragraph_of(text, match.start)
        assert match.last_paragraph == paragraph_of(text, match.end - 1)

    if case.passage is not None:
        chosen = result.chosen
        assert chosen is not None
        start = nth_index(text, case.passage, case.nth)
        assert (chosen.kind, chosen.start, chosen.end) == (
            case.kind,
            start,
            start + len(case.passage),
        )
        if case.parts:
            spans = [(text.index(p, start), text.index(p, start) + len(p)) for p in case.parts]
            assert list(chosen.parts) == spans
        else:
            assert chosen.parts == ((chosen.start, chosen.end),)
    if case.every:
        expected = [nth_index(text, p, n) for p, n in case.every]
        assert [m.start for m in result.matches] == expected
        assert [m.end for m in result.matches] == [
            s + len(p) for s, (p, _) in zip(expected, case.every, strict=True)
        ]
        if case.kind:
            assert {m.kind for m in result.matches} == {case.kind}
    if case.status in ("found", "ambiguous", "no-such-occurrence"):
        assert result.closest is None
    if case.status == "not-found":
        assert (result.matches, result.closest) == ((), None)
    if case.suggestion is not None:
        closest = result.closest
        assert closest is not None
        start = text.index(case.suggestion)
        assert (closest.start, closest.end, closest.text) == (
            start,
            start + len(case.suggestion),
            case.suggestion,
        )
        assert closest.paragraph == paragraph_of(text, start)
        assert closest.similarity == round(
            fuzz.ratio(normalise(case.quote), normalise(case.suggestion)), 1
        )
        assert misquote_threshold(len(case.quote.split())) <= closest.similarity < 100


def test_there_are_enough_real_cases() -> None:
    assert len(CASES) >= 30
    assert {case.source for case in CASES} == {MIRROR, AIDE, DAILY_MAIL, DEFENDS, COMMONS}


def test_paragraph_numbers_are_pinpoints() -> None:
    # The Mirror's first lines are single-newline separated (URL, counters, headline):
    # each non-blank line is its own paragraph, and blank lines do not count.
    src = source(MIRROR)
    assert anchor("Obviously people are entitled", src).matches[0].paragraph == 16
    headline = anchor("Jeremy Corbyn's spokesperson hinted there should be protests", src)
    assert headline.matches[0].paragraph == 4
