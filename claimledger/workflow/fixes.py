# ruff: noqa: RUF002 - the examples are about look-alike marks.
"""Fixes that cannot change meaning, as ``claimledger validate --fix`` applies them.

A quote whose only differences from its source are marks — quote marks, apostrophes,
dashes, an ellipsis typed as three dots (it anchors ``normalised``), or punctuation
added, dropped or moved (``possible-misquote``, CL013) — takes the source's marks.
Letters, digits and spaces are never touched (a capital at the start of a quote, or a
line break the source has between paragraphs, stay as the quoter wrote them), and a
fix is kept only when the fixed quote anchors at the same place. Elided and bracketed
quotes are left alone: their marks are the quoter's.

Files are edited in place: ruamel.yaml composes the file to find each quote's scalar
(its span and style), and only that scalar is rewritten, in the same style, so
comments, order, layout and every other byte stay as they were. Each edited file is
parsed again and every fixed value checked before anything is written.

>>> marks_only("It's the US-led coalition", "It’s the US‑led coalition")
'It’s the US‑led coalition'
>>> marks_only("the focus - which", "The focus — which")
'the focus — which'
>>> marks_only('specific. "That', "specific.\\n\\n“That")
'specific. “That'
>>> marks_only("governments, have been", "governments have been", insertions=True)
'governments have been'
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from claimledger.anchor import Anchoring
from claimledger.anchorings import anchoring
from claimledger.codes import POSSIBLE_MISQUOTE
from claimledger.findings import Location
from claimledger.ledger import LedgerFiles
from claimledger.parse import Path_, YamlError, parse_yaml
from claimledger.rules.base import Passage, anchorings, punctuation_only

__all__ = ["Fix", "FixedFile", "fixed_files", "marks_only", "plan_fixes", "rewrite_scalars"]


@attrs.frozen
class Fix:
    """One quote's text replaced by the same words with the source's marks."""

    location: Location
    path: Path_
    claim: str
    code: str
    before: str
    after: str


@attrs.frozen
class FixedFile:
    """A file's text before and after its fixes, and the fixes it could not take."""

    path: str
    before: str
    after: str
    applied: tuple[Fix, ...]
    skipped: tuple[tuple[Fix, str], ...] = ()
    #: Whether the file starts with a byte-order mark, kept when it is written.
    bom: bool = False

    def diff(self) -> str:
        """A unified diff of the change, for ``--diff``."""
        return "".join(
            difflib.unified_diff(
                self.before.splitlines(keepends=True),
                self.after.splitlines(keepends=True),
                f"a/{self.path}",
                f"b/{self.path}",
            )
        )


def _punctuation(text: str) -> bool:
    return bool(text) and all(not c.isalnum() and not c.isspace() for c in text)


