"""Anchoring: find a quote in a source document, say how it matched, or what it resembles.

Build a :class:`SourceText` once per document, then :func:`anchor` each quote in it:

>>> src = SourceText.build("He said: “The focus on Russian atrocities… sometimes diverts "
...                        "attention from other atrocities.”\\n\\nAsked if he meant the US…")
>>> a = anchor("The focus on Russian atrocities ... diverts attention", src)
>>> a.status, a.chosen.kind, src.text[a.chosen.start : a.chosen.end]
('found', 'elided', 'The focus on Russian atrocities… sometimes diverts attention')
>>> [src.text[s:e] for s, e in a.chosen.parts]
['The focus on Russian atrocities', 'diverts attention']

:func:`variants` compares the wordings several outlets give for one remark.
"""

from claimledger.anchor.anchoring import (
    CONTEXT,
    Anchoring,
    Kind,
    Match,
    Status,
    anchor,
    anchor_all,
)
from claimledger.anchor.closest import Closest, misquote_threshold
from claimledger.anchor.normalisation import normalise
from claimledger.anchor.pattern import BRACKET_SPAN, ELISION_GAP
from claimledger.anchor.source import SourceText
from claimledger.anchor.wordings import (
    SAME_REMARK,
    Op,
    OpKind,
    Variant,
    Wordings,
    compare_words,
    remark_wordings,
    variants,
)

__all__ = [
    "BRACKET_SPAN",
    "CONTEXT",
    "ELISION_GAP",
    "SAME_REMARK",
    "Anchoring",
    "Closest",
    "Kind",
    "Match",
    "Op",
    "OpKind",
    "SourceText",
    "Status",
    "Variant",
    "Wordings",
    "anchor",
    "anchor_all",
    "compare_words",
    "misquote_threshold",
    "normalise",
    "remark_wordings",
    "variants",
]
