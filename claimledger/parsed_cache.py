"""Parsed YAML files kept for queries, so an unchanged ledger is not parsed again.

Loading a ledger to query it (:func:`claimledger.load`, ``claimledger query``,
``show``, ``search``) reads every claim file, the speaker registry and the corpus
metadata; parsing them with positions is most of its cost. This keeps each parsed
file (its plain values and the line and column of each key and value) in a second
signed index beside validation's, ``.claimledger/cache/parsed.json``, with the same
protections (:mod:`claimledger.cache_index`): an HMAC under the user's secret over
the whole file, plain JSON (loading executes nothing), read only as a regular file
inside the ledger.

An entry is keyed by the file's place, the sha256 of its bytes and the parser's own
source, so a changed byte is always seen: the sha256 is taken from the index only
when the file's size, modification and change times, device and inode are all as
recorded, and the file is read and hashed otherwise. Each load keeps only the
entries it used. A document from the cache has no text (``Document.text`` is
empty): only validation's rules quote lines of a file, and validation does not use
this cache.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs

from claimledger.cache_index import CacheIndex, file_stamp
from claimledger.findings import Finding, Location
from claimledger.parse import Document, YamlError, YamlPath, parse_yaml

__all__ = ["PARSED_NAME", "ParsedCache", "Reader"]

PARSED_NAME = "parsed.json"
_FORMAT = 1

#: Reads a file of the ledger: its text, its bytes, and the findings that stopped it.
Reader = Callable[[Path, Path], tuple[str | None, bytes | None, list[Finding]]]


@functools.cache
def _parser_digest() -> str:
    """The parser's source: what another version parsed is never reused."""
    source = Path(__file__).with_name("parse.py").read_bytes()
    return hashlib.sha256(str(_FORMAT).encode() + b"\0" + source).hexdigest()


def _table(positions: dict[YamlPath, tuple[int, int]]) -> list[Any]:
    return [[list(path), line, column] for path, (line, column) in positions.items()]


def _located_by_queries(path: YamlPath) -> bool:
    """The positions loading a ledger looks up for each entry: the entry, its id and its
    related links (``claims[i]``, ``claims[i].id``, ``claims[i].related[j]``)."""
    depth = len(path)
    return depth <= 2 or (depth == 3 and path[2] == "id") or (depth == 4 and path[2] == "related")


def _encode(document: Document) -> list[Any]:
    # The other positions as a string of their own: decoded only if one is looked up
    # (to report a finding).
    common = {path: at for path, at in document.values.items() if _located_by_queries(path)}
    tables = json.dumps([_table(document.values), _table(document.keys)], separators=(",", ":"))
    return [document.data, _table(common), tables]


def _positions(table: Any) -> dict[YamlPath, tuple[int, int]]:
    return {tuple(path): (int(line), int(column)) for path, line, column in table}


@attrs.frozen(eq=False)
class _StoredDocument(Document):
    """A document read back from the cache: the positions queries use at hand, the
    others decoded on first use."""

    common: dict[YamlPath, tuple[int, int]] = attrs.field(factory=dict, repr=False)
    tables: str = attrs.field(default="", repr=False)

    def locate(self, path: YamlPath, *, key: bool = False) -> Location:
        found = None if key else self.common.get(path)
        if found is not None:  # what the full table gives for a value it holds
            return Location(self.path, *found)
        if self.tables and not self.values:
            values, keys = json.loads(self.tables)
            self.values.update(_positions(values))
            self.keys.update(_positions(keys))
        return super().locate(path, key=key)


def _decode(entry: Any, shown: str) -> Document | None:
    try:
        data, common, tables = entry
        return _StoredDocument(shown, data, {}, {}, common=_positions(common), tables=str(tables))
    except (TypeError, ValueError):
        return None


class ParsedCache:
    """Parsed files of the last load, and those this load used."""

    def __init__(self, root: Path, enabled: bool = True) -> None:
        self._index = CacheIndex(root, enabled, PARSED_NAME)

    def parse(
        self, path: Path, root: Path, shown: str, read: Reader
    ) -> tuple[Document | None, list[Finding]]:
        """``path`` parsed (from the cache if its bytes are unchanged), or the findings
        that stop it being read or parsed. ``shown`` is its place in the ledger."""
        index = self._index
        stamp = file_stamp(path)  # before reading: a change while reading is seen next time
        known = index.known_digest(shown, stamp)
        if known is not None:
            found = _decode(index.get(self._key(shown, known)), shown)
            if found is not None:
                return found, []
        text, data, findings = read(path, root)
        if text is None or data is None:
            return None, findings
        digest = hashlib.sha256(data).hexdigest()
        try:
            document = parse_yaml(text, shown)
        except YamlError as exc:
            return None, [exc.finding]
        index.record_digest(shown, stamp, digest)
        index.put(self._key(shown, digest), _encode(document))
        return document, findings

    def _key(self, shown: str, digest: str) -> str:
        return f"{_parser_digest()}\0{shown}\0{digest}"

    def save(self) -> None:
        """Keep what this load parsed or used; nothing is written if nothing changed."""
        self._index.save()
