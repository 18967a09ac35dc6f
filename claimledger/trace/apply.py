"""``--apply``: record a trace's appearances in the claim files, for a person to review.

Each claim with appearances gets an ``appearances`` list (see
:class:`claimledger.models.Appearance`); appearances it already records are kept and
not repeated (the same document, kind, offsets and quote). ruamel.yaml's round-trip
parser says where each claim and its keys are written, and dumps the new list; the
list is then spliced into the file's text, so that every other byte — comments, quoting
styles, escapes such as ``\\u00a0`` — stays as the person wrote it. A claim written in
flow style (``{id: …}``) cannot take a block list and is reported instead.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from claimledger.atomic import write_atomic
from claimledger.trace.appearance import ArchiveAppearance

__all__ = ["ApplyError", "apply_appearances", "recorded"]


class ApplyError(Exception):
    """A claim file cannot take the appearances; nothing has been written."""


def recorded(appearance: ArchiveAppearance) -> dict[str, Any]:
    """The ``appearances`` entry of one appearance, keys in the model's order."""
    entry: dict[str, Any] = {
        "document": appearance.document,
        "kind": appearance.kind,
        "score": appearance.score,
        "paragraph": appearance.paragraph,
        "start": appearance.start,
        "end": appearance.end,
        "text": appearance.text,
    }
    for key in ("quote", "url", "published"):
        value = getattr(appearance, key)
        if value is not None:
            entry[key] = DoubleQuotedScalarString(value) if key == "published" else value
    return entry


def _identity(entry: Mapping[str, Any]) -> tuple[object, ...]:
    return tuple(entry.get(k) for k in ("document", "kind", "start", "end", "quote"))


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 1 << 16  # never fold a long passage
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def apply_appearances(
    files: Mapping[Path, Sequence[str]],
    found: Mapping[str, Sequence[ArchiveAppearance]],
) -> list[Path]:
    """Add ``found`` (by claim id) to the claims of ``files`` (each path with the ids of
    the claims it holds); return the files changed. Every file is prepared before any is
    written, so an :class:`ApplyError` leaves them all as they were."""
    prepared: list[tuple[Path, str]] = []
    for path, ids in files.items():
        wanted = {claim: found[claim] for claim in ids if found.get(claim)}
        if not wanted:
            continue
        original = path.read_text(encoding="utf-8")
        updated = _splice(path, original, wanted)
        if updated != original:
            prepared.append((path, updated))
    for path, text in prepared:
        write_atomic(path, text)
    return [path for path, _ in prepared]


def _splice(path: Path, text: str, wanted: Mapping[str, Sequence[ArchiveAppearance]]) -> str:
    yaml = _yaml()
    data = yaml.load(text)
    claims = data.get("claims") if isinstance(data, CommentedMap) else None
    if not isinstance(claims, CommentedSeq):
        raise ApplyError(f"{path}: no list of claims to add appearances to")
    lines = text.splitlines(keepends=True)
    edits: list[tuple[int, int, list[str]]] = []
    for index, item in enumerate(claims):
        if not isinstance(item, CommentedMap) or item.get("id") not in wanted:
            continue
        if item.fa.flow_style() or claims.fa.flow_style():
            raise ApplyError(
                f"{path}:{item.lc.line + 1}: claim {item['id']!r} is written in flow style; "
                "write it as a block mapping to record appearances"
            )
        existing = item.get("appearances") or []
        known = {_identity(entry) for entry in existing}
        new = [recorded(a) for a in wanted[item["id"]] if _identity(recorded(a)) not in known]
        if not new:
            continue
        end = _item_end(claims, index, lines)
        if "appearances" in item:
            start = item.lc.key("appearances")[0]
            keys = list(item)
            after = keys.index("appearances") + 1
            end = item.lc.key(keys[after])[0] if after < len(keys) else end
        else:
            start = end
        column = item.lc.col
        block = _dump([*existing, *new], column)
        edits.append((start, end, block))
    for start, end, block in sorted(edits, reverse=True):
        lines[start:end] = block
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    return "".join(lines)


def _item_end(claims: CommentedSeq, index: int, lines: list[str]) -> int:
    """The line after the claim's last line: before the next claim (or the end of the
    file), less the blank and comment lines in between."""
    end = claims.lc.item(index + 1)[0] if index + 1 < len(claims) else len(lines)
    while end > 0 and (not lines[end - 1].strip() or lines[end - 1].lstrip().startswith("#")):
        end -= 1
    return end


def _dump(entries: Sequence[Mapping[str, Any]], column: int) -> list[str]:
    out = io.StringIO()
    plain = [CommentedMap(entry) for entry in entries]
    _yaml().dump({"appearances": plain}, out)
    pad = " " * column
    return [
        pad + line if line.strip() else line for line in out.getvalue().splitlines(keepends=True)
    ]
