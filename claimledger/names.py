"""Matching the names people type against the names the ledger records.

A name typed in a notebook or on the command line rarely has the registry's exact
typography: ``an aide to Jeremy Corbyn`` for ``An aide to Jeremy Corbyn``, a
straight apostrophe for a curly one, a stray double space. :func:`name_key` erases
those differences and nothing else, so two names match only when a reader would
call them the same words. Near misses are offered as suggestions, never matched;
rules, the query API and the command line all phrase them with :func:`did_you_mean`.

>>> name_key("  Jeremy  Corbyn\u2019s Spokesman ") == name_key("jeremy corbyn's spokesman")
True
>>> suggest("seumas-miln", ["seumas-milne", "jeremy-corbyn"])
('seumas-milne',)
>>> did_you_mean(("a", "b"))
"; did you mean 'a' or 'b'?"
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable

__all__ = ["did_you_mean", "name_key", "suggest"]

# Apostrophes and quote marks as word processors and web pages set them.
_QUOTES = str.maketrans(dict.fromkeys("‘’‚‛′ʼ`´", "'") | dict.fromkeys("“”„‟″«»", '"'))  # noqa: RUF001


def name_key(name: str) -> str:
    """The form names are compared in: NFKC, case-folded, straight quotes, single spaces."""
    return " ".join(unicodedata.normalize("NFKC", name).translate(_QUOTES).casefold().split())


def suggest(wanted: str, known: Iterable[str], limit: int = 3) -> tuple[str, ...]:
    """Known names close to ``wanted``: those containing it if any, else look-alikes."""
    keys = {name: name_key(name) for name in known}
    key = name_key(wanted)
    if len(key) >= 3:
        containing = [name for name, k in keys.items() if key in k]
        if containing:
            return tuple(containing[:limit])
    by_key = {k: name for name, k in reversed(keys.items())}
    close = difflib.get_close_matches(key, list(by_key), n=limit, cutoff=0.6)
    return tuple(by_key[k] for k in close)


def did_you_mean(suggestions: Iterable[str]) -> str:
    """``"; did you mean 'x' or 'y'?"`` to end a message with, or ``""`` for none."""
    shown = [repr(s) for s in suggestions]
    if not shown:
        return ""
    *rest, last = shown
    return f"; did you mean {', '.join(rest)}{' or ' if rest else ''}{last}?"
