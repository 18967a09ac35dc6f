"""User text shows literally wherever the template puts it, and never changes the structure."""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from claimledger.render.escape import (
    anchor_slug,
    markdown_code,
    markdown_inline,
    markdown_paragraphs,
    markdown_url,
    mermaid_label,
)
from tests.render.hostile import HOSTILE
from tests.render.structure import parser

# Text weighted towards what Markdown, HTML and Mermaid treat specially.
SPECIAL = "#>|*_`[]()<>&;:!~$\\-+=.\"'0123456789 \n\tabc"
texts = st.text(alphabet=st.sampled_from(SPECIAL), max_size=40) | st.text(max_size=40)


def literal(text: str) -> str:
    """What a reader should see: the text on one line, as parsers normalise it."""
    line = " ".join(re.split(r"\s+", text.strip()))
    return line.replace("\0", "\ufffd")


def inline_text(markdown: str) -> tuple[list[str], str]:
    """The block tokens of ``markdown`` and the text of its inline content."""
    tokens = parser().parse(markdown)
    blocks = [t.type for t in tokens if t.type != "inline"]
    children = [c for t in tokens if t.type == "inline" for c in t.children or []]
    assert all(c.type == "text" for c in children), [c.type for c in children]
    return blocks, "".join(c.content for c in children)


def with_hostile_examples(test: Any) -> Any:
    """``test`` run on every string of :data:`tests.render.hostile.HOSTILE` too."""
    for text in HOSTILE:
        test = example(text)(test)
    return test


@settings(max_examples=400)
@given(texts)
@with_hostile_examples
def test_inline_text_is_one_literal_paragraph(text: str) -> None:
    blocks, shown = inline_text(markdown_inline(text))
    if literal(text):
        assert blocks == ["paragraph_open", "paragraph_close"]
        assert shown == literal(text)
    else:
        assert blocks == []


@given(texts)
@example("Title #")
def test_inline_text_in_a_heading_is_the_heading(text: str) -> None:
    blocks, shown = inline_text(f"#### {markdown_inline(text)}\n")
    assert blocks == ["heading_open", "heading_close"]
    assert shown == literal(text)


@given(texts)
@example("a | b | c")
def test_inline_text_in_a_table_cell_stays_in_its_cell(text: str) -> None:
    table = f"| a | b |\n| --- | --- |\n| {markdown_inline(text)} | x |\n"
    tokens = parser().parse(table)
    cells = [t for t in tokens if t.type == "td_open"]
    assert len(cells) == 2
    inline = [t for t in tokens if t.type == "inline"]
    assert "".join(c.content for c in inline[-2].children or []) == literal(text)


# Each generated text is one paragraph: a blank line inside one would make two.
@given(st.lists(texts.map(lambda t: " ".join(t.splitlines())), min_size=1, max_size=3))
def test_paragraphs_in_a_blockquote_stay_in_it(paragraphs: list[str]) -> None:
    kept = [p for p in paragraphs if literal(p)]
    body = markdown_paragraphs("\n\n".join(kept), prefix="> ")
    tokens = parser().parse(f"> {body}\n\nAfter.\n")
    types = [t.type for t in tokens]
    assert types.count("blockquote_open") == 1
    assert types.count("paragraph_open") == len(kept) + 1  # the quote's, and "After."
    inline = [t.content for t in tokens if t.type == "inline"]
    assert inline[-1] == "After."


def test_paragraphs_keep_their_breaks() -> None:
    assert markdown_paragraphs("One\nline.\n\n\nTwo.", prefix="  ") == "One line.\n\n  Two."


MERMAID_ENTITIES = {
    "quot": '"',
    "35": "#",
    "amp": "&",
    "lt": "<",
    "gt": ">",
    "96": "`",
    "58": ":",
    "59": ";",
}


@given(texts)
def test_mermaid_labels_cannot_end_a_label_or_a_line(text: str) -> None:
    label = mermaid_label(text)
    outside_entities = re.sub(r"#\w+;", "", label)
    assert not set(outside_entities) & set('"\n<>`:;#&')
    decoded = re.sub(r"#(\w+);", lambda m: MERMAID_ENTITIES[m.group(1)], label)
    assert decoded == literal(text)


@pytest.mark.parametrize(
    ("url", "markdown"),
    [
        ("https://example.org/a?b=1&c=2", "<https://example.org/a?b=1&c=2>"),
        ("http://x.test/a b", "http://x.test/a b"),
        ("javascript:alert(1)", "javascript:alert(1)"),
        ("https://x.test/<b>", "https://x.test/\\<b>"),
    ],
)
def test_only_web_addresses_become_links(url: str, markdown: str) -> None:
    assert markdown_url(url) == markdown


@given(st.text(min_size=1, max_size=30))
def test_anchor_slugs_are_safe_fragments(identifier: str) -> None:
    slug = anchor_slug(identifier)
    assert re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*|[A-Za-z0-9._-]+", slug)
    assert slug == identifier or re.search(r"-[0-9a-f]{6}$", slug)


def test_distinct_unsafe_ids_get_distinct_slugs() -> None:
    assert anchor_slug("a b") != anchor_slug("a/b")


@given(texts)
@example("a`b")
@example("``")
def test_code_spans_show_the_text_literally(text: str) -> None:
    if not literal(text):
        return
    tokens = parser().parse(f"x {markdown_code(text)} y")
    spans = [
        c for t in tokens if t.type == "inline" for c in t.children or [] if c.type == "code_inline"
    ]
    assert len(spans) == 1
    # CommonMark strips one space from each side of a padded span.
    assert spans[0].content == literal(text)
