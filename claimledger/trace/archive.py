"""An archive to trace claims through: shards of JSON Lines or Parquet, or folders of text.

Each shard is read one document at a time, so a worker holds one document (one
Parquet row group) however large the shard:

- **JSON Lines** (``*.jsonl``, ``*.ndjson``, or gzip-compressed ``*.jsonl.gz``): one
  object a line with ``id`` and ``text`` (strings) and, optionally, ``url``, ``title``,
  ``publisher`` (strings or null) and ``published`` (``YYYY``, ``YYYY-MM``,
  ``YYYY-MM-DD``, or an ISO 8601 date-time, of which the date is kept). Other keys are
  ignored; blank lines are skipped.
- **Parquet** (``*.parquet``, needs pyarrow): the same columns.
- **A folder of ``.txt`` files**, for small cases: each file a document whose id is its
  path in the folder; no url or date (unknown stays unknown).

A record that breaks these rules is a :class:`~claimledger.findings.Finding` at its line
(``TR001`` unreadable shard, ``TR002`` not a JSON object, ``TR003`` a field missing or of
the wrong type, ``TR004`` a date that is not one); the trace reports every one and
writes nothing.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> record = '{"id": "d1", "text": "Hello.", "published": "2016-10-12T08:00:00Z"}'
>>> _ = (folder / "a.jsonl").write_text(record + "\\n")
>>> [shard.format for shard in find_shards([str(folder)])]
['jsonl']
>>> docs, problems = read_shard(find_shards([str(folder)])[0])
>>> [(d.id, str(d.published), d.line) for d in docs], problems
([('d1', '2016-10-12', 1)], [])
"""

from __future__ import annotations

import datetime as _dt
import gzip
import json
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, Literal

import attrs

from claimledger.dates import PartialDate
from claimledger.findings import Finding, Location, Severity

__all__ = [
    "ArchiveDocument",
    "ArchiveError",
    "Shard",
    "ShardFormat",
    "find_shards",
    "iter_documents",
    "parse_published",
    "read_shard",
]

ShardFormat = Literal["jsonl", "parquet", "txt"]

_SUFFIXES: dict[str, ShardFormat] = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".jsonl.gz": "jsonl",
    ".ndjson.gz": "jsonl",
    ".parquet": "parquet",
}
_OPTIONAL = ("url", "title", "publisher")


class ArchiveError(Exception):
    """The archive named on the command line cannot be read as one (a usage error)."""


@attrs.frozen
class Shard:
    """One unit of work: a file of documents, or a folder of ``.txt`` files."""

    path: str
    format: ShardFormat
    size: int
    """Bytes on disk (compressed, for ``.gz``), to schedule the largest first."""


@attrs.frozen
class ArchiveDocument:
    """One document of the archive; ``line`` is its line (JSON Lines) or row (Parquet)."""

    id: str
    text: str
    shard: str
    line: int = 1
    url: str | None = None
    published: PartialDate | None = None
    title: str | None = None
    publisher: str | None = None


def _format(path: Path) -> ShardFormat | None:
    name = path.name.lower()
    for suffix, kind in _SUFFIXES.items():
        if name.endswith(suffix):
            return kind
    return None


def find_shards(paths: Sequence[str]) -> list[Shard]:
    """The shards named by ``paths``: files, or folders searched for shard files.

    A folder's JSON Lines and Parquet files are its shards; a folder holding ``.txt``
    files directly is also a shard of its own. Symbolic links are not followed out of
    a folder. The order is stable (sorted paths) so that every scheduler sees the same
    shards; :class:`ArchiveError` if a path does not exist or holds no shard.
    """
    shards: dict[str, Shard] = {}
    for given in paths:
        path = Path(given)
        if path.is_file():
            kind = _format(path)
            if kind is None:
                raise ArchiveError(
                    f"{given}: not a shard (expected .jsonl, .ndjson, .jsonl.gz or .parquet, "
                    "or a folder)"
                )
            shards[str(path)] = Shard(str(path), kind, path.stat().st_size)
        elif path.is_dir():
            found = _walk(path)
            if not found:
                raise ArchiveError(f"{given}: no .jsonl, .parquet or .txt files in this folder")
            for shard in found:
                shards.setdefault(shard.path, shard)
        else:
            raise ArchiveError(f"{given}: no such file or directory")
    return sorted(shards.values(), key=lambda s: s.path)


def _walk(folder: Path) -> list[Shard]:
    found: list[Shard] = []
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        here = Path(root)
        texts = 0
        for name in sorted(files):
            path = here / name
            if path.is_symlink() or not path.is_file():
                continue
            kind = _format(path)
            if kind is not None:
                found.append(Shard(str(path), kind, path.stat().st_size))
            elif name.endswith(".txt"):
                texts += path.stat().st_size
        if texts:
            found.append(Shard(str(here), "txt", texts))
    return found


