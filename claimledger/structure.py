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

import difflib
from collections.abc import Callable, Iterator, Mapping
from typing import Any, TypeVar, get_args, get_origin

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

from claimledger.codes import SCHEMA
from claimledger.fields import FIELD_TYPES, SchemaError, describe
from claimledger.findings import Finding, Severity
from claimledger.models import Claim, Quote, Related, Source, Speaker
from claimledger.names import did_you_mean
from claimledger.parse import Document, YamlPath

__all__ = [
    "SCHEMA",
    "ClaimsDocument",
    "Entries",
    "SchemaError",
    "SpeakersDocument",
    "converter",
    "describe",
    "structure_claims",
    "structure_entries",
    "structure_model",
    "structure_source",
    "structure_speakers",
    "unstructure",
]

#: Fields that count from 1 (``occurrence: 1`` is the first time the words occur).
COUNTS_FROM_ONE = frozenset({"occurrence"})
#: Items of one list reported wrong before the rest are left unchecked.
MAX_LIST_ERRORS = 100
T = TypeVar("T")


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


def _make_converter() -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)

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
        counts = [f.name for f in attrs.fields(cl) if f.name in COUNTS_FROM_ONE]

        def hook(value: Any, _: Any) -> Any:
            if cl is Related and isinstance(value, str):
                return Related(value)  # a bare claim id: related, relation not said
            if not isinstance(value, dict):
                expected = "a claim id or a mapping" if cl is Related else "a mapping"
                raise SchemaError(f"expected {expected}, got {describe(value)}")
            result = inner(legacy(value) if legacy else value, cl)
            for name in counts:
                count = getattr(result, name)
                if count is not None and count < 1:
                    problem = SchemaError(f"expected a count from 1, got {describe(count)}")
                    problem.__notes__ = [AttributeValidationNote(f"Structuring {name}", name, int)]
                    raise ClassValidationError(f"While structuring {cl.__name__}", [problem], cl)
            return result

        return hook

    conv.register_structure_hook_factory(is_homogeneous_tuple, tuple_factory)
    conv.register_structure_hook_factory(attrs.has, attrs_factory)
    for entry in FIELD_TYPES:
        if isinstance(entry.kind, type):
            # By class, so that it comes before cattrs' own hooks (and, for a
            # PartialDate, before the hook for attrs classes).
            conv.register_structure_hook(entry.kind, entry.structure)
            if entry.unstructure is not None:
                conv.register_unstructure_hook(entry.kind, entry.unstructure)
        else:
            conv.register_structure_hook_func(entry.kind, entry.structure)
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


def structure_model(doc: Document, cls: type[T], data: Any) -> tuple[T | None, list[Finding]]:
    """``data`` of ``doc`` as a ``cls``, or the located schema findings that prevent it."""
    try:
        return converter.structure(data, cls), []
    except Exception as exc:  # cattrs raises ExceptionGroups of many kinds
        findings = [_finding(doc, path, problem) for path, problem in _walk(exc, ())]
        return None, sorted(set(findings), key=Finding.sort_key)


@attrs.frozen
class Entries:
    """A list file's entries, each structured on its own: one typo costs one entry, not all.

    ``items`` pairs each entry that structured with its index in the file;
    ``broken`` the index and id of each entry that did not (when it has a string
    id), so that rules can tell "unknown" from "known but unreadable" and report
    the cause, not its consequences.
    """

    items: tuple[tuple[int, Any], ...]
    findings: list[Finding]
    broken: tuple[tuple[int, str], ...] = ()


def structure_entries(doc: Document, key: str, item_cls: type[Any], doc_cls: type[Any]) -> Entries:
    """The entries of ``doc[key]`` (a list of ``item_cls``), structured one by one."""
    data = _top(doc, key)
    if not (isinstance(data, dict) and list(data) == [key] and isinstance(data[key], list)):
        result, findings = structure_model(doc, doc_cls, data)  # the file's own shape is wrong
        items = getattr(result, key) if result is not None else ()
        return Entries(tuple(enumerate(items)), findings)
    entries: list[tuple[int, Any]] = []
    findings = []
    broken: list[tuple[int, str]] = []
    failed = 0
    for index, raw in enumerate(data[key]):
        if failed == MAX_LIST_ERRORS:
            left = len(data[key]) - index
            findings.append(_finding(doc, (key, index), f"{left} more item(s) not checked"))
            break
        try:
            entries.append((index, converter.structure(raw, item_cls)))
        except Exception as exc:  # cattrs raises ExceptionGroups of many kinds
            failed += 1
            findings += (
                _finding(doc, (key, index, *path), problem) for path, problem in _walk(exc, ())
            )
            if isinstance(raw, dict) and isinstance(raw.get("id"), str):
                broken.append((index, raw["id"]))
    return Entries(tuple(entries), sorted(set(findings), key=Finding.sort_key), tuple(broken))


def structure_claims(doc: Document) -> tuple[tuple[Claim, ...], list[Finding]]:
    """The claims of one claim file that structure, and the schema findings of the rest."""
    entries = structure_entries(doc, "claims", Claim, ClaimsDocument)
    return tuple(claim for _, claim in entries.items), entries.findings


def structure_speakers(doc: Document) -> tuple[tuple[Speaker, ...], list[Finding]]:
    """The speakers of the registry that structure, and the schema findings of the rest."""
    entries = structure_entries(doc, "speakers", Speaker, SpeakersDocument)
    return tuple(speaker for _, speaker in entries.items), entries.findings


def structure_source(doc: Document, source_id: str) -> tuple[Source | None, list[Finding]]:
    """A source's metadata; its id is the file stem, so an ``id`` key is refused."""
    data = doc.data
    if isinstance(data, dict):
        if "id" in data:
            return None, [_finding(doc, ("id",), "the source id is the file name; remove 'id'")]
        data = {**data, "id": source_id}
    return structure_model(doc, Source, data)


def _top(doc: Document, key: str) -> Any:
    # An empty file is an empty list of claims, not a schema error.
    return {key: []} if doc.data is None else doc.data


def _walk(exc: BaseException, path: YamlPath) -> Iterator[tuple[YamlPath, str]]:
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
        fields = [field.name for field in attrs.fields(exc.cl)] if attrs.has(exc.cl) else []
        for key in sorted(exc.extra_fields):
            hint = did_you_mean(difflib.get_close_matches(key, fields, n=2, cutoff=0.6))
            yield (*path, key), f"unknown field {key!r}{hint}"
    elif isinstance(exc, KeyError):
        # cattrs reports a missing required field as a KeyError noted with its name.
        *parent, name = path
        yield tuple(parent), f"missing required field {name!r}"
    elif isinstance(exc, SchemaError):
        yield path, str(exc)
    else:
        yield path, f"invalid value: {exc}"


def _finding(doc: Document, path: YamlPath, message: str) -> Finding:
    unknown = message.startswith("unknown field")
    where = _dotted(path[:-1] if unknown else path)
    location = doc.locate(path, key=unknown)
    text = f"{where}: {message}" if where else message
    return Finding(SCHEMA, Severity.ERROR, text, location)


def _dotted(path: YamlPath) -> str:
    """``("claims", 0, "id")`` -> ``claims[0].id``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def unstructure(value: Any) -> Mapping[str, Any]:
    """Plain data for a model object, as it would be written in YAML."""
    result: Mapping[str, Any] = converter.unstructure(value)
    return result
