"""The one table of field types: a float, a Literal and a date field get strict structuring,
a JSON Schema and a readable error, from the loader and the schema generator alike."""

from __future__ import annotations

from typing import Literal

import attrs
import jsonschema
import pytest

from claimledger.dates import PartialDate
from claimledger.export.schema import model_schema
from claimledger.fields import FIELD_TYPES, field_type
from claimledger.parse import parse_yaml
from claimledger.structure import structure_model


@attrs.frozen
class Rated:
    """A model with the field types the ledger's models do not use yet."""

    score: float
    confidence: Literal["low", "medium", "high"] | None = None
    when: PartialDate | None = None


def load(text: str) -> tuple[Rated | None, list[str]]:
    doc = parse_yaml(text, "r.yaml")
    value, findings = structure_model(doc, Rated, doc.data)
    return value, [f"{f.location.line}:{f.location.column} {f.message}" for f in findings]


def test_valid_values_structure() -> None:
    value, problems = load("score: 0.9\nconfidence: high\nwhen: '2016-10'\n")
    assert problems == []
    assert value == Rated(0.9, "high", PartialDate.parse("2016-10"))
    assert load("score: 1\n")[0] == Rated(1.0)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("score: '0.9'\n", "1:8 score: expected a number, got the string '0.9'"),
        ("score: true\n", "1:8 score: expected a number, got the boolean true"),
        ("score: .nan\n", "1:8 score: expected a finite number, got the number nan"),
        (
            "score: 1\nconfidence: sure\n",
            "2:13 confidence: expected one of low, medium, high, got the string 'sure'",
        ),
        (
            "score: 1\nconfidence: 1\n",
            "2:13 confidence: expected one of low, medium, high, got the integer 1",
        ),
    ],
)
def test_wrong_values_get_a_readable_located_error(text: str, problem: str) -> None:
    value, problems = load(text)
    assert value is None
    assert problems == [problem]
    assert "typing" not in problem


def test_the_schema_says_what_the_loader_accepts() -> None:
    schema = model_schema(Rated)
    assert schema["properties"]["score"] == {"type": "number"}
    assert schema["properties"]["confidence"] == {
        "type": ["string", "null"],
        "enum": ["low", "medium", "high", None],
        "default": None,
    }
    assert "PartialDate" in schema["$defs"]
    validator = jsonschema.Draft202012Validator(schema)
    assert validator.is_valid({"score": 0.9, "confidence": "low", "when": "2016-10"})
    for wrong in ({"score": "0.9"}, {"score": True}, {"score": 1, "confidence": "sure"}):
        assert not validator.is_valid(wrong)


def test_every_scalar_of_the_models_has_one_entry() -> None:
    for hint in (str, int, float, bool, PartialDate, Literal["a"]):
        assert sum(entry.matches(hint) for entry in FIELD_TYPES) == 1
        assert field_type(hint) is not None
    assert field_type(tuple[str, ...]) is None