def marks_only(quote: str, source: str, *, insertions: bool = False) -> str:
    """``quote`` with the marks ``source`` has where the quote has other marks.

    Only runs of punctuation replaced by runs of punctuation are taken (and, with
    ``insertions``, punctuation the quote adds or drops); everything else stays.
    """
    out = []
    matcher = difflib.SequenceMatcher(None, quote, source, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        ours, theirs = quote[i1:i2], source[j1:j2]
        if (tag == "replace" and _punctuation(ours) and _punctuation(theirs)) or (
            insertions and tag in ("insert", "delete") and _punctuation(ours + theirs)
        ):
            out.append(theirs)
        elif tag == "replace" and _same_marks_and_spacing(ours, theirs):
            # '. "That' for '.\n\n“That': the source's marks, the quoter's spacing.
            marks = iter(c for c in theirs if not c.isspace())
            out.append("".join(c if c.isspace() else next(marks) for c in ours))
        else:
            out.append(ours)
    return "".join(out)


def _same_marks_and_spacing(ours: str, theirs: str) -> bool:
    """Runs of marks and spaces holding as many marks each (so they pair one for one)."""
    if any(c.isalnum() for c in ours + theirs):
        return False
    return len([c for c in ours if not c.isspace()]) == len([c for c in theirs if not c.isspace()])


def _proposal(passage: Passage, found: Anchoring, text: str) -> tuple[str, str] | None:
    """The fixed quote and the rule it answers, or None when nothing can be fixed."""
    quote = passage.item.text
    chosen = found.chosen
    if chosen is not None and chosen.kind == "normalised":
        fixed = marks_only(quote, text[chosen.start : chosen.end])
        return (fixed, "marks") if fixed != quote else None
    if punctuation_only(found) and found.closest is not None:
        fixed = marks_only(quote, found.closest.text, insertions=True)
        return (fixed, POSSIBLE_MISQUOTE) if fixed != quote else None
    return None


def plan_fixes(ledger: LedgerFiles) -> tuple[Fix, ...]:
    """Every fix the ledger's quotes admit, each checked to anchor where the quote did."""
    fixes = []
    for passage, source_id, found in anchorings(ledger):
        document = ledger.sources[source_id].version(passage.item.version)
        if document is None or document.text is None:
            continue
        proposal = _proposal(passage, found, document.text)
        if proposal is None:
            continue
        fixed, code = proposal
        after = anchoring(document, fixed, passage.item.occurrence)
        if after is None or after.chosen is None:
            continue
        if found.chosen is not None and (after.chosen.start, after.chosen.end) != (
            found.chosen.start,
            found.chosen.end,
        ):
            continue
        path = (*passage.origin.prefix, *passage.path, "text")
        fixes.append(Fix(passage.at("text"), path, passage.owner, code, passage.item.text, fixed))
    return tuple(fixes)


def _node_at(root: Node, path: Path_) -> Node | None:
    node: Node | None = root
    for part in path:
        if isinstance(node, MappingNode) and isinstance(part, str):
            node = next((v for k, v in node.value if getattr(k, "value", None) == part), None)
        elif isinstance(node, SequenceNode) and isinstance(part, int):
            node = node.value[part] if part < len(node.value) else None
        else:
            return None
    return node


_ESCAPE = re.compile(r"\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)")
_NAMED = {
    "0": "\0",
    "a": "\a",
    "b": "\b",
    "t": "\t",
    "n": "\n",
    "v": "\v",
    "f": "\f",
    "r": "\r",
    "e": "\x1b",
    "N": "\x85",
    "_": "\xa0",
    "L": "\u2028",
    "P": "\u2029",
}


def _double_quoted(value: str, raw: str) -> str:
    # Characters the file wrote as escapes are written the same way again (a
    # non-breaking space as \u00a0 stays visible); others are written as they are.
    escapes: dict[str, str] = {}
    for found in _ESCAPE.finditer(raw):
        code = found.group(1)
        if code[0] in "xuU" and len(code) > 1:
            escapes[chr(int(code[1:], 16))] = found.group()
        elif code in _NAMED:
            escapes[_NAMED[code]] = found.group()
    out = []
    for char in value:
        if char in escapes:
            out.append(escapes[char])
        elif char in '"\\':
            out.append("\\" + char)
        elif char.isprintable() or char == " ":
            out.append(char)
        else:
            out.append(f"\\u{ord(char):04x}")
    return '"' + "".join(out) + '"'


def _rewritten(node: ScalarNode, raw: str, value: str) -> str | None:
    """The scalar ``raw`` (written as ``node``) rewritten to hold ``value``, same style."""
    one_line = "\n" not in raw and "\r" not in raw
    if node.style == '"' and one_line:
        return _double_quoted(value, raw)
    if node.style == "'" and one_line:
        return "'" + value.replace("'", "''") + "'"
    if node.style is None and one_line:
        return value
    # A block or multi-line scalar: the words stand in the file as in the value, so a
    # fix that changes marks inside words only is made word by word.
    head = raw.index("\n") + 1 if node.style in ("|", ">") else 0
    spans = list(re.finditer(r"\S+", raw[head:]))
    old, new = str(node.value).replace("\a", "").split(), value.split()
    if [m.group() for m in spans] != old or len(new) != len(old):
        return None
    out, done = [raw[:head]], head
    for span, word in zip(spans, new, strict=True):
        out += [raw[done : head + span.start()], word]
        done = head + span.end()
    out.append(raw[done:])
    return "".join(out)


def rewrite_scalars(text: str, changes: Sequence[tuple[Path_, str]]) -> tuple[str, list[int]]:
    """``text`` with the scalar at each path replaced by a new value, in its own style.

    Returns the new text and the positions (in ``changes``) that could not be made.
    """
    try:
        root = YAML(typ="rt").compose(text)
    except YAMLError:
        return text, list(range(len(changes)))
    edits: list[tuple[int, int, str]] = []
    failed = []
    for position, (path, value) in enumerate(changes):
        node = _node_at(root, path) if root is not None else None
        if not isinstance(node, ScalarNode):
            failed.append(position)
            continue
        start, end = node.start_mark.index, node.end_mark.index
        new = _rewritten(node, text[start:end], value)
        if new is None:
            failed.append(position)
            continue
        edits.append((start, end, new))
    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    return text, failed


def _value(data: Any, path: Path_) -> Any:
    for part in path:
        data = data[part]
    return data


def fixed_files(root: Path, fixes: Iterable[Fix]) -> list[FixedFile]:
    """Each file the fixes touch, with its new text checked to hold the fixed values."""
    by_file: dict[str, list[Fix]] = {}
    for fix in fixes:
        by_file.setdefault(fix.location.path, []).append(fix)
    out = []
    for path, planned in by_file.items():
        data = (root / path).read_bytes()
        bom = data.startswith(b"\xef\xbb\xbf")
        before = data.decode("utf-8-sig")
        after, failed = rewrite_scalars(before, [(f.path, f.after) for f in planned])
        skipped = [(planned[i], "its style of scalar cannot be rewritten") for i in failed]
        applied = [f for i, f in enumerate(planned) if i not in failed]
        try:
            values = parse_yaml(after, path).data
            wrong = [f for f in applied if _value(values, f.path) != f.after]
        except (YamlError, KeyError, IndexError, TypeError):
            wrong = applied
        if wrong:
            # Never write a file whose edit did not come out as planned.
            skipped += [(f, "the edited file did not read back as planned") for f in applied]
            applied, after = [], before
        out.append(FixedFile(path, before, after, tuple(applied), tuple(skipped), bom))
    return out
