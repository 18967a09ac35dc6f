"""On a generated archive with planted appearances: every exact, retyped and elided
quote is found as the same words; no passage with a word changed is."""

from __future__ import annotations

from claimledger import load
from claimledger.trace import Options, patterns_for, trace
from tests.trace.conftest import Planted


def test_planted_quotes_are_all_found_and_changed_words_never_pass(planted: Planted) -> None:
    patterns = patterns_for(load(planted.ledger, cache=False))
    result = trace(patterns, [str(planted.archive)], scheduler="inprocess")
    scores = planted.evaluate(result.jsonl())
    for kind in ("exact", "retyped", "elided"):
        assert scores[kind]["planted"] > 20, kind
        assert scores[kind]["same words"] == scores[kind]["planted"], (kind, scores[kind])
    changed = scores["changed"]
    assert changed["planted"] > 20
    assert changed["same words"] == 0, changed
    # Most one-word changes are reported, as variants, with the word that differs.
    assert changed["variant"] >= 0.8 * changed["planted"], changed
    variants = [a for a in result.appearances if a.kind == "variant"]
    assert variants
    assert all(a.changes and a.quote for a in variants)
    assert scores["distractor"]["repeat"] == 0, scores["distractor"]
    assert scores["repeat precision"] >= 0.9, scores
    assert scores["repeat recall"] >= 0.5, scores


def test_quotes_only_finds_the_same_quotes_without_variants_or_repeats(planted: Planted) -> None:
    patterns = patterns_for(load(planted.ledger, cache=False))
    everything = trace(patterns, [str(planted.archive)], scheduler="inprocess")
    quotes = trace(
        patterns,
        [str(planted.archive)],
        scheduler="inprocess",
        options=Options(variants=False, repeats=False),
    )
    same = {"exact", "normalised", "elided", "bracketed"}
    assert {a for a in everything.appearances if a.kind in same} == set(quotes.appearances)
    assert {a.kind for a in quotes.appearances} <= same


def test_each_claim_has_its_earliest_dated_appearance(planted: Planted) -> None:
    patterns = patterns_for(load(planted.ledger, cache=False))
    result = trace(patterns, [str(planted.archive)], scheduler="inprocess")
    earliest = result.earliest()
    for claim, found in result.by_claim().items():
        dated = [a.published for a in found if a.published]
        assert earliest[claim].published == min(dated)
        assert earliest[claim] in found
