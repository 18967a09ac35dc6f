"""JSON Schema (draft 2020-12) for claim files, the speaker registry and source metadata.

The schemas are generated from the attrs models by walking their fields and
type hints, so they cannot drift from what the strict loader accepts. Scalar
types take their schema from the table the loader structures them by
(:data:`claimledger.fields.FIELD_TYPES`); containers are built here:

==========================  ==================================================
model                       JSON Schema
==========================  ==================================================
``str`` / ``int`` / ...     as :data:`~claimledger.fields.FIELD_TYPES` says
``PartialDate``             ``$ref`` to a string with the pattern of an EDTF
                            date (``2016-10``, ``2022-03?``, ``2019/..``)
``X | None``                ``X`` or ``null``
``tuple[X, ...]``           ``array`` of ``X``
an attrs class              ``$ref`` to an object in ``$defs``
``Related``                 a claim id, or the ``$ref`` to its object
==========================  ==================================================

Fields without a default are ``required``; every object has
``additionalProperties: false``, as the loader refuses unknown keys. What a
schema cannot say, the loader still checks (``2016-02-30`` matches the pattern
but is not a date; ``1.0`` is an integer to JSON Schema but not to the loader).

>>> schema = json_schema("claims")
>>> schema["$defs"]["Quote"]["required"]
['source', 'text']
>>> schema["$defs"]["Claim"]["properties"]["said_on"]
{'anyOf': [{'$ref': '#/$defs/PartialDate'}, {'type': 'null'}], 'default': None}
>>> "id" in json_schema("source")["properties"]  # the id is the file name
False
"""

from __future__ import annotations

import inspect
import json
import types
import typing
from typing import Any, Final, Literal, get_args, get_origin, get_type_hints

import attrs

from claimledger.fields import DATE_PATTERN, field_type
from claimledger.models import Claim, Quote, Related, Source

# The loader's own top-level shapes, so that the schema describes exactly what
# it structures (a mapping with one required list) rather than a copy of it.
from claimledger.structure import COUNTS_FROM_ONE, ClaimsDocument, SpeakersDocument

__all__ = [
    "DATE_PATTERN",
    "DRAFT",
    "SCHEMA_FILES",
    "SchemaKind",
    "json_schema",
    "model_schema",
    "schema_text",
]

SchemaKind = Literal["claims", "speakers", "source"]

DRAFT: Final = "https://json-schema.org/draft/2020-12/schema"

#: Each kind of file and the name its schema is shipped under (in ``schema/``).
SCHEMA_FILES: Final[dict[SchemaKind, str]] = {
    "claims": "claims.schema.json",
    "speakers": "speakers.schema.json",
    "source": "source.schema.json",
}

_ROOTS: Final[dict[SchemaKind, tuple[type, str, tuple[str, ...]]]] = {
    "claims": (ClaimsDocument, "claimledger claim file (claims/<story>.yaml)", ()),
    "speakers": (SpeakersDocument, "claimledger speaker registry (claims/speakers.yaml)", ()),
    # A source's id is its file name; the loader refuses an ``id`` key.
    "source": (Source, "claimledger source metadata (corpus/<id>.yaml)", ("id",)),
}


#: Older spellings the loader still reads (see ``structure._LEGACY``), so that editors
#: accept files written for earlier versions, marked deprecated.
_LEGACY_PROPERTIES: Final[dict[type, dict[str, dict[str, Any]]]] = {
    Quote: {
        "paraphrase": {
            "type": "boolean",
            "deprecated": True,
            "description": "Before quotation kinds: true is read as kind: paraphrase.",
        }
    },
}


def _summary(cls: type) -> str | None:
    """The first paragraph of a class's docstring, on one line."""
    doc = inspect.getdoc(cls)
    if not doc:
        return None
    return " ".join(doc.split("\n\n")[0].split())


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}

    def object_schema(self, cls: type, omit: tuple[str, ...] = ()) -> dict[str, Any]:
        hints = get_type_hints(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        for field in attrs.fields(cls):
            if field.name in omit:
                continue
            prop = self.type_schema(hints[field.name])
            if field.name in COUNTS_FROM_ONE:
                prop["minimum"] = 1  # as the loader checks it
            if field.default is attrs.NOTHING:
                required.append(field.name)
            elif field.default is None or field.default == ():
                # Editors offer the default when completing a key.
                prop["default"] = None if field.default is None else []
            properties[field.name] = prop
        schema: dict[str, Any] = {"type": "object"}
        summary = _summary(cls)
        if summary and not cls.__name__.startswith("_"):
            schema["description"] = summary
        for name, legacy in _LEGACY_PROPERTIES.get(cls, {}).items():
            properties[name] = legacy
        if cls is Claim:
            # Before context evidence, ``context`` was the occasion (now ``setting``).
            properties["context"] = {
                "anyOf": [
                    properties["context"],
                    {"type": "string", "deprecated": True, "description": "Read as setting."},
                    {"type": "null", "deprecated": True},
                ],
                "default": [],
            }
        schema["properties"] = properties
        if required:
            schema["required"] = required
        schema["additionalProperties"] = False
        return schema

    def type_schema(self, hint: Any) -> dict[str, Any]:
        origin, args = get_origin(hint), get_args(hint)
        scalar = field_type(hint)
        if scalar is not None:
            schema = scalar.schema(hint)
            if scalar.name is None:
                return schema
            self.defs.setdefault(scalar.name, schema)
            return {"$ref": f"#/$defs/{scalar.name}"}
        if origin in (typing.Union, types.UnionType) and type(None) in args:
            rest = [a for a in args if a is not type(None)]
            if len(rest) != 1:
                raise TypeError(f"no JSON Schema for the union {hint!r}")
            inner = self.type_schema(rest[0])
            if set(inner) == {"type"}:
                return {"type": [inner["type"], "null"]}
            if set(inner) == {"type", "enum"}:
                return {"type": [inner["type"], "null"], "enum": [*inner["enum"], None]}
            return {"anyOf": [inner, {"type": "null"}]}
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": self.type_schema(args[0])}
        if hint is Related:
            # A bare claim id, or a mapping with the relation.
            return {"anyOf": [{"type": "string"}, self._object_ref(hint)]}
        if isinstance(hint, type) and attrs.has(hint):
            return self._object_ref(hint)
        raise TypeError(f"no JSON Schema for {hint!r}")

    def _object_ref(self, hint: type) -> dict[str, Any]:
        name = hint.__name__
        if name not in self.defs:
            self.defs[name] = {}  # claims the name first, should a class refer to itself
            self.defs[name] = self.object_schema(hint)
        return {"$ref": f"#/$defs/{name}"}


def model_schema(cls: type, omit: tuple[str, ...] = ()) -> dict[str, Any]:
    """The JSON Schema of a model class (an attrs class), its classes and dates in ``$defs``."""
    builder = _Builder()
    schema = builder.object_schema(cls, omit)
    if builder.defs:
        schema["$defs"] = dict(sorted(builder.defs.items()))
    return schema


def json_schema(kind: SchemaKind) -> dict[str, Any]:
    """The JSON Schema of one kind of file: ``claims``, ``speakers`` or ``source``."""
    cls, title, omit = _ROOTS[kind]
    return {"$schema": DRAFT, "title": title, **model_schema(cls, omit)}


def schema_text(kind: SchemaKind) -> str:
    """The schema as written to ``schema/<kind>.schema.json``: indented, newline-terminated.

    >>> schema_text("source").splitlines()[1]
    '  "$schema": "https://json-schema.org/draft/2020-12/schema",'
    """
    return json.dumps(json_schema(kind), indent=2, ensure_ascii=False) + "\n"
