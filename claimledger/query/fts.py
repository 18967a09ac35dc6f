"""Turning what a person types into an SQLite FTS5 query that cannot fail to parse.

FTS5 has its own syntax (``AND``, ``OR``, ``NOT``, ``NEAR``, ``*``, ``^``, ``column:``,
parentheses, double quotes), and a query string passed to ``MATCH`` as typed raises on
``"unbalanced`` or ``AND OR``. Only two pieces of syntax are kept for the user:

- ``"a phrase"`` matches those words next to each other, in order (curly quotes too);
- a trailing ``*`` makes a word a prefix: ``atrocit*``.

Everything else is words. Each word and phrase becomes an FTS5 string (double quotes,
inner quotes doubled), so operators and punctuation are only ever text; a quote mark
left unclosed is ignored, and words with no letters or digits are dropped (the
tokenizer would give them no tokens). A query of bare words matches passages holding
all of them, and ranks those where they stand together as a phrase first.

>>> compile_query('"diverts attention"')
'"diverts attention"'
>>> compile_query('AND OR "unbalanced')
'"AND OR unbalanced" OR ("AND" AND "OR" AND "unbalanced")'
>>> compile_query('atrocit* "US-led" coalition')
'"atrocit" * AND "coalition" AND "US-led"'
>>> compile_query('-- ?')
Traceback (most recent call last):
...
claimledger.query.names.QueryError: nothing to search for in '-- ?' (give words or "a phrase")
"""

from __future__ import annotations

import re

from claimledger.query.names import QueryError

__all__ = ["compile_query"]

_CURLY = str.maketrans({"“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"'})
_PHRASE = re.compile(r'"([^"]*)"')


def _string(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _has_token(text: str) -> bool:
    # FTS5's unicode61 tokenizer keeps letters, numbers and private-use characters.
    return any(char.isalnum() for char in text)


def compile_query(text: str) -> str:
    """An FTS5 ``MATCH`` expression for ``text``; QueryError if it holds no words."""
    # Lone surrogates (undecodable bytes from a command line) cannot reach SQLite.
    text = text.encode("utf-8", "replace").decode("utf-8").translate(_CURLY).replace("\x00", " ")
    phrases: list[str] = []
    rest: list[str] = []
    at = 0
    for match in _PHRASE.finditer(text):
        rest.append(text[at : match.start()])
        phrases.append(" ".join(match.group(1).split()))
        at = match.end()
    rest.append(text[at:].replace('"', " "))  # an unclosed quote mark is not syntax
    words = " ".join(rest).split()
    terms: list[str] = []
    prefixed = False
    for word in words:
        if word.endswith("*") and _has_token(word):
            terms.append(_string(word.rstrip("*")) + " *")
            prefixed = True
        elif _has_token(word):
            terms.append(_string(word))
    bare = [word for word in words if _has_token(word)]
    terms += [_string(phrase) for phrase in phrases if _has_token(phrase)]
    if not terms:
        raise QueryError(f'nothing to search for in {text!r} (give words or "a phrase")')
    if len(terms) > 1 and not phrases and not prefixed:
        # All of the words, and a bonus in bm25 for passages holding them as a phrase;
        # the phrase also makes highlight() mark the run of words as one span.
        return f"{_string(' '.join(bare))} OR ({' AND '.join(terms)})"
    return " AND ".join(terms)
