"""Content digests: what a citation of a claim, or of a whole edition, pins.

**Canonical form of a claim.** The claim is unstructured with
:data:`claimledger.structure.converter` (the same converter that reads it:
partial dates become their ``YYYY[-MM[-DD]]`` strings, tuples become lists),
then every mapping entry whose value is ``null``, ``false`` or an empty list is
dropped, at every depth. The result is serialised as JSON with keys sorted by code
point, no insignificant whitespace (``separators=(",", ":")``), non-ASCII
characters written as themselves (``ensure_ascii=False``), and encoded as
UTF-8. Strings are taken exactly as loaded: no Unicode normalisation and no
whitespace folding, because a quote's exact characters are what a citation
must pin. (A lone surrogate, which a YAML ``"\\ud800"`` escape can produce but
UTF-8 cannot encode, is written as its three-byte sequence, so that every
claim that loads has a digest.)

Dropping empty values makes ``note: null`` and an absent ``note`` the same
claim (and ``kind: direct`` and an absent ``kind``), as the models
already treat them, and keeps every existing digest
unchanged when a later version adds an optional field.

**Claim digest.** The first 12 hexadecimal digits of the SHA-256 of the
canonical form (48 bits: ample to tell apart the editions of one claim).

**Edition digest.** The SHA-256 of one line per claim, ``<id> <digest>\\n``
where ``<digest>`` is the *full* 64-digit SHA-256 of the claim's canonical
form, the lines in order of claim id (then digest, should an invalid ledger
repeat an id), UTF-8 encoded; again the first 12 hexadecimal digits. Any
change to any claim, and adding or removing one, changes it.

>>> from claimledger.models import Claim
>>> claim = Claim(id="a", statement="The sky is blue.", speaker="s")
>>> canonical_form(claim)
b'{"id":"a","speaker":"s","statement":"The sky is blue."}'
>>> claim_digest(claim)
'11d13fb2d7b4'
>>> edition_digest([claim])
'065470c2c779'
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Any

from claimledger.models import Claim
from claimledger.structure import unstructure

__all__ = ["DIGEST_LENGTH", "canonical_form", "claim_digest", "edition_digest"]

#: Hexadecimal digits shown of each digest.
DIGEST_LENGTH = 12


def _prune(value: Any) -> Any:
    """``value`` without null, false or empty-list entries in any mapping, however deep."""
    if isinstance(value, dict):
        pruned = {key: _prune(item) for key, item in value.items()}
        return {k: v for k, v in pruned.items() if v is not None and v is not False and v != []}
    if isinstance(value, list | tuple):
        return [_prune(item) for item in value]
    return value


def canonical_form(claim: Claim) -> bytes:
    """The bytes a claim's digest is taken of (see the module docstring)."""
    data = _prune(unstructure(claim))
    text = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return text.encode("utf-8", "surrogatepass")


def _full_digest(claim: Claim) -> str:
    return hashlib.sha256(canonical_form(claim)).hexdigest()


def claim_digest(claim: Claim) -> str:
    """The claim's content digest: 12 hexadecimal digits of SHA-256."""
    return _full_digest(claim)[:DIGEST_LENGTH]


def edition_digest(claims: Iterable[Claim]) -> str:
    """The digest of a whole edition: every claim's full digest, in id order.

    >>> from claimledger.models import Claim
    >>> one, two = Claim("a", "One.", "s"), Claim("b", "Two.", "s")
    >>> edition_digest([one, two]) == edition_digest([two, one])
    True
    """
    lines = sorted((claim.id, _full_digest(claim)) for claim in claims)
    payload = "".join(f"{claim_id} {digest}\n" for claim_id, digest in lines)
    return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()[:DIGEST_LENGTH]
