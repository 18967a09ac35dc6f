"""Full-text search: exact offsets, phrases, hostile input, passages and the on-disk cache."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimledger.query import Ledger, QueryError, load
from claimledger.query.search import WINDOW, passages
from tests.conftest import REPO, MakeLedger

REPORTS = (
    "corbyn-aide-focus-on-russia-2016-10-12",
    "dailymail-2016-10-13",
    "mirror-2016-10-12",
)


@pytest.fixture(scope="module")
def seed() -> Ledger:
    return load(REPO, cache=False)


def occurrences(text: str, phrase: str) -> set[tuple[int, int]]:
    found, at = set(), -1
    while (at := text.find(phrase, at + 1)) >= 0:
        found.add((at, at + len(phrase)))
    return found


@pytest.mark.parametrize("query", ['"diverts attention"', "diverts attention"])
def test_the_spokesmans_remark_is_found_in_every_report_at_exact_offsets(
    seed: Ledger, query: str
) -> None:
    hits = seed.search_corpus(query, limit=50)
    assert {hit.source.id for hit in hits} == set(REPORTS)
    for source in REPORTS:
        text = (REPO / "corpus" / f"{source}.txt").read_text(encoding="utf-8")
        first = text.index("diverts attention")
        expected = occurrences(text, "diverts attention")
        assert (first, first + len("diverts attention")) in expected
        found = {span for hit in hits if hit.source.id == source for span in hit.matches}
        assert found == expected
        for hit in (h for h in hits if h.source.id == source):
            assert text[hit.start : hit.end] == hit.text
            assert all(hit.start <= s < e <= hit.end for s, e in hit.matches)


def test_hits_carry_the_anchoring_paragraph_number(seed: Ledger) -> None:
    hit = seed.search_corpus('"Asked if the US was one of those intervening powers"')[0]
    text = seed.text(hit.source)
    assert text is not None
    assert hit.source.id == "mirror-2016-10-12"
    before = text[: hit.start]
    # Paragraphs are non-blank lines: count those that start before the hit's line.
    assert hit.paragraph == sum(1 for line in before.splitlines() if line.strip()) + 1


def test_phrases_keep_order_bare_words_do_not(seed: Ledger) -> None:
    assert seed.search_corpus('"sometimes diverts"')
    assert not seed.search_corpus('"diverts sometimes"')
    assert seed.search_corpus("diverts sometimes")
    assert seed.search_corpus("DIVERTS Attention") == seed.search_corpus("diverts attention")


def test_bare_words_rank_passages_holding_them_together_first(seed: Ledger) -> None:
    hits = seed.search_corpus("attention diverts", limit=50)
    together = [
        any((seed.text(h.source) or "")[s:e].lower() == "diverts attention" for s, e in h.matches)
        for h in hits
    ]
    assert together == sorted(together, reverse=True)


def test_prefix_queries(seed: Ledger) -> None:
    hits = seed.search_corpus("atrocit*", limit=100)
    words = {(seed.text(h.source) or "")[s:e].lower() for h in hits for s, e in h.matches}
    assert {"atrocities"} <= words
    assert all(word.startswith("atrocit") for word in words)


@pytest.mark.parametrize(
    "query",
    [
        '"unbalanced',
        "AND OR",
        "NOT",
        "NEAR(a b",
        "title:Russia",
        "^Russia",
        "(Russia",
        "a OR",
        '"" ""',
        "Russia*",
        "*",
        "-Russia",
        "'Russia'",
        "Russia's",
        "\x00Russia",
        "Russia; DROP TABLE passages",
    ],
)
def test_fts5_syntax_in_a_query_is_text(seed: Ledger, query: str) -> None:
    if any(char.isalnum() for char in query):
        assert isinstance(seed.search_corpus(query), tuple)
        assert isinstance(seed.search(query), tuple)
    else:
        with pytest.raises(QueryError, match="nothing to search for"):
            seed.search_corpus(query)


def test_a_query_without_words_is_a_clear_error(seed: Ledger) -> None:
    with pytest.raises(QueryError, match=r"nothing to search for in '\?! --'"):
        seed.search_corpus("?! --")


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("ab\"()*^:-+ 'NEAROTD{}“”\\")) | st.characters(), max_size=40
    )
)
def test_no_query_raises_anything_but_a_query_error(query: str) -> None:
    ledger = _clean()
    try:
        ledger.search_corpus(query)
        ledger.search(query)
    except QueryError:
        pass


_CLEAN: list[Ledger] = []


def _clean() -> Ledger:
    if not _CLEAN:
        _CLEAN.append(load("tests/examples/clean", cache=False))
    return _CLEAN[0]


def test_claim_hits_group_the_matching_statement_and_quotes(seed: Ledger) -> None:
    hits = seed.search('"diverts attention"')
    best = hits[0]
    assert best.claim.id == "spokesman-focus-on-russia-diverts-attention"
    fields = {(m.field, m.index) for m in best.matches}
    assert ("statement", None) in fields
    for match in best.matches:
        expected = (
            best.claim.statement if match.index is None else best.claim.quotes[match.index].text
        )
        assert match.text == expected
        assert {match.text[s:e].lower() for s, e in match.spans} == {"diverts attention"}
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_limit(seed: Ledger) -> None:
    assert len(seed.search_corpus("Russia", limit=3)) == 3
    assert len(seed.search("Russia", limit=2)) == 2
    with pytest.raises(QueryError, match="at least one hit"):
        seed.search_corpus("Russia", limit=-1)


def test_long_paragraphs_are_cut_into_sentence_windows() -> None:
    sentence = "The spokesman said the focus diverts attention from other atrocities. "
    text = "Title\n\n" + sentence * 60 + "\n" + "x" * (WINDOW * 2 + 5)
    spans = list(passages(text))
    assert text[slice(*spans[0])] == "Title"
    assert all(e - s <= WINDOW for s, e in spans)
    long_line = [text[s:e] for s, e in spans[1:-3]]
    assert all(w.startswith("The spokesman") and w.endswith("atrocities.") for w in long_line)
    assert "".join(text[s:e] for s, e in spans[-3:]) == "x" * (WINDOW * 2 + 5)


def test_the_index_is_cached_under_dot_claimledger_and_follows_the_corpus(
    make_ledger: MakeLedger,
) -> None:
    root = make_ledger()
    load(root).search_corpus("interventions")
    cache = root / ".claimledger"
    first = sorted(p.name for p in cache.glob("search-corpus-*.sqlite3"))
    assert len(first) == 1
    assert (cache / ".gitignore").read_text().endswith("*\n")
    built = (cache / first[0]).stat().st_mtime_ns
    assert load(root).search_corpus("interventions")  # reused, not rebuilt
    assert (cache / first[0]).stat().st_mtime_ns == built

    text = root / "corpus" / "briefing-report.txt"
    text.write_text(
        text.read_text(encoding="utf-8") + "\nA new paragraph on embassies.\n", encoding="utf-8"
    )
    hits = load(root, strict=False).search_corpus("embassies")
    assert [h.paragraph for h in hits] == [3]
    second = sorted(p.name for p in cache.glob("search-corpus-*.sqlite3"))
    assert len(second) == 1
    assert second != first


def test_an_index_planted_in_the_repository_is_never_opened(
    make_ledger: MakeLedger, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    root = make_ledger()
    truth = load(root).search_corpus("interventions")[0].text
    [index] = (root / ".claimledger").glob("search-corpus-*.sqlite3")
    with sqlite3.connect(index) as db:
        db.execute("UPDATE passages SET text = 'Forged interventions' WHERE rowid = 2")
    # This user's secret names the file, so the edit shows (the test forges for real) ...
    assert load(root).search_corpus("interventions")[0].text == "Forged interventions"
    # ... but a file made under another secret, as one committed to a repository is,
    # is not opened: it is not where this user's index would be.
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "another-user"))
    assert load(root).search_corpus("interventions")[0].text == truth


def test_without_a_secret_nothing_is_cached(
    make_ledger: MakeLedger, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    root = make_ledger()
    (tmp_path / "not-a-folder").write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "not-a-folder"))
    assert load(root).search_corpus("interventions")
    assert not (root / ".claimledger").exists()


def test_an_unusable_cache_falls_back_to_memory(make_ledger: MakeLedger) -> None:
    root = make_ledger()
    (root / ".claimledger").write_text("not a folder")
    assert load(root).search_corpus("interventions")
    assert (root / ".claimledger").read_text() == "not a folder"


def test_a_corrupt_cache_file_is_rebuilt(make_ledger: MakeLedger) -> None:
    root = make_ledger()
    load(root).search("intervening")
    [cached] = (root / ".claimledger").glob("search-claims-*.sqlite3")
    cached.write_bytes(b"garbage" * 100)
    assert load(root).search("intervening")
    with sqlite3.connect(cached) as db:
        assert (
            db.execute("SELECT count(*) FROM texts").fetchone()[0] == 4
        )  # two statements, two quotes


def test_searching_writes_nothing_but_the_cache(make_ledger: MakeLedger) -> None:
    root = make_ledger()

    def files() -> dict[Path, bytes]:
        return {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}

    before = files()
    ledger = load(root)
    ledger.search("intervening")
    ledger.search_corpus("intervening")
    ledger.claims.where(topic="syria")
    after = files()
    added = set(after) - set(before)
    assert {p for p in before if after.get(p) != before[p]} == set()
    assert added
    assert all(p.relative_to(root).parts[0] == ".claimledger" for p in added)
    before = files()
    load(root, cache=False).search_corpus("Syrian")
    assert files() == before
