"""What every export shares: the claim digest, the rating scale as numbers, keys and dates.

>>> from claimledger.config import Config
>>> from pathlib import Path
>>> config = Config.from_table({"verdict-scale": ["true", "half-true", "false"]}, Path("/l"))
>>> [rating_value(config, r) for r in ("true", "half-true", "false", "unsettled")]
[3, 2, 1, None]
>>> citation_key("claim:Who said, what?")
'claim:Who-said-what'
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from claimledger.config import Config
from claimledger.dates import PartialDate

# The digest the rendered ledger prints beside each claim: a citation must pin the same words.
from claimledger.digest import claim_digest
from claimledger.models import Claim, Source
from claimledger.naming import speaker_name
from claimledger.resolved import ResolvedClaim, ResolvedLedger

__all__ = [
    "CLAIM_KEY_PREFIX",
    "citation_key",
    "cited_works",
    "claim_digest",
    "claim_url",
    "date_parts",
    "ledger_sources",
    "rating_value",
    "speaker_name",
]

#: Claims and sources are cited side by side; the prefix keeps their keys apart.
CLAIM_KEY_PREFIX: Final = "claim:"


def rating_value(config: Config, rating: str) -> int | None:
    """A rating as a number, higher is better: of ``n`` ratings best-first, the best is ``n``.

    Unrated verdicts (``verdict-unrated``) and ratings off the scale have no number.
    """
    scale = config.verdict_scale
    return len(scale) - scale.index(rating) if rating in scale else None


def claim_url(config: Config, claim: Claim | ResolvedClaim) -> str | None:
    """Where the claim is published: the ledger's URL with the claim id as fragment."""
    return f"{config.url}#{claim.id}" if config.url else None


_NOT_IN_KEY = re.compile(r"[^\w:.\-/]+")


def citation_key(text: str) -> str:
    """A key that BibTeX, Zotero and pandoc (``@key``) all accept.

    Ledger ids are slugs and pass unchanged; anything else (spaces, commas,
    braces) becomes ``-``, as no BibTeX key may hold it.
    """
    return _NOT_IN_KEY.sub("-", text).strip("-:./") or "item"


def _unique_keys(names: list[str]) -> Iterator[str]:
    """``citation_key`` of each name, with ``-2``, ``-3``... on a clash, in order."""
    seen: set[str] = set()
    for name in names:
        key = base = citation_key(name)
        n = 1
        while key in seen:
            n += 1
            key = f"{base}-{n}"
        seen.add(key)
        yield key


def cited_works(
    ledger: ResolvedLedger,
) -> tuple[list[tuple[Source, str]], list[tuple[ResolvedClaim, str]]]:
    """The corpus documents (by id) and the claims (in ledger order), each with its key.

    A document's key is its id, a claim's ``claim:<id>``; both citation exports
    use these, so a key cites the same work in CSL-JSON and in BibTeX.
    """
    sources = ledger_sources(ledger)
    names = [s.id for s in sources] + [CLAIM_KEY_PREFIX + c.id for c in ledger.claims]
    keys = list(_unique_keys(names))
    split = len(sources)
    return (
        list(zip(sources, keys[:split], strict=True)),
        list(zip(ledger.claims, keys[split:], strict=True)),
    )


def date_parts(date: PartialDate) -> list[list[int]]:
    """CSL's ``date-parts`` of a date: as many parts as are known; a range for a bounded one.

    An uncertain, approximate or bounded date is given as the range of days it can
    be; a date with an open bound has no ``date-parts`` (an empty list).

    >>> date_parts(PartialDate.parse("2016-10"))
    [[2016, 10]]
    >>> date_parts(PartialDate.parse("2016-10-12/2016-10-13"))
    [[2016, 10, 12], [2016, 10, 13]]
    >>> date_parts(PartialDate.parse("2019/.."))
    []
    """
    if date.plain is not None:
        return [[p for p in date.plain if p is not None]]
    if date.open_start or date.open_end:
        return []
    return [[d.year, d.month, d.day] for d in (date.first, date.last)]


def ledger_sources(ledger: ResolvedLedger) -> list[Source]:
    """The corpus documents' metadata, in order of source id."""
    return [ledger.sources[key] for key in sorted(ledger.sources)]
