"""Render the ledger as a static web site through Jinja2 templates with autoescaping.

The site has the pages of the multi-page ledger (:mod:`claimledger.render.pages`)
plus one page per claim and per speaker: ``index.html``, ``stories/*.html``,
``claims/*.html``, ``sources/*.html``, ``speakers/*.html``, ``speakers.html``,
``verdicts.html``, one stylesheet, ``style.css``, and one small script,
``filter.js``, with which the index filters its claims as the reader types. No
page needs the script (the index lists every claim without it) nor anything from
the network: the site can be published as it is (GitHub Pages, any web server)
or read from the disk.

Every claim page with a verdict embeds its schema.org ClaimReview in a
``<script type="application/ld+json">``: exactly the element that ``claimledger
export --format claimreview`` writes for that claim, with its ``@context``
(:func:`claimledger.export.claimreview.embedded_reviews`, given as ``reviews``).

Escaping is Jinja2's autoescaping: every value a template prints is HTML-escaped.
The one exception is ``jsonld``'s output, printed with ``| safe`` inside the
script element: JSON with ``<``, ``>`` and ``&`` written as ``\\u`` escapes, so no
text can close the element. ``paragraphs`` splits text at blank lines, for a
template to print each paragraph in its own ``<p>``.

Diagrams are drawn when the site is built, as inline SVG
(:mod:`claimledger.render.svg`): ``flowchart_svg(key, title)`` draws a
:class:`~claimledger.render.pages.Diagram` (a group's sources and speakers, an
attribution chain) and ``timeline_svg(key, title)`` a
:class:`~claimledger.render.pages.Timeline`; ``key`` starts the drawing's ids.

The built-in templates are ``claimledger/templates/site/<kind>.html.j2`` (one per
kind of page: ``index``, ``group``, ``claim``, ``source``, ``speakers``,
``speaker``, ``verdicts``), all extending ``_base.html.j2``. ``templates=DIR``
puts DIR's files first: a file there named like a built-in one replaces it, and
may extend the built-in one as ``claimledger/<name>``. Templates from a folder
run sandboxed: a template that came with a cloned ledger can read the data it is
given but cannot reach Python's internals or change anything.

>>> from pathlib import Path
>>> from claimledger.check import validate
>>> from claimledger.config import discover
>>> from claimledger.export.claimreview import embedded_reviews
>>> ledger = validate(discover(Path("tests/render/ledger"))).ledger
>>> site = render_site(ledger, reviews=embedded_reviews(ledger))
>>> sorted(name for name in site if name.startswith("claims/"))[:2]
['claims/coalition-strikes-rarely-reported.html', 'claims/focus-on-russia-diverts-attention.html']
>>> '"@type": "ClaimReview"' in site["claims/focus-on-russia-diverts-attention.html"]
True
"""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import jinja2

from claimledger.findings import Finding
from claimledger.ledger import LedgerFiles
from claimledger.render.bounded import DEFAULT_LIMITS, TemplateLimits
from claimledger.render.context import GroupBy
from claimledger.render.environment import (
    BUILTIN_TEMPLATES,
    MAX_TEMPLATE_BYTES,
    ConfinedLoader,
    TemplateError,
    bounded_render,
    jinja_environment,
    load_template,
    render_template,
    shown_path,
)
from claimledger.render.escape import truncate
from claimledger.render.folder import CSS_GENERATED
from claimledger.render.fragments import FragmentCache, build_kept_view
from claimledger.render.pages import Page, PagePlan, attribution_chain, html_file
from claimledger.render.svg import flowchart, timeline
from claimledger.resolved import ResolvedLedger
from claimledger.safe_read import read_regular

__all__ = ["FILTER_SCRIPT", "SITE_TEMPLATES", "STYLESHEET", "render_site"]

#: The built-in templates of the site, its stylesheet and its script.
SITE_TEMPLATES = BUILTIN_TEMPLATES / "site"
#: The stylesheet's file in the site (and in :data:`SITE_TEMPLATES`).
STYLESHEET = "style.css"
#: The index's optional claim filter, in the site (and in :data:`SITE_TEMPLATES`).
FILTER_SCRIPT = "filter.js"

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
# A lone surrogate (from a YAML "\ud800" escape) cannot be written as UTF-8, and a
# NUL is an HTML parse error: both become U+FFFD, as browsers show them.
_UNWRITABLE = re.compile("[\0\ud800-\udfff]")
_JSON_IN_HTML = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def jsonld(data: Any) -> str:
    """``data`` as JSON that is safe inside a ``<script>`` element: no text can close it.
    Templates print it with ``| safe``.

    >>> print(jsonld({"a": "</script><b>&"}))
    {
      "a": "\\u003c/script\\u003e\\u003cb\\u003e\\u0026"
    }
    """
    return json.dumps(data, indent=2, ensure_ascii=False).translate(_JSON_IN_HTML)


def paragraphs(text: str) -> list[str]:
    """``text``'s paragraphs (a blank line apart), each on one line; templates print each
    in its own ``<p>``, autoescaped.

    >>> paragraphs("One <b>\\nline.\\n\\nTwo.")
    ['One <b> line.', 'Two.']
    """
    parts = [" ".join(p.split()) for p in _PARAGRAPH_BREAK.split(text.strip())]
    return [p for p in parts if p]


