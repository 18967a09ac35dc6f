"""``claimledger explain [CODE]``: a rule's documentation, or the list of rules."""

from __future__ import annotations

import argparse
import re
import sys
from typing import TYPE_CHECKING, Any

from claimledger.cli.common import EXIT_FINDINGS, EXIT_OK
from claimledger.names import did_you_mean, suggest

if TYPE_CHECKING:
    from claimledger.rules import Rule


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "explain",
        help="explain a rule (CL009, or its name), or list them all",
        description="Print a rule's documentation with a passing and a failing example; "
        "with no CODE, list every rule with its default severity.",
    )
    parser.add_argument("code", nargs="?", metavar="CODE", help="a code (CL009) or name")
    parser.set_defaults(run=run)


def find_rule(wanted: str) -> Rule | None:
    """A rule by code (any case, ``9`` or ``CL9`` for CL009) or by name."""
    from claimledger.rules import RULES, RULES_BY_CODE

    key = wanted.strip().upper().removeprefix("CL")
    if key.isdigit():
        return RULES_BY_CODE.get(f"CL{int(key):03d}")
    return next((r for r in RULES if r.name == wanted.strip().lower()), None)


def plain(doc: str) -> str:
    """A docstring for the terminal: Sphinx roles and double backquotes as plain code.

    >>> plain("Found by :mod:`claimledger.anchor`; ``occurrence: 2``.")
    'Found by `claimledger.anchor`; `occurrence: 2`.'
    """
    return re.sub(r":\w+:`~?([^`]+)`", r"`\1`", doc).replace("``", "`")


def run(args: argparse.Namespace) -> int:
    from claimledger.rules import RULES

    if args.code is None:
        for each in RULES:
            kind = "load" if each.phase == "load" else each.severity.value
            print(f"{each.code}  {each.name:<22} {kind:<8} {plain(each.summary)}")
        print("\n`claimledger explain CODE` shows a rule with its examples.")
        return EXIT_OK
    rule = find_rule(args.code)
    if rule is None:
        names = [r.code for r in RULES] + [r.name for r in RULES]
        hint = did_you_mean(suggest(args.code, names))
        print(f"claimledger: no rule {args.code!r}{hint}", file=sys.stderr)
        return EXIT_FINDINGS
    if rule.phase == "load":
        when = "applied while reading files; always an error"
    else:
        when = f"{rule.severity.value} by default; change in [tool.claimledger.rules]"
    print(f"{rule.code} {rule.name} ({when})\n")
    print(plain(rule.doc))
    return EXIT_OK
