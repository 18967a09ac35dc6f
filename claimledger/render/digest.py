"""The content digests, kept under their old name: see :mod:`claimledger.digest`."""

from claimledger.digest import DIGEST_LENGTH, canonical_form, claim_digest, edition_digest

__all__ = ["DIGEST_LENGTH", "canonical_form", "claim_digest", "edition_digest"]
