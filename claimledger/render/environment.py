"""How every presenter's Jinja2 templates are found, compiled and run.

The Markdown ledger (:mod:`claimledger.render.markdown`) and the web site
(:mod:`claimledger.render.html`) share this: a template folder read through
:class:`ConfinedLoader` (regular files inside the folder, never through a link
that leaves it, never a hidden file), an environment made by
:func:`jinja_environment` (sandboxed unless the templates are this package's own,
undefined names an error), and :func:`load_template` / :func:`render_template`,
which turn every failure of a template into a :class:`TemplateError` naming the
template file and line.

>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> _ = (folder / "page.j2").write_text("Hello {{ name }}!\\n{{ missing }}\\n")
>>> env = jinja_environment(ConfinedLoader(folder), trusted=False, autoescape=True)
>>> page = load_template(env, folder / "page.j2", "page.j2")
>>> render_template(page, folder / "page.j2", name="<b>", missing="")
'Hello &lt;b&gt;!\\n'
>>> render_template(page, folder / "page.j2", name="x")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
claimledger.render.environment.TemplateError: .../page.j2:2: 'missing' is undefined
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from types import TracebackType
from typing import Any

import jinja2
from jinja2.loaders import split_template_path
from jinja2.sandbox import ImmutableSandboxedEnvironment

from claimledger.errors import ClaimledgerError
from claimledger.findings import printable
from claimledger.render.bounded import LimitExceeded, TemplateLimits, run_bounded
from claimledger.safe_read import read_regular

__all__ = [
    "BUILTIN_TEMPLATES",
    "MAX_TEMPLATE_BYTES",
    "ConfinedLoader",
    "TemplateError",
    "bounded_render",
    "decode_template_error",
    "encode_template_error",
    "is_sandboxed",
    "jinja_environment",
    "load_and_render",
    "load_template",
    "render_template",
    "shown_path",
    "stream_template",
]

#: The folder of the built-in templates: ``ledger.md.j2`` (the single page), ``pages/``
#: (the Markdown ledger's pages) and ``site/`` (the web site).
BUILTIN_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
#: The largest template file read.
MAX_TEMPLATE_BYTES = 1024 * 1024


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


class ConfinedLoader(jinja2.BaseLoader):
    """Templates from one folder: regular files inside it, never through a link that leaves
    it (``{% include "x" %}`` with x a link to ``~/.ssh/id_rsa`` must not embed that file),
    never a hidden file (``.git/config`` holds credentials), at most
    :data:`MAX_TEMPLATE_BYTES` each. A file that is missing is not found here (another
    loader may have it); one that is there but may not be read is a :class:`TemplateError`."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder.resolve()

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        pieces = split_template_path(template)
        if any(piece.startswith(".") for piece in pieces):
            raise jinja2.TemplateNotFound(template, f"{template!r}: hidden files are not read")
        path = self.folder.joinpath(*pieces)
        try:
            data = read_regular(path, self.folder, limit=MAX_TEMPLATE_BYTES)
        except FileNotFoundError:
            raise jinja2.TemplateNotFound(template) from None
        except (OSError, RuntimeError) as exc:
            # A link out of the folder, a FIFO, a file too large: an error, not a template
            # to look for elsewhere (the built-in one would silently take its place).
            raise TemplateError(shown_path(str(path)), None, f"is not read: {exc}") from None
        return data.decode("utf-8"), str(path), lambda: False


