"""Edits an import makes to files people also edit: the speaker registry and the configuration.

Both keep what is there, comments and layout included: the registry is edited
with ruamel.yaml's round-trip mode, ``pyproject.toml`` with tomlkit. Each
returns the new text (or ``None`` when nothing changes); the caller writes it.

>>> text = "# Who speaks\\nspeakers:\\n  - id: ann  # the mayor\\n    name: Ann\\n"
>>> print(add_speakers(text, [Speaker("bo", kind="person", name="Bō")]), end="")
# Who speaks
speakers:
  - id: ann  # the mayor
    name: Ann
  - id: bo
    kind: person
    name: Bō
>>> print(set_scale(None, ("True", "False"), ("unsettled",)), end="")
[tool.claimledger]
verdict-scale = ["True", "False"]
verdict-unrated = ["unsettled"]
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from typing import Any

import tomlkit
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from claimledger.models import Speaker
from claimledger.structure import unstructure

__all__ = ["RegistryEditError", "add_speakers", "set_scale"]


class RegistryEditError(ValueError):
    """The file cannot be edited as it stands (it is not a registry or a TOML table)."""


def _yaml() -> YAML:
    yaml = YAML()  # round-trip: comments, order and quoting kept
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 100_000
    return yaml


def add_speakers(text: str | None, speakers: Sequence[Speaker]) -> str | None:
    """The registry ``text`` (``None``: no registry yet) with ``speakers`` appended."""
    if not speakers:
        return None
    yaml = _yaml()
    try:
        data = yaml.load(text) if text else None
    except Exception as exc:  # ruamel raises many kinds; validate reports the details
        raise RegistryEditError(f"cannot read the speaker registry: {exc}") from None
    if data is None:
        data = CommentedMap()
    if not isinstance(data, dict):
        raise RegistryEditError("the speaker registry is not a mapping with a speakers list")
    entries = data.setdefault("speakers", CommentedSeq())
    if entries is None:
        entries = data["speakers"] = CommentedSeq()
    if not isinstance(entries, list):
        raise RegistryEditError("the speaker registry's speakers is not a list")
    for speaker in speakers:
        entry: dict[str, Any] = {
            k: v for k, v in unstructure(speaker).items() if v not in (None, [])
        }
        entries.append(CommentedMap(entry))
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def set_scale(
    text: str | None,
    scale: Sequence[str],
    unrated: Sequence[str],
    new_table: Mapping[str, str] | None = None,
) -> str:
    """``pyproject.toml`` ``text`` (``None``: none yet) with the rating scale set.

    ``new_table`` holds settings to write only when the ``[tool.claimledger]``
    table is new (where the claims are, when the defaults would move them).
    """
    try:
        document = tomlkit.parse(text or "")
    except Exception as exc:  # tomlkit's errors have no common base
        raise RegistryEditError(f"cannot read pyproject.toml: {exc}") from None
    tool = document.setdefault("tool", tomlkit.table(is_super_table=True))
    if "claimledger" not in tool:
        tool["claimledger"] = tomlkit.table()
        tool["claimledger"].update(dict(new_table or {}))
    table = tool["claimledger"]
    if not isinstance(table, dict):
        raise RegistryEditError("pyproject.toml: tool.claimledger is not a table")
    table["verdict-scale"] = list(scale)
    table["verdict-unrated"] = list(unrated)
    return tomlkit.dumps(document)
