"""Claim and edition digests: what changes them and what does not."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import attrs
import pytest

from claimledger.dates import PartialDate
from claimledger.models import Claim, Correction, Quote
from claimledger.render.digest import canonical_form, claim_digest, edition_digest
from claimledger.structure import unstructure
from tests.render.conftest import validated

CLAIM_FILE = """\
claims:
  - id: focus-on-russia
    statement: The focus on Russia diverts attention.
    speaker: aide
    said_on: "2016-10-12"
    topics: [syria, russia]
    quotes:
      - source: report
        text: "diverts attention"
  - id: second
    statement: Another claim.
    speaker: aide
"""

# The same two claims: keys reordered, flow and block styles swapped, other
# quoting, comments, explicit nulls and empty lists, the claims in two files.
SAME_CLAIMS = {
    "claims/a.yaml": """\
# A comment changes nothing.
claims:
  - speaker: aide
    topics:
      - syria
      - russia
    quotes: [{text: 'diverts attention', source: report, note: null}]
    statement: >-
      The focus on Russia
      diverts attention.
    said_on: '2016-10-12'
    id: focus-on-russia
    contradicts: []
    verdict: null
""",
    "claims/b.yaml": """\
claims:
  - {id: second, speaker: aide, statement: "Another claim.", related: []}
""",
}


def write_ledger(root: Path, files: dict[str, str]) -> None:
    (root / "claims").mkdir(parents=True)
    (root / "corpus").mkdir()
    text = b"It diverts attention.\n"
    (root / "corpus" / "report.txt").write_bytes(text)
    digest = hashlib.sha256(text).hexdigest()
    (root / "corpus" / "report.yaml").write_text(f"kind: news-report\nsha256: {digest}\n")
    (root / "claims" / "speakers.yaml").write_text("speakers:\n  - id: aide\n")
    for name, content in files.items():
        (root / name).write_text(content, encoding="utf-8")


def claims_of(root: Path) -> tuple[Claim, ...]:
    return validated(root).ledger.claims


def test_canonical_form_is_sorted_compact_utf8_json_without_empty_values() -> None:
    claim = Claim(
        id="é",
        statement="“Quoted”",
        speaker="s",
        topics=("b", "a"),
        quotes=(Quote(source="r", text="x"),),
        history=(Correction(date=PartialDate.parse("2016-10"), note="n"),),
    )
    expected = (
        '{"history":[{"date":"2016-10","note":"n"}],"id":"é",'
        '"quotes":[{"source":"r","text":"x"}],"speaker":"s","statement":"“Quoted”","topics":["b","a"]}'
    )
    assert canonical_form(claim) == expected.encode("utf-8")
    assert claim_digest(claim) == hashlib.sha256(expected.encode("utf-8")).hexdigest()[:12]


def test_canonical_form_is_the_unstructured_claim_less_empty_values() -> None:
    claim = Claim("a", "s", "p", quotes=(Quote("r", "t", occurrence=2),))
    assert unstructure(claim)["verdict"] is None  # present before pruning, absent after
    assert json.loads(canonical_form(claim)) == {
        "id": "a",
        "statement": "s",
        "speaker": "p",
        "quotes": [{"source": "r", "text": "t", "occurrence": 2}],
    }


def test_key_order_and_yaml_formatting_do_not_change_digests(tmp_path: Path) -> None:
    write_ledger(tmp_path / "one", {"claims/all.yaml": CLAIM_FILE})
    write_ledger(tmp_path / "two", SAME_CLAIMS)
    one, two = claims_of(tmp_path / "one"), claims_of(tmp_path / "two")
    assert [claim_digest(c) for c in one] == [
        claim_digest(c) for c in sorted(two, key=lambda c: c.id)
    ]
    assert edition_digest(one) == edition_digest(two)


def test_one_character_changes_the_claim_and_edition_digests(tmp_path: Path) -> None:
    write_ledger(tmp_path / "before", {"claims/all.yaml": CLAIM_FILE})
    changed = CLAIM_FILE.replace("Another claim.", "Another claim!")
    write_ledger(tmp_path / "after", {"claims/all.yaml": changed})
    before, after = claims_of(tmp_path / "before"), claims_of(tmp_path / "after")
    assert claim_digest(before[0]) == claim_digest(after[0])
    assert claim_digest(before[1]) != claim_digest(after[1])
    assert edition_digest(before) != edition_digest(after)


@pytest.mark.parametrize(
    "change",
    [
        {"id": "focus-on-russiA"},
        {"said_on": None},
        {"topics": ("russia", "syria")},  # order is content: the first topic is the main one
        {"quotes": (Quote("report", "diverts attention", note="n"),)},
        {"quotes": (Quote("report", "diverts  attention"),)},  # whitespace is not folded
    ],
)
def test_any_change_of_content_changes_the_digest(tmp_path: Path, change: dict[str, Any]) -> None:
    write_ledger(tmp_path, {"claims/all.yaml": CLAIM_FILE})
    claims = claims_of(tmp_path)
    edited = attrs.evolve(claims[0], **change)
    assert claim_digest(edited) != claim_digest(claims[0])
    assert edition_digest((edited, claims[1])) != edition_digest(claims)


def test_edition_digest_does_not_depend_on_file_or_list_order(tmp_path: Path) -> None:
    write_ledger(tmp_path, {"claims/all.yaml": CLAIM_FILE})
    claims = claims_of(tmp_path)
    assert edition_digest(claims) == edition_digest(tuple(reversed(claims)))
    assert edition_digest(claims[:1]) != edition_digest(claims)


def test_edition_digest_is_over_full_claim_digests_in_id_order() -> None:
    a, b = Claim("a", "One.", "s"), Claim("b", "Two.", "s")
    lines = "".join(f"{c.id} {hashlib.sha256(canonical_form(c)).hexdigest()}\n" for c in (a, b))
    assert edition_digest([b, a]) == hashlib.sha256(lines.encode()).hexdigest()[:12]


def test_a_lone_surrogate_still_has_a_digest() -> None:
    # YAML's "\ud800" escape loads; the digest must not crash on it.
    assert len(claim_digest(Claim("a", "broken \ud800 text", "s"))) == 12
