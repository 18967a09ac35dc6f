"""Render a ledger as Markdown through a Jinja2 template.

The built-in template is ``claimledger/templates/ledger.md.j2``; a ledger can
name its own with ``template = "path/to/ledger.md.j2"`` in
``[tool.claimledger]``. A custom template may ``{% extends
"claimledger/ledger.md.j2" %}`` and override one of its blocks (``header``,
``claims``, ``sources``, ``speakers``, ``claim``).

Templates see one variable, ``ledger`` (a
:class:`~claimledger.render.views.LedgerView`), and these filters for user
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
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

import jinja2
from jinja2.loaders import split_template_path
from jinja2.sandbox import ImmutableSandboxedEnvironment

from claimledger.errors import ClaimledgerError
from claimledger.findings import Finding, printable
from claimledger.ledger import LedgerFiles
from claimledger.render.bounded import DEFAULT_LIMITS, LimitExceeded, TemplateLimits, run_bounded
from claimledger.render.context import GroupBy, build_view
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
from claimledger.render.pages import PagePlan, attribution_chain, markdown_file
from claimledger.resolved import ResolvedLedger
from claimledger.safe_read import read_regular

__all__ = [
    "BUILTIN_TEMPLATE",
    "GENERATED_MARK",
    "PAGES_TEMPLATES",
    "TemplateError",
    "is_rendered_ledger",
    "render_markdown",
    "render_pages",
]

#: What the built-in templates write at the top of every page, and how ``render``
#: recognises a file it may replace (one mark for the single page and the pages).
GENERATED_MARK = GENERATED


def is_rendered_ledger(head: str) -> bool:
    """Whether a file beginning with ``head`` was written by ``claimledger render``."""
    return GENERATED_MARK in head


#: The template used unless the configuration names another.
BUILTIN_TEMPLATE = Path(__file__).resolve().parent.parent / "templates" / "ledger.md.j2"
#: The templates of the multi-page ledger, one per kind of page.
PAGES_TEMPLATES = BUILTIN_TEMPLATE.parent / "pages"


class TemplateError(ClaimledgerError):
    """A template that cannot be loaded, parsed or rendered, and where.

    >>> str(TemplateError("ledger.md.j2", 12, "unexpected '}'"))
    "ledger.md.j2:12: unexpected '}'"
    """

    def __init__(self, path: str, line: int | None, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}" if line else f"{path}: {message}")
        self.path = path
        self.line = line
        self.message = message


#: The largest template file read.
MAX_TEMPLATE_BYTES = 1024 * 1024


class _ConfinedLoader(jinja2.BaseLoader):
    """Templates from one folder: regular files inside it, never through a link that leaves
    it (``{% include "x" %}`` with x a link to ``~/.ssh/id_rsa`` must not embed that file)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder.resolve()

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        pieces = split_template_path(template)
        if any(piece.startswith(".") for piece in pieces):  # .git/config holds credentials
            raise jinja2.TemplateNotFound(template, f"{template!r}: hidden files are not read")
        path = self.folder.joinpath(*pieces)
        try:
            data = read_regular(path, self.folder, limit=MAX_TEMPLATE_BYTES)
        except FileNotFoundError:
            raise jinja2.TemplateNotFound(template) from None
        except (OSError, RuntimeError) as exc:
            raise jinja2.TemplateNotFound(template, f"{template!r} is not read: {exc}") from None
        return data.decode("utf-8"), str(path), lambda: False


