"""Querying a ledger: what has this person claimed, which claims cite this report,
what contradicts this claim, who said something about X.

:func:`load` reads a ledger into a :class:`Ledger` of frozen objects with references
resolved: a claim's ``speaker`` is the :class:`~claimledger.models.Speaker`, a quote's
``source`` the :class:`~claimledger.models.Source`. ``ledger.claims`` is a
:class:`ClaimSet` whose filters compose (:mod:`claimledger.query.claims` documents
their semantics); :meth:`Ledger.search` and :meth:`Ledger.search_corpus` search
statements and quotes, and the corpus text, by passage
(:mod:`claimledger.query.search`). Nothing here writes into the ledger.

>>> from claimledger.query import load
>>> ledger = load("tests/examples/clean", cache=False)  # search indexes in memory
>>> syria = ledger.claims.where(topic="syria")
>>> [(c.id, c.speaker.id, str(c.said_on)) for c in syria]
[('us-is-an-intervening-power', 'spokesman', '2016-10')]
>>> ledger.claims.where(quoting="briefing-report", contradicted=False).ids()
('us-is-an-intervening-power', 'multiple-interventions')
>>> [hit.claim.id for hit in ledger.search("intervening powers")]
['us-is-an-intervening-power']
>>> ledger.claims.where(speaker="the spokesmen")
Traceback (most recent call last):
...
claimledger.query.names.QueryError: no speaker is known as 'the spokesmen'; did you mean ...
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimledger.lazy import lazy_exports

if TYPE_CHECKING:
    from claimledger.query.claims import ClaimSet, DateLike, Names
    from claimledger.query.hits import ClaimHit, PassageHit, Span, TextMatch
    from claimledger.query.ledger import Ledger, LedgerError, load
    from claimledger.query.names import QueryError
    from claimledger.resolved import ResolvedClaim, ResolvedEvidence, ResolvedQuote

__all__ = [
    "ClaimHit",
    "ClaimSet",
    "DateLike",
    "Ledger",
    "LedgerError",
    "Names",
    "PassageHit",
    "QueryError",
    "ResolvedClaim",
    "ResolvedEvidence",
    "ResolvedQuote",
    "Span",
    "TextMatch",
    "load",
]

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "ClaimSet": "claimledger.query.claims",
        "DateLike": "claimledger.query.claims",
        "Names": "claimledger.query.claims",
        "ClaimHit": "claimledger.query.hits",
        "PassageHit": "claimledger.query.hits",
        "Span": "claimledger.query.hits",
        "TextMatch": "claimledger.query.hits",
        "Ledger": "claimledger.query.ledger",
        "LedgerError": "claimledger.query.ledger",
        "load": "claimledger.query.ledger",
        "QueryError": "claimledger.query.names",
        "ResolvedClaim": "claimledger.resolved",
        "ResolvedEvidence": "claimledger.resolved",
        "ResolvedQuote": "claimledger.resolved",
    },
)
