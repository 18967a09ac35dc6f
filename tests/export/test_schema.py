"""The JSON Schemas: generated, committed, valid draft 2020-12, and in agreement with the loader."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from claimledger.dates import PartialDate
from claimledger.export.schema import SCHEMA_FILES, SchemaKind, json_schema, schema_text
from claimledger.models import Claim, Evidence, Quote, Source, Speaker
from claimledger.parse import parse_yaml
from claimledger.structure import (
    converter,
    structure_claims,
    structure_source,
    structure_speakers,
    unstructure,
)
from tests.conftest import REPO, run_cli

SCHEMA_DIR = REPO / "schema"


def validator(kind: SchemaKind) -> Draft202012Validator:
    return Draft202012Validator(json_schema(kind))


def shipped_files() -> list[tuple[SchemaKind, Path]]:
    claims = sorted((REPO / "claims").glob("*.yaml"))
    found: list[tuple[SchemaKind, Path]] = [
        ("speakers" if p.name == "speakers.yaml" else "claims", p) for p in claims
    ]
    return found + [("source", p) for p in sorted((REPO / "corpus").glob("*.yaml"))]


def test_committed_schemas_are_the_generated_ones() -> None:
    for kind, name in SCHEMA_FILES.items():
        assert (SCHEMA_DIR / name).read_text(encoding="utf-8") == schema_text(kind), (
            f"schema/{name} is stale: run `claimledger schema --dir schema`"
        )


def test_schemas_pass_check_jsonschema_metaschema() -> None:
    tool = Path(sys.executable).parent / "check-jsonschema"
    files = [str(SCHEMA_DIR / name) for name in SCHEMA_FILES.values()]
    result = subprocess.run(
        [str(tool), "--check-metaschema", *files], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ok -- validation done" in result.stdout


def test_the_shipped_ledger_has_every_kind_of_file() -> None:
    kinds = {kind for kind, _ in shipped_files()}
    assert kinds == {"claims", "speakers", "source"}


@pytest.mark.parametrize(("kind", "path"), shipped_files(), ids=lambda v: getattr(v, "name", v))
def test_every_shipped_file_validates_and_names_its_schema(kind: SchemaKind, path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    data = parse_yaml(text, path.name).data
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator(kind).iter_errors(data)]
    assert errors == []
    first = text.splitlines()[0]
    assert first == f"# yaml-language-server: $schema=../schema/{SCHEMA_FILES[kind]}"
    assert (path.parent / first.split("=", 1)[1]).resolve().is_file()


BASE = "claims:\n  - id: a\n    statement: s\n    speaker: x\n"

# Documents the strict loader refuses, of every kind the schema can express.
INVALID: list[tuple[SchemaKind, str]] = [
    ("claims", BASE + "    colour: red\n"),  # unknown key
    ("claims", "claims:\n  - id: 5\n    statement: s\n    speaker: x\n"),  # int for string
    ("claims", BASE + "    said_on: 2016-13\n"),  # bad date
    ("claims", BASE + "    said_on: 2016\n"),  # unquoted year: an int
    ("claims", BASE + "    said_on: '12 October 2016'\n"),  # not ISO
    ("claims", "claims:\n  - id: a\n    statement: s\n"),  # missing speaker
    ("claims", BASE + "    topics: syria\n"),  # string for a list
    ("claims", BASE + "    quotes:\n      - {source: s, text: t, occurrence: '1'}\n"),
    ("claims", BASE + "    quotes:\n      - {source: s, text: t, occurrence: true}\n"),
    ("claims", BASE + "    verdict: {rating: accurate}\n"),  # missing rationale
    ("claims", BASE + "    topics: null\n"),  # lists are not nullable
    ("claims", "claims: {}\n"),
    ("claims", "stories: []\n"),
    ("speakers", "speakers:\n  - id: a\n    name: 7\n"),
    ("speakers", "speakers:\n  - id: a\n    identified_as: {speaker: b}\n"),  # no evidence
    ("speakers", "speakers:\n  - id: a\n    roles:\n      - {title: t, since: '2016-1'}\n"),
    ("source", "sha256: [abc]\nurl: https://example.org/\n"),  # a list for a digest
    ("claims", BASE + "    verdict: {rating: r, rationale: w, rating_value: '2'}\n"),
    ("claims", BASE + "    verdict: {rating: r, rationale: w, best_rating: true}\n"),
    ("source", "kind: news-report\nsha256: abc\nid: x\n"),  # the id is the file name
    ("source", "kind: news-report\nsha256: abc\nauthors: Jason Groves\n"),
    ("source", "kind: news-report\nsha256: abc\npublished: 2016-10-12\nextra: 1\n"),
]

VALID: list[tuple[SchemaKind, str]] = [
    ("claims", BASE + "    said_on: '2016-10'\n    verdict: null\n    context: null\n"),
    ("claims", BASE + "    quotes:\n      - {source: s, text: t, occurrence: 2, note: null}\n"),
    (
        "speakers",
        "speakers:\n  - id: a\n    roles:\n      - {title: t, since: '2016', until: null}\n",
    ),
    ("source", "kind: news-report\nsha256: abc\npublisher: null\npublished: '2016'\n"),
    ("source", "sha256: abc\nurl: https://example.org/\n"),  # kind not recorded
    # Known by reference: no sha256 and no text yet.
    (
        "source",
        "kind: web-page\nurl: https://example.org/a\narchive_url: https://archive.example/a\n",
    ),
    (
        "claims",
        BASE + "    verdict: {rating: r, rationale: w, rating_value: 2.5, best_rating: 5}\n"
        "    review: {url: 'https://example.org/r', published: '2020-02-29', language: uk}\n",
    ),
]


def loader_findings(kind: SchemaKind, text: str) -> list[str]:
    doc = parse_yaml(text, "x.yaml")
    if kind == "claims":
        findings = structure_claims(doc)[1]
    elif kind == "speakers":
        findings = structure_speakers(doc)[1]
    else:
        findings = structure_source(doc, "x")[1]
    return [str(f) for f in findings]


@pytest.mark.parametrize(("kind", "text"), INVALID)
def test_schema_and_loader_both_refuse(kind: SchemaKind, text: str) -> None:
    assert loader_findings(kind, text), "the loader accepted it"
    assert not validator(kind).is_valid(parse_yaml(text, "x.yaml").data), "the schema accepted it"


@pytest.mark.parametrize(("kind", "text"), VALID)
def test_schema_and_loader_both_accept(kind: SchemaKind, text: str) -> None:
    assert loader_findings(kind, text) == []
    assert validator(kind).is_valid(parse_yaml(text, "x.yaml").data)


def test_partial_date_pattern_matches_the_loader() -> None:
    pattern = re.compile(json_schema("claims")["$defs"]["PartialDate"]["pattern"])
    edtf = ("2019/..", "../2019", "2016-10-12/2016-10-13", "2022-03?", "2022~", "201X", "2016-21")
    sets = ("[2016-10-12,2016-10-13]", "{2016,2017}", "2016-10-12T10:00", "2016/2017/2018")
    calendar = ("2016-02-30", "2016-10-13/2016-10-12")
    plain = ("2016", "2016-10", "2016-10-12", "2016-13", "2016-1", "16-10-12")
    for text in (*plain, *calendar, *edtf, *sets):
        try:
            PartialDate.parse(text)
            loaded = True
        except ValueError:
            loaded = False
        # The pattern may only be looser than the loader where a calendar is needed.
        assert bool(pattern.search(text)) == (loaded or text in calendar), text


# Any value of the models, written as the loader reads it, is valid under the schema.
dates = (
    st.dates().map(lambda d: PartialDate.of(d.year, d.month, d.day))
    | st.builds(PartialDate.of, st.integers(1000, 9999), st.integers(1, 12) | st.none())
    # EDTF forms: an interval, open bounds, uncertain and approximate dates (a few, fixed:
    # the edtf parser takes a tenth of a second a string).
    | st.sampled_from(
        ["2016-10-12/2016-10-13", "2019/..", "../2019", "2022-03?", "2022~", "[2016,2017]"]
    ).map(PartialDate.parse)
)
st.register_type_strategy(PartialDate, dates)
# The loader refuses NaN and infinities, which JSON and YAML cannot write as numbers anyway.
st.register_type_strategy(float, st.floats(allow_nan=False, allow_infinity=False))


def plain(value: Any) -> Any:
    """The value as YAML would hold it: lists, not tuples; absent optionals as null."""
    return json.loads(json.dumps(unstructure(value)))


# A claim holds every other model (quotes, evidence, appearances...): slow to draw.
@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.from_type(Claim))
def test_any_claim_validates_and_round_trips(claim: Claim) -> None:
    data = {"claims": [plain(claim)]}
    items: list[Quote | Evidence] = [
        *claim.quotes,
        *claim.supports,
        *claim.contradicts,
        *claim.context,
    ]
    counts = [item.occurrence for item in items]
    if any(count is not None and count < 1 for count in counts):
        # Occurrences count from 1: the schema and the loader refuse the same claims.
        assert not validator("claims").is_valid(data)
        return
    assert validator("claims").is_valid(data)
    assert converter.structure(data["claims"][0], Claim) == claim


@given(st.from_type(Speaker))
def test_any_speaker_validates(speaker: Speaker) -> None:
    evidence = speaker.identified_as.evidence if speaker.identified_as else ()
    counted_from_one = all(e.occurrence is None or e.occurrence >= 1 for e in evidence)
    assert validator("speakers").is_valid({"speakers": [plain(speaker)]}) == counted_from_one


@given(st.from_type(Source))
def test_any_source_validates_without_its_id(source: Source) -> None:
    data = plain(source)
    del data["id"]
    assert validator("source").is_valid(data)


def test_schema_command_writes_checks_and_prints(tmp_path: Path) -> None:
    assert run_cli("schema", "--dir", "out", "--check", cwd=tmp_path).returncode == 1
    assert run_cli("schema", "--dir", "out", cwd=tmp_path).returncode == 0
    for kind, name in SCHEMA_FILES.items():
        assert (tmp_path / "out" / name).read_text(encoding="utf-8") == schema_text(kind)
    checked = run_cli("schema", "--dir", "out", "--check", cwd=tmp_path)
    assert (checked.returncode, checked.stdout) == (0, "")
    (tmp_path / "out" / "source.schema.json").write_text("{}\n")
    stale = run_cli("schema", "--dir", "out", "--check", cwd=tmp_path)
    assert stale.returncode == 1
    assert stale.stdout.startswith("out/source.schema.json: out of date")
    printed = run_cli("schema", "speakers", cwd=tmp_path)
    assert printed.stdout == schema_text("speakers")


@pytest.mark.parametrize(
    "args", [(), ("claims", "--dir", "x"), ("--check",), ("claims", "--check"), ("frob",)]
)
def test_schema_usage_errors_exit_2(args: tuple[str, ...], tmp_path: Path) -> None:
    result = run_cli("schema", *args, cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
