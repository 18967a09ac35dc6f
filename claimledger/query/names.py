"""Matching the names people type against the names the ledger records.

A name typed in a notebook or on the command line rarely has the registry's exact
typography: ``an aide to Jeremy Corbyn`` for ``An aide to Jeremy Corbyn``, a
straight apostrophe for a curly one, a stray double space. :func:`name_key` erases
those differences and nothing else, so two names match only when a reader would
call them the same words. Near misses are offered as suggestions, never matched.

>>> name_key("  Jeremy  Corbyn\u2019s Spokesman ") == name_key("jeremy corbyn's spokesman")
True
>>> suggest("seumas-miln", ["seumas-milne", "jeremy-corbyn"])
('seumas-milne',)
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable

from claimledger.errors import ClaimledgerError

__all__ = ["QueryError", "name_key", "suggest"]

# Apostrophes and quote marks as word processors and web pages set them.
_QUOTES = str.maketrans(dict.fromkeys("‘’‚‛′ʼ`´", "'") | dict.fromkeys("“”„‟″«»", '"'))  # noqa: RUF001


class QueryError(ClaimledgerError, ValueError):
    """A query names something the ledger does not have, or cannot be read.

    ``suggestions`` holds close matches, best first, for "did you mean".
    """

    def __init__(self, message: str, suggestions: Iterable[str] = ()) -> None:
        self.suggestions = tuple(suggestions)
        if self.suggestions:
            *rest, last = (repr(s) for s in self.suggestions)
            message += f"; did you mean {', '.join(rest)}{' or ' if rest else ''}{last}?"
        super().__init__(message)


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
