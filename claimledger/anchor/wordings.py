"""How several outlets worded one remark: word-level differences between their quotes.

Outlets reporting the same briefing rarely agree word for word ("governments" in one,
"authorities" in another; a sentence one of them cut short). :func:`variants` takes
the fullest wording as the reference and lists, for each other wording, the runs of
words that are equal, replaced, inserted or deleted relative to it — a small structure
a renderer can show inline and an API can return as is.

Words are compared after :func:`~claimledger.anchor.normalise` and without regard to
case or punctuation, so typography and a capitalised first word are not differences;
an outlet's own ellipsis is kept as a word (``…``) because it marks words it left out.

>>> w = variants([("a", "Both the US and British governments were slow."),
...               ("b", "Both the US and British authorities were slow.")])
>>> w.reference, [(op.op, op.base, op.other) for op in w.variants[0].changes]
('a', [('replace', ('governments',), ('authorities',))])
"""

# ruff: noqa: RUF002 - the examples show the typography that normalisation erases.
from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from typing import Literal

import attrs

from claimledger.anchor.normalisation import normalise

__all__ = ["Op", "OpKind", "Variant", "Wordings", "variants"]

OpKind = Literal["equal", "replace", "insert", "delete"]

# A word (with inner apostrophes and hyphens: "what's", "US-led") or an ellipsis.
_TOKEN = re.compile(r"\w+(?:['-]\w+)*|\.{3,}")


@attrs.frozen
class Op:
    """One run of the comparison: the reference's words and the other wording's."""

    op: OpKind
    base: tuple[str, ...]
    other: tuple[str, ...]


@attrs.frozen
class Variant:
    """One wording compared with the reference."""

    source: str
    text: str
    ops: tuple[Op, ...]

    @property
    def changes(self) -> tuple[Op, ...]:
        """The runs that differ."""
        return tuple(op for op in self.ops if op.op != "equal")

    @property
    def same(self) -> bool:
        """Whether the wording has the reference's words, in order."""
        return not self.changes


@attrs.frozen
class Wordings:
    """The reference wording and every other compared with it, in the order given."""

    reference: str
    text: str
    variants: tuple[Variant, ...]


def words(text: str) -> tuple[str, ...]:
    """The words compared, in order; an ellipsis counts as the word ``…``.

    >>> words("“It’s the US‑led coalition…” he said")
    ("It's", 'the', 'US-led', 'coalition', '…', 'he', 'said')
    """
    return tuple("…" if w.startswith("...") else w for w in _TOKEN.findall(normalise(text)))


def variants(wordings: Sequence[tuple[str, str]]) -> Wordings:
    """Compare ``(source id, quote text)`` pairs with the one of most words (the first
    of those, on a tie)."""
    if not wordings:
        raise ValueError("no wordings to compare")
    tokens = [words(text) for _, text in wordings]
    ref = max(range(len(wordings)), key=lambda i: (len(tokens[i]), -i))
    base = tokens[ref]
    compared = tuple(
        Variant(source, text, _diff(base, tokens[i]))
        for i, (source, text) in enumerate(wordings)
        if i != ref
    )
    return Wordings(wordings[ref][0], wordings[ref][1], compared)


def _diff(base: tuple[str, ...], other: tuple[str, ...]) -> tuple[Op, ...]:
    # autojunk off: its popularity heuristic would treat frequent words such as "the"
    # as junk in longer quotes and misalign the runs.
    matcher = difflib.SequenceMatcher(
        None, [w.lower() for w in base], [w.lower() for w in other], autojunk=False
    )
    return tuple(
        Op(tag, base[i1:i2], other[j1:j2]) for tag, i1, i2, j1, j2 in matcher.get_opcodes()
    )
