"""A document parsed without every position (as validation parses claim files) gives
the same values, the same errors and, whenever asked, the same positions."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimledger.parse import Document, YamlError, YamlPath, parse_yaml

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted(
    path
    for folder in (ROOT / "claims", ROOT / "corpus", ROOT / "tests" / "examples")
    for path in folder.rglob("*.yaml")
    if path.is_file() and not path.is_symlink()
)


def outcome(text: str, every_position: bool) -> Document | str:
    try:
        return parse_yaml(text, "f.yaml", every_position=every_position)
    except (YamlError, RecursionError) as exc:
        return str(exc)


def probes(whole: Document) -> list[YamlPath]:
    """Every located path, and paths that are not there (a missing field, index, key)."""
    paths = [*whole.values, *whole.keys]
    return paths + [(*path, extra) for path in paths[:50] for extra in ("nope", 99)]


def assert_same(text: str) -> None:
    whole, partial = outcome(text, True), outcome(text, False)
    if isinstance(whole, str) or isinstance(partial, str):
        assert whole == partial
        return
    assert partial.data == whole.data
    for number, path in enumerate(probes(whole)):
        for key in (False, True):
            if number % 200 == 0:  # asked first, before anything completed the tables
                fresh = parse_yaml(text, "f.yaml", every_position=False)
                assert fresh.locate(path, key=key) == whole.locate(path, key=key)
            assert partial.locate(path, key=key) == whole.locate(path, key=key)
    assert partial.values == whole.values
    assert partial.keys == whole.keys


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_ledger_s_files(path: Path) -> None:
    assert_same(path.read_text(encoding="utf-8"))


SCALARS = st.sampled_from(["a", "1", "no", "~", "'x'", "[]", "{}", "!!int x", "&a 1", "*a"])
KEYS = st.sampled_from(["claims", "id", "related", "quotes", "text", "speakers", "id", "x"])


@st.composite
def documents(draw: st.DrawFn, depth: int = 0) -> str:
    """Block YAML of mappings and lists up to five levels deep, with duplicate keys,
    tags, aliases and bad values now and then."""
    if depth >= 5 or draw(st.integers(0, 3)) == 0:
        return str(draw(SCALARS))
    indent = "  " * (depth + 1)
    if draw(st.booleans()):
        items = draw(st.lists(documents(depth + 1), min_size=1, max_size=3))
        return "".join(f"\n{indent[:-2]}- {item.lstrip()}" for item in items)
    keys = draw(st.lists(KEYS, min_size=1, max_size=4))
    values = [draw(documents(depth + 1)) for _ in keys]
    return "".join(f"\n{indent[:-2]}{k}: {v}" for k, v in zip(keys, values, strict=True))


@settings(max_examples=150, deadline=None)
@given(documents())
def test_generated_documents(text: str) -> None:
    assert_same(text.lstrip("\n") + "\n")
