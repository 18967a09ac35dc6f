"""Every rule's code, defined once: the loader, the rules and the importers name codes from here.

A code is stable (``CL`` and three digits) and means one rule for good. The rule
itself (its name, severity, doc and check) is the module of that name in
:mod:`claimledger.rules`; this table sits below the loader because the loader
reports the rules it applies while reading files (syntax, keys, schema, paths).

>>> QUOTE_NOT_FOUND
'CL009'
>>> len(set(ALL)) == len(ALL)
True
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "ALL",
    "AMBIGUOUS_QUOTE",
    "CONTROL_CHARACTER",
    "CORPUS_CHANGED",
    "DUPLICATE_ID",
    "DUPLICATE_KEY",
    "EMPTY_QUOTE",
    "FRAMING_IN_QUOTE",
    "ID_FORMAT",
    "NOTHING_TO_CHECK",
    "OUTSIDE_LEDGER",
    "POSSIBLE_MISQUOTE",
    "QUOTE_NOT_FOUND",
    "SAID_AFTER_PUBLISHED",
    "SCHEMA",
    "UNCHECKED_QUOTE",
    "UNKNOWN_RELATED",
    "UNKNOWN_SOURCE",
    "UNKNOWN_SPEAKER",
    "VERDICT_NOT_ON_SCALE",
    "YAML_SYNTAX",
]

YAML_SYNTAX: Final = "CL001"
DUPLICATE_KEY: Final = "CL002"
SCHEMA: Final = "CL003"
DUPLICATE_ID: Final = "CL004"
UNKNOWN_SPEAKER: Final = "CL005"
UNKNOWN_SOURCE: Final = "CL006"
UNKNOWN_RELATED: Final = "CL007"
CORPUS_CHANGED: Final = "CL008"
QUOTE_NOT_FOUND: Final = "CL009"
SAID_AFTER_PUBLISHED: Final = "CL010"
VERDICT_NOT_ON_SCALE: Final = "CL011"
EMPTY_QUOTE: Final = "CL012"
POSSIBLE_MISQUOTE: Final = "CL013"
AMBIGUOUS_QUOTE: Final = "CL014"
OUTSIDE_LEDGER: Final = "CL015"
NOTHING_TO_CHECK: Final = "CL016"
ID_FORMAT: Final = "CL017"
CONTROL_CHARACTER: Final = "CL018"
UNCHECKED_QUOTE: Final = "CL019"
FRAMING_IN_QUOTE: Final = "CL020"

#: Every code, in order.
ALL: Final = (
    YAML_SYNTAX,
    DUPLICATE_KEY,
    SCHEMA,
    DUPLICATE_ID,
    UNKNOWN_SPEAKER,
    UNKNOWN_SOURCE,
    UNKNOWN_RELATED,
    CORPUS_CHANGED,
    QUOTE_NOT_FOUND,
    SAID_AFTER_PUBLISHED,
    VERDICT_NOT_ON_SCALE,
    EMPTY_QUOTE,
    POSSIBLE_MISQUOTE,
    AMBIGUOUS_QUOTE,
    OUTSIDE_LEDGER,
    NOTHING_TO_CHECK,
    ID_FORMAT,
    CONTROL_CHARACTER,
    UNCHECKED_QUOTE,
    FRAMING_IN_QUOTE,
)
