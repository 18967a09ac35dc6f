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
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO, cast

import attrs

from claimledger.config import Config, discover
from claimledger.errors import ClaimledgerError
from claimledger.findings import CONTROL, Finding, Location, escaped, visible

if TYPE_CHECKING:
    from claimledger.query import Ledger, QueryError
    from claimledger.report import Reporter

__all__ = [
    "EXIT_FINDINGS",
    "EXIT_OK",
    "EXIT_USAGE",
    "UsageError",
    "add_ledger_argument",
    "check_outputs",
    "dump",
    "find_config",
    "for_display",
    "help_line",
    "make_reporter",
    "open_ledger",
    "query_error",
    "registry_help",
    "terminal",
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


class _TerminalText:
    """A text stream that shows control and bidirectional characters as pictures.

    What ``show``, ``query`` and ``search`` print comes from a ledger that may be
    hostile and that need not have been validated: an ``ESC ]52`` sequence in a
    statement must not reach the terminal as a command. Line feeds and tabs pass.
    """

    def __init__(self, out: TextIO) -> None:
        self._out = out

    def write(self, text: str) -> int:
        if "\t" in text or CONTROL.search(text):  # else nothing to show otherwise
            text = "\n".join(visible(line) for line in text.split("\n"))
        return self._out.write(text)

    def writelines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.write(line)

    def isatty(self) -> bool:
        return self._out.isatty()

    def flush(self) -> None:
        self._out.flush()


def terminal(out: TextIO) -> TextIO:
    """``out``, showing control and bidirectional characters as pictures (see above)."""
    return cast(TextIO, _TerminalText(out))


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


def check_outputs(
    outputs: Iterable[tuple[str | None, Callable[[str], bool]]], *, force: bool = False
) -> None:
    """Refuse, before anything is written, any of ``(output, owned)`` that
    :func:`write_output` would refuse: a command writing two files writes both or neither."""
    from claimledger.atomic import OutputRefused, check_output

    for output, owned in outputs:
        if output is None or output == "-":
            continue
        try:
            check_output(Path(output), owned=owned, force=force)
        except OutputRefused as exc:
            raise UsageError(f"not written: {exc}") from None


def write_output(
    text: str,
    output: str | None,
    *,
    owned: Callable[[str], bool],
    force: bool = False,
    root: Path | None = None,
) -> None:
    """``text`` to standard output (``None`` or ``-``), or safely to ``output``: an existing
    file is replaced only if ``owned`` recognises it or with ``force`` (see
    :mod:`claimledger.atomic`; shared by export and schema)."""
    from claimledger.atomic import OutputRefused, private_folder
    from claimledger.atomic import write_output as write_file

    if output is None or output == "-":
        sys.stdout.write(text)
        return
    try:
        scratch = private_folder(root, create=False) if root is not None else None
        write_file(Path(output), text, owned=owned, force=force, scratch=scratch)
    except OutputRefused as exc:
        raise UsageError(f"not written: {exc}") from None
    except OSError as exc:
        raise UsageError(f"cannot write {output}: {exc.strerror or exc}") from None


def make_reporter(
    name: str,
    colour: str = "never",
    *,
    ledgers: Sequence[Path] | None = None,
    here: Path | None = None,
) -> Reporter:
    """The reporter ``--format name`` names; ``colour`` auto, always or never (text only).

    Context lines are read only from regular files inside ``ledgers`` (default: the
    current directory), for paths relative to ``here`` (default: the current directory).
    """
    from claimledger.report import REPORTERS

    tty = sys.stdout.isatty()
    painted = colour == "always" or (colour == "auto" and tty)
    return REPORTERS[name](here or Path.cwd(), colour=painted, ledgers=ledgers)


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
    from claimledger.query.ledger import load_config

    ledger = load_config(find_config(args.ledger), strict=False)
    errors = sum(f.severity.fails for f in ledger.findings)
    if errors:
        print(
            f"claimledger: warning: the ledger has {errors} error(s); what they affect is left "
            "out (run `claimledger validate`)",
            file=sys.stderr,
        )
    return ledger


def query_error(exc: QueryError) -> int:
    print(f"claimledger: {visible(str(exc))}", file=sys.stderr)  # names come from the ledger
    return EXIT_FINDINGS


def dump(data: Any, fmt: str, out: TextIO) -> None:
    """``data`` as indented JSON or as block YAML (UTF-8 kept, keys in order).

    Control and bidirectional characters are written as escapes (``\\u001b``), so
    the data is the same but nothing acts on the terminal: strings holding them are
    double-quoted in YAML, where an escape reads back as the character.
    """
    if fmt == "json":
        out.write(escaped(json.dumps(data, indent=2, ensure_ascii=False)) + "\n")
        return
    import yaml

    class Dumper(yaml.SafeDumper):
        pass

    def represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
        style = '"' if CONTROL.search(value) else None
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

    Dumper.add_representer(str, represent_str)
    text = yaml.dump(data, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=100)
    out.write(escaped(text))