def jinja_environment(
    loader: jinja2.BaseLoader, *, trusted: bool, autoescape: bool
) -> jinja2.Environment:
    """A Jinja2 environment as every presenter's templates run: sandboxed unless
    ``trusted`` (this package's own templates: the sandbox's per-attribute checks would
    cost them more than the rest of rendering), undefined names an error, block tags
    taking no lines of their own."""
    kind = jinja2.Environment if trusted else ImmutableSandboxedEnvironment
    return kind(
        loader=loader,
        autoescape=autoescape,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def is_sandboxed(env: jinja2.Environment) -> bool:
    """Whether ``env`` runs untrusted templates (and so runs them within bounds)."""
    return isinstance(env, ImmutableSandboxedEnvironment)


def _template_frame(tb: TracebackType | None) -> tuple[str, int] | None:
    """The innermost template line in a traceback Jinja has rewritten."""
    found = None
    while tb is not None:
        # Jinja's rewritten frames are the ones that re-raise its exception.
        if "__jinja_exception__" in tb.tb_frame.f_globals:
            found = (tb.tb_frame.f_code.co_filename, tb.tb_lineno)
        tb = tb.tb_next
    return found


def shown_path(path: str) -> str:
    """``path`` as an error shows it: relative to the working directory, as editors and
    terminals link them, unless it lies outside it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive, on Windows
        return path
    return path if relative.startswith("..") else relative


def load_template(env: jinja2.Environment, path: Path, name: str) -> jinja2.Template:
    """The template ``name`` of ``env`` (read from ``path``, which errors name), compiled.

    Raises :class:`TemplateError`.
    """
    try:
        return env.get_template(name)
    except jinja2.TemplateNotFound:
        raise TemplateError(shown_path(str(path)), None, "template not found") from None
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(
            shown_path(exc.filename or str(path)), exc.lineno, exc.message or ""
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise TemplateError(shown_path(str(path)), None, f"cannot read: {exc}") from None


@contextlib.contextmanager
def _template_errors(path: Path) -> Iterator[None]:
    """An error raised while rendering becomes a :class:`TemplateError` at the innermost
    template line it passed through; an error in no template (a bug of claimledger's
    own) is raised as it is."""
    try:
        yield
    except jinja2.TemplateSyntaxError as exc:  # in a template included while rendering
        raise TemplateError(
            shown_path(exc.filename or str(path)), exc.lineno, exc.message or ""
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
        raise TemplateError(shown_path(where[0]), where[1], message) from None


def render_template(loaded: jinja2.Template, path: Path, **context: object) -> str:
    """``loaded`` rendered with ``context``, ending in one newline.

    Errors as :func:`_template_errors` says. A control or bidi character in the data (a
    --force rendering of a ledger CL018 refuses) is published as a visible symbol,
    never as a terminal command or reordered text.
    """
    with _template_errors(path):
        text = loaded.render(**context)
    # One final newline, however the template ends its last block.
    return printable(text.rstrip("\n")) + "\n"


#: How much text :func:`stream_template` gathers before handing it on (characters).
STREAM_CHUNK = 1 << 18


def stream_template(loaded: jinja2.Template, path: Path, **context: object) -> Iterator[str]:
    """What :func:`render_template` returns, in pieces as the template writes it (so
    that a large page need not be held whole); errors are raised as the pieces are."""
    pieces: list[str] = []
    size = 0
    newlines = ""  # held back: only the last piece's trailing newlines are dropped
    with _template_errors(path):
        for piece in loaded.generate(**context):
            kept = piece.rstrip("\n")
            if not kept:
                newlines += piece
                continue
            pieces += (newlines, kept)
            newlines = piece[len(kept) :]
            size += len(kept)
            if size >= STREAM_CHUNK:
                yield printable("".join(pieces))
                pieces, size = [], 0
    yield printable("".join(pieces)) + "\n"


def load_and_render(env: jinja2.Environment, path: Path, **context: object) -> str:
    """:func:`load_template` then :func:`render_template`, as one piece of bounded work
    (compiling runs template code too: Jinja folds constants such as ``"x" * 10**10``)."""
    return render_template(load_template(env, path, path.name), path, **context)


def encode_template_error(exc: BaseException) -> object:
    """An error of bounded work as plain data, to cross from the worker that ran it."""
    if isinstance(exc, TemplateError):
        return [exc.path, exc.line, exc.message]
    return [None, None, f"{type(exc).__name__}: {exc}"]


def decode_template_error(data: Any) -> Exception:
    """The :class:`TemplateError` that :func:`encode_template_error` encoded."""
    path, line, message = data
    return TemplateError(str(path or "template"), line, str(message))


def bounded_render(work: Callable[[], Any], limits: TemplateLimits, path: Path) -> Any:
    """``work()``, which renders untrusted templates (a single page, or a whole site) found
    at ``path``, in a child process within ``limits`` (:mod:`claimledger.render.bounded`);
    running out of time or memory is a :class:`TemplateError`."""
    try:
        return run_bounded(work, limits, encode_template_error, decode_template_error)
    except LimitExceeded as exc:
        raise TemplateError(shown_path(str(path)), None, str(exc)) from None
