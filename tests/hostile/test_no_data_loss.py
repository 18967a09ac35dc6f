"""No data loss: validation writes nothing, and every key of a file is modelled or reported.

The round trip compared here is *parse, structure, unstructure*: for a valid
file, ``converter.unstructure`` of the structured objects must give back the
mapping the YAML layer read, except for fields left at their default. Exactly:
both sides are put in canonical form (see :func:`canonical`), which

* drops a field whose value equals the model's default (``null`` for optional
  values, ``[]`` for lists), whether it was written out or left absent: an
  explicit ``related: []`` or ``note: null`` carries nothing to lose;
* turns tuples into lists (the models hold tuples, YAML has lists);
* keeps every key that is not a field, so an unmodelled key shows up as a
  difference instead of vanishing.

Nothing else is normalised: strings, numbers and dates must come back as written.
"""

from __future__ import annotations

import os
import shutil
import typing
from pathlib import Path
from typing import Any, get_args, get_origin

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimledger import models
from claimledger.models import Claim, Source, Speaker
from claimledger.parse import parse_yaml
from claimledger.structure import (
    converter,
    structure_claims,
    structure_source,
    structure_speakers,
)
from tests.conftest import EXAMPLES, REPO
from tests.hostile.helpers import run_cli
from tests.hostile.strategies import claim_files, mutated, styles, write


def canonical(value: Any, kind: Any) -> Any:
    """``value`` (read as ``kind``) without default-valued fields, with lists for tuples."""
    if attrs.has(kind) and isinstance(value, dict):
        hints = typing.get_type_hints(kind)
        fields = attrs.fields_dict(kind)
        out: dict[str, Any] = {}
        for key, item in value.items():
            field = fields.get(key)
            if field is None:
                out[key] = item  # unmodelled: kept, so that losing it shows
                continue
            item = canonical(item, hints[key])
            if field.default is not attrs.NOTHING and item == canonical(field.default, hints[key]):
                continue
            out[key] = item
        return out
    if isinstance(value, list | tuple):
        args = get_args(kind)
        return [canonical(item, args[0] if args else Any) for item in value]
    if get_origin(kind) in (typing.Union, type(int | None)) and value is not None:
        (inner,) = [a for a in get_args(kind) if a is not type(None)]
        return canonical(value, inner)
    return value


def round_trip(objects: tuple[Any, ...], kind: type, read: list[Any]) -> None:
    back = [canonical(converter.unstructure(o), kind) for o in objects]
    assert back == [canonical(item, kind) for item in read]


def test_canonical_form_drops_defaults_and_keeps_unknown_keys() -> None:
    written: dict[str, Any] = {
        "id": "a",
        "statement": "s",
        "speaker": "x",
        "related": [],
        "note": None,
    }
    assert canonical(written, Claim) == {"id": "a", "statement": "s", "speaker": "x", "note": None}
    quote = {"source": "s", "text": "t", "occurrence": None}
    assert canonical({"quotes": [quote]}, Claim) == {"quotes": [{"source": "s", "text": "t"}]}


CLAIM_FILES = sorted(
    [*(REPO / "claims").glob("*.yaml"), *(EXAMPLES / "clean" / "claims").glob("*.yaml")]
)


@pytest.mark.parametrize("path", CLAIM_FILES, ids=lambda p: p.relative_to(REPO).as_posix())
def test_every_valid_file_survives_the_round_trip(path: Path) -> None:
    doc = parse_yaml(path.read_text(encoding="utf-8"), path.name)
    if path.name == "speakers.yaml":
        speakers, findings = structure_speakers(doc)
        assert findings == []
        round_trip(speakers, Speaker, doc.data["speakers"])
    else:
        claims, findings = structure_claims(doc)
        assert findings == []
        assert claims
        round_trip(claims, Claim, doc.data["claims"])


