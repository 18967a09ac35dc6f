"""CSL-JSON: golden files, and the export as citeproc-py reads and formats it."""

from __future__ import annotations

import json
from typing import Any

import pytest
from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON
from pytest_regressions.file_regression import FileRegressionFixture

from claimledger.export.common import citation_key
from claimledger.export.csl import to_csl_json
from claimledger.ledger import LedgerFiles
from claimledger.render.digest import claim_digest
from tests.export.conftest import LEDGERS, validated

# The style citeproc-py ships (the successor of "harvard1").
STYLE = "harvard-cite-them-right"


def test_golden(
    named_ledger: tuple[str, LedgerFiles], file_regression: FileRegressionFixture
) -> None:
    name, ledger = named_ledger
    file_regression.check(to_csl_json(ledger), basename=name, extension=".json")


def bibliography(items: list[dict[str, Any]]) -> dict[str, str]:
    """Each item's formatted bibliography entry, by key, as citeproc-py renders them."""
    source = CiteProcJSON(items)
    style = CitationStylesStyle(STYLE, validate=False)
    bib = CitationStylesBibliography(style, source, formatter.plain)
    for item in items:
        bib.register(Citation([CitationItem(item["id"])]))
    # The bibliography is sorted by the style; keys tell the entries apart.
    return {key: str(entry) for key, entry in zip(bib.keys, bib.bibliography(), strict=True)}


@pytest.fixture
def items(named_ledger: tuple[str, LedgerFiles]) -> list[dict[str, Any]]:
    _, ledger = named_ledger
    loaded: list[dict[str, Any]] = json.loads(to_csl_json(ledger))
    return loaded


def test_citeproc_reads_and_formats_every_item(
    named_ledger: tuple[str, LedgerFiles], items: list[dict[str, Any]]
) -> None:
    _, ledger = named_ledger
    entries = bibliography(items)
    expected = {*ledger.sources, *(f"claim:{c.id}" for c in ledger.claims)}
    assert set(entries) == expected
    assert len(items) == len(expected)  # keys are unique
    for claim in ledger.claims:
        entry = entries[f"claim:{claim.id}"]
        assert claim.statement in entry
        assert ledger.config.title in entry


def test_citeproc_reads_the_claim_fields(
    named_ledger: tuple[str, LedgerFiles], items: list[dict[str, Any]]
) -> None:
    _, ledger = named_ledger
    references = CiteProcJSON(items)
    for claim in ledger.claims:
        reference = references[f"claim:{claim.id}"]
        assert reference.type == "entry"
        assert str(reference.version) == claim_digest(claim)  # the rendered ledger's digest
        assert str(reference.title) == claim.statement
        if claim.said_on is None:
            assert "event_date" not in reference
        else:
            date = reference.event_date
            if claim.said_on.plain is not None:
                assert (date.year, date.get("month"), date.get("day")) == claim.said_on.plain


def test_seed_documents_format_with_only_what_is_recorded() -> None:
    entries = bibliography(json.loads(to_csl_json(validated(LEDGERS["seed"]))))
    assert entries["dailymail-2016-10-13"].startswith("Jason Groves and Larisa Brown (2016)")
    assert "Daily Mail, 13 October" in entries["dailymail-2016-10-13"]
    # Not printed in the document but bounded by what it describes: given as a bound, in words.
    assert "(24 February 2022 or later)" in entries["corbyn-defends-russia-record"]
    assert "Available at: http://www.mirror.co.uk/" in entries["mirror-2016-10-12"]


def test_document_types(items: list[dict[str, Any]], named_ledger: tuple[str, LedgerFiles]) -> None:
    _, ledger = named_ledger
    types = {item["id"]: item["type"] for item in items}
    for source_id, document in ledger.sources.items():
        kind = document.meta.kind
        assert kind is not None
        want = {"news-report": "article-newspaper", "parliamentary-transcript": "hearing"}[kind]
        assert types[source_id] == want


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("mirror-2016-10-12", "mirror-2016-10-12"),
        ("claim:a-b", "claim:a-b"),
        ("two words, {braced}", "two-words-braced"),
        ("-:lead", "lead"),
        ("%%%", "item"),
    ],
)
def test_citation_keys_are_safe_for_bibtex_and_pandoc(text: str, key: str) -> None:
    assert citation_key(text) == key
