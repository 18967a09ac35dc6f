"""What every subcommand shares: finding and loading the ledger, exit codes, output, reporters.

Subcommand modules import only this, argparse and the standard library at the
top; what a command runs (validation, the renderer, the query API) is imported
when it runs, so ``claimledger validate --help`` loads none of it.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import attrs

from claimledger.config import Config, discover
from claimledger.errors import ClaimledgerError
from claimledger.findings import Finding, Location

if TYPE_CHECKING:
    from claimledger.query import Ledger, QueryError
    from claimledger.report import Reporter

__all__ = [
    "EXIT_FINDINGS",
    "EXIT_OK",
    "EXIT_USAGE",
    "UsageError",
    "add_ledger_argument",
    "dump",
    "find_config",
    "for_display",
    "help_line",
    "make_reporter",
    "open_ledger",
    "query_error",
    "registry_help",
    "write_output",
]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


class UsageError(ClaimledgerError):
    """The command line cannot be carried out as given (exit 2)."""


def find_config(path: str | None) -> Config:
    """The ledger governing ``path`` (default: the current directory)."""
    start = Path(path) if path else Path.cwd()
    if not start.exists():
        raise UsageError(f"no such file or directory: {path}")
    return discover(start)


def for_display(findings: Sequence[Finding], root: Path) -> list[Finding]:
    """Findings with paths relative to the current directory, as editors expect."""
    here = Path.cwd()
    shown = []
    for finding in findings:
        full = root / finding.location.path
        rel = os.path.relpath(full, here) if full.is_absolute() else str(full)
        loc: Location = attrs.evolve(finding.location, path=Path(rel).as_posix())
        shown.append(attrs.evolve(finding, location=loc))
    return shown


def help_line(thing: type) -> str:
    """The first line of a class's docstring: a registry entry's help.

    >>> from claimledger.report import JsonReporter
    >>> help_line(JsonReporter)
    'A JSON list of findings, for tools.'
    """
    return (thing.__doc__ or thing.__name__).strip().splitlines()[0]


def registry_help(registry: Mapping[str, type]) -> str:
    """``name: help; name: help…`` for every entry of a name → class registry.

    >>> from claimledger.report import REPORTERS
    >>> registry_help(REPORTERS).split("; ")[1]
    'json: A JSON list of findings, for tools'
    """
    return "; ".join(f"{name}: {help_line(cls).rstrip('.')}" for name, cls in registry.items())


def write_output(text: str, output: str | None) -> None:
    """``text`` to standard output, or atomically to ``output``."""
    from claimledger.atomic import write_atomic

    if output is None:
        sys.stdout.write(text)
        return
    try:
        write_atomic(Path(output), text)
    except OSError as exc:
        raise UsageError(f"cannot write {output}: {exc.strerror or exc}") from None


def make_reporter(name: str, colour: str = "never") -> Reporter:
    """The reporter ``--format name`` names; ``colour`` auto, always or never (text only)."""
    from claimledger.report import REPORTERS

    tty = sys.stdout.isatty()
    return REPORTERS[name](Path.cwd(), colour=colour == "always" or (colour == "auto" and tty))


def add_ledger_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--ledger",
        metavar="PATH",
        help="the ledger root, or a folder or file in it (default: the current directory)",
    )


def open_ledger(args: argparse.Namespace) -> Ledger:
    """The ledger, loaded leniently: errors are reported on stderr, not fatal.

    A query over a ledger with a broken file still answers for the rest; the warning
    says the answer may be incomplete and where to look.
    """
    from claimledger.ledger import read_ledger
    from claimledger.query import Ledger

    files, findings = read_ledger(find_config(args.ledger))
    ledger = Ledger.from_files(files, findings, strict=False)
    errors = sum(f.severity.fails for f in ledger.findings)
    if errors:
        print(
            f"claimledger: warning: the ledger has {errors} error(s); what they affect is left "
            "out (run `claimledger validate`)",
            file=sys.stderr,
        )
    return ledger


def query_error(exc: QueryError) -> int:
    print(f"claimledger: {exc}", file=sys.stderr)
    return EXIT_FINDINGS


def dump(data: Any, fmt: str, out: TextIO) -> None:
    """``data`` as indented JSON or as block YAML (UTF-8 kept, keys in order)."""
    if fmt == "json":
        json.dump(data, out, indent=2, ensure_ascii=False)
        out.write("\n")
    else:
        import yaml

        yaml.safe_dump(data, out, sort_keys=False, allow_unicode=True, width=100)
