"""Reading JSON-LD input: JSON with the line and column of every value, and its vocabulary.

``json`` gives no positions, so the text is also composed by the ledger's YAML
reader (JSON is YAML's flow syntax), which records where each value stands
and, unlike ``json``, refuses a repeated key rather than keeping the last.
When libyaml cannot read some valid JSON, messages fall back to the path
inside the document alone.

>>> doc = load_json('{"a": [1,\\n  {"@type": "schema:ClaimReview"}]}', "in.json")
>>> doc.message(("a", 1), "here")
Message(location=Location(path='in.json', line=2, column=3), message='a[1]: here')
>>> types(doc.data["a"][1])
['ClaimReview']
>>> load_json('{"a": 1,}', "in.json")
Traceback (most recent call last):
...
claimledger.importers.jsonld.InputError: in.json:1:9: invalid JSON: Expecting property name \
enclosed in double quotes
"""

from __future__ import annotations

import json
import re
import sys
from typing import Any

import attrs

from claimledger.codes import DUPLICATE_KEY
from claimledger.errors import ClaimledgerError
from claimledger.findings import Location
from claimledger.parse import Document, YamlError, YamlPath, parse_yaml

__all__ = ["InputError", "LocatedJson", "Message", "load_json", "types"]


@attrs.frozen
class Message:
    """A problem or a note about the input, at its place in the input file."""

    location: Location
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


class InputError(ClaimledgerError, ValueError):
    """The input cannot be imported; ``errors`` says where and why."""

    def __init__(self, errors: list[Message]) -> None:
        super().__init__("\n".join(str(e) for e in errors))
        self.errors = tuple(errors)


def _dotted(path: YamlPath) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


@attrs.frozen
class LocatedJson:
    """A JSON value and, where known, the position of each value inside it."""

    path: str
    data: Any
    document: Document | None

    def message(self, at: YamlPath, text: str) -> Message:
        """``text`` about the value at ``at``, located in the file and by its path."""
        where = self.document.locate(at) if self.document else Location(self.path)
        return Message(where, f"{_dotted(at)}: {text}" if at else text)


# A number where JSON has values: after a colon, a bracket or a comma.
_LONG_NUMBER = re.compile(r"(?<=[:\[,])\s*-?([0-9]{100,})")


def _huge_integer(text: str, path: str) -> Message:
    found = _LONG_NUMBER.search(text)
    if found is None:  # pragma: no cover - json refused a number it did not find here
        return Message(Location(path), "invalid JSON: a number too long to read")
    start = found.start(1)
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    digits = len(found.group(1))
    return Message(
        Location(path, line, column),
        f"invalid JSON: an integer of {digits:,} digits (at most {sys.get_int_max_str_digits():,})",
    )


def load_json(text: str, path: str) -> LocatedJson:
    """Parse JSON ``text`` read from ``path``; raise :class:`InputError` at the fault."""
    repeated = None
    try:
        document: Document | None = parse_yaml(text, path)
    except YamlError as exc:
        document = None
        repeated = exc.finding if exc.finding.code == DUPLICATE_KEY else None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        where = Location(path, exc.lineno, exc.colno)
        raise InputError([Message(where, f"invalid JSON: {exc.msg}")]) from None
    except RecursionError:
        raise InputError([Message(Location(path), "JSON nested too deeply")]) from None
    except ValueError:  # an integer of more than 4,300 digits (sys.get_int_max_str_digits)
        raise InputError([_huge_integer(text, path)]) from None
    if repeated is not None:
        # JSON would silently keep the last value; the YAML reader said where the key repeats.
        raise InputError([Message(repeated.location, repeated.message)])
    located = LocatedJson(path, data, document)
    bad = _lone_surrogate(data, ())
    if bad is not None:
        # "\ud800" is valid JSON but no text: it could never be written to a claim file.
        raise InputError([located.message(bad, "a lone surrogate (\\ud800-\\udfff) is not text")])
    return located


def _lone_surrogate(value: Any, at: YamlPath) -> YamlPath | None:
    """Where the first string holding a lone surrogate is, if any."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return at
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if (found := _lone_surrogate(item, (*at, index))) is not None:
                return found
    elif isinstance(value, dict):
        for key, item in value.items():
            if (found := _lone_surrogate(key, at) if isinstance(key, str) else None) is not None:
                return found
            if (found := _lone_surrogate(item, (*at, key))) is not None:
                return found
    return None


def types(value: dict[str, Any]) -> list[str]:
    """The local names of an object's ``@type``: ``schema:X`` and ``https://schema.org/X`` are X."""
    raw = value.get("@type")
    names = raw if isinstance(raw, list) else [raw]
    return [re.split(r"[/:#]", n)[-1] for n in names if isinstance(n, str)]
