"""Imported claims are written as YAML that the strict loader reads back unchanged."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimledger.dates import PartialDate
from claimledger.importers import dump_claims
from claimledger.models import Claim, Quote, Verdict
from claimledger.parse import parse_yaml
from claimledger.structure import structure_claims

# Strings YAML 1.1 and 1.2 read differently, and others that need quoting.
TRICKY = [
    "no",
    "on",
    "off",
    "yes",
    "null",
    "~",
    "true",
    "1e3",
    "0o17",
    "0x1F",
    ".inf",
    "-.5",
    "2016-10-12",
    "a: b",
    "- x",
    "# not a comment",
    "'",
    '"',
    "",
    " ",
    "\t",
    "x\n",
]
texts = st.sampled_from(TRICKY) | st.text()


@given(texts, texts, texts, texts, st.sampled_from(["2016", "2016-10", "2016-10-12"]))
def test_any_text_round_trips(
    ident: str, statement: str, quote: str, rating: str, date: str
) -> None:
    claim = Claim(
        id=ident,
        statement=statement,
        speaker=rating,
        said_on=PartialDate.parse(date),
        topics=(ident, statement),
        quotes=(Quote(source=quote, text=quote, note=statement),),
        verdict=Verdict(rating=rating, rationale=quote),
    )
    text = dump_claims([claim], "# header\n")
    claims, findings = structure_claims(parse_yaml(text, "c.yaml"))
    assert findings == []
    assert claims == (claim,)


def test_words_stay_bare_and_the_rest_is_quoted() -> None:
    claim = Claim(id="a-1", statement="on", speaker="seumas-milne", topics=("syria", "1e3"))
    assert dump_claims([claim]) == (
        "claims:\n"
        "  - id: a-1\n"
        '    statement: "on"\n'
        "    speaker: seumas-milne\n"
        "    topics:\n"
        "      - syria\n"
        '      - "1e3"\n'
    )
