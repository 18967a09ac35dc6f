"""Rendering with kept places, wordings and fragments gives, byte for byte, what a
rendering without them gives: cold, warm, and after any input they depend on changed."""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from claimledger.atomic import write_output
from claimledger.cache_index import CACHE_DIR
from claimledger.config import discover
from claimledger.render import environment, escape
from claimledger.render.context import build_view
from claimledger.render.fragments import FragmentCache
from claimledger.render.html import render_site
from claimledger.render.markdown import render_markdown, render_pages, stream_markdown
from claimledger.resolved import resolve
from claimledger.validated import validate_cached
from tests.conftest import run_cli
from tests.render.conftest import configure, validated

Outputs = tuple[str, dict[str, str], dict[str, str]]


def _render(root: Path, *, kept: bool) -> tuple[Outputs, list[FragmentCache]]:
    """The single page, the pages and the site, with the caches (saved) or without."""
    ledger = resolve(validated(root).ledger)
    caches = [FragmentCache(root, kind, enabled=kept) for kind in ("single", "pages", "site")]
    single, pages, site = caches
    outputs = (
        render_markdown(ledger, cache=single),
        render_pages(ledger, cache=pages),
        render_site(ledger, cache=site),
    )
    for cache in caches:
        cache.save()
    return outputs, caches


def _uncached(root: Path) -> Outputs:
    return _render(root, kept=False)[0]


def test_cold_and_warm_give_the_uncached_ledger_and_warm_reuses_every_fragment(
    fixture_root: Path,
) -> None:
    expected = _uncached(fixture_root)
    cold, cold_caches = _render(fixture_root, kept=True)
    warm, warm_caches = _render(fixture_root, kept=True)
    assert cold == expected
    assert warm == expected
    single, pages, _ = (cache.rendered for cache in cold_caches)
    assert single > 0
    assert pages > 0
    assert [cache.reused for cache in cold_caches] == [0, 0, 0]
    # Warm, every claim and source fragment of the Markdown is taken from the cache.
    assert [(c.reused, c.rendered) for c in warm_caches[:2]] == [(single, 0), (pages, 0)]
    assert (fixture_root / CACHE_DIR / "render-single.json").is_file()


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _claim_changed(root: Path) -> None:
    # A claim another file's claim relates to, and that sources list among their citers.
    _edit(root / "claims" / "debate.yaml", "no equivalence between", "no real equivalence between")


def _registry_changed(root: Path) -> None:
    _edit(root / "claims" / "speakers.yaml", "name: Sam Aide", "name: Samantha Aide")


def _source_metadata_changed(root: Path) -> None:
    _edit(root / "corpus" / "daily-example-2016-10-13.yaml", "Daily Example", "The Daily")


def _source_text_changed(root: Path) -> None:
    # A paragraph before every other: each passage's pinpoint moves by one.
    text = root / "corpus" / "weekly-example-2016-10-12.txt"
    meta = root / "corpus" / "weekly-example-2016-10-12.yaml"
    old = hashlib.sha256(text.read_bytes()).hexdigest()
    text.write_bytes(b"Editor's note: updated.\n\n" + text.read_bytes())
    _edit(meta, old, hashlib.sha256(text.read_bytes()).hexdigest())


def _configuration_changed(root: Path) -> None:
    configure(root, 'edition = "Second edition"', 'url = "https://ledger.example/"')


@pytest.mark.parametrize(
    "change",
    [
        _claim_changed,
        _registry_changed,
        _source_metadata_changed,
        _source_text_changed,
        _configuration_changed,
    ],
)
def test_after_a_change_the_warm_rendering_is_the_uncached_rendering_of_the_change(
    fixture_root: Path, change: Callable[[Path], None]
) -> None:
    before = _uncached(fixture_root)
    _render(fixture_root, kept=True)  # the caches hold the ledger before the change
    change(fixture_root)
    expected = _uncached(fixture_root)
    assert expected != before  # the change shows
    warm, _ = _render(fixture_root, kept=True)
    assert warm == expected


def test_one_changed_claim_leaves_the_other_claims_fragments_kept_under_a_new_edition(
    fixture_root: Path,
) -> None:
    _, (cold, *_) = _render(fixture_root, kept=True)
    edition = resolve(validated(fixture_root).ledger).edition
    _edit(fixture_root / "claims" / "debate.yaml", "bombing is the", "bombing is by far the")
    assert resolve(validated(fixture_root).ledger).edition != edition
    expected = _uncached(fixture_root)
    (single, *_), (warm, *_) = _render(fixture_root, kept=True)
    assert single == expected[0]
    assert 0 < warm.reused < cold.rendered  # the unchanged claims' and sources' fragments


def test_a_fragment_holding_the_edition_other_than_where_the_macro_writes_it_is_not_kept(
    fixture_root: Path,
) -> None:
    cache = FragmentCache(fixture_root, "single")
    assert cache.enabled
    view = build_view(validated(fixture_root).ledger)
    cache.set_page(view, "single", cache.homes_digest(None))
    calls: list[str] = []

    def macro(text: str) -> str:
        calls.append(text)
        return text

    edition = "0123456789ab"
    written = f"said {edition}, edition `{edition}`"  # user text holds the edition too
    assert cache.fragment(edition, macro, "claim_section", written) == written
    assert cache.fragment(edition, macro, "claim_section", written) == written
    assert len(calls) == 2  # never kept: a later edition would replace the user's words
    once = f"edition `{edition}`"
    assert cache.fragment(edition, macro, "claim_section", once) == once
    assert cache.fragment("ba9876543210", macro, "claim_section", once) == "edition `ba9876543210`"
    assert len(calls) == 3