def _jinja(loader: jinja2.BaseLoader, *, trusted: bool, autoescape: bool) -> jinja2.Environment:
    """A Jinja2 environment as every presenter's templates run: sandboxed unless
    ``trusted``, undefined names an error, block tags taking no lines of their own."""
    kind = jinja2.Environment if trusted else ImmutableSandboxedEnvironment
    return kind(
        loader=loader,
        autoescape=autoescape,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _environment(template: Path) -> jinja2.Environment:
    builtin = jinja2.FileSystemLoader(BUILTIN_TEMPLATE.parent)
    loader = jinja2.ChoiceLoader(
        [
            _ConfinedLoader(template.parent),
            # So that a custom template can extend or import the built-in one.
            jinja2.PrefixLoader({"claimledger": builtin}),
        ]
    )
    # A template that came with a cloned ledger is untrusted and runs sandboxed. The
    # built-in one is this package's own code; the sandbox's per-attribute checks
    # would cost it more than the rest of rendering.
    trusted = template.resolve().parent in (BUILTIN_TEMPLATE.parent, PAGES_TEMPLATES)
    # Markdown is not HTML: escaping is the filters' job, per context.
    env = _jinja(loader, trusted=trusted, autoescape=False)
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


def _template_frame(tb: TracebackType | None) -> tuple[str, int] | None:
    """The innermost template line in a traceback Jinja has rewritten."""
    found = None
    while tb is not None:
        # Jinja's rewritten frames are the ones that re-raise its exception.
        if "__jinja_exception__" in tb.tb_frame.f_globals:
            found = (tb.tb_frame.f_code.co_filename, tb.tb_lineno)
        tb = tb.tb_next
    return found


def _shown(path: str) -> str:
    # Relative to the working directory, as editors and terminals link them.
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive, on Windows
        return path
    return path if relative.startswith("..") else relative


def _load(env: jinja2.Environment, path: Path, name: str) -> jinja2.Template:
    try:
        return env.get_template(name)
    except jinja2.TemplateNotFound:
        raise TemplateError(_shown(str(path)), None, "template not found") from None
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(
            _shown(exc.filename or str(path)), exc.lineno, exc.message or ""
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise TemplateError(_shown(str(path)), None, f"cannot read: {exc}") from None


def _render(loaded: jinja2.Template, path: Path, **context: object) -> str:
    try:
        text = loaded.render(**context)
    except jinja2.TemplateSyntaxError as exc:  # in a template included while rendering
        raise TemplateError(
            _shown(exc.filename or str(path)), exc.lineno, exc.message or ""
        ) from None
    except MemoryError:
        raise  # the bound's to report, not the template line's
    except Exception as exc:
        where = _template_frame(exc.__traceback__)
        if where is None:
            raise
        message = (
            f"{type(exc).__name__}: {exc}"
            if not isinstance(exc, jinja2.TemplateError)
            else str(exc)
        )
        raise TemplateError(_shown(where[0]), where[1], message) from None
    # One final newline, however the template ends its last block. A control or bidi
    # character in the data (a --force rendering of a ledger CL018 refuses) is published
    # as a visible symbol, never as a terminal command or reordered text.
    return printable(text.rstrip("\n")) + "\n"


def _encode(exc: BaseException) -> object:
    if isinstance(exc, TemplateError):
        return [exc.path, exc.line, exc.message]
    return [None, None, f"{type(exc).__name__}: {exc}"]


def _decode(data: Any) -> Exception:
    path, line, message = data
    return TemplateError(str(path or "template"), line, str(message))


def _load_and_render(env: jinja2.Environment, path: Path, **context: object) -> str:
    return _render(_load(env, path, path.name), path, **context)


def render_markdown(
    ledger: LedgerFiles | ResolvedLedger,
    *,
    group_by: GroupBy = "speaker",
    findings: Sequence[Finding] = (),
    template: Path | None = None,
    limits: TemplateLimits | None = DEFAULT_LIMITS,
) -> str:
    """The ledger as one Markdown page: the same ledger always gives the same text.

    ``template`` defaults to the configuration's, then the built-in one.
    ``findings``, given for a ``--force`` rendering, are shown in the output
    against the claims they concern. A template other than the built-in one runs
    within ``limits`` (see :mod:`.bounded`; ``None``: unbounded). Raises
    :class:`TemplateError`.
    """
    view = build_view(ledger, group_by=group_by, findings=findings)
    path = (template or ledger.config.template or BUILTIN_TEMPLATE).resolve()
    env = _environment(path)
    # Compiling runs template code too (Jinja folds constants: "x" * 10**10), so the
    # bounded work loads the template as well as rendering it.
    work = functools.partial(
        _load_and_render,
        env,
        path,
        ledger=view,
        href=lambda anchor: f"#{anchor}",
        published=lambda anchor: view.url and f"{view.url}#{anchor}",
        attribution=lambda speaker: attribution_chain(view, speaker),
    )
    if not isinstance(env, ImmutableSandboxedEnvironment) or limits is None:
        return work()  # the built-in template: this package's own code
    text: str = _bounded_render(work, limits, path)
    return text


def _bounded_render(work: Callable[[], Any], limits: TemplateLimits, path: Path) -> Any:
    """``work()``, which renders an untrusted template (or a site of them) found at
    ``path``, within ``limits``; running out of either is a :class:`TemplateError`."""
    try:
        return run_bounded(work, limits, _encode, _decode)
    except LimitExceeded as exc:
        raise TemplateError(_shown(str(path)), None, str(exc)) from None


def render_pages(
    ledger: LedgerFiles | ResolvedLedger,
    *,
    group_by: GroupBy = "story",
    findings: Sequence[Finding] = (),
) -> dict[str, str]:
    """The ledger as linked Markdown pages, by file path (``/``-separated, relative to
    the ledger's folder): the same ledger always gives the same pages.

    See :mod:`claimledger.render.pages` for what the pages are. Raises :class:`TemplateError`.
    """
    view = build_view(ledger, group_by=group_by, findings=findings)
    plan = PagePlan.build(view)
    env = _environment(PAGES_TEMPLATES / "index.md.j2")
    pages: dict[str, str] = {}
    for page in plan.pages:
        path = PAGES_TEMPLATES / f"{page.kind}.md.j2"
        loaded = _load(env, path, f"claimledger/pages/{path.name}")
        key = page.key
        pages[markdown_file(key)] = _render(
            loaded,
            path,
            ledger=view,
            plan=plan,
            page=page,
            href=lambda anchor, key=key: plan.href(key, anchor, markdown_file),
            page_href=lambda target, key=key: plan.page_href(key, target, markdown_file),
            published=lambda anchor: plan.published(anchor, markdown_file),
            attribution=lambda speaker: attribution_chain(view, speaker),
        )
    return pages
