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
erases every separator, all ASCII punctuation and spacing, and case (anchoring allows
the first letter in either case); a text that NFKC would change is put through NFKC
first. What remains of a text and of its normal form is the same sequence of letters,
digits and other non-ASCII characters, so a match of the normal forms is a match of the
skeletons. The converse does not hold (``focus on`` and ``focu son`` have one
skeleton), which is why anchoring verifies every candidate.

>>> skeleton("“It’s the US‑led coalition…” — he said\\u00a0so.")
'itstheusledcoalitionhesaidso'
>>> skeleton(normalise("It's the US-led")) in skeleton("“It’s the US‑led coalition”")
True
"""

from __future__ import annotations

import re
import unicodedata

from claimledger.anchor.normalisation import SEPARATOR_CHARS, normalise

__all__ = ["normalise", "skeleton"]

# Bytes kept: ASCII letters and digits (upper case is lowered first) and every byte of a
# non-ASCII character's UTF-8 encoding.
_ERASED = bytes(b for b in range(128) if not (b"0"[0] <= b <= b"9"[0] or b"a"[0] <= b <= b"z"[0]))
_NON_ASCII_SEPARATORS = re.compile(
    "[" + re.escape("".join(sorted(c for c in SEPARATOR_CHARS if not c.isascii()))) + "]+"
)


def skeleton(text: str) -> str:
    """``text`` reduced to lower-case letters and digits (non-ASCII ones as UTF-8 bytes,
    one character per byte), with separators and punctuation erased."""
    if not text.isascii():
        if not unicodedata.is_normalized("NFKC", text):
            text = unicodedata.normalize("NFKC", text)
        text = _NON_ASCII_SEPARATORS.sub("", text.lower())
    return text.encode("utf-8").lower().translate(None, _ERASED).decode("latin-1")
