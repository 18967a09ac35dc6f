"""The fields that say exactly what the sources say, from loading to every output:
EDTF dates, kinds of quotation, typed relations, how an identification is known,
roles as of a date, and context evidence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimledger.check import validate
from claimledger.config import discover
from claimledger.export.claimreview import to_claimreview
from claimledger.export.csl import to_csl_json
from claimledger.export.jsonl import records
from claimledger.parse import parse_yaml
from claimledger.query import load
from claimledger.render import render_markdown
from claimledger.structure import structure_claims, structure_speakers, unstructure
from tests.conftest import MakeLedger

SPEAKERS = """\
speakers:
  - id: spokesman
    kind: person
    description: The Labour leader's spokesman
    roles:
      - title: Spokesman for the Labour leader
        as_of: "2016-10-12/2016-10-13"
  - id: critic
    kind: person
    name: A Critic
  - id: aide
    kind: person
    description: An unnamed aide
    identified_as:
      speaker: spokesman
      basis: inferred
      confidence: probable
      note: The same words at the same briefing.
      evidence:
        - source: briefing-report
          text: There are multiple foreign interventions in the Syrian civil war.
          speaker: spokesman
"""

CLAIMS = """\
claims:
  - id: answer
    statement: The US is an intervening power.
    speaker: spokesman
    said_on: "2016-10-12/2016-10-13"
    setting: A lobby briefing.
    quotes:
      - source: briefing-report
        text: "Obviously."
      - source: briefing-report
        text: "Asked if the US was one of those powers, the spokesman replied: “Obviously.”"
        kind: partial
    verdict:
      rating: accurate
      rationale: Shown.
  - id: objection
    statement: The spokesman was wrong.
    speaker: critic
    said_on: "2019/.."
    context:
      - source: briefing-report
        text: There are multiple foreign interventions in the Syrian civil war.
        speaker: spokesman
    verdict:
      rating: unsettled
      rationale: A reading.
    related:
      - claim: answer
        relation: disputes
        note: Says the answer was wrong.
  - id: aside
    statement: An aside.
    speaker: aide
    said_on: "2016-10?"
    related: [answer]
