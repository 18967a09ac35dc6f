"""The query API's value classes, kept under their old name: see :mod:`claimledger.resolved`."""

from claimledger.resolved import ResolvedClaim, ResolvedEvidence, ResolvedQuote

__all__ = ["ResolvedClaim", "ResolvedEvidence", "ResolvedQuote"]
