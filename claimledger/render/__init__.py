"""The citable Markdown ledger: ``render_markdown(ledger) -> str``.

:mod:`.digest` defines the canonical form of a claim and the claim and edition
digests; :mod:`.context` turns a ledger into the template's data
(:mod:`.views`); :mod:`.escape` keeps user text from changing the Markdown's
structure; :mod:`.markdown` runs the Jinja2 template.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimledger.lazy import lazy_exports

if TYPE_CHECKING:
    from claimledger.digest import canonical_form, claim_digest, edition_digest
    from claimledger.render.context import build_view
    from claimledger.render.groupings import GROUPINGS, GroupBy
    from claimledger.render.markdown import BUILTIN_TEMPLATE, TemplateError, render_markdown

__all__ = [
    "BUILTIN_TEMPLATE",
    "GROUPINGS",
    "GroupBy",
    "TemplateError",
    "build_view",
    "canonical_form",
    "claim_digest",
    "edition_digest",
    "render_markdown",
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
        "TemplateError": "claimledger.render.markdown",
        "render_markdown": "claimledger.render.markdown",
    },
)
