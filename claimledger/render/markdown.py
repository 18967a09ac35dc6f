"""Render a ledger as Markdown through a Jinja2 template.

The built-in template is ``claimledger/templates/ledger.md.j2``; a ledger can
name its own with ``template = "path/to/ledger.md.j2"`` in
``[tool.claimledger]``. A custom template may ``{% extends
"claimledger/ledger.md.j2" %}`` and override one of its blocks (``header``,
``claims``, ``sources``, ``speakers``, ``claim``).

Templates see one variable, ``ledger`` (a
:class:`~claimledger.render.views.LedgerView`), functions (``href(anchor)``,
``fragment(macro, name, *args)``: ``macro(*args)``, which the built-in templates'
rendering keeps between runs, see :mod:`.fragments`), and these filters for user
text: ``md`` (one line of Markdown), ``md_paragraphs(prefix)``, ``code`` (an
inline code span), ``md_url``,
``mermaid`` (a Mermaid label) and ``shorten(limit)``.

Templates run sandboxed: a template that came with a cloned ledger can read
the data it is given but cannot reach Python's internals or change anything.
Undefined variables are errors rather than silently empty text. Any error in a
template is a :class:`TemplateError` naming the template file and line.

>>> from pathlib import Path
>>> from claimledger.check import validate
>>> from claimledger.config import Config
>>> text = render_markdown(validate(Config.default(Path("tests/examples/clean"))).ledger)
>>> print(text.splitlines()[2])
# Claim ledger
>>> '<a id="us-is-an-intervening-power"></a>' in text
True
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import jinja2

from claimledger.findings import Finding
from claimledger.ledger import LedgerFiles
from claimledger.render.bounded import DEFAULT_LIMITS, TemplateLimits
from claimledger.render.context import GroupBy
from claimledger.render.environment import (
    BUILTIN_TEMPLATES,
    ConfinedLoader,
    TemplateError,
    bounded_render,
    is_sandboxed,
    jinja_environment,
    load_and_render,
    load_template,
    render_template,
    stream_template,
)
from claimledger.render.escape import (
    markdown_code,
    markdown_inline,
    markdown_paragraphs,
    markdown_run,
    markdown_title,
    markdown_url,
    mermaid_label,
    mermaid_wrap,
    truncate,
)
from claimledger.render.folder import GENERATED
from claimledger.render.fragments import FragmentCache, build_kept_view
from claimledger.render.pages import PagePlan, attribution_chain, markdown_file
from claimledger.render.views import LedgerView
from claimledger.resolved import ResolvedLedger

__all__ = [
    "BUILTIN_TEMPLATE",
    "GENERATED_MARK",
    "PAGES_TEMPLATES",
    "TemplateError",
    "is_rendered_ledger",
    "render_markdown",
    "render_pages",
    "stream_markdown",
]

#: What the built-in templates write at the top of every page, and how ``render``
#: recognises a file it may replace (one mark for the single page and the pages).
GENERATED_MARK = GENERATED


def is_rendered_ledger(head: str) -> bool:
    """Whether a file beginning with ``head`` was written by ``claimledger render``."""
    return GENERATED_MARK in head


#: The template used unless the configuration names another.
BUILTIN_TEMPLATE = BUILTIN_TEMPLATES / "ledger.md.j2"
#: The templates of the multi-page ledger, one per kind of page.
PAGES_TEMPLATES = BUILTIN_TEMPLATE.parent / "pages"


def _environment(template: Path) -> jinja2.Environment:
    builtin = jinja2.FileSystemLoader(BUILTIN_TEMPLATE.parent)
    loader = jinja2.ChoiceLoader(
        [
            ConfinedLoader(template.parent),
            # So that a custom template can extend or import the built-in one.
            jinja2.PrefixLoader({"claimledger": builtin}),
        ]
    )
    # A template that came with a cloned ledger is untrusted and runs sandboxed. The
    # built-in one is this package's own code; the sandbox's per-attribute checks
    # would cost it more than the rest of rendering.
    trusted = template.resolve().parent in (BUILTIN_TEMPLATE.parent, PAGES_TEMPLATES)
    # Markdown is not HTML: escaping is the filters' job, per context.
    env = jinja_environment(loader, trusted=trusted, autoescape=False)
    env.filters.update(
        code=markdown_code,
        md=markdown_inline,
        md_paragraphs=markdown_paragraphs,
        md_run=markdown_run,
        md_title=markdown_title,
        md_url=markdown_url,
        mermaid=mermaid_label,
        mermaid_wrap=mermaid_wrap,
        shorten=truncate,
    )
    return env


def _called(macro: Callable[..., Any], name: str, *args: object) -> str:
    """``fragment`` where nothing is kept: the macro called."""
    return str(macro(*args))


def _fragments(
    cache: FragmentCache | None, env: jinja2.Environment, view: LedgerView
) -> Callable[..., str]:
    """The templates' ``fragment``: kept in ``cache`` for the built-in templates only
    (a ledger's own, sandboxed, may shadow the macros it names)."""
    if cache is None or is_sandboxed(env):
        return _called
    return functools.partial(cache.fragment, view.edition)


def render_markdown(
    ledger: LedgerFiles | ResolvedLedger,
    *,
    group_by: GroupBy = "speaker",
    findings: Sequence[Finding] = (),
    template: Path | None = None,
    limits: TemplateLimits | None = DEFAULT_LIMITS,
    cache: FragmentCache | None = None,
) -> str:
    """The ledger as one Markdown page: the same ledger always gives the same text.

    ``template`` defaults to the configuration's, then the built-in one.
    ``findings``, given for a ``--force`` rendering, are shown in the output
    against the claims they concern. A template other than the built-in one runs
    within ``limits`` (see :mod:`.bounded`; ``None``: unbounded). Raises
    :class:`TemplateError`. ``cache`` keeps passages' places and the built-in template's
    fragments between runs (see :mod:`.fragments`); the text is the same with or without.
    """
    return "".join(
        stream_markdown(
            ledger,
            group_by=group_by,
            findings=findings,
            template=template,
            limits=limits,
            cache=cache,
        )
    )


def stream_markdown(
    ledger: LedgerFiles | ResolvedLedger,
    *,
    group_by: GroupBy = "speaker",
    findings: Sequence[Finding] = (),
    template: Path | None = None,
    limits: TemplateLimits | None = DEFAULT_LIMITS,
    cache: FragmentCache | None = None,
) -> Iterator[str]:
    """:func:`render_markdown`'s text in pieces, as the built-in template writes it (a
    ledger's own template, run apart within ``limits``, gives its text whole).

    The view is built and the template loaded before this returns; an error while
    writing (:class:`TemplateError`) is raised as the pieces are taken.
    """
    view = build_kept_view(ledger, cache, group_by=group_by, findings=findings)
    path = (template or ledger.config.template or BUILTIN_TEMPLATE).resolve()
    env = _environment(path)
    if cache is not None:
        cache.set_page(view, "single", cache.homes_digest(None))
    context: dict[str, object] = {
        "ledger": view,
        "fragment": _fragments(cache, env, view),
        "href": lambda anchor: f"#{anchor}",
        "published": lambda anchor: view.url and f"{view.url}#{anchor}",
        "attribution": lambda speaker: attribution_chain(view, speaker),
    }
    if not is_sandboxed(env):  # the built-in template: this package's own code
        return stream_template(load_template(env, path, path.name), path, **context)
    # Compiling runs template code too (Jinja folds constants: "x" * 10**10), so the
    # bounded work loads the template as well as rendering it.
    work = functools.partial(load_and_render, env, path, **context)
    text: str = work() if limits is None else bounded_render(work, limits, path)
    return iter((text,))


def render_pages(
    ledger: LedgerFiles | ResolvedLedger,
    *,
    group_by: GroupBy = "story",
    findings: Sequence[Finding] = (),
    cache: FragmentCache | None = None,
) -> dict[str, str]:
    """The ledger as linked Markdown pages, by file path (``/``-separated, relative to
    the ledger's folder): the same ledger always gives the same pages.

    See :mod:`claimledger.render.pages` for what the pages are; ``cache`` as for
    :func:`render_markdown`. Raises :class:`TemplateError`.
    """
    view = build_kept_view(ledger, cache, group_by=group_by, findings=findings)
    plan = PagePlan.build(view)
    env = _environment(PAGES_TEMPLATES / "index.md.j2")
    fragment = _fragments(cache, env, view)
    homes = "" if cache is None else cache.homes_digest(plan.homes)
    pages: dict[str, str] = {}
    for page in plan.pages:
        if cache is not None:
            cache.set_page(view, page.key, homes)
        path = PAGES_TEMPLATES / f"{page.kind}.md.j2"
        loaded = load_template(env, path, f"claimledger/pages/{path.name}")
        key = page.key
        pages[markdown_file(key)] = render_template(
            loaded,
            path,
            ledger=view,
            fragment=fragment,
            plan=plan,
            page=page,
            href=lambda anchor, key=key: plan.href(key, anchor, markdown_file),
            page_href=lambda target, key=key: plan.page_href(key, target, markdown_file),
            published=lambda anchor: plan.published(anchor, markdown_file),
            attribution=lambda speaker: attribution_chain(view, speaker),
        )
    return pages
