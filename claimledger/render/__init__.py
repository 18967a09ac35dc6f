"""The citable Markdown ledger: ``render_pages(ledger) -> {path: text}``, or one page,
``render_markdown(ledger) -> str``.

:mod:`.digest` defines the canonical form of a claim and the claim and edition
digests; :mod:`.context` turns a ledger into the templates' data
(:mod:`.views`); :mod:`.pages` plans the pages (presenter-neutral);
:mod:`.passages` marks the cited passages in the sources' texts; :mod:`.escape`
keeps user text from changing the Markdown's structure; :mod:`.environment` finds,
sandboxes and runs every presenter's Jinja2 templates; :mod:`.markdown` renders the
Markdown ledger and :mod:`.html` the web site, whose diagrams :mod:`.svg` draws
(:mod:`.layered` places them);
:mod:`.folder` writes the pages.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimledger.lazy import lazy_exports

if TYPE_CHECKING:
    from claimledger.digest import canonical_form, claim_digest, edition_digest
    from claimledger.render.context import build_view
    from claimledger.render.environment import TemplateError
    from claimledger.render.folder import FolderError, write_pages
    from claimledger.render.groupings import GROUPINGS, GroupBy
    from claimledger.render.markdown import (
        BUILTIN_TEMPLATE,
        GENERATED_MARK,
        is_rendered_ledger,
        render_markdown,
        render_pages,
    )
    from claimledger.render.pages import PagePlan

__all__ = [
    "BUILTIN_TEMPLATE",
    "GENERATED_MARK",
    "GROUPINGS",
    "FolderError",
    "GroupBy",
    "PagePlan",
    "TemplateError",
    "build_view",
    "canonical_form",
    "claim_digest",
    "edition_digest",
    "is_rendered_ledger",
    "render_markdown",
    "render_pages",
    "write_pages",
]

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "canonical_form": "claimledger.digest",
        "claim_digest": "claimledger.digest",
        "edition_digest": "claimledger.digest",
        "GROUPINGS": "claimledger.render.groupings",
        "GroupBy": "claimledger.render.groupings",
        "build_view": "claimledger.render.context",
        "BUILTIN_TEMPLATE": "claimledger.render.markdown",
        "TemplateError": "claimledger.render.environment",
        "render_markdown": "claimledger.render.markdown",
        "render_pages": "claimledger.render.markdown",
        "PagePlan": "claimledger.render.pages",
        "FolderError": "claimledger.render.folder",
        "write_pages": "claimledger.render.folder",
        "GENERATED_MARK": "claimledger.render.markdown",
        "is_rendered_ledger": "claimledger.render.markdown",
    },
)