def web_address(url: str | None) -> str | None:
    """``url`` when it may be a link (http or https), else ``None``: a ``javascript:``
    or ``data:`` address from a hostile ledger is shown as text, never linked.

    >>> web_address("https://example.org/a"), web_address("javascript:alert(1)")
    ('https://example.org/a', None)
    """
    if url is None or not re.match(r"https?://[^\s]+$", url, re.IGNORECASE):
        return None
    return url


def _environment(templates: Path | None) -> jinja2.Environment:
    builtin = jinja2.FileSystemLoader(SITE_TEMPLATES)
    loaders: list[jinja2.BaseLoader] = [builtin, jinja2.PrefixLoader({"claimledger": builtin})]
    if templates is not None:
        # A ledger's own templates: regular files inside their folder, never through a link.
        loaders.insert(0, ConfinedLoader(templates))
    # Templates from a folder are untrusted (they may come with a cloned ledger) and run
    # sandboxed; the built-in ones are this package's own code.
    env = jinja_environment(
        jinja2.ChoiceLoader(loaders), trusted=templates is None, autoescape=True
    )
    env.filters.update(
        jsonld=jsonld,
        paragraphs=paragraphs,
        shorten=truncate,
        web_address=web_address,
        squash=lambda text: " ".join(str(text).split()),
        flowchart_svg=flowchart,
        timeline_svg=timeline,
    )
    return env


def _page(
    env: jinja2.Environment,
    templates: Path | None,
    reviews: Mapping[str, Mapping[str, Any]],
    plan: PagePlan,
    page: Page,
) -> str:
    name = f"{page.kind}.html.j2"
    shown = (templates / name) if templates and (templates / name).is_file() else None
    path = shown or SITE_TEMPLATES / name
    loaded = load_template(env, path, name)
    key = page.key
    view = plan.view
    text = render_template(
        loaded,
        path,
        ledger=view,
        plan=plan,
        page=page,
        # A claim that failed validation (a --force rendering) publishes no data.
        review=reviews.get(page.claim.id) if page.claim and not page.claim.problems else None,
        stylesheet=posixpath.relpath(STYLESHEET, posixpath.dirname(html_file(key)) or "."),
        asset=lambda name: posixpath.relpath(name, posixpath.dirname(html_file(key)) or "."),
        href=lambda anchor: plan.href(key, anchor, html_file),
        page_href=lambda target: plan.page_href(key, target, html_file),
        published=lambda anchor: plan.published(anchor, html_file),
        # The page's own web address, for sharing (Open Graph): only when configured.
        page_url=f"{view.url.rstrip('/')}/{html_file(key)}" if view.url else None,
        attribution=lambda speaker: attribution_chain(view, speaker),
    )
    return _UNWRITABLE.sub("\ufffd", text)


def render_site(
    ledger: LedgerFiles | ResolvedLedger,
    *,
    group_by: GroupBy = "story",
    findings: Sequence[Finding] = (),
    templates: Path | None = None,
    reviews: Mapping[str, Mapping[str, Any]] | None = None,
    limits: TemplateLimits | None = DEFAULT_LIMITS,
    cache: FragmentCache | None = None,
) -> dict[str, str]:
    """The ledger as a web site, by file path (``/``-separated, relative to the site's
    folder) → text: the same ledger always gives the same files.

    ``reviews`` is the structured data each claim page embeds, by claim id: the
    command line passes :func:`claimledger.export.claimreview.embedded_reviews`
    (presenters do not import each other, so the mapping is the export's, given).

    Templates from ``templates`` run within ``limits`` (``None``: unbounded). ``cache``
    keeps the passages' places between runs (:mod:`.fragments`). Raises
    :class:`~claimledger.render.environment.TemplateError`.
    """
    view = build_kept_view(ledger, cache, group_by=group_by, findings=findings)
    plan = PagePlan.build(view, item_pages=True)
    env = _environment(templates)
    given = reviews or {}

    def pages() -> dict[str, str]:
        return {html_file(p.key): _page(env, templates, given, plan, p) for p in plan.pages}

    if templates is None or limits is None:
        site = pages()  # the built-in templates: this package's own code
    else:
        site = bounded_render(pages, limits, templates)
    for asset in (STYLESHEET, FILTER_SCRIPT):
        site[asset] = _asset(templates, asset)
    return site


def _asset(templates: Path | None, name: str) -> str:
    """The stylesheet or the script: the templates folder's own, if it has one (a regular
    file inside it, as its templates are read), else the built-in one; marked as generated."""
    own = templates is not None and ((templates / name).is_symlink() or (templates / name).exists())
    folder = templates if templates is not None and own else SITE_TEMPLATES
    path = folder / name
    try:
        text = read_regular(path, folder.resolve(), limit=MAX_TEMPLATE_BYTES).decode("utf-8")
    except (OSError, RuntimeError, UnicodeDecodeError) as exc:
        raise TemplateError(shown_path(str(path)), None, f"cannot read: {exc}") from None
    # A comment both CSS and JavaScript read as one.
    return text if text.startswith(CSS_GENERATED) else f"{CSS_GENERATED} */\n{text}"
