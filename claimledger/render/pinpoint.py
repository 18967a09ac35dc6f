"""Where each passage stands in its source, and how outlets' wordings of one remark differ.

Both come from :mod:`claimledger.anchor`; this module only decides what a reader
is shown.

**Pinpoints.** A quote or evidence passage is anchored in its source; its
pinpoint is the paragraph of the match the passage refers to, ``(first, last)``
when it runs across paragraphs. A passage that cannot be placed unambiguously (possible only in a
``--force`` rendering) gets no pinpoint rather than a guessed one.

**Outlet variants.** A claim's quotes may include an outlet's paraphrase or
headline beside the speaker's words as reported; comparing those word by word
tells a reader nothing. Quotes marked ``paraphrase`` are left out, and of the
rest the wordings compared are the largest set of versions of one remark, from
at least two outlets, as :func:`claimledger.anchor.remark_wordings` finds them
(the query API shows the same).

>>> from pathlib import Path
>>> from claimledger.check import validate
>>> from claimledger.config import discover
>>> ledger = validate(discover(Path("tests/render/ledger"))).ledger
>>> pinpoints = Pinpoints(ledger)
>>> pinpoints.paragraphs("weekly-example-2016-10-12", '"Obviously."', None)
(2, 2)
>>> claim = ledger.claim("focus-on-russia-diverts-attention")
>>> wordings = pinpoints.wordings(claim)
>>> [(op.op, op.base, op.other) for op in wordings.variants[0].changes]
[('delete', ('I', 'think', 'sometimes'), ()), ('insert', (), ('sometimes',))]
"""

from __future__ import annotations

from claimledger.anchor import Wordings, remark_wordings
from claimledger.ledger import LedgerFiles
from claimledger.models import Claim

__all__ = ["Pinpoints"]


class Pinpoints:
    """Anchors the passages of one ledger.

    Anchorings are memoised on each :class:`~claimledger.ledger.SourceDocument`,
    so after validation (which anchors every passage) a rendering redoes none.
    """

    def __init__(self, ledger: LedgerFiles) -> None:
        self._sources = ledger.sources

    def paragraphs(
        self, source_id: str, text: str, occurrence: int | None
    ) -> tuple[int, int] | None:
        """The first and last paragraph of the passage in its source, if it is placed."""
        source = self._sources.get(source_id)
        if source is None or not text.strip():
            return None
        found = source.anchoring(text, occurrence)
        match = None if found is None else found.chosen
        return None if match is None else (match.paragraph, match.last_paragraph)

    def wordings(self, claim: Claim) -> Wordings | None:
        """The versions of one remark among the claim's quotes (reported speech left out)."""
        return remark_wordings(
            [(q.source, q.text) for q in claim.quotes if q.text.strip() and q.is_direct]
        )
