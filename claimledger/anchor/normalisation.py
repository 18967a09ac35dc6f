"""The one normalisation shared by quotes and sources, with a map back to the original.

Fact-checkers paste the same words with curly or straight quotes, en or em dashes or
hyphens, non-breaking spaces and line breaks. :func:`normalise` erases exactly those
differences, and nothing else (case is kept: see ``anchoring`` for the first letter):

1. *Separators* — quote marks, dashes, whitespace, invisible characters — are read as
   ``'``, ``"``, ``-``, a space, or nothing, and runs of them collapse: a run holding a
   dash becomes one ``-`` with no spaces round it (``Council—I``, ``Council - I`` and
   ``Council-I`` are one spelling); any other run holding whitespace becomes one
   space; quote marks are dropped unless they stand between two letters, where they
   are apostrophes (``isn't``); separators at either end are dropped.
2. NFKC, per character and its combining marks (``…`` becomes ``...``, ``ﬁ`` ``fi``;
   the ellipsis, the only one common in news copy, is done in step 1's scan).

Separators come first so that ``″`` is one ``"`` and ``´`` an apostrophe, not NFKC's
two primes or space-and-accent. Dropping quote marks at word edges is what lets a
quote run across paragraphs: news copy reopens the quotation at each paragraph
(``place.\\n\\n"Independent``) but the quoter writes ``place. Independent``.

>>> normalise("He said: “It’s — frankly — a ‘disgrace’…”\\n\\n“Really.”")
"He said: It's-frankly-a disgrace... Really."

Each step records which input characters each output character came from, so a match
in the normalised text maps back to exact offsets in the original:

>>> n = Normalised.build("say\\u00a0“no—never”")
>>> n.text, n.original_span(4, 12)
('say no-never', (5, 13))
"""

# ruff: noqa: RUF001, RUF002, RUF003 - the look-alike characters are this module's subject.
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from itertools import accumulate
from operator import add, sub

import attrs

__all__ = ["SEPARATOR_CHARS", "Normalised", "edge_mark", "normalise"]

