"""How several outlets worded one remark: word-level differences between their quotes.

Outlets reporting the same briefing rarely agree word for word ("governments" in one,
"authorities" in another; a sentence one of them cut short). :func:`variants` takes
the fullest wording as the reference and lists, for each other wording, the runs of
words that are equal, replaced, inserted or deleted relative to it — a small structure
a renderer can show inline and an API can return as is.

Words are compared without regard to case, punctuation or the typography that
:func:`~claimledger.anchor.normalise` erases, so a capitalised first word and curly
apostrophes are not differences; an outlet's own ellipsis is kept as a word (``…``)
because it marks words it left out. Runs are aligned with
:class:`difflib.SequenceMatcher`, reading a plural and its singular as the same word
for alignment only (the change is still reported).

>>> w = variants([("a", "Both the US and British governments were slow."),
...               ("b", "Both the US and British authorities were slow.")])
>>> w.reference, [(op.op, op.base, op.other) for op in w.variants[0].changes]
('a', [('replace', ('governments',), ('authorities',))])
"""

# ruff: noqa: RUF001, RUF002 - apostrophes and hyphens come in look-alike characters.
from __future__ import annotations

import difflib
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from typing import Literal

import attrs

__all__ = [
    "SAME_REMARK",
    "WORD",
    "Op",
    "OpKind",
    "Variant",
    "Wordings",
    "compare_words",
    "remark_wordings",
    "variants",
    "words",
]

#: Share of words (Dice coefficient) two wordings must have in common to be versions of
#: one remark rather than different remarks, or a remark and a headline about it.
SAME_REMARK = 0.6

OpKind = Literal["equal", "replace", "insert", "delete"]

# A word, with the apostrophes and hyphens inside it ("what's", "US-led"), or an
# ellipsis. Dashes and spaced hyphens separate words: "atrocities - which" is two.
_TOKEN = re.compile(r"\w+(?:[-'‘’ʼ‐‑]\w+)*|\.{3,}")
#: A word as :func:`words` reads one, for finding it in the original text.
WORD = _TOKEN
_SPELLING = str.maketrans({"‘": "'", "’": "'", "ʼ": "'", "‐": "-", "‑": "-"})


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

    @property
    def similarity(self) -> float:
        """The Dice coefficient of this wording's words and the reference's (0 to 1)."""
        equal = sum(len(op.base) for op in self.ops if op.op == "equal")
        total = sum(len(op.base) + len(op.other) for op in self.ops)
        return 2 * equal / total if total else 1.0


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
    # Tokens come from NFKC text rather than the normal form, which joins words across
    # dashes ("atrocities-which") to match typographic variants.
    found = _TOKEN.findall(unicodedata.normalize("NFKC", text).translate(_SPELLING))
    return tuple("…" if w.startswith("...") else w for w in found)


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


def compare_words(base: str, other: str) -> tuple[Op, ...]:
    """The runs of words of ``other`` compared with ``base``, as :func:`variants` compares
    wordings, but with ``base`` always the reference (a text before and after a change).

    >>> [(op.op, op.base, op.other) for op in compare_words("it was not", "it was now")]
    [('equal', ('it', 'was'), ('it', 'was')), ('replace', ('not',), ('now',))]
    """
    return _diff(words(base), words(other))


def _diff(base: tuple[str, ...], other: tuple[str, ...]) -> tuple[Op, ...]:
    # autojunk off: its popularity heuristic would treat frequent words such as "the"
    # as junk in longer quotes and misalign the runs.
    matcher = difflib.SequenceMatcher(
        None, [_key(w) for w in base], [_key(w) for w in other], autojunk=False
    )
    ops: list[Op] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            ops.append(Op(tag, base[i1:i2], other[j1:j2]))
            continue
        # Equal keys, but "assessments" and "assessment" are different words.
        block = len(ops)
        for a, b in zip(base[i1:i2], other[j1:j2], strict=True):
            same = a.lower() == b.lower()
            if len(ops) > block and ops[-1].op == ("equal" if same else "replace"):
                last = ops.pop()
                ops.append(Op(last.op, (*last.base, a), (*last.other, b)))
            else:
                ops.append(Op("equal" if same else "replace", (a,), (b,)))
    return tuple(ops)


def _key(word: str) -> str:
    """What words are aligned by: case is ignored and a plural "s" dropped, so that
    "assessments"/"assessment" pair up as a one-word change instead of pulling the
    alignment of the words after them askew."""
    word = word.lower()
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def remark_wordings(quoted: Sequence[tuple[str, str]]) -> Wordings | None:
    """The versions of one remark among ``(source id, text)`` wordings, compared.

    A claim's quotes may include a headline or a second remark beside the versions
    of the main one; comparing those word by word is noise. So the wordings kept
    are the largest group sharing at least :data:`SAME_REMARK` of their words with
    one of them (the first such group on a tie), and ``None`` is returned unless
    they come from two sources or more. The rendered ledger and the query API
    both show this.

    >>> w = remark_wordings([("a", "Both the US and British governments were slow."),
    ...                      ("a", "Corbyn aide row grows"),
    ...                      ("b", "Both the US and British authorities were slow.")])
    >>> w.reference, [v.source for v in w.variants]
    ('a', ['b'])
    """
    # Whether two wordings are versions of one remark is symmetric; decide each pair once,
    # and skip the alignment where even the shared vocabulary cannot reach the bar.
    keys = [Counter(_key(w) for w in words(text)) for _, text in quoted]
    alike: dict[tuple[int, int], bool] = {}

    def same_remark(i: int, j: int) -> bool:
        pair = (min(i, j), max(i, j))
        if pair not in alike:
            a, b = keys[pair[0]], keys[pair[1]]
            total = a.total() + b.total()
            # Words in common, counted with repeats, bound the aligned words from above.
            bound = 2 * (a & b).total() / total if total else 1.0
            alike[pair] = bound >= SAME_REMARK and (
                variants([quoted[pair[0]], quoted[pair[1]]]).variants[0].similarity >= SAME_REMARK
            )
        return alike[pair]

    best: list[tuple[str, str]] = []
    for i in range(len(quoted)):
        group = [other for j, other in enumerate(quoted) if i == j or same_remark(i, j)]
        if len(group) > len(best):
            best = group
    return variants(best) if len({source for source, _ in best}) >= 2 else None
