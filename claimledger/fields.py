"""The one table of field types: how the loader reads a value, its JSON Schema, its error.

Every scalar type a model field may have is one :class:`FieldType` in
:data:`FIELD_TYPES`. The strict converter (:mod:`claimledger.structure`) and
the JSON Schema generator (:mod:`claimledger.export.schema`) both read this
table, so a field type added here is structured strictly, described in the
schema and reported readably at once; a type missing from it fails loudly in
both. Containers (``X | None``, ``tuple[X, ...]``, attrs classes) are built
from these by the two users themselves.

>>> field_type(float).structure(0.5, float)
0.5
>>> field_type(float).structure("0.9", float)
Traceback (most recent call last):
...
claimledger.fields.SchemaError: expected a number, got the string '0.9'
>>> from typing import Literal
>>> field_type(Literal["low", "high"]).structure(True, Literal["low", "high"])
Traceback (most recent call last):
...
claimledger.fields.SchemaError: expected one of low, high, got the boolean true
>>> field_type(Literal["low", "high"]).schema(Literal["low", "high"])
{'type': 'string', 'enum': ['low', 'high']}
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any, Literal, get_args, get_origin

import attrs

from claimledger.dates import PartialDate
from claimledger.errors import ClaimledgerError

__all__ = ["DATE_PATTERN", "FIELD_TYPES", "FieldType", "SchemaError", "describe", "field_type"]

_DAY = r"[0-9X]{4}(-(0[1-9]|1[0-2]|2[1-9]|3\d|4[01]|XX)(-(0[1-9]|[12]\d|3[01]|XX))?)?[?~%]?"
#: An EDTF date as the loader reads it: a day, month or year (months 01-12, or 21-41 for
#: seasons), uncertain ``?``, approximate ``~``, an interval with open (``..``) or unknown
#: bounds, or one of a set ``[a,b]``. The loader also refuses 2016-02-30 and reversed intervals.
DATE_PATTERN = rf"^({_DAY}|({_DAY}|\.\.)?/({_DAY}|\.\.)?|\[(\.\.)?{_DAY}(, ?{_DAY})*(\.\.)?\])$"


class SchemaError(ClaimledgerError, ValueError):
    """A value of the wrong kind; the message is shown to the user as is."""


def describe(value: Any) -> str:
    """Name a YAML value's kind for a message.

    >>> describe(5), describe(True), describe(None), describe([1])
    ('the integer 5', 'the boolean true', 'null', 'a list')
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, int | float):
        kind = "integer" if isinstance(value, int) else "number"
        return f"the {kind} {value!r}"
    if isinstance(value, str):
        return f"the string {value!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


@attrs.frozen
class FieldType:
    """One type of field value, for the loader and for the schema."""

    #: The class, or a test of a type hint (for families such as ``Literal[...]``).
    kind: type | Callable[[Any], bool]
    #: ``(value, hint) -> value``: the YAML value as the model holds it, or a SchemaError.
    structure: Callable[[Any, Any], Any]
    #: ``hint -> JSON Schema`` of the value as written in YAML.
    schema: Callable[[Any], dict[str, Any]]
    #: The model's value back to YAML's (default: as it is).
    unstructure: Callable[[Any], Any] | None = None
    #: Set for a type that recurs: its schema goes once into ``$defs`` under this name.
    name: str | None = None

    def matches(self, hint: Any) -> bool:
        """Whether a type hint is of this type."""
        return hint is self.kind if isinstance(self.kind, type) else self.kind(hint)


def _string(value: Any, _: Any) -> str:
    if not isinstance(value, str):
        raise SchemaError(f"expected a string, got {describe(value)}")
    return value


def _integer(value: Any, _: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise SchemaError(f"expected an integer, got {describe(value)}")
    return value


def _number(value: Any, _: Any) -> float:
    # "0.9" and true are not numbers, however Python would convert them.
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise SchemaError(f"expected a number, got {describe(value)}")
    if not math.isfinite(value):
        raise SchemaError(f"expected a finite number, got {describe(value)}")
    return float(value)


def _boolean(value: Any, _: Any) -> bool:
    if not isinstance(value, bool):
        raise SchemaError(f"expected true or false, got {describe(value)}")
    return value


def _literal(value: Any, hint: Any) -> Any:
    allowed = get_args(hint)
    # By type as well as value: true is not 1, and 1 is not "1".
    if not any(type(value) is type(a) and value == a for a in allowed):
        raise SchemaError(f"expected one of {', '.join(map(str, allowed))}, got {describe(value)}")
    return value


def _literal_schema(hint: Any) -> dict[str, Any]:
    allowed = list(get_args(hint))
    kinds = {type(a) for a in allowed}
    json_type = {str: "string", int: "integer", bool: "boolean"}
    if len(kinds) != 1 or next(iter(kinds)) not in json_type:
        raise TypeError(f"no JSON Schema for {hint!r}: a Literal of one of str, int or bool")
    return {"type": json_type[kinds.pop()], "enum": allowed}


def _partial_date(value: Any, _: Any) -> PartialDate:
    if not isinstance(value, str):
        hint = " (write dates as quoted strings)" if isinstance(value, int) else ""
        raise SchemaError(
            f"expected an EDTF date (YYYY, YYYY-MM, YYYY-MM-DD, 2022-03?, 2019/..), "
            f"got {describe(value)}{hint}"
        )
    try:
        return PartialDate.parse(value)
    except ValueError as exc:
        raise SchemaError(str(exc)) from None


def _is_any_number(hint: Any) -> bool:
    # A rating's number: whole or not, as the published review wrote it (``int | float``).
    return hint in (int | float, int | float | None)


def _any_number(value: Any, hint: Any) -> int | float | None:
    if value is None and type(None) in get_args(hint):
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise SchemaError(f"expected a number, got {describe(value)}")
    if not math.isfinite(value):
        raise SchemaError(f"expected a finite number, got {describe(value)}")
    return value


def _any_number_schema(hint: Any) -> dict[str, Any]:
    return {"type": ["number", "null"] if type(None) in get_args(hint) else "number"}


#: Every scalar field type, once.
FIELD_TYPES: tuple[FieldType, ...] = (
    FieldType(_is_any_number, _any_number, _any_number_schema),
    FieldType(str, _string, lambda _: {"type": "string"}),
    FieldType(int, _integer, lambda _: {"type": "integer"}),
    FieldType(float, _number, lambda _: {"type": "number"}),
    FieldType(bool, _boolean, lambda _: {"type": "boolean"}),
    FieldType(lambda hint: get_origin(hint) is Literal, _literal, _literal_schema),
    FieldType(
        PartialDate,
        _partial_date,
        lambda _: {
            "type": "string",
            "description": "An EDTF date (ISO 8601-2), quoted in YAML: YYYY, YYYY-MM "
            "or YYYY-MM-DD; uncertain 2022-03?, approximate 2022~; an interval "
            "2016-10-12/2016-10-13 or with an open bound 2019/..; one of a set "
            "[2016-10-12,2016-10-13].",
            "pattern": DATE_PATTERN,
        },
        unstructure=str,
        name="PartialDate",
    ),
)


def field_type(hint: Any) -> FieldType | None:
    """The table's entry for a type hint; ``None`` for containers and models."""
    return next((entry for entry in FIELD_TYPES if entry.matches(hint)), None)