def test_a_cache_not_signed_by_this_user_is_ignored(fixture_root: Path) -> None:
    expected = _uncached(fixture_root)
    _render(fixture_root, kept=True)
    index = fixture_root / CACHE_DIR / "render-single.json"
    mac, _, body = index.read_text(encoding="utf-8").partition("\n")
    content = json.loads(body)
    # Every kept fragment says something else, under the old (now wrong) signature.
    content["entries"] = {
        name: ["Forged."] * len(value) if isinstance(value, list) else value
        for name, value in content["entries"].items()
    }
    index.write_text(f"{mac}\n{json.dumps(content)}", encoding="utf-8")
    warm, (single, *_) = _render(fixture_root, kept=True)
    assert warm == expected
    assert single.reused == 0


def test_a_cache_folder_that_is_a_link_is_neither_read_nor_written(
    fixture_root: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (fixture_root / ".claimledger").mkdir()
    (fixture_root / CACHE_DIR).symlink_to(elsewhere, target_is_directory=True)
    expected = _uncached(fixture_root)
    assert _render(fixture_root, kept=True)[0] == expected
    warm, (single, *_) = _render(fixture_root, kept=True)
    assert warm == expected
    assert single.reused == 0
    assert list(elsewhere.iterdir()) == []


def test_a_ledgers_own_templates_are_rendered_every_time(fixture_root: Path) -> None:
    # A template folder may also shadow the built-in macros: the kept fragments, made by
    # the built-in ones, must not stand in for its own.
    own = fixture_root / "templates"
    (own / "claimledger").mkdir(parents=True)
    (own / "ledger.md.j2").write_text('{% extends "claimledger/ledger.md.j2" %}\n')
    builtin = Path(environment.BUILTIN_TEMPLATES / "macros.md.j2").read_text()
    (own / "claimledger" / "macros.md.j2").write_text(
        builtin.replace("- **Speaker:**", "- **Who:**")
    )
    ledger = resolve(validated(fixture_root).ledger)
    builtin_cache = FragmentCache(fixture_root, "single")
    plain = render_markdown(ledger, cache=builtin_cache)
    builtin_cache.save()
    expected = render_markdown(ledger, template=own / "ledger.md.j2")
    assert "- **Who:**" in expected
    for _ in range(2):
        cache = FragmentCache(fixture_root, "single")
        assert render_markdown(ledger, template=own / "ledger.md.j2", cache=cache) == expected
        assert (cache.reused, cache.rendered) == (0, 0)
        cache.save()
    assert render_markdown(ledger, cache=FragmentCache(fixture_root, "single")) == plain


def test_the_page_streamed_in_small_pieces_is_the_page(
    fixture_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ledger = resolve(validated(fixture_root).ledger)
    whole = render_markdown(ledger)
    monkeypatch.setattr(environment, "STREAM_CHUNK", 7)
    pieces = list(stream_markdown(ledger))
    assert len(pieces) > 100
    assert "".join(pieces) == whole
    assert whole.endswith("\n")
    assert not whole.endswith("\n\n")


def test_a_write_whose_pieces_fail_leaves_the_file_as_it_was(tmp_path: Path) -> None:
    target = tmp_path / "ledger.md"
    target.write_text("before\n")

    def pieces() -> Iterator[str]:
        yield "half a page"
        raise environment.TemplateError("t.j2", 1, "failed")

    with pytest.raises(environment.TemplateError):
        write_output(target, pieces(), force=True)
    assert target.read_text() == "before\n"
    assert [p.name for p in tmp_path.iterdir()] == ["ledger.md"]


def test_the_cli_writes_the_uncached_ledger_cold_warm_and_after_a_change(
    fixture_root: Path, tmp_path: Path
) -> None:
    for step in ("cold", "warm", "changed"):
        if step == "changed":
            _claim_changed(fixture_root)
        config = discover(fixture_root)
        ledger = resolve(validate_cached(config, jobs=2, cache=False).ledger)
        single, pages = tmp_path / f"{step}.md", tmp_path / f"{step}-pages"
        for argv in (("--single-page", "-o", str(single)), ("-o", str(pages))):
            done = run_cli("render", *argv, cwd=fixture_root)
            assert done.returncode == 0, done.stderr
        assert single.read_text(encoding="utf-8") == render_markdown(ledger)
        written = {
            p.relative_to(pages).as_posix(): p.read_text(encoding="utf-8")
            for p in pages.rglob("*.md")
        }
        assert written == render_pages(ledger)


_SPECIAL = [*"\\`*[]<|~$_&#>-+=.)1 \t\n\xa0\u2028\x00é“”—;", "  ", "&amp;", "1.", "# "]


def test_the_escaping_expressions_leave_plain_text_as_it_is() -> None:
    # What markdown_inline's shortcut for plain text (_PLAIN) relies on.
    rng = random.Random(19)
    plain = 0
    for _ in range(20_000):
        text = "".join(rng.choice(["word", "Wörd", *_SPECIAL]) for _ in range(rng.randint(0, 9)))
        if escape._PLAIN.fullmatch(text):
            plain += 1
            assert escape._escaped(text) == text, text
    assert plain > 1000


def test_the_shortcut_takes_words_and_single_spaces_only() -> None:
    assert escape._PLAIN.fullmatch("The aide said so")
    for text in ("two  spaces", " lead", "trail ", "a_b", "x & y", "tab\there", "nbsp\xa0"):
        assert not escape._PLAIN.fullmatch(text), text
