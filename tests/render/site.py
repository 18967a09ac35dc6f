"""Read a multi-page ledger back as GitHub would (markdown-it-py) and list what is broken across pages.

Each page is read with :class:`~tests.render.structure.Structure`; on top of its
own checks, every relative link must name a page of the ledger and an anchor
that page has, and no Mermaid label may be cut short.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import unquote

import attrs

from tests.render.structure import Structure

#: A quoted Mermaid label (node text, subgraph title) or a timeline entry.
_MERMAID_LABEL = re.compile(r'\["([^"]*)"\]|\("([^"]*)"\)|(?:^|\s): ([^:\n]+)$', re.M)


def mermaid_labels(fence: str) -> list[str]:
    """Every label of a Mermaid diagram, as written (entity codes and <br> included)."""
    return [next(g for g in m.groups() if g is not None) for m in _MERMAID_LABEL.finditer(fence)]


@attrs.frozen
class Site:
    pages: Mapping[str, Structure]
    texts: Mapping[str, str]

    @classmethod
    def of(cls, texts: Mapping[str, str]) -> Site:
        return cls({name: Structure.of(text) for name, text in texts.items()}, dict(texts))

    @classmethod
    def read(cls, folder: Path) -> Site:
        return cls.of(
            {
                path.relative_to(folder).as_posix(): path.read_text(encoding="utf-8")
                for path in sorted(folder.rglob("*.md"))
            }
        )

    def links(self, page: str) -> list[str]:
        """Every link target of a page, as written."""
        return [str(t.attrs["href"]) for t in self.pages[page].tokens if t.type == "link_open"]

    def resolve(self, page: str, href: str) -> tuple[str, str | None] | None:
        """The page and anchor a relative link names; ``None`` for a web address."""
        if re.match(r"[a-z][a-z0-9+.-]*:", href):
            return None
        path, _, fragment = href.partition("#")
        target = (
            page if not path else posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
        )
        return target, unquote(fragment) if fragment else None

    def problems(self) -> list[str]:
        """Everything a reader on GitHub would find broken, page by page."""
        found = []
        for name, structure in self.pages.items():
            # Links to other pages are checked below; Structure checks the page's own.
            own = [p for p in structure.problems() if not p.startswith("link to missing anchor")]
            found += [f"{name}: {p}" for p in own]
            for href in self.links(name):
                resolved = self.resolve(name, href)
                if resolved is None:
                    continue
                target, anchor = resolved
                if target not in self.pages:
                    found.append(f"{name}: link to a missing page {href}")
                elif anchor is not None and anchor not in self.pages[target].anchors:
                    found.append(f"{name}: link to a missing anchor {href}")
            for fence in structure.fences:
                found += [
                    f"{name}: Mermaid label cut short: {label!r}"
                    for label in mermaid_labels(fence.content)
                    if label.rstrip().endswith(("…", "..."))
                ]
        return found
