from __future__ import annotations

from claimledger.dates import PartialDate
from claimledger.parse import parse_yaml
from claimledger.structure import structure_claims, structure_source, structure_speakers


def messages(text: str) -> list[tuple[int, int, str]]:
    _, findings = structure_claims(parse_yaml(text, "c.yaml"))
    assert all(f.code == "CL003" for f in findings)
    return [(f.location.line, f.location.column, f.message) for f in findings]


BASE = "claims:\n  - id: a\n    statement: s\n    speaker: x\n"


def test_a_valid_claim_structures() -> None:
    claims, findings = structure_claims(parse_yaml(BASE + '    said_on: "2016-10"\n', "c.yaml"))
    assert findings == []
    assert claims[0].said_on == PartialDate.of(2016, 10)


def test_numbers_are_not_coerced_to_strings() -> None:
    text = "claims:\n  - id: 5\n    statement: s\n    speaker: x\n"
    assert messages(text) == [(2, 9, "claims[0].id: expected a string, got the integer 5")]


def test_a_string_is_not_split_into_a_list() -> None:
    assert messages(BASE + "    topics: syria\n") == [
        (5, 13, "claims[0].topics: expected a list, got the string 'syria'")
    ]


def test_unknown_field_is_reported_at_its_key() -> None:
    assert messages(BASE + "    colour: red\n") == [(5, 5, "claims[0]: unknown field 'colour'")]


def test_missing_field_is_reported_at_its_mapping() -> None:
    assert messages("claims:\n  - id: a\n    statement: s\n") == [
        (2, 5, "claims[0]: missing required field 'speaker'")
    ]


def test_unquoted_year_and_bad_date() -> None:
    got = messages(
        BASE + "    said_on: 2016\n    history:\n      - date: '2016-02-30'\n        note: n\n"
    )
    assert got == [
        (
            5,
            14,
            "claims[0].said_on: expected an EDTF date (YYYY, YYYY-MM, YYYY-MM-DD, 2022-03?, "
            "2019/..), got the integer 2016 (write dates as quoted strings)",
        ),
        (
            7,
            15,
            "claims[0].history[0].date: not a valid date: '2016-02-30' (expected an EDTF date: "
            "YYYY, YYYY-MM or YYYY-MM-DD, uncertain 2022-03?, approximate 2022~, or an interval "
            "such as 2019/.. or 2016-10-12/2016-10-13)",
        ),
    ]


def test_booleans_are_not_integers() -> None:
    text = BASE + "    quotes:\n      - source: s\n        text: t\n        occurrence: true\n"
    assert messages(text) == [
        (8, 21, "claims[0].quotes[0].occurrence: expected an integer, got the boolean true")
    ]


def test_every_problem_of_a_file_is_reported() -> None:
    text = "claims:\n  - id: 1\n    statement: 2\n    speaker: [x]\n  - {}\n"
    got = messages(text)
    assert [line for line, _, _ in got] == [2, 3, 4, 5, 5, 5]


def test_top_level_must_be_a_mapping() -> None:
    assert messages("- a\n") == [(1, 1, "expected a mapping, got a list")]


def test_empty_claim_file_is_no_claims() -> None:
    assert structure_claims(parse_yaml("", "c.yaml")) == ((), [])


def test_speakers_and_roles() -> None:
    text = (
        "speakers:\n  - id: s\n    roles:\n      - title: Leader\n        since: '2015-09'\n"
        "    identified_as:\n      speaker: t\n      evidence:\n        - source: x\n          text: y\n"
    )
    speakers, findings = structure_speakers(parse_yaml(text, "s.yaml"))
    assert findings == []
    assert speakers[0].roles[0].since == PartialDate.of(2015, 9)
    assert speakers[0].identified_as is not None
    assert speakers[0].display_name == "s"


def test_source_id_comes_from_the_file_name() -> None:
    source, findings = structure_source(
        parse_yaml("kind: news-report\nsha256: ab\n", "x.yaml"), "x"
    )
    assert findings == []
    assert source is not None
    assert source.id == "x"
    _, findings = structure_source(parse_yaml("id: y\nkind: k\nsha256: ab\n", "y.yaml"), "y")
    assert [f.message for f in findings] == ["id: the source id is the file name; remove 'id'"]
