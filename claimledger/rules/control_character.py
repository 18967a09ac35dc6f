"""Text must not hold control characters or bidirectional overrides.

A YAML escape (``"\\e"``, ``"\\a"``, ``"\\x9b"``, ``"\\u202E"``) can put characters
in a claim that no reader sees: terminal commands (an ``ESC ]52`` sequence
writes the clipboard), or a right-to-left override that shows a quote's words
in another order than they are stored ("Trojan Source"). Every string of a
claim, a speaker and a source's metadata is checked: C0 controls other than
tab and line feed, DEL, C1 controls, the Unicode line and paragraph
separators, and the bidirectional embeddings, overrides and isolates
(U+202A to U+202E, U+2066 to U+2069).

Passing: ``statement: "He said “no”."``

Failing: ``statement: "He said \\e]52;c;cm0gLXJm\\a no."``
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs

from claimledger import codes
from claimledger.findings import CONTROL, Severity
from claimledger.ledger import LedgerFiles, Origin
from claimledger.parse import Document
from claimledger.rules.base import Problem

__all__ = ["FORBIDDEN", "check", "check_registry", "problems"]

CODE = codes.CONTROL_CHARACTER
NAME = "control-character"
SEVERITY = Severity.ERROR

#: What no text field may hold (tab and line feed are text).
FORBIDDEN = CONTROL


def _strings(
    value: Any, path: tuple[str | int, ...]
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from _strings(item, (*path, index))
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            yield from _strings(getattr(value, field.name), (*path, field.name))


def problems(value: Any, origin: Origin, skip: str | None = None) -> Iterator[Problem]:
    """A problem for each string of ``value`` (a claim, a speaker, a source's metadata)
    that holds a forbidden character, located through ``origin``."""
    for path, text in _strings(value, ()):
        if path == (skip,):
            continue
        found = FORBIDDEN.search(text)
        if found is not None:
            field = ".".join(str(part) for part in path)
            character = f"U+{ord(found.group()):04X}"
            message = f"{field} holds the control or bidirectional character {character}"
            yield Problem(origin.at(*path), message)


def _may_hold(document: Document) -> bool:
    """Whether a file's strings may hold a forbidden character: only if its text holds one,
    or an escape (``\\``) that could make one. Most files hold neither, and are not walked."""
    text = document.text
    return not text or "\\" in text or FORBIDDEN.search(text) is not None


def check(ledger: LedgerFiles) -> Iterator[Problem]:
    walked: dict[int, bool] = {}  # by document: one file's claims share it
    for claim, origin in ledger.located_claims():
        document = origin.document
        may = walked.get(id(document))
        if may is None:
            may = walked[id(document)] = _may_hold(document)
        if may:
            yield from problems(claim, origin)


def check_registry(ledger: LedgerFiles) -> Iterator[Problem]:
    for speaker_id, speaker in ledger.speakers.items():
        yield from problems(speaker, ledger.speaker_origins[speaker_id])
    for source in ledger.sources.values():
        # The id is the file's name, not a value in it (id-format covers it).
        yield from problems(source.meta, source.origin, skip="id")
