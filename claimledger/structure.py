"""Turn parsed YAML into model objects, and schema errors into located findings.

cattrs does the structuring; we make it strict (no ``5`` -> ``"5"``, no string
iterated into a tuple of characters, no unknown keys) and walk its detailed
``ExceptionGroup`` to the path of each problem, which the YAML layer maps to a
line and column.

>>> from claimledger.parse import parse_yaml
>>> text = "claims:\\n  - id: 5\\n    statement: s\\n    speaker: x\\n    colour: red\\n"
>>> doc = parse_yaml(text, "c.yaml")
>>> claims, findings = structure_claims(doc)
>>> for f in findings: print(f)
c.yaml:2:9: CL003 claims[0].id: expected a string, got the integer 5
c.yaml:5:5: CL003 claims[0]: unknown field 'colour'
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any, Literal, TypeVar, get_args, get_origin

import attrs
import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn

from claimledger.dates import PartialDate
from claimledger.findings import Finding, Severity
from claimledger.models import Claim, Quote, Related, Source, Speaker
from claimledger.parse import Document, Path_

__all__ = [
    "SCHEMA",
    "ClaimsDocument",
    "SpeakersDocument",
    "converter",
    "describe",
    "structure_claims",
    "structure_source",
    "structure_speakers",
    "unstructure",
]

SCHEMA = "CL003"
#: Items of one list reported wrong before the rest are left unchecked.
MAX_LIST_ERRORS = 100
T = TypeVar("T")


class SchemaError(ValueError):
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


def _strict_str(value: Any, _: type) -> str:
    if not isinstance(value, str):
        raise SchemaError(f"expected a string, got {describe(value)}")
    return value


def _strict_int(value: Any, _: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise SchemaError(f"expected an integer, got {describe(value)}")
    return value


def _strict_bool(value: Any, _: type) -> bool:
    if not isinstance(value, bool):
        raise SchemaError(f"expected true or false, got {describe(value)}")
    return value


def _literal(value: Any, cl: Any) -> Any:
    """One of a ``Literal``'s words (a speaker's kind, a quote's kind, a relation...)."""
    words = get_args(cl)
    if not isinstance(value, str) or value not in words:
        raise SchemaError(f"expected one of {', '.join(words)}, got {describe(value)}")
    return value


def _is_literal(cl: Any) -> bool:
    origin: object = get_origin(cl)
    return origin is Literal


def _quote_legacy(value: dict[str, Any]) -> dict[str, Any]:
    """``paraphrase: true`` (before quotation kinds) is read as ``kind: paraphrase``."""
    if "paraphrase" not in value:
        return value
    rest = {k: v for k, v in value.items() if k != "paraphrase"}
    flag = value["paraphrase"]
    if not isinstance(flag, bool):
        raise SchemaError(f"paraphrase: expected true or false, got {describe(flag)}")
    if flag:
        if rest.get("kind", "paraphrase") != "paraphrase":
            raise SchemaError(f"paraphrase: true contradicts kind: {rest['kind']}; keep kind only")
        rest["kind"] = "paraphrase"
    return rest


def _claim_legacy(value: dict[str, Any]) -> dict[str, Any]:
    """A ``context`` that is a string (before evidence lists of context) is the ``setting``;
    ``context: null`` is an occasion not known, as before."""
    context = value.get("context")
    if "context" in value and context is None:  # an unknown occasion, as written before
        return {k: v for k, v in value.items() if k != "context"}
    if not isinstance(context, str):
        return value
    if "setting" in value:
        raise SchemaError("context is a string and setting is given: write the occasion as setting")
    rest = {k: v for k, v in value.items() if k != "context"}
    rest["setting"] = context
    return rest


#: Older spellings of a field, rewritten before a mapping is structured, so that
#: files written for earlier versions keep loading.
_LEGACY: dict[type, Callable[[dict[str, Any]], dict[str, Any]]] = {
    Quote: _quote_legacy,
    Claim: _claim_legacy,
}


def _partial_date(value: Any, _: type) -> PartialDate:
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


