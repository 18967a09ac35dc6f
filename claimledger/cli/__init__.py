"""The ``claimledger`` command: parse arguments, run one subcommand, choose the exit code.

Each subcommand is a module here with ``register(subparsers)`` and
``run(args) -> int``. Exit codes: 0 clean, 1 findings (or bad input), 2 usage
or internal error. Nothing in the library imports this package.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from claimledger import __version__
from claimledger.cli.common import EXIT_USAGE, UsageError
from claimledger.cli.output import checked_stdout
from claimledger.config import ConfigError

__all__ = ["main"]

#: Each command and the module of this package that registers and runs it, in the order
#: help lists them. A run imports only its command's module (the others' imports, such
#: as the exporters and the search index, would cost every validation their start-up).
COMMANDS = {
    "validate": "validate",
    "query": "query",
    "show": "show",
    "search": "search",
    "render": "render",
    "export": "export",
    "import": "import_claimreview",
    "schema": "schema",
    "init": "init",
    "add-source": "add_source",
    "locate": "locate",
    "correct-source": "correct_source",
    "explain": "explain",
    "trace": "trace",
}


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser: every command's, or only command ``only``'s."""
    parser = argparse.ArgumentParser(
        prog="claimledger",
        description="Validate, query and render a ledger of claims anchored in a corpus.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, module in COMMANDS.items():
        if only is None or name == only:
            importlib.import_module(f"claimledger.cli.{module}").register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    given = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(given[0] if given and given[0] in COMMANDS else None)
    args = parser.parse_args(given)
    try:
        with checked_stdout():
            code: int = args.run(args)
    except (UsageError, ConfigError) as exc:
        print(f"claimledger: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("claimledger: interrupted", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # `claimledger query | head`: the reader left; not an error of ours.
        _drop_stdout()
        return 0
    except OSError as exc:
        # A failed write (ENOSPC, EIO) is never a success: exit 2, and say where.
        where = f" {exc.filename}" if exc.filename else ""
        print(f"claimledger: cannot write{where}: {exc.strerror or exc}", file=sys.stderr)
        _drop_stdout()
        return EXIT_USAGE
    except Exception as exc:
        if os.environ.get("CLAIMLEDGER_DEBUG"):
            raise
        print(
            f"claimledger: internal error: {type(exc).__name__}: {exc}\n"
            "This is a bug in claimledger; set CLAIMLEDGER_DEBUG=1 to see the traceback.",
            file=sys.stderr,
        )
        return EXIT_USAGE
    return code


def _drop_stdout() -> None:
    # What is still buffered cannot be written; don't let the interpreter try again at exit.
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
