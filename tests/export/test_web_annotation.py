"""``export --format web-annotation``: checked against the W3C model, and against the corpus.

No network: the model's JSON-LD context (``data/anno.jsonld``, as the W3C
publishes it at http://www.w3.org/ns/anno.jsonld) and a JSON Schema of the
model's requirements (``data/web-annotation.schema.json``) ship with the tests.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from pyld import jsonld

from claimledger.check import validate
from claimledger.config import Config
from claimledger.export.web_annotation import ANNO_CONTEXT, annotation_collection
from claimledger.ledger import LedgerFiles
from tests.conftest import MakeLedger
from tests.conftest import run_cli as run

DATA = Path(__file__).parent / "data"
CONTEXT = json.loads((DATA / "anno.jsonld").read_text(encoding="utf-8"))
SCHEMA = json.loads((DATA / "web-annotation.schema.json").read_text(encoding="utf-8"))
NAMESPACES = (
    "http://www.w3.org/ns/oa#",
    "http://www.w3.org/ns/activitystreams#",
    "http://purl.org/dc/terms/",
    "http://purl.org/dc/elements/1.1/",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "http://www.w3.org/2000/01/rdf-schema#",
    "http://xmlns.com/foaf/0.1/",
)


def _loader(url: str, options: Any = None) -> dict[str, Any]:
    if url.rstrip("/") in (ANNO_CONTEXT, ANNO_CONTEXT.replace("http:", "https:")):
        return {"contextUrl": None, "documentUrl": url, "document": CONTEXT}
    raise AssertionError(f"the export refers to a context the model does not define: {url}")


def _terms(value: Any) -> set[str]:
    if isinstance(value, list):
        return set().union(*(_terms(v) for v in value)) if value else set()
    if isinstance(value, dict):
        return set(value) | set().union(*(_terms(v) for v in value.values()))
    return set()


def _predicates(expanded: Any) -> set[str]:
    if isinstance(expanded, list):
        return set().union(*(_predicates(v) for v in expanded)) if expanded else set()
    if isinstance(expanded, dict):
        keys = {k for k in expanded if not k.startswith("@")}
        return keys | set().union(*(_predicates(v) for v in expanded.values()))
    return set()


def test_every_anchored_passage_is_an_annotation_valid_in_the_w3c_model(
    named_ledger: tuple[str, LedgerFiles],
) -> None:
    _, ledger = named_ledger
    collection = annotation_collection(ledger)
    Draft202012Validator(SCHEMA).validate(collection)
    items = collection["first"]["items"]
    assert collection["total"] == len(items) > 0
    # Every term is one the context defines: expansion drops none and invents none.
    defined = set(CONTEXT["@context"]) | {"@context"}
    assert _terms(collection) - defined == set()
    expanded = jsonld.expand(collection, {"documentLoader": _loader})
    predicates = _predicates(expanded)
    assert all(p.startswith(NAMESPACES) for p in predicates), predicates
    quads = jsonld.to_rdf(collection, {"documentLoader": _loader, "format": "application/n-quads"})
    assert quads.count("<http://www.w3.org/ns/oa#hasSelector>") == 2 * len(items)
    # The selectors point at the passage, in the corpus text the ledger checked.
    targets = {_target(d): d for d in ledger.sources.values() if d.text is not None}
    for item in items:
        quote, position = item["target"]["selector"]
        text = targets[item["target"]["source"]].text
        assert text is not None
        assert text[position["start"] : position["end"]] == quote["exact"]
        assert text[: position["start"]].endswith(quote["prefix"])
        assert text[position["end"] :].startswith(quote["suffix"])


def _target(doc: Any) -> str:
    """The source's URL, else its text named by digest as RFC 6920 writes it."""
    if doc.meta.url:
        return str(doc.meta.url)
    digest = base64.urlsafe_b64encode(bytes.fromhex(doc.digest)).decode().rstrip("=")
    return f"ni:///sha-256;{digest}"


def test_annotations_cover_quotes_and_evidence_with_their_motivation() -> None:
    ledger = validate(Config.default(Path("tests/examples/clean"))).ledger
    items = annotation_collection(ledger)["first"]["items"]
    anchored = sum(
        len(c.quotes) + len(c.supports) + len(c.contradicts) + len(c.context) for c in ledger.claims
    )
    assert len(items) == anchored
    assert {i["motivation"] for i in items} == {"highlighting", "assessing"}
    # Same ledger, same ids.
    assert [i["id"] for i in items] == [
        i["id"] for i in annotation_collection(ledger)["first"]["items"]
    ]
    assert len({i["id"] for i in items}) == len(items)


def test_context_passages_and_the_sources_own_words_say_what_they_are() -> None:
    ledger = validate(Config.default(Path("."))).ledger
    items = annotation_collection(ledger)["first"]["items"]
    context = [i for i in items if i["motivation"] == "describing"]
    assert len(context) == sum(len(c.context) for c in ledger.claims) > 0
    for item in context:
        values = [b.get("value", "") for b in item["body"]]
        assert any("neither supports nor contradicts" in v for v in values)
        assert not any(b.get("purpose") == "assessing" for b in item["body"])
    own_words = [i for i in items if any(b.get("purpose") == "commenting" for b in i["body"])]
    not_direct = sum(1 for c in ledger.claims for q in c.quotes if q.kind != "direct")
    assert 0 < len(own_words) <= not_direct
    assert all(i["motivation"] == "highlighting" for i in own_words)


def test_the_target_is_the_url_when_the_metadata_records_one(make_ledger: MakeLedger) -> None:
    root = make_ledger()
    meta = next((root / "corpus").glob("*.yaml"))
    text = meta.read_text(encoding="utf-8")
    meta.write_text(text + "\n" if not text.endswith("\n") else text, encoding="utf-8")
    lines = [
        line
        for line in meta.read_text(encoding="utf-8").splitlines()
        if not line.startswith("url:")
    ]
    meta.write_text("\n".join([*lines, "url: https://news.example/story"]) + "\n", encoding="utf-8")
    result = run("export", "--format", "web-annotation", cwd=root)
    assert result.returncode == 0, result.stderr
    sources = {i["target"]["source"] for i in json.loads(result.stdout)["first"]["items"]}
    assert "https://news.example/story" in sources
    assert all(s.startswith(("https://", "ni:///sha-256;")) for s in sources)


@pytest.mark.parametrize("args", [["-o", "annotations.jsonld"]])
def test_through_the_command_line(make_ledger: MakeLedger, args: list[str]) -> None:
    root = make_ledger()
    result = run("export", "--format", "web-annotation", *args, cwd=root)
    assert result.returncode == 0, result.stderr
    written = json.loads((root / "annotations.jsonld").read_text(encoding="utf-8"))
    Draft202012Validator(SCHEMA).validate(written)