def _make_converter() -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    conv.register_structure_hook(str, _strict_str)
    conv.register_structure_hook(int, _strict_int)
    conv.register_structure_hook(bool, _strict_bool)
    conv.register_structure_hook_func(_is_literal, _literal)
    conv.register_structure_hook(PartialDate, _partial_date)
    conv.register_unstructure_hook(PartialDate, str)

    def tuple_factory(cl: Any) -> Callable[[Any, Any], Any]:
        (item_type, _ellipsis) = get_args(cl)
        item_hook = conv.get_structure_hook(item_type)

        # cattrs' own list hook keeps every item's exception, frames and all:
        # a 10 MB list of wrong items took 5 GB and minutes. This one stops
        # after MAX_LIST_ERRORS and says how many items it left unchecked.
        def hook(value: Any, _: Any) -> tuple[Any, ...]:
            if not isinstance(value, list):
                raise SchemaError(f"expected a list, got {describe(value)}")
            items: list[Any] = []
            errors: list[Exception] = []
            for index, item in enumerate(value):
                if len(errors) == MAX_LIST_ERRORS:
                    left = len(value) - index
                    errors.append(_noted(SchemaError(f"{left} more item(s) not checked"), index))
                    break
                try:
                    items.append(item_hook(item, item_type))
                except Exception as exc:
                    errors.append(_noted(exc, index))
            if errors:
                raise IterableValidationError(f"While structuring {cl!r}", errors, cl)
            return tuple(items)

        def _noted(exc: Exception, index: int) -> Exception:
            note = IterableValidationNote(f"Structuring {cl} @ index {index}", index, item_type)
            exc.__notes__ = [*getattr(exc, "__notes__", []), note]
            exc.__traceback__ = None  # frames are all that a finding does not need
            return exc

        return hook

    def is_homogeneous_tuple(cl: Any) -> bool:
        args = get_args(cl)
        return get_origin(cl) is tuple and len(args) == 2 and args[1] is Ellipsis

    def attrs_factory(cl: Any) -> Callable[[Any, Any], Any]:
        inner = make_dict_structure_fn(cl, conv, _cattrs_forbid_extra_keys=True)
        legacy = _LEGACY.get(cl)

        def hook(value: Any, _: Any) -> Any:
            if cl is Related and isinstance(value, str):
                return Related(value)  # a bare claim id: related, relation not said
            if not isinstance(value, dict):
                expected = "a claim id or a mapping" if cl is Related else "a mapping"
                raise SchemaError(f"expected {expected}, got {describe(value)}")
            return inner(legacy(value) if legacy else value, cl)

        return hook

    conv.register_structure_hook_factory(is_homogeneous_tuple, tuple_factory)
    conv.register_structure_hook_factory(attrs.has, attrs_factory)
    # Written back as people write them: a quote's default kind and a bare related id
    # stay implicit, so files and digests of claims that do not use them are unchanged.
    plain_quote = conv.get_unstructure_hook(Quote)
    conv.register_unstructure_hook(
        Quote, lambda q: {k: v for k, v in plain_quote(q).items() if k != "kind" or v != "direct"}
    )
    plain_related = conv.get_unstructure_hook(Related)
    conv.register_unstructure_hook(
        Related, lambda r: r.claim if r.relation is None and r.note is None else plain_related(r)
    )
    return conv


#: The strict converter shared by every loader (and by exports, to unstructure).
converter = _make_converter()


@attrs.frozen
class ClaimsDocument:
    """A claim file: the claims of one story."""

    claims: tuple[Claim, ...]


@attrs.frozen
class SpeakersDocument:
    """The speaker registry."""

    speakers: tuple[Speaker, ...]


def _structure(doc: Document, cls: type[T], data: Any) -> tuple[T | None, list[Finding]]:
    try:
        return converter.structure(data, cls), []
    except Exception as exc:  # cattrs raises ExceptionGroups of many kinds
        findings = [_finding(doc, path, problem) for path, problem in _walk(exc, ())]
        return None, sorted(set(findings), key=Finding.sort_key)


def structure_claims(doc: Document) -> tuple[tuple[Claim, ...], list[Finding]]:
    """The claims of one claim file, or the schema findings that prevent them."""
    result, findings = _structure(doc, ClaimsDocument, _top(doc, "claims"))
    return (result.claims if result else ()), findings


def structure_speakers(doc: Document) -> tuple[tuple[Speaker, ...], list[Finding]]:
    """The speakers of the registry, or the schema findings that prevent them."""
    result, findings = _structure(doc, SpeakersDocument, _top(doc, "speakers"))
    return (result.speakers if result else ()), findings


def structure_source(doc: Document, source_id: str) -> tuple[Source | None, list[Finding]]:
    """A source's metadata; its id is the file stem, so an ``id`` key is refused."""
    data = doc.data
    if isinstance(data, dict):
        if "id" in data:
            return None, [_finding(doc, ("id",), "the source id is the file name; remove 'id'")]
        data = {**data, "id": source_id}
    return _structure(doc, Source, data)


def _top(doc: Document, key: str) -> Any:
    # An empty file is an empty list of claims, not a schema error.
    return {key: []} if doc.data is None else doc.data


def _walk(exc: BaseException, path: Path_) -> Iterator[tuple[Path_, str]]:
    """Flatten cattrs' nested ExceptionGroups to (path, message) pairs."""
    if isinstance(exc, ClassValidationError | IterableValidationError):
        with_notes, without = exc.group_exceptions()
        for sub, note in with_notes:
            if isinstance(note, AttributeValidationNote):
                yield from _walk(sub, (*path, note.name))
            elif isinstance(note, IterableValidationNote):
                yield from _walk(sub, (*path, note.index))
            else:  # pragma: no cover - cattrs only emits the two notes above
                yield from _walk(sub, path)
        for sub in without:
            yield from _walk(sub, path)
    elif isinstance(exc, ForbiddenExtraKeysError):
        for key in sorted(exc.extra_fields):
            yield (*path, key), f"unknown field {key!r}"
    elif isinstance(exc, KeyError):
        # cattrs reports a missing required field as a KeyError noted with its name.
        *parent, name = path
        yield tuple(parent), f"missing required field {name!r}"
    elif isinstance(exc, SchemaError):
        yield path, str(exc)
    else:
        yield path, f"invalid value: {exc}"


def _finding(doc: Document, path: Path_, message: str) -> Finding:
    unknown = message.startswith("unknown field")
    where = _dotted(path[:-1] if unknown else path)
    location = doc.locate(path, key=unknown)
    text = f"{where}: {message}" if where else message
    return Finding(SCHEMA, Severity.ERROR, text, location)


def _dotted(path: Path_) -> str:
    """``("claims", 0, "id")`` -> ``claims[0].id``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def unstructure(value: Any) -> Mapping[str, Any]:
    """Plain data for a model object, as it would be written in YAML."""
    result: Mapping[str, Any] = converter.unstructure(value)
    return result
