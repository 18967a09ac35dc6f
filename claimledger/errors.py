"""The base of every exception claimledger raises on purpose.

``except ClaimledgerError`` catches a bad configuration, an unreadable template,
a refused export, a query with no answer and the rest, and nothing that is a bug.

>>> from claimledger.config import ConfigError
>>> issubclass(ConfigError, ClaimledgerError)
True
"""

from __future__ import annotations

__all__ = ["ClaimledgerError"]


class ClaimledgerError(Exception):
    """Something claimledger reports to its user, rather than a bug in claimledger."""
