"""A source document prepared once for any number of quotes: text, normal form, paragraphs.

A *paragraph* is a line (as :meth:`str.splitlines` breaks lines) that holds at least
one non-space character, numbered from 1 in document order. Blank lines do not count.

Why lines and not blank-line-separated blocks: in the corpus, paragraphs are lines
with blank lines between them, but captions, photo credits and lists of related links
come one to a line with none between (the Mirror's URL, counters and headline;
``…Russian fighters`` / ``PA Images``; the ``[WATCH]`` links). As blocks each group
would be one "paragraph"; as lines each item gets its own number, and wherever a
document separates paragraphs with blank lines the two definitions agree. A text
hard-wrapped at a fixed width (some PDF extracts) is numbered by line: still a
pinpoint into the text as stored.

>>> s = SourceText.build("Title\\n\\nFirst para,\\nsecond line.\\n\\n\\n  Third.\\n")
>>> [s.paragraph_at(s.text.index(w)) for w in ("Title", "First", "second", "Third")]
[1, 2, 3, 4]
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from itertools import accumulate, compress

import attrs

from claimledger.anchor.normalisation import Normalised

__all__ = ["SourceText"]

# Characters that join two words into one when they stand between letters.
_JOINERS = frozenset("'-‘’‛ʼ‐‑")  # noqa: RUF001


def _wordlike(char: str) -> bool:
    # The regex \w for str patterns, plus combining marks: "e" + U+0301 is one letter.
    if char.isalnum():
        return True
    return char == "_" if char.isascii() else unicodedata.category(char)[0] == "M"


@attrs.frozen(eq=False)
class SourceText:
    """A source's original text with its normalised form and paragraph starts.

    Build one per source per run with :meth:`build`; anchoring any number of quotes
    into it reuses them.
    """

    text: str
    _normalised: Normalised = attrs.field(repr=False)
    _paragraph_starts: tuple[int, ...] = attrs.field(repr=False)
    # Only the closest-passage search reads it, for quotes not found: made on first use.
    _folded: str | None = attrs.field(default=None, repr=False)

    @classmethod
    def build(cls, text: str) -> SourceText:
        """Prepare ``text`` (the document, verbatim) for anchoring."""
        lines = text.splitlines(keepends=True)
        starts = compress(
            accumulate(map(len, lines), initial=0), [not line.isspace() for line in lines]
        )
        return cls(text, Normalised.build(text), tuple(starts))

    @property
    def normalised(self) -> str:
        """The text as :func:`~claimledger.anchor.normalise` renders it."""
        return self._normalised.text

    @property
    def folded(self) -> str:
        """:attr:`normalised` in lower case, offset for offset, for case-blind searches.

        If lowering would change the length (a rare letter such as ``İ``), this is
        :attr:`normalised` unchanged, so searches stay case-sensitive but correct.
        """
        folded = self._folded
        if folded is None:
            folded = self.normalised.lower()
            if len(folded) != len(self.normalised):  # "İ" lowers to two code points
                folded = self.normalised
            object.__setattr__(self, "_folded", folded)  # a cache: the value never changes
        return folded

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Offsets into :attr:`text` of the normalised span ``[start, end)``."""
        return self._normalised.original_span(start, end)

    def paragraph_at(self, offset: int) -> int:
        """The 1-based number of the paragraph holding original ``offset``.

        An offset in blank lines before the first paragraph counts as paragraph 1.
        """
        return max(1, bisect_right(self._paragraph_starts, offset))

    def starts_word(self, offset: int) -> bool:
        """Whether a quote may begin at ``offset`` without cutting a word in two.

        ``Russia`` must not anchor in ``Russian``, nor ``led`` in ``US-led`` or ``t`` in
        ``isn't``: the character before must not be a letter or digit, nor a joiner
        (apostrophe, hyphen) that itself follows one.
        """
        text = self.text
        if offset <= 0 or offset >= len(text) or not _wordlike(text[offset]):
            return True
        before = text[offset - 1]
        if _wordlike(before):
            return False
        return not (before in _JOINERS and offset >= 2 and _wordlike(text[offset - 2]))

    def ends_word(self, offset: int) -> bool:
        """Whether a quote may end at ``offset`` (exclusive) without cutting a word."""
        text = self.text
        if offset <= 0 or offset >= len(text) or not _wordlike(text[offset - 1]):
            return True
        after = text[offset]
        if _wordlike(after):
            return False
        return not (after in _JOINERS and offset + 1 < len(text) and _wordlike(text[offset + 1]))
