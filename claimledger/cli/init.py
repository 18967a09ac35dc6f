"""``claimledger init [DIR]``: start a new ledger that validates clean at once."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from claimledger.cli.common import EXIT_OK, UsageError
from claimledger.workflow.scaffold import (
    HOOK_REPOSITORY,
    HOOK_REV,
    ScaffoldError,
    scaffold,
    write_scaffold,
)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "init",
        help="start a new ledger in a folder",
        description="Write a new ledger: pyproject.toml with [tool.claimledger], claims/ with "
        "the speaker registry, corpus/, one example source and claim (delete them when you add "
        f"your own), a pre-commit configuration running the claimledger-validate hook at "
        f"{HOOK_REV} ({HOOK_REPOSITORY}), .gitattributes keeping corpus bytes and .gitignore for "
        "the cache. `claimledger validate` passes at once.",
    )
    parser.add_argument("folder", nargs="?", default=".", metavar="DIR", help="default: here")
    parser.add_argument("--title", help="the ledger's title (default: the folder's name)")
    parser.add_argument("--description", help="one line on what the ledger covers")
    parser.add_argument(
        "--force",
        action="store_true",
        help="add a ledger to a folder that is not empty (existing files are never replaced)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    folder = Path(args.folder)
    title = args.title or folder.resolve().name or "Claim ledger"
    files = scaffold(title, args.description)
    try:
        write_scaffold(folder, files, force=args.force)
    except ScaffoldError as exc:
        raise UsageError(str(exc)) from None
    except OSError as exc:
        raise UsageError(f"cannot write in {folder}: {exc.strerror or exc}") from None
    for file in files:
        print(f"created {(folder / file.path).as_posix()}", file=sys.stderr)
    where = "" if args.folder == "." else f"cd {args.folder} && "
    print(
        f"\nNext: {where}claimledger validate\n"
        "      claimledger add-source ARTICLE.txt --title '…' --published YYYY-MM-DD\n"
        "      claimledger locate SOURCE-ID 'words you want to quote' --yaml\n"
        "      git init && pre-commit install   # validate on every commit",
        file=sys.stderr,
    )
    return EXIT_OK
