"""The skeleton of a text: its letters and digits in lower case, nothing else.

Anchoring compares texts after :func:`~claimledger.anchor.normalise`, which is exact but
costs a Python loop per separator run; an archive of gigabytes cannot go through it.
The skeleton is a cheaper form with one property that matters: **if a quote's
normalised form occurs in a text's normalised form, the quote's skeleton occurs in the
text's skeleton.** So scanning skeletons loses nothing that anchoring would find, and
only the few documents whose skeleton holds a quote's go through normalisation and
:func:`~claimledger.anchor.anchor`, which decides.

Why it holds: normalising reads :data:`~claimledger.anchor.normalisation.SEPARATOR_CHARS`
as separators or nothing and applies NFKC; everything else is copied. The skeleton
erases every separator, all ASCII punctuation and spacing, and the case of ASCII
letters (anchoring allows the first letter in either case); a text that NFKC would
change is put through NFKC first (whole, where anchoring does it a cluster at a time:
they differ only for scripts that compose two base characters, published precomposed).
What remains of a text and of its normal form is the same sequence of letters,
digits and other non-ASCII characters, so a match of the normal forms is a match of the
skeletons. The converse does not hold (``focus on`` and ``focu son`` have one
skeleton), which is why anchoring verifies every candidate.

>>> skeleton("“It’s the US‑led coalition…” — he said\\u00a0so.")
'itstheusledcoalitionhesaidso'
>>> skeleton(normalise("It's the US-led")) in skeleton("“It’s the US‑led coalition”")
True
"""

# ruff: noqa: RUF002 - typographic marks are what trace reads past.

from __future__ import annotations

import re
import unicodedata

from claimledger.anchor.normalisation import SEPARATOR_CHARS, normalise

__all__ = ["normalise", "skeleton"]

# Bytes kept: ASCII letters and digits (upper case is lowered first) and every byte of a
# non-ASCII character's UTF-8 encoding.
_ERASED = bytes(b for b in range(128) if not (b"0"[0] <= b <= b"9"[0] or b"a"[0] <= b <= b"z"[0]))
_NON_ASCII = sorted(c for c in SEPARATOR_CHARS if not c.isascii())
# Separators as UTF-8 byte sequences: a bytes pattern scans faster than a str one.
_SEPARATOR_BYTES = re.compile(b"|".join(re.escape(c.encode("utf-8")) for c in _NON_ASCII))
# Separators that NFKC would rewrite (the ellipsis, no-break and fixed-width spaces):
# erased before asking whether the rest of the text is in NFKC already.
_NFKC_SEPARATORS = tuple(c for c in _NON_ASCII if unicodedata.normalize("NFKC", c) != c)


def skeleton(text: str) -> str:
    """``text`` reduced to its letters and digits, ASCII ones in lower case, non-ASCII
    ones as their UTF-8 bytes (one character per byte), separators and punctuation
    erased.

    Non-ASCII letters keep their case: anchoring only forgives the case of a quote's
    first letter, and :mod:`claimledger.trace.patterns` leaves out a quote's first
    character when it is a non-ASCII letter.
    """
    if text.isascii():
        return text.encode("ascii").lower().translate(None, _ERASED).decode("ascii")
    if not unicodedata.is_normalized("NFKC", text):
        for separator in _NFKC_SEPARATORS:
            if separator in text:
                text = text.replace(separator, " ")
        if not unicodedata.is_normalized("NFKC", text):
            text = unicodedata.normalize("NFKC", text)
    raw = _SEPARATOR_BYTES.sub(b"", text.encode("utf-8", "surrogatepass"))
    return raw.lower().translate(None, _ERASED).decode("latin-1")