SOURCES = sorted(
    [*(REPO / "corpus").glob("*.yaml"), *(EXAMPLES / "clean" / "corpus").glob("*.yaml")]
)


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.relative_to(REPO).as_posix())
def test_every_source_survives_the_round_trip(path: Path) -> None:
    doc = parse_yaml(path.read_text(encoding="utf-8"), path.name)
    source, findings = structure_source(doc, path.stem)
    assert findings == []
    assert source is not None
    round_trip((source,), Source, [{**doc.data, "id": path.stem}])


@given(claim_files(), styles)
def test_generated_files_survive_the_round_trip(data: dict[str, Any], style: str) -> None:
    doc = parse_yaml(write(data, style), "c.yaml")
    assert doc.data == data  # the writers are faithful: what was drawn is what is read
    claims, findings = structure_claims(doc)
    assert findings == []
    round_trip(claims, Claim, data["claims"])


@given(claim_files(), styles, st.data())
def test_an_unmodelled_key_is_reported_at_its_place(
    data: dict[str, Any], style: str, draw: st.DataObject
) -> None:
    mappings = [m for claim in data["claims"] for m in _mappings(claim)]
    target = draw.draw(st.sampled_from(mappings))
    key = draw.draw(st.from_regex(r"[a-z_]{1,12}", fullmatch=True))
    fields = {f.name for kind in MODELS for f in attrs.fields(kind)}
    if key in fields:
        key += "_x"
    target[key] = "kept?"
    text = write(data, style)
    doc = parse_yaml(text, "c.yaml")
    claims, findings = structure_claims(doc)
    # Only the claim holding the key is left out: each entry is read on its own.
    assert len(claims) == len(data["claims"]) - 1
    # (Followed by "; did you mean ...?" when the key is near a field's name.)
    assert [f.message.rsplit(": ", 1)[-1].split(";")[0] for f in findings] == [
        f"unknown field {key!r}"
    ]
    line = text.splitlines()[findings[0].location.line - 1]
    assert key in line


def _mappings(value: Any) -> list[dict[str, Any]]:
    if isinstance(value, dict):
        return [value, *(m for v in value.values() for m in _mappings(v))]
    if isinstance(value, list):
        return [m for v in value for m in _mappings(v)]
    return []


MODELS = [kind for kind in vars(models).values() if isinstance(kind, type) and attrs.has(kind)]


# -- validate writes nothing ------------------------------------------------------------------

#: The one place validation may write, once the cache being built alongside
#: lands: a git-ignored folder of its own, never a user's file.
CACHE = ".claimledger"


def snapshot(root: Path) -> dict[str, tuple[bytes, int, int]]:
    """Every file and folder under ``root``: bytes (files), mode and modification time."""
    found: dict[str, tuple[bytes, int, int]] = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if rel == CACHE or rel.startswith(CACHE + "/"):
            continue
        info = path.lstat()
        data = path.read_bytes() if path.is_file() and not path.is_symlink() else b""
        found[rel] = (data, info.st_mode, info.st_mtime_ns)
    return found


@pytest.mark.parametrize("example", ["clean", "broken"])
@pytest.mark.parametrize("fmt", ["text", "json", "github"])
def test_validate_writes_nothing(tmp_path: Path, example: str, fmt: str) -> None:
    root = tmp_path / "ledger"
    shutil.copytree(EXAMPLES / example, root, symlinks=True)
    before = snapshot(root)
    result = run_cli(root, "--format", fmt)
    assert result.returncode == (0 if example == "clean" else 1)
    assert snapshot(root) == before


@given(st.lists(mutated(), min_size=1, max_size=4))
def test_validate_writes_nothing_whatever_the_files_hold(
    tmp_path_factory: pytest.TempPathFactory, batch: list[bytes]
) -> None:
    from claimledger.check import validate
    from claimledger.config import Config

    root = tmp_path_factory.mktemp("nowrite") / "ledger"
    shutil.copytree(EXAMPLES / "clean", root)
    for i, data in enumerate(batch):
        (root / "claims" / f"fuzzed-{i}.yaml").write_bytes(data)
    os.utime(root, ns=(0, 0))  # a changed folder time would show a file made and removed
    before = snapshot(root)
    validate(Config.default(root))
    assert snapshot(root) == before
    assert root.stat().st_mtime_ns == 0