# Quote marks and apostrophes as they arrive from word processors, PDFs and typesetting.
_SINGLE = "'‘’‚‛′‵‹›ʼ´`＇"
_DOUBLE = '"“”„‟″‶«»〝〞〟＂'
# Hyphens and dashes (Unicode category Pd in Latin typography, plus the minus sign).
_DASHES = "-‐‑‒–—―⁃−⸺⸻﹘﹣－"
# Every character for which str.isspace() is true, line and paragraph separators included.
_SPACES = (
    " \t\n\v\f\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
# Characters that only affect layout or shaping: soft hyphen, zero-width space,
# non-joiner and joiner, word joiner, byte-order mark.
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"

_APOSTROPHES = frozenset(_SINGLE)
# Marks that normalisation drops at the edge of a word; quote styles are
# interchangeable (a quoter's double quotes may stand for a source's single), dashes likewise.
_EDGE_MARKS = {**dict.fromkeys(_SINGLE + _DOUBLE, '"'), **dict.fromkeys(_DASHES, "-")}

_CANONICAL: dict[int, str | None] = {
    **dict.fromkeys(map(ord, _SINGLE), "'"),
    **dict.fromkeys(map(ord, _DOUBLE), '"'),
    **dict.fromkeys(map(ord, _DASHES), "-"),
    **dict.fromkeys(map(ord, _SPACES), " "),
    **dict.fromkeys(map(ord, _INVISIBLE)),
}
#: Every character normalisation reads as a separator (or drops), and the ellipsis:
#: outside them and NFKC, normalising changes nothing. Prefilters that must find at
#: least what anchoring finds (``claimledger.trace``) erase exactly these.
SEPARATOR_CHARS: frozenset[str] = frozenset([*map(chr, _CANONICAL), "…"])
_SEPARATORS = re.escape("".join(sorted(map(chr, _CANONICAL))))
_STARTERS = re.escape("".join(sorted(set(map(chr, _CANONICAL)) - {" "})))

# A run of separators (or an ellipsis and the separators after it) is found by a
# pattern that opens with a character class, so the regex engine skips ahead to
# candidates instead of trying every position. Runs that open with a plain space are
# found from their second character and widened by one in the loop; this misses runs
# of plain spaces only, so text that has "  " or a space at either end uses the slower
# pattern, which also tries every space.
#
# The commonest runs are one character that only changes into its canonical form:
# an apostrophe inside a word (``isn’t``), a hyphen or dash between words, a
# non-breaking space or line break between words. The patterns pass over those
# (``_PASSED``) and a str.replace per kind they pass over does them at the end, so the
# loop sees about half as many runs in news copy. Each of those characters, where it
# is left in the output, can only come from such a run.
_PASSED = {"'": "'", "’": "'", "-": "-", "‐": "-", "‑": "-", "–": "-", "—": "-"}
_PASSED |= {"\n": " ", "\xa0": " "}
_BETWEEN_WORDS = re.escape("".join(char for char in _PASSED if char not in "'’"))
_PASS = (
    rf"(?!(?<=\w['’])(?![{_SEPARATORS}])\w|(?<=[^{_SEPARATORS}][{_BETWEEN_WORDS}])[^{_SEPARATORS}])"
)
_RUN = re.compile(rf"[{_STARTERS}…]{_PASS}[{_SEPARATORS}]*")
_RUN_OR_SPACES = re.compile(rf"[{_SEPARATORS}…]{_PASS}[{_SEPARATORS}]*")
_REPLACED = [(char, new) for char, new in _PASSED.items() if char != new]

# Runs with the same characters collapse the same way unless they are all quote marks
# (then the letters around them decide), so most are looked up rather than worked
# out; the cap keeps adversarial input from growing the table without bound.
_COLLAPSED: dict[str, str] = {}
_COLLAPSED_CAP = 4096

_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


@attrs.frozen
class _Edits:
    """The replacements one step made, as parallel sorted arrays.

    Text between replacements was copied unchanged, so any output index maps back by a
    bisect and an addition; an index inside a replacement maps to the whole input group
    it came from, so a match boundary never splits a character.
    """

    out_starts: tuple[int, ...]
    out_ends: tuple[int, ...]
    in_starts: tuple[int, ...]
    in_ends: tuple[int, ...]

    def source_group(self, index: int) -> tuple[int, int]:
        """The input span that output character ``index`` came from."""
        j = bisect_right(self.out_starts, index) - 1
        if j < 0:
            return index, index + 1
        if index < self.out_ends[j]:
            return self.in_starts[j], self.in_ends[j]
        at = self.in_ends[j] + index - self.out_ends[j]
        return at, at + 1


class _Output:
    """The output of one step, built in input order, with its replacements recorded."""

    __slots__ = ("done", "edits", "pieces")

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.done = 0  # input consumed so far
        self.edits: list[tuple[int, int, int]] = []  # input start, input end, output length

    def replace(self, text: str, start: int, end: int, new: str) -> None:
        self.pieces += (text[self.done : start], new)
        self.done = end
        if len(new) != end - start:  # a 1:1 substitution leaves offsets as they are
            self.edits.append((start, end, len(new)))

    def finish(self, text: str, mapped: bool = True) -> tuple[str, _Edits | None]:
        """The output, and (if ``mapped``) the map back to ``text``."""
        if not self.pieces:
            return text, None
        self.pieces.append(text[self.done :])
        return "".join(self.pieces), _edits(self.edits) if mapped else None


def _edits(edits: list[tuple[int, int, int]]) -> _Edits | None:
    """The map made of ``(input start, input end, output length)`` replacements, in order."""
    if not edits:
        return None
    in_starts, in_ends, lengths = zip(*edits, strict=True)
    # Each replacement's output start: its input start moved by how much longer (or
    # shorter) the output has grown before it; summed and added in C, not a Python loop.
    growth = accumulate(map(sub, lengths, map(sub, in_ends, in_starts)), initial=0)
    out_starts = tuple(map(add, in_starts, growth))
    return _Edits(out_starts, tuple(map(add, out_starts, lengths)), in_starts, in_ends)


def _wordlike(char: str) -> bool:
    return char.isalnum() or char == "_"  # the regex \w for str patterns


def _separators(text: str, mapped: bool = True) -> tuple[str, _Edits | None]:
    """Step 1: read and collapse runs of separators; the map back only if ``mapped``.

    This loop runs once per line break or quote mark of every source, so it is written
    for speed: replacements are collected inline and 1:1 ones leave no edit.
    """
    fast = "  " not in text and text[:1] != " " and text[-1:] != " "
    last = len(text)
    collapsed = _COLLAPSED
    out = _Output()
    pieces, edits = out.pieces, out.edits
    done = 0
    for run in (_RUN if fast else _RUN_OR_SPACES).finditer(text):
        start, end = run.span()
        if text[start] == "…":
            # NFKC's "..." for the ellipsis, done here because news copy is full of
            # them; what follows it is a run of its own.
            pieces += (text[done:start], "...")
            edits.append((start, start + 1, 3))
            done = start = start + 1
            if start == end:
                continue
        elif fast and start > done and text[start - 1] == " ":
            start -= 1
        chars = text[start:end]
        if start == 0 or end == last:
            new = ""
        elif chars in _APOSTROPHES:  # the commonest run, decided by its neighbours
            before, after = text[start - 1], text[end]
            inside = (before.isalnum() or before == "_") and (after.isalnum() or after == "_")
            new = "'" if inside else ""
        else:
            known = collapsed.get(chars)
            new = _collapse(text, start, end) if known is None else known
        if new == chars:
            continue
        pieces += (text[done:start], new)
        done = end
        if len(new) != end - start:
            edits.append((start, end, len(new)))
    out.done = done
    normalised, mapped_back = out.finish(text, mapped)
    for char, new in _REPLACED:
        if char in normalised:
            normalised = normalised.replace(char, new)
    return normalised, mapped_back


def _collapse(text: str, start: int, end: int) -> str:
    """What the separators ``text[start:end]`` become, neither at the start nor the end."""
    chars = text[start:end]
    canonical = chars.translate(_CANONICAL)
    if "-" in canonical or " " in canonical or not canonical:
        new = "-" if "-" in canonical else " " if " " in canonical else ""
        if len(_COLLAPSED) < _COLLAPSED_CAP:
            _COLLAPSED[chars] = new
        return new
    if _wordlike(text[start - 1]) and _wordlike(text[end]):
        return canonical[0]  # an apostrophe inside a word: isn't, O'Neill
    return ""


def _nfkc(text: str, mapped: bool = True) -> tuple[str, _Edits | None]:
    """Step 2: NFKC, a character and its combining marks at a time, so output traces back.

    Normalising clusters separately equals whole-string NFKC except for scripts whose
    composition joins two base characters (conjoining Hangul jamo, some Indic vowel
    signs), which published text carries precomposed.
    """
    if text.isascii() or unicodedata.is_normalized("NFKC", text):
        return text, None
    out = _Output()
    for run in _NON_ASCII.finditer(text):
        start, end = run.span()
        if start > out.done and unicodedata.combining(text[start]):
            start -= 1  # a mark composes with the (ASCII) character before it
        i = start
        while i < end:
            j = i + 1
            while j < end and unicodedata.combining(text[j]):
                j += 1
            normal = unicodedata.normalize("NFKC", text[i:j])
            if normal != text[i:j]:
                out.replace(text, i, j, normal)
            i = j
    return out.finish(text, mapped)


def _compose(nfkc: _Edits, separators: _Edits) -> _Edits:
    """One map from the normalised text to the original, out of the two steps' maps.

    Step 2 rewrites non-ASCII characters (with the letter before a combining mark),
    which step 1 copied unchanged; step 1's replacements are separators or nothing,
    which step 2 leaves alone. So each step's replacements keep their place in the
    other's coordinates, except where step 1 deleted something between a letter and
    its accent ("Y’́"): that deletion becomes part of step 2's replacement.
    """
    edits = [
        (out_start, out_end, separators.source_group(start)[0], separators.source_group(end - 1)[1])
        for out_start, out_end, start, end in zip(
            nfkc.out_starts, nfkc.out_ends, nfkc.in_starts, nfkc.in_ends, strict=True
        )
    ]
    shifts = [0]  # how far step 2 has moved text by the end of each of its replacements
    for out_start, out_end, start, end in zip(
        nfkc.out_starts, nfkc.out_ends, nfkc.in_starts, nfkc.in_ends, strict=True
    ):
        shifts.append(shifts[-1] + (out_end - out_start) - (end - start))
    for out_start, out_end, start, end in zip(
        separators.out_starts,
        separators.out_ends,
        separators.in_starts,
        separators.in_ends,
        strict=True,
    ):
        j = bisect_right(nfkc.in_starts, out_start) - 1
        if j >= 0 and (
            nfkc.in_starts[j] < out_start < nfkc.in_ends[j]
            or (nfkc.in_starts[j] == out_start < out_end)
        ):
            continue  # inside one of step 2's replacements, which covers it
        shift = shifts[bisect_right(nfkc.in_ends, out_start)]
        edits.append((out_start + shift, out_end + shift, start, end))
    edits.sort()
    return _Edits(*(tuple(column) for column in zip(*edits, strict=True)))


@attrs.frozen(eq=False)
class Normalised:
    """A text's normalised form and the map from normalised to original offsets."""

    text: str
    _edits: _Edits | None = attrs.field(repr=False)

    @classmethod
    def build(cls, original: str) -> Normalised:
        """Normalise ``original``, keeping what is needed to map offsets back."""
        text, separators = _separators(original)
        text, nfkc = _nfkc(text)
        if nfkc is not None and separators is not None:
            return cls(text, _compose(nfkc, separators))
        return cls(text, nfkc or separators)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Original offsets (start inclusive, end exclusive) of normalised ``[start, end)``.

        The span is widened to whole original characters: a match on the ``.`` of a
        ``...`` that came from ``…`` covers the ``…``.
        """
        if not 0 <= start < end <= len(self.text):
            raise ValueError(f"not a non-empty span of the normalised text: {start}, {end}")
        if self._edits is None:
            return start, end
        return self._edits.source_group(start)[0], self._edits.source_group(end - 1)[1]


def edge_mark(char: str) -> str | None:
    """``'"'`` for any quote mark, ``"-"`` for any dash or hyphen, else ``None``.

    >>> edge_mark("‘"), edge_mark("—"), edge_mark("a")
    ('"', '-', None)
    """
    return _EDGE_MARKS.get(char)


def normalise(text: str) -> str:
    """The form in which quotes and sources are compared.

    >>> normalise("large‑scale  civilian\\ncasualties — ‘in Aleppo’")
    'large-scale civilian casualties-in Aleppo'
    """
    return _nfkc(_separators(text, mapped=False)[0], mapped=False)[0]
