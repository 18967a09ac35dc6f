"""The citable Markdown ledger: ``render_markdown(ledger) -> str``.

:mod:`.digest` defines the canonical form of a claim and the claim and edition
digests; :mod:`.context` turns a ledger into the template's data
(:mod:`.views`); :mod:`.escape` keeps user text from changing the Markdown's
structure; :mod:`.markdown` runs the Jinja2 template.
"""

from claimledger.render.context import GROUPINGS, GroupBy, build_view
from claimledger.render.digest import canonical_form, claim_digest, edition_digest
from claimledger.render.markdown import (
    BUILTIN_TEMPLATE,
    GENERATED_MARK,
    TemplateError,
    is_rendered_ledger,
    render_markdown,
)

__all__ = [
    "BUILTIN_TEMPLATE",
    "GENERATED_MARK",
    "GROUPINGS",
    "GroupBy",
    "TemplateError",
    "build_view",
    "canonical_form",
    "claim_digest",
    "edition_digest",
    "is_rendered_ledger",
    "render_markdown",
]