def parse_published(value: str) -> PartialDate:
    """A ``published`` value as a partial date; a date-time keeps its date as written.

    >>> str(parse_published("2016-10")), str(parse_published("2016-10-12T23:30:00-05:00"))
    ('2016-10', '2016-10-12')
    """
    if len(value) > 10 and value[10] in "T ":
        try:
            moment = _dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            raise ValueError(f"not a valid date or date-time: {value!r}") from None
        value = moment.date().isoformat()
    return PartialDate.parse(value)


def read_shard(shard: Shard) -> tuple[list[ArchiveDocument], list[Finding]]:
    """Every document of a small shard and every problem, at once (for tests and tools)."""
    problems: list[Finding] = []
    return list(iter_documents(shard, problems)), problems


def iter_documents(shard: Shard, problems: list[Finding]) -> Iterator[ArchiveDocument]:
    """The documents of ``shard`` one at a time; bad records go to ``problems``."""
    try:
        if shard.format == "jsonl":
            yield from _jsonl(shard, problems)
        elif shard.format == "parquet":
            yield from _parquet(shard, problems)
        else:
            yield from _texts(shard, problems)
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        problems.append(_problem(shard.path, 1, "TR001", f"cannot read the shard: {exc}"))


def _problem(path: str, line: int, code: str, message: str) -> Finding:
    return Finding(code, Severity.ERROR, message, Location(path, line, 1))


def _jsonl(shard: Shard, problems: list[Finding]) -> Iterator[ArchiveDocument]:
    opener: Any = gzip.open if shard.path.lower().endswith(".gz") else open
    with opener(shard.path, "rt", encoding="utf-8", newline="\n") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError as exc:
                problems.append(_problem(shard.path, number, "TR002", f"not JSON: {exc}"))
                continue
            document = _document(record, shard.path, number, problems)
            if document is not None:
                yield document


def _parquet(shard: Shard, problems: list[Finding]) -> Iterator[ArchiveDocument]:
    try:
        import pyarrow.parquet as pq  # type: ignore[import-untyped]
    except ImportError:
        problems.append(
            _problem(
                shard.path,
                1,
                "TR001",
                "reading Parquet needs pyarrow: pip install 'claimledger[parquet]'",
            )
        )
        return
    try:
        parquet = pq.ParquetFile(shard.path)
    except Exception as exc:  # pyarrow raises its own error kinds for a damaged file
        problems.append(_problem(shard.path, 1, "TR001", f"cannot read the shard: {exc}"))
        return
    names = set(parquet.schema_arrow.names)
    missing = [name for name in ("id", "text") if name not in names]
    if missing:
        problems.append(_problem(shard.path, 1, "TR003", f"no {missing[0]!r} column"))
        return
    columns = [name for name in ("id", "text", "published", *_OPTIONAL) if name in names]
    row = 0
    for batch in parquet.iter_batches(batch_size=256, columns=columns):
        for record in batch.to_pylist():
            row += 1
            published = record.get("published")
            if isinstance(published, _dt.datetime):
                record["published"] = published.date().isoformat()
            elif isinstance(published, _dt.date):
                record["published"] = published.isoformat()
            document = _document(record, shard.path, row, problems)
            if document is not None:
                yield document


def _texts(shard: Shard, problems: list[Finding]) -> Iterator[ArchiveDocument]:
    folder = Path(shard.path)
    for path in sorted(folder.iterdir()):
        if path.suffix != ".txt" or path.is_symlink() or not path.is_file():
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(_problem(str(path), 1, "TR001", f"cannot read the document: {exc}"))
            continue
        yield ArchiveDocument(id=path.name[: -len(".txt")], text=text, shard=shard.path)


def _document(record: Any, path: str, line: int, problems: list[Finding]) -> ArchiveDocument | None:
    if not isinstance(record, dict):
        problems.append(_problem(path, line, "TR002", "expected a JSON object per line"))
        return None
    fields: dict[str, Any] = {}
    for name in ("id", "text"):
        value = record.get(name)
        if not isinstance(value, str) or not value:
            what = "missing" if value is None else "not a non-empty string"
            problems.append(_problem(path, line, "TR003", f"{name!r} is {what}"))
            return None
        fields[name] = value
    for name in (*_OPTIONAL, "published"):
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            problems.append(_problem(path, line, "TR003", f"{name!r} is not a string"))
            return None
        fields[name] = value or None
    published = fields.pop("published")
    if published is not None:
        try:
            fields["published"] = parse_published(published)
        except ValueError as exc:
            problems.append(_problem(path, line, "TR004", f"'published': {exc}"))
            return None
    return ArchiveDocument(shard=path, line=line, **fields)
