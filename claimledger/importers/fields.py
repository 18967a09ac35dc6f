"""Reading JSON-LD objects field by field, so that no field goes unaccounted for.

A :class:`FieldReader` hands out the values of an input's fields and remembers
each one it handed out. Whatever was never read has no place in the ledger:
:meth:`FieldReader.unplaced` names each such field with its path, so an import
reports it rather than dropping it silently.

>>> reader = FieldReader()
>>> review = {"@type": "ClaimReview", "url": "https://a.example/r", "image": {"url": "x"}}
>>> reader.take(("r",), review, "url")
'https://a.example/r'
>>> reader.take(("r",), review, "@type")
'ClaimReview'
>>> [(".".join(map(str, path)), shown) for path, shown in reader.unplaced(("r",), review)]
[('r.image.url', "'x'")]
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from typing import Any

from claimledger.parse import YamlPath

__all__ = ["FieldReader", "as_list", "number"]

#: Keys that describe the document rather than any fact in it (a JSON-LD context, the
#: Fact Check Tools API's token for its next page).
STRUCTURAL = frozenset({"@context", "nextPageToken"})

_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")


def as_list(value: Any) -> list[Any]:
    """A JSON-LD value that may be one item or several, as a list (``None`` is none)."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def number(value: Any) -> int | float | None:
    """A rating's number: a JSON number, or a string of decimal digits (``"4"``, ``"2.5"``).

    >>> number(4), number("2.5"), number("four"), number(True), number(float("nan"))
    (4, 2.5, None, None, None)
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, str) and _NUMBER.fullmatch(value.strip()):
        text = value.strip()
        return float(text) if "." in text else int(text)
    return None


def _shown(value: Any, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


class FieldReader:
    """The fields of an input read so far, by path."""

    def __init__(self, read: set[YamlPath] | None = None) -> None:
        self.read: set[YamlPath] = set() if read is None else read

    def take(self, path: YamlPath, obj: dict[str, Any], key: str) -> Any:
        """``obj[key]`` (``None`` if absent), marked as read with everything inside it."""
        if key in obj:
            self.read.add((*path, key))
        return obj.get(key)

    def mark(self, path: YamlPath) -> None:
        """Mark the value at ``path`` (and everything inside it) as read."""
        self.read.add(path)

    def unplaced(self, path: YamlPath, value: Any) -> Iterator[tuple[YamlPath, str]]:
        """Each leaf under ``path`` that was never read, with its value as shown in a message."""
        if path in self.read:
            return
        if isinstance(value, dict):
            for key, inner in value.items():
                if key not in STRUCTURAL:
                    yield from self.unplaced((*path, key), inner)
        elif isinstance(value, list):
            for index, inner in enumerate(value):
                yield from self.unplaced((*path, index), inner)
        else:
            yield path, _shown(value)
