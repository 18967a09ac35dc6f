"""BibTeX: golden files, and the export as bibtexparser reads it."""

from __future__ import annotations

import bibtexparser
import pytest
from bibtexparser.bparser import BibTexParser
from pytest_regressions.file_regression import FileRegressionFixture

from claimledger.check import validate
from claimledger.config import discover
from claimledger.export.bibtex import latex_escape, to_bibtex
from claimledger.ledger import LedgerFiles
from claimledger.render.digest import claim_digest
from tests.conftest import MakeLedger
from tests.export.conftest import LEDGERS, configured, validated


def test_golden(
    named_ledger: tuple[str, LedgerFiles], file_regression: FileRegressionFixture
) -> None:
    name, ledger = named_ledger
    file_regression.check(to_bibtex(ledger), basename=name, extension=".bib")


def parsed(text: str) -> dict[str, dict[str, str]]:
    # common_strings: the month macros (oct) read as month names.
    database = bibtexparser.loads(text, parser=BibTexParser(common_strings=True))
    entries = {entry["ID"]: entry for entry in database.entries}
    assert len(entries) == len(database.entries), "duplicate keys"
    return entries


def test_every_document_and_claim_is_an_entry(named_ledger: tuple[str, LedgerFiles]) -> None:
    _, ledger = named_ledger
    entries = parsed(to_bibtex(ledger))
    assert set(entries) == {*ledger.sources, *(f"claim:{c.id}" for c in ledger.claims)}
    for source_id, document in ledger.sources.items():
        entry, meta = entries[source_id], document.meta
        news = meta.kind == "news-report"
        assert entry["ENTRYTYPE"] == ("article" if news else "misc")
        assert entry.get("title") == (None if meta.title is None else "{" + meta.title + "}")
        plain = None if meta.published is None else meta.published.plain
        # A year only where it is a plain fact; an uncertain or bounded date is in ``date``.
        assert entry.get("year") == (None if plain is None else str(plain[0]))
        assert entry.get("date") == (None if meta.published is None else str(meta.published))
        assert entry.get("journal" if news else "publisher") == meta.publisher
        assert entry.get("url") == meta.url
    for claim in ledger.claims:
        entry = entries[f"claim:{claim.id}"]
        assert entry["ENTRYTYPE"] == "misc"
        assert entry["version"] == claim_digest(claim)
        assert entry["howpublished"] == ledger.config.title
        assert entry.get("eventdate") == (None if claim.said_on is None else str(claim.said_on))


def test_seed_news_report_fields() -> None:
    entry = parsed(to_bibtex(validated(LEDGERS["seed"])))["dailymail-2016-10-13"]
    assert entry["author"] == "Jason Groves and Larisa Brown"
    assert (entry["journal"], entry["entrysubtype"]) == ("Daily Mail", "newspaper")
    assert (entry["year"], entry["month"]) == ("2016", "October")


STATEMENT = r"50% of {them} paid $5 & more for #1_x ~ ^ \ yes"


def test_special_characters_survive_a_parse(make_ledger: MakeLedger) -> None:
    root = make_ledger()
    path = root / "claims" / "briefing.yaml"
    path.write_text(
        path.read_text().replace(
            "statement: There are multiple",
            f"statement: '{STATEMENT}'\n    context: There are multiple",
        )
    )
    configured(root, 'author = "Smith, Jones & Partners"\nurl = "https://example.org/l{e}dger"\n')
    result = validate(discover(root))
    assert not result.failed, result.findings
    entry = parsed(to_bibtex(result.ledger))["claim:multiple-interventions"]
    assert entry["title"] == "{" + latex_escape(STATEMENT) + "}"
    assert entry["author"] == "{Smith, Jones \\& Partners}"  # one name, not two
    assert entry["url"] == "https://example.org/l%7Be%7Ddger#multiple-interventions"


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("a & b", r"a \& b"),
        ("{x}", r"\textbraceleft{}x\textbraceright{}"),
        ("~^", r"\~{}\^{}"),
        ("\\", r"\textbackslash{}"),
    ],
)
def test_latex_escape(text: str, escaped: str) -> None:
    assert latex_escape(text) == escaped
