"""Ids (of claims, speakers and sources) must be slugs: lower-case ASCII words joined by hyphens.

An id is what every reference, anchor and citation key is built from, so it
must be unambiguous to read and to type: ``a-z``, ``0-9`` and single hyphens
between them, at most 100 characters (the pattern is :data:`ID_PATTERN`).
Upper case is refused so that ``Milne`` and ``milne`` cannot be two speakers;
anything outside ASCII so that a Cyrillic "a" (U+0430) cannot pose as a Latin one.
A source's id is its file name in ``corpus/`` without the extension.

Passing: ``id: spokesman-says-obviously``.

Failing: ``id: Spokesman_Says``, ``id: ""``, ``id: "sp\\u0440okesman"`` (a Cyrillic "p").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from claimledger import codes
from claimledger.findings import Location, Severity
from claimledger.ledger import LedgerFiles
from claimledger.rules.base import Problem, shorten

__all__ = ["ID_PATTERN", "MAX_ID_LENGTH", "check", "check_registry", "is_id"]

CODE = codes.ID_FORMAT
NAME = "id-format"
SEVERITY = Severity.ERROR

MAX_ID_LENGTH = 100
ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def is_id(text: str) -> bool:
    """Whether ``text`` is a well-formed id.

    >>> is_id("us-is-an-intervening-power"), is_id("US"), is_id("a--b"), is_id("")
    (True, False, False, False)
    """
    return len(text) <= MAX_ID_LENGTH and ID_PATTERN.fullmatch(text) is not None


def _problem(kind: str, value: str, where: Location) -> Problem:
    if len(value) > MAX_ID_LENGTH:
        why = f"{len(value):,} characters, over {MAX_ID_LENGTH}"
    else:
        why = "use lower-case a-z, 0-9 and single hyphens between words"
    return Problem(where, f"{kind} id {shorten(repr(value), 60)} is not a slug ({why})")


def check(ledger: LedgerFiles) -> Iterator[Problem]:
    for claim, origin in ledger.located_claims():
        if not is_id(claim.id):
            yield _problem("claim", claim.id, origin.at("id"))


def check_registry(ledger: LedgerFiles) -> Iterator[Problem]:
    for speaker_id, origin in ledger.speaker_origins.items():
        if not is_id(speaker_id):
            yield _problem("speaker", speaker_id, origin.at("id"))
    for source_id, source in ledger.sources.items():
        if not is_id(source_id):
            yield _problem("source", source_id, Location(source.origin.path))
