"""Read a rendered ledger back with a CommonMark parser, as GitHub would, and list what is broken.

Shared by the structural tests of the fixture and of the shipped ledger.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import attrs
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.anchors import anchors_plugin
from mdit_py_plugins.footnote import footnote_plugin

_EXPLICIT_ID = re.compile(r'<a id="([^"]+)"></a>')


def parser() -> MarkdownIt:
    return (
        MarkdownIt("commonmark")
        .use(footnote_plugin)
        .use(anchors_plugin, max_level=6)
        .enable("table")
    )


def _walk(tokens: list[Token]) -> list[Token]:
    flat: list[Token] = []
    for token in tokens:
        flat.append(token)
        flat.extend(_walk(token.children or []))
    return flat


@attrs.frozen
class Structure:
    """What a reader's Markdown parser finds in a rendered ledger."""

    tokens: tuple[Token, ...]
    #: ``<a id>`` anchors, with repeats.
    explicit_ids: tuple[str, ...]
    heading_ids: frozenset[str]
    internal_links: tuple[str, ...]
    footnote_refs: tuple[str, ...]
    footnote_defs: frozenset[str]
    fences: tuple[Token, ...]

    @classmethod
    def of(cls, text: str) -> Structure:
        env: dict[str, Any] = {}
        tokens = _walk(parser().parse(text, env))
        html = "".join(t.content for t in tokens if t.type in ("html_inline", "html_block"))
        refs = env.get("footnotes", {}).get("refs", {})
        return cls(
            tokens=tuple(tokens),
            explicit_ids=tuple(_EXPLICIT_ID.findall(html)),
            heading_ids=frozenset(
                str(t.attrs["id"]) for t in tokens if t.type == "heading_open" and "id" in t.attrs
            ),
            internal_links=tuple(
                str(t.attrs["href"])[1:]
                for t in tokens
                if t.type == "link_open" and str(t.attrs["href"]).startswith("#")
            ),
            footnote_refs=tuple(t.meta["label"] for t in tokens if t.type == "footnote_ref"),
            footnote_defs=frozenset(label.removeprefix(":") for label in refs),
            fences=tuple(t for t in tokens if t.type == "fence"),
        )

    @property
    def anchors(self) -> frozenset[str]:
        return frozenset(self.explicit_ids) | self.heading_ids

    def problems(self) -> list[str]:
        """Everything a reader on GitHub would find broken."""
        found = []
        repeated = [i for i, n in Counter(self.explicit_ids).items() if n > 1]
        found += [f"anchor {i!r} defined more than once" for i in repeated]
        found += [
            f"link to missing anchor #{x}" for x in self.internal_links if x not in self.anchors
        ]
        found += [
            f"footnote [^{r}] has no definition"
            for r in self.footnote_refs
            if r not in self.footnote_defs
        ]
        found += [
            f"footnote {d!r} is never referenced"
            for d in self.footnote_defs - set(self.footnote_refs)
        ]
        found += [
            f"a fenced block is {f.info!r}, not mermaid" for f in self.fences if f.info != "mermaid"
        ]
        found += [
            f"Mermaid block at line {f.map[0] + 1 if f.map else '?'} is neither a flowchart nor a timeline"
            for f in self.fences
            if not f.content.startswith(("flowchart LR\n", "timeline\n"))
        ]
        # A diagram's text outside a fence would mean a fence was broken open.
        found += [
            f"diagram text outside a fence: {t.content[:40]!r}"
            for t in self.tokens
            if t.type == "inline"
            and re.match(r"(flowchart |timeline$|title Claims by )", t.content)
        ]
        return found

    def count(self, token_type: str, tag: str | None = None) -> int:
        return sum(1 for t in self.tokens if t.type == token_type and (tag is None or t.tag == tag))
