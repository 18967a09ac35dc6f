"""Matching the names people type against the names the ledger records (see
:mod:`claimledger.names`), and the error a query raises for a name it does not know.

>>> suggest("seumas-miln", ["seumas-milne", "jeremy-corbyn"])
('seumas-milne',)
"""

from __future__ import annotations

from collections.abc import Iterable

from claimledger.errors import ClaimledgerError
from claimledger.names import did_you_mean, name_key, suggest

__all__ = ["QueryError", "name_key", "suggest"]


class QueryError(ClaimledgerError, ValueError):
    """A query names something the ledger does not have, or cannot be read.

    ``suggestions`` holds close matches, best first, for "did you mean".
    """

    def __init__(self, message: str, suggestions: Iterable[str] = ()) -> None:
        self.suggestions = tuple(suggestions)
        super().__init__(message + did_you_mean(self.suggestions))