"""

CORPUS = (
    "Asked if the US was one of those powers, the spokesman replied: “Obviously.”\n\n"
    "There are multiple foreign interventions in the Syrian civil war.\n"
)


@pytest.fixture
def root(make_ledger: MakeLedger) -> Path:
    import hashlib

    digest = hashlib.sha256(CORPUS.encode()).hexdigest()
    return make_ledger(
        {
            "claims/speakers.yaml": SPEAKERS,
            "claims/briefing.yaml": CLAIMS,
            "corpus/briefing-report.txt": CORPUS,
            "corpus/briefing-report.yaml": (
                f'kind: news-report\nsha256: {digest}\npublished: "2016-10-13"\n'
            ),
        }
    )


def test_the_ledger_with_every_new_field_validates_clean(root: Path) -> None:
    assert validate(discover(root)).findings == ()


# -- loading -----------------------------------------------------------------------------


def test_old_files_keep_loading_paraphrase_and_a_context_string() -> None:
    text = (
        "claims:\n  - id: a\n    statement: s\n    speaker: x\n    context: A briefing.\n"
        "    quotes:\n      - {source: m, text: t, paraphrase: true}\n"
        "      - {source: m, text: u, paraphrase: false}\n"
    )
    claims, findings = structure_claims(parse_yaml(text, "c.yaml"))
    assert findings == []
    (claim,) = claims
    assert claim.setting == "A briefing."
    assert [q.kind for q in claim.quotes] == ["paraphrase", "direct"]
    assert claim.context == ()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ("    quotes: [{source: m, text: t, kind: quote}]\n", "expected one of direct, partial"),
        (
            "    quotes: [{source: m, text: t, kind: direct, paraphrase: true}]\n",
            "paraphrase: true contradicts kind: direct",
        ),
        ("    quotes: [{source: m, text: t, paraphrase: 1}]\n", "expected true or false"),
        ("    related: [{claim: b, relation: refutes}]\n", "expected one of disputes"),
        ("    related: [5]\n", "expected a claim id or a mapping"),
        ('    said_on: "2016-10-13/2016-10-12"\n', "ends before it starts"),
        ('    said_on: "{2016,2017}"\n', "one date is needed"),
        ('    said_on: "sometime"\n', "expected an EDTF date"),
        ("    context: A briefing.\n    setting: Twice.\n", "write the occasion as setting"),
    ],
)
def test_bad_new_fields_are_located_schema_findings(fields: str, message: str) -> None:
    text = "claims:\n  - id: a\n    statement: s\n    speaker: x\n" + fields
    _, findings = structure_claims(parse_yaml(text, "c.yaml"))
    assert [f.code for f in findings] == ["CL003"]
    assert message in findings[0].message


def test_identification_basis_confidence_and_role_as_of_load() -> None:
    (speakers, findings) = structure_speakers(parse_yaml(SPEAKERS, "s.yaml"))
    assert findings == []
    aide = next(s for s in speakers if s.id == "aide")
    assert aide.identified_as is not None
    assert (aide.identified_as.basis, aide.identified_as.confidence) == ("inferred", "probable")
    assert str(speakers[0].roles[0].as_of) == "2016-10-12/2016-10-13"
    bad = SPEAKERS.replace("confidence: probable", "confidence: likely")
    _, findings = structure_speakers(parse_yaml(bad, "s.yaml"))
    assert ["certain, probable, possible" in f.message for f in findings] == [True]


def test_defaults_stay_implicit_when_written_back() -> None:
    text = (
        "claims:\n  - id: a\n    statement: s\n    speaker: x\n"
        "    quotes: [{source: m, text: t}]\n    related: [b, {claim: c, relation: repeats}]\n"
    )
    (claim,), _ = structure_claims(parse_yaml(text, "c.yaml"))
    data = unstructure(claim)
    assert "kind" not in data["quotes"][0]
    assert data["related"] == ["b", {"claim": "c", "relation": "repeats", "note": None}]


# -- rules -------------------------------------------------------------------------------


def test_cl010_reports_only_what_is_certain(make_ledger: MakeLedger, root: Path) -> None:
    path = root / "claims" / "briefing.yaml"
    text = path.read_text()
    # Possibly after publication (2019 or later, published 2016-10-13): not an error.
    assert "CL010" not in {f.code for f in validate(discover(root)).findings}
    quoted = text.replace(
        '    said_on: "2019/.."\n',
        '    said_on: "2019/.."\n    quotes: [{source: briefing-report, text: "Obviously."}]\n',
    )
    path.write_text(quoted)
    (finding,) = [f for f in validate(discover(root)).findings if f.code == "CL010"]
    assert "2019 or later" in finding.message
    assert finding.location.line == 19


# -- query -------------------------------------------------------------------------------


def test_since_and_until_with_certain_and_possible_semantics(root: Path) -> None:
    claims = load(root, cache=False).claims
    # "2016-10-12/2016-10-13" is certainly within 12-13 October, possibly on the 12th only.
    assert claims.between("2016-10-12", "2016-10-13").ids() == ("answer",)
    assert claims.until("2016-10-12").ids() == ()
    assert claims.until("2016-10-12", overlaps=True).ids() == ("answer", "aside")
    # "2019/.." is certainly since 2019, never certainly until any day; possibly until 2020.
    assert claims.since("2019").ids() == ("objection",)
    assert claims.until("2020").ids() == ("answer", "aside")
    assert "objection" in claims.until("2020", overlaps=True).ids()
    # "2016-10?" is uncertain: widened as the edtf package pads it, so not certainly in 2016.
    assert "aside" not in claims.between("2016", "2016").ids()
    assert "aside" in claims.between("2016", "2016", overlaps=True).ids()
    # An EDTF bound works too: since "2016-10-13/.." starts on its first possible day.
    assert "objection" in claims.since("2016-10-13/..").ids()


def test_a_dispute_recorded_on_one_side_is_found_on_both(root: Path) -> None:
    ledger = load(root, cache=False)
    assert set(ledger.claims.where(disputed=True).ids()) == {"answer", "objection"}
    assert ledger.claims.where(disputed=False).ids() == ("aside",)
    relations = [(r, c.id) for r, c in ledger.relations("answer")]
    assert relations == [("disputed-by", "objection"), ("related", "aside")]
    assert ledger.claims.where(source="briefing-report").ids() == ("answer", "objection")


def test_resolved_claims_carry_kinds_setting_and_context(root: Path) -> None:
    ledger = load(root, cache=False)
    answer = ledger.claim("answer")
    assert [q.kind for q in answer.quotes] == ["direct", "partial"]
    assert answer.setting == "A lobby briefing."
    objection = ledger.claim("objection").to_dict()
    assert objection["context"][0]["speaker"] == "spokesman"
    assert objection["related"] == [
        {"claim": "answer", "relation": "disputes", "note": "Says the answer was wrong."}
    ]


# -- export ------------------------------------------------------------------------------


def test_jsonl_keeps_kinds_relations_context_and_open_bounds(root: Path) -> None:
    rows = list(records(validate(discover(root)).ledger))
    quotes = [r for r in rows if r["record"] == "quote"]
    assert [r["quote_kind"] for r in quotes] == ["direct", "partial"]
    (link,) = [r for r in rows if r["record"] == "related" and r["relation"]]
    assert (link["claim"], link["related"], link["relation"]) == ("objection", "answer", "disputes")
    assert [r["stance"] for r in rows if r["record"] == "evidence"] == ["context"]
    objection = next(r for r in rows if r["record"] == "claim" and r["claim"] == "objection")
    assert (objection["said_on"], objection["said_on_from"], objection["said_on_to"]) == (
        "2019/..",
        "2019-01-01",
        None,
    )
    assert len({tuple(r) for r in rows}) == 1  # every record has every column


def test_csl_gives_a_range_and_the_edtf_text(root: Path) -> None:
    items = json.loads(to_csl_json(validate(discover(root)).ledger))
    by_id = {item["id"]: item for item in items}
    assert by_id["claim:answer"]["event-date"] == {
        "date-parts": [[2016, 10, 12], [2016, 10, 13]],
        "raw": "2016-10-12/2016-10-13",
    }
    assert by_id["claim:objection"]["event-date"] == {"literal": "2019 or later", "raw": "2019/.."}
    assert by_id["claim:aside"]["event-date"]["circa"] is True


def test_claimreview_gives_no_invented_day_for_a_bounded_date(root: Path) -> None:
    feed = json.loads(to_claimreview(validate(discover(root)).ledger))
    claims = {r["itemReviewed"]["identifier"]: r["itemReviewed"] for r in feed["dataFeedElement"]}
    assert "datePublished" not in claims["answer"]
    assert "datePublished" not in claims["objection"]


# -- rendering ---------------------------------------------------------------------------


def test_rendering_words_dates_kinds_relations_and_identifications(root: Path) -> None:
    text = render_markdown(validate(discover(root)).ledger)
    assert "**Said:** 12 or 13 October 2016" in text
    assert "**Said:** 2019 or later" in text
    assert "**Said:** October 2016 (uncertain)" in text
    assert "**Setting:** A lobby briefing." in text
    assert "(reported speech; only the words in quotation marks are the speaker's)" in text
    assert "- Disputes: [The spokesman was wrong.]" not in text
    assert "- Disputes: [The US is an intervening power.](#answer) (Says the answer" in text
    assert "- Disputed by: [The spokesman was wrong.](#objection)" in text
    assert "**Context** (background that neither supports nor contradicts the claim)" in text
    assert "(probable). The identification is the ledger's inference, not a source's" in text
    assert "(as of 12 or 13 October 2016)" in text
