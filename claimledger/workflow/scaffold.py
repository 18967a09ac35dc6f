# ruff: noqa: RUF001 - the example text is typeset as a news report is.
"""A new ledger that validates clean at once: what ``claimledger init`` writes.

:func:`scaffold` lists the files (path and bytes); :func:`write_scaffold` writes
them into a folder that is empty (or, forced, over nothing but files it would
write itself: it never replaces a file it did not plan). The example source and
claim are marked as examples and can be deleted together
(``corpus/example-notice.*``, ``claims/example.yaml`` and the speaker
``example-spokesperson``).

>>> files = scaffold("My ledger")
>>> [f.path for f in files][:3]
['pyproject.toml', '.gitignore', '.gitattributes']
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from pathlib import Path

import attrs

from claimledger.config import DEFAULT_SCALE, DEFAULT_UNRATED
from claimledger.scaffold import gitattributes

__all__ = [
    "HOOK_REPOSITORY",
    "HOOK_REV",
    "ScaffoldError",
    "ScaffoldFile",
    "scaffold",
    "write_scaffold",
]

#: The repository whose ``.pre-commit-hooks.yaml`` defines ``claimledger-validate``
#: (as the README's pre-commit section names it), and the release the hook is pinned to.
HOOK_REPOSITORY = "https://example.org/your/claimledger-mirror"
HOOK_REV = "v0.3.0"

EXAMPLE_SOURCE = "example-notice"
EXAMPLE_TEXT = (
    "Example notice (written by claimledger init as an example source; delete it with "
    "claims/example.yaml when you add your own)\n"
    "\n"
    "The council’s spokesperson said: “The new library will open in March.”\n"
)


class ScaffoldError(Exception):
    """The folder cannot take a new ledger (not empty, or a file in the way)."""


@attrs.frozen
class ScaffoldFile:
    """A file of the new ledger: its path relative to the folder, and its bytes."""

    path: str
    data: bytes


def _toml_string(text: str) -> str:
    # A JSON string is a valid TOML basic string for any text (quotes, backslashes,
    # control characters escaped alike).
    return json.dumps(text, ensure_ascii=False)


def _pyproject(title: str, description: str | None) -> str:
    lines = [
        "[tool.claimledger]",
        f"title = {_toml_string(title)}",
    ]
    if description:
        lines.append(f"description = {_toml_string(description)}")
    scale = ", ".join(_toml_string(r) for r in DEFAULT_SCALE)
    unrated = ", ".join(_toml_string(r) for r in DEFAULT_UNRATED)
    lines += [
        'claims = "claims"                 # claim files and claims/speakers.yaml',
        'corpus = "corpus"                 # <id>.txt (the text, byte for byte) and <id>.yaml',
        'ledger = "ledger"                 # the folder of pages `claimledger render` writes',
        f"verdict-scale = [{scale}]   # best first",
        f"verdict-unrated = [{unrated}]   # ratings outside the scale",
        "",
        "[tool.claimledger.rules]",
        '# CL013 = "error"                 # make possible misquotes block a commit',
        "",
    ]
    return "\n".join(lines)


_SPEAKERS = """\
# The speaker registry: everyone whose claims the ledger records.
# `claimledger explain CL005` says how speaker ids are checked.
speakers:
  - id: example-spokesperson            # the example: delete with claims/example.yaml
    kind: person
    description: The council's spokesperson in the example notice
    reported_as:
      - name: The council’s spokesperson
        source: example-notice
"""

_CLAIM = """\
# An example claim; delete this file, corpus/example-notice.* and the speaker
# example-spokesperson in claims/speakers.yaml when you add your own.
claims:
  - id: library-opens-in-march
    statement: The new library will open in March.
    speaker: example-spokesperson
    quotes:
      - source: example-notice
        text: "The new library will open in March."
"""


def _source_meta(digest: str) -> str:
    return f"""\
# An example source; `claimledger add-source FILE` writes one of these for you.
kind: example
sha256: {digest}
title: Example notice
publisher: null
url: null
published: null
note: Written by claimledger init as an example; not a real document.
"""


_PRE_COMMIT = f"""\
# Validate the ledger on every commit: `pre-commit install` once per clone.
repos:
  - repo: {HOOK_REPOSITORY}
    rev: {HOOK_REV}
    hooks:
      - id: claimledger-validate
"""

_GITIGNORE = """\
# claimledger's caches (safe to delete)
.claimledger/
"""


def scaffold(title: str, description: str | None = None) -> tuple[ScaffoldFile, ...]:
    """Every file of a new ledger, in the order they are written."""
    text = EXAMPLE_TEXT.encode("utf-8")
    digest = hashlib.sha256(text).hexdigest()
    files = {
        "pyproject.toml": _pyproject(title, description),
        ".gitignore": _GITIGNORE,
        # The same rule as this repository's: corpus bytes kept through any checkout.
        ".gitattributes": gitattributes("corpus"),
        ".pre-commit-config.yaml": _PRE_COMMIT,
        "claims/speakers.yaml": _SPEAKERS,
        "claims/example.yaml": _CLAIM,
        f"corpus/{EXAMPLE_SOURCE}.yaml": _source_meta(digest),
    }
    out = [ScaffoldFile(path, body.encode("utf-8")) for path, body in files.items()]
    out.append(ScaffoldFile(f"corpus/{EXAMPLE_SOURCE}.txt", text))
    return tuple(out)


def _entries(folder: Path) -> list[str]:
    return sorted(os.listdir(folder)) if folder.is_dir() else []


def write_scaffold(folder: Path, files: Sequence[ScaffoldFile], *, force: bool = False) -> None:
    """Write ``files`` under ``folder`` (created if missing).

    Refuses a folder that has anything in it unless ``force``; even then a file
    that exists is never replaced (the user's pyproject.toml, a claim file): the
    whole run is refused before anything is written.
    """
    if folder.exists() and not folder.is_dir():
        raise ScaffoldError(f"{folder} is not a folder")
    present = [name for name in _entries(folder) if name != ".git"]
    if present and not force:
        shown = ", ".join(present[:5]) + (" …" if len(present) > 5 else "")
        raise ScaffoldError(
            f"{folder} is not empty ({shown}); give --force to add a ledger beside what is there"
        )
    in_the_way = [f.path for f in files if os.path.lexists(folder / f.path)]
    if in_the_way:
        raise ScaffoldError(
            f"{folder} already has {', '.join(in_the_way)}; nothing was written "
            "(move it aside, or start the ledger in another folder)"
        )
    folder.mkdir(parents=True, exist_ok=True)
    root = folder.resolve()
    written: list[Path] = []
    try:
        for file in files:
            target = folder / file.path
            target.parent.mkdir(parents=True, exist_ok=True)
            if not target.parent.resolve().is_relative_to(root):
                raise ScaffoldError(f"{target.parent} leads outside {folder} (a symbolic link?)")
            # "x": never replace something that appeared since the check above.
            with target.open("xb") as handle:
                written.append(target)
                handle.write(file.data)
    except BaseException:
        # All or nothing: a half-made ledger would fail validation in confusing ways.
        for path in reversed(written):
            path.unlink(missing_ok=True)
        raise
