"""``claimledger render [PATH] [-o DIR]``: write the citable Markdown ledger, or the web site.

By default the ledger is a folder of linked pages (the ``ledger`` key, or ``-o
DIR``; see :mod:`claimledger.render.pages`); ``--single-page`` writes it as one
file instead (``-o FILE``, ``-o -`` for standard output). ``--format html -o DIR``
writes the static web site (:mod:`claimledger.render.html`) into DIR (the ``site``
key, without ``-o``), with the templates of ``--templates DIR`` (the
``site-templates`` key) before the built-in ones.

Exit codes: 0 written; 1 the ledger has errors, so nothing is written (unless
``--force``, which writes it with the failing claims marked); 2 a usage or
template error, or the output cannot be written. Each file is replaced
atomically, so a failed or interrupted run leaves it as it was; a page is
never written over a file that claimledger did not write.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimledger.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    UsageError,
    find_config,
    for_display,
)
from claimledger.render.bounded import DEFAULT_LIMITS, TemplateLimits
from claimledger.render.groupings import GROUPINGS, GroupBy

if TYPE_CHECKING:
    from claimledger.config import Config
    from claimledger.findings import Finding
    from claimledger.render.fragments import FragmentCache
    from claimledger.resolved import ResolvedLedger

__all__ = ["register", "run"]


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "render",
        help="write the ledger as citable Markdown pages (or one page)",
        description="Validate the ledger, then write it as Markdown: a folder of linked "
        "pages, or one page with --single-page. Nothing is written if the ledger has "
        "errors, unless --force is given.",
    )
    parser.add_argument(
        "path",
        nargs="?",
        metavar="PATH",
        help="the ledger root or a folder inside it (default: the current directory)",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        help="the folder to write the pages into; with --single-page the file, '-' for "
        "standard output (default: 'ledger' in [tool.claimledger])",
    )
    parser.add_argument(
        "--format",
        choices=("markdown", "html"),
        default="markdown",
        help="markdown: the citable Markdown ledger (default); html: a static web site "
        "(index, stories, a page per claim with its ClaimReview JSON-LD, sources, speakers) "
        "into -o DIR (default: 'site' in [tool.claimledger])",
    )
    parser.add_argument(
        "--templates",
        metavar="DIR",
        help="with --format html, a folder of templates that replace the built-in ones of "
        "the same name, run sandboxed (default: 'site-templates' in [tool.claimledger])",
    )
    parser.add_argument(
        "--single-page",
        action="store_true",
        help="write the whole ledger as one Markdown file",
    )
    parser.add_argument(
        "--group-by",
        choices=GROUPINGS,
        default=None,
        help="how claims are grouped, a page per group; within a group they are in date "
        "order (default: story, the claim files; speaker with --single-page)",
    )
    parser.add_argument(
        "--template",
        metavar="FILE",
        help="with --single-page, a Jinja2 template to use instead of 'template' in "
        "[tool.claimledger]",
    )
    parser.add_argument(
        "--template-seconds",
        type=_positive_number,
        default=DEFAULT_LIMITS.seconds,
        metavar="S",
        help="stop a template other than the built-in one (the web site's: the whole site) "
        "after S seconds (default: %(default)g)",
    )
    parser.add_argument(
        "--template-memory",
        type=_positive_number,
        default=DEFAULT_LIMITS.megabytes,
        metavar="MB",
        help="stop such a template past MB megabytes of memory (default: %(default)g)",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="write the ledger even if it has errors, marking the claims that fail, and "
        "replace the output file even if claimledger did not write it",
    )
    parser.set_defaults(run=run)


def _single_page_target(config: Config) -> Path:
    path = config.ledger_path
    return path if path.suffix == ".md" else path.with_name(f"{path.name}.md")


def _site_target(args: argparse.Namespace, config: Config) -> Path:
    if args.single_page or args.template:
        raise UsageError("--single-page and --template are for Markdown; the site is a folder")
    if args.output and args.output != "-":
        return Path(args.output)
    if not args.output and config.site_path is not None:
        return config.site_path
    raise UsageError(
        "--format html writes a folder: give it with -o DIR, or name it in "
        '[tool.claimledger] (site = "site")'
    )


def _site_templates(args: argparse.Namespace, config: Config) -> Path | None:
    if args.templates:
        templates = Path(args.templates)
        if not templates.is_dir():
            raise UsageError(f"--templates {args.templates}: no such folder")
        return templates
    if config.site_templates is not None and not config.site_templates.is_dir():
        raise UsageError(
            f"site-templates = {_shown(config.site_templates)!r} in [tool.claimledger]: "
            "no such folder"
        )
    return config.site_templates


def _pages_target(args: argparse.Namespace, config: Config) -> Path:
    if args.templates:
        raise UsageError("--templates applies to the web site: add --format html")
    if args.output == "-":
        raise UsageError("-o - writes one page: add --single-page")
    if args.template:
        raise UsageError("--template applies to the single page: add --single-page")
    if config.template is not None:
        raise UsageError(
            f"template = {_shown(config.template)!r} in [tool.claimledger] applies to the "
            "single page: render with --single-page"
        )
    if args.output:
        return Path(args.output)
    if config.ledger_path.suffix == ".md":
        raise UsageError(
            f"ledger = {_shown(config.ledger_path)!r} in [tool.claimledger] names a file, "
            'but the ledger is now a folder of pages: name a folder (ledger = "ledger"), '
            "or render with --single-page"
        )
    return config.ledger_path


def _shown(path: Path) -> str:
    relative = os.path.relpath(path.absolute())
    return str(path) if relative.startswith("..") else relative


def _positive_number(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError("must be a number") from None
    if not value > 0:
        raise argparse.ArgumentTypeError("must be more than 0")
    return value


def run(args: argparse.Namespace) -> int:
    from claimledger.atomic import OutputRefused, private_folder, write_output
    from claimledger.render.fragments import FragmentCache
    from claimledger.render.markdown import TemplateError, is_rendered_ledger, stream_markdown
    from claimledger.render.stories import untitled
    from claimledger.report import TextReporter
    from claimledger.resolved import resolve
    from claimledger.validated import validate_cached

    config = find_config(args.path)
    site = _site_target(args, config) if args.format == "html" else None
    templates = _site_templates(args, config) if site is not None else None
    target = None if args.single_page or site else _pages_target(args, config)
    result = validate_cached(config)
    shown = for_display(result.findings, config.root)
    # Findings go to standard error: standard output may be the ledger itself (-o -).
    TextReporter(Path.cwd(), ledgers=[config.root]).report(shown, sys.stderr)
    if result.failed and not args.force:
        print(
            "claimledger: the ledger has errors; nothing written (--force to write anyway)",
            file=sys.stderr,
        )
        return EXIT_FINDINGS
    # Resolved once: the edition's digests and the renderers use the same claims.
    ledger = resolve(result.ledger)
    for key in untitled(ledger):
        print(
            f"claimledger: warning: [tool.claimledger.stories] titles {key!r}, but no claim "
            "file has that name",
            file=sys.stderr,
        )
    findings = result.findings if result.failed else ()
    claims = len(result.ledger.claims)
    edition = ledger.edition
    kind = "site" if site is not None else "pages" if target is not None else "single"
    cache = FragmentCache(config.root, kind)
    if site is not None:
        return _write_pages(
            ledger,
            args.group_by or "story",
            findings,
            site,
            edition,
            templates,
            html=True,
            limits=TemplateLimits(args.template_seconds, int(args.template_memory)),
            cache=cache,
        )
    if target is not None:
        return _write_pages(
            ledger, args.group_by or "story", findings, target, edition, cache=cache
        )
    template = Path(args.template) if args.template else None
    file = Path(args.output) if args.output else _single_page_target(config)
    try:
        pieces = stream_markdown(
            ledger,
            group_by=args.group_by or "speaker",
            findings=findings,
            template=template,
            limits=TemplateLimits(args.template_seconds, int(args.template_memory)),
            cache=cache,
        )
        # The view is built: the files it was built from need not stay while it is written.
        del ledger, result
        # All or nothing on standard output: a failing template writes nothing. A file
        # is written as the template writes it, the page never held whole.
        text = "".join(pieces) if args.output == "-" else None
        if text is None:
            write_output(
                file,
                pieces,
                owned=is_rendered_ledger,
                force=args.force,
                scratch=private_folder(config.root, create=False),
            )
    except TemplateError as exc:
        print(f"claimledger: template error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OutputRefused as exc:
        print(f"claimledger: not written: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        print(f"claimledger: cannot write {file}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    cache.save()
    if text is not None:
        sys.stdout.write(text)
        return EXIT_OK
    print(
        f"claimledger: wrote {_shown(file)} ({claims} claims, edition {edition})",
        file=sys.stderr,
    )
    return EXIT_OK


def _write_pages(
    ledger: ResolvedLedger,
    group_by: GroupBy,
    findings: Sequence[Finding],
    folder: Path,
    edition: str,
    templates: Path | None = None,
    *,
    html: bool = False,
    limits: TemplateLimits = DEFAULT_LIMITS,
    cache: FragmentCache | None = None,
) -> int:
    from claimledger.export.claimreview import embedded_reviews
    from claimledger.render.folder import FolderError, write_pages
    from claimledger.render.html import render_site
    from claimledger.render.markdown import TemplateError, render_pages

    try:
        pages = (
            render_site(
                ledger,
                group_by=group_by,
                findings=findings,
                templates=templates,
                # A ledger with errors (--force) publishes no structured data: the
                # export refuses it for the same reason.
                reviews={} if findings else embedded_reviews(ledger),
                limits=limits,
                cache=cache,
            )
            if html
            else render_pages(ledger, group_by=group_by, findings=findings, cache=cache)
        )
    except TemplateError as exc:
        print(f"claimledger: template error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if cache is not None:
        cache.save()
    try:
        written = write_pages(folder, pages)
    except FolderError as exc:
        print(f"claimledger: nothing written: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        print(f"claimledger: cannot write {folder}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    sizes = {name: len(text.encode("utf-8")) for name, text in pages.items()}
    largest = max(sorted(sizes), key=lambda name: sizes[name])
    removed = f", {written.removed} old page(s) removed" if written.removed else ""
    # A stylesheet or a script is written with the pages but is not one a reader opens.
    assets = sum(not name.endswith((".md", ".html")) for name in pages)
    files = f"{written.pages - assets} pages" + (f" and {assets} asset(s)" if assets else "")
    print(
        f"claimledger: wrote {_shown(folder)}/ ({files}, "
        f"{_kilobytes(sum(sizes.values()))} in all, the largest {largest} "
        f"{_kilobytes(sizes[largest])}; {len(ledger.claims)} claims, edition {edition}{removed})",
        file=sys.stderr,
    )
    return EXIT_OK


def _kilobytes(size: int) -> str:
    return f"{size / 1000:.1f} kB"
