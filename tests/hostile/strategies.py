"""Hypothesis strategies: valid claim files, and the ways people and pull requests break them.

``claim_files()`` draws the *data* of a valid claim file (a dict as the YAML
layer would give it back); ``write()`` turns it into text, either with
``yaml.safe_dump`` or with a small hand-written block emitter. ``mutated()``
draws a valid file and then damages its data and its bytes.
"""

from __future__ import annotations

import json
import re
from typing import Any

import yaml
from hypothesis import strategies as st

#: Ids and texts the clean example ledger (tests/examples/clean) knows, so that
#: some generated files pass cleanly and others fail for one reason only.
KNOWN_SPEAKERS = ("spokesman",)
KNOWN_SOURCES = ("briefing-report",)
KNOWN_PASSAGES = (
    "“Obviously.”",
    "There are multiple foreign interventions in the Syrian civil war.",
    "the spokesman replied",
)
RATINGS = ("accurate", "mostly-accurate", "misleading", "inaccurate", "unsettled")

# Slugs from a few words are much cheaper to draw than from a regex.
_WORDS = [
    "a",
    "us",
    "briefing",
    "spokesman",
    "syria",
    "aleppo",
    "2016",
    "russia",
    "milne",
    "x1",
    "quote",
]
slugs = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=3).map("-".join)

# Any character libyaml accepts in a document (no C0/C1 controls but tab and
# newline, no surrogates, no U+FFFE/U+FFFF), with the awkward ones made likely.
_printable = st.characters(
    exclude_categories=("Cc", "Cs"), exclude_characters="\ufffe\uffff\ufeff"
) | st.sampled_from("\t\n\x85\u2028\u2029 '\"\\:#-&*!|>%@`{}[],?")
texts = st.one_of(
    st.text(_printable, min_size=1, max_size=60),
    st.sampled_from(["no", "on", "yes", "null", "~", "true", "2016-10-12", "0o17", "1e5", ".inf"]),
    st.sampled_from(KNOWN_PASSAGES),
)
years = st.integers(1000, 2100)


@st.composite
def partial_dates(draw: st.DrawFn) -> str:
    year = draw(years)
    precision = draw(st.sampled_from(["year", "month", "day", "edtf"]))
    if precision == "edtf":
        # A few fixed EDTF forms: the edtf parser is slow, and caches what it has read.
        return draw(st.sampled_from(["2016-10-12/2016-10-13", "2019/..", "2022-03?", "201X"]))
    if precision == "year":
        return f"{year:04d}"
    month = draw(st.integers(1, 12))
    if precision == "month":
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{draw(st.integers(1, 28)):02d}"


def _optional(**fields: st.SearchStrategy[Any]) -> st.SearchStrategy[dict[str, Any]]:
    """A mapping holding any subset of ``fields``."""
    return st.fixed_dictionaries({}, optional=fields)


sources = st.sampled_from(KNOWN_SOURCES) | slugs
passages = st.sampled_from(KNOWN_PASSAGES) | texts
quotes = st.builds(
    lambda required, rest: {**required, **rest},
    st.fixed_dictionaries({"source": sources, "text": passages}),
    _optional(
        occurrence=st.integers(1, 3),
        note=texts,
        kind=st.sampled_from(["direct", "partial", "paraphrase", "headline"]),
    ),
)
evidence = st.builds(
    lambda required, rest: {**required, **rest},
    st.fixed_dictionaries({"source": sources, "text": passages}),
    _optional(note=texts, speaker=st.sampled_from(KNOWN_SPEAKERS), occurrence=st.integers(1, 3)),
)


_claim_options = _optional(
    said_on=partial_dates(),
    said_on_note=texts,
    setting=texts,
    topics=st.lists(slugs, max_size=3),
    quotes=st.lists(quotes, max_size=2),
    supports=st.lists(evidence, max_size=2),
    contradicts=st.lists(evidence, max_size=2),
    context=st.lists(evidence, max_size=1),
    verdict=st.fixed_dictionaries({"rating": st.sampled_from(RATINGS), "rationale": texts}),
    history=st.lists(st.fixed_dictionaries({"date": partial_dates(), "note": texts}), max_size=2),
    related=st.lists(
        slugs
        | st.fixed_dictionaries(
            # A mapping without a relation or note is written back as the bare id.
            {"claim": slugs, "relation": st.sampled_from(["disputes", "responds-to"])},
            optional={"note": texts},
        ),
        max_size=2,
    ),
)
claims = st.builds(
    lambda required, rest: {**required, **rest},
    st.fixed_dictionaries(
        {"id": slugs, "statement": texts, "speaker": st.sampled_from(KNOWN_SPEAKERS) | slugs}
    ),
    _claim_options,
)


@st.composite
def claim_files(draw: st.DrawFn) -> dict[str, Any]:
    """The data of a valid claim file: claims with distinct ids."""
    items = draw(st.lists(claims, min_size=1, max_size=3))
    for i, claim in enumerate(items[1:], start=2):  # distinct without a filter's retries
        claim["id"] = f"{claim['id']}-{i}"
    return {"claims": items}


# -- writing -----------------------------------------------------------------------------------


# The YAML 1.2 core schema's null, bool, int and float (claimledger.parse's
# resolver, written out again here as an independent oracle).
_CORE_SCHEMA = re.compile(
    r"~|null|Null|NULL|"
    r"true|True|TRUE|false|False|FALSE|"
    r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|"
    r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
)


def _needs_quotes(value: str) -> bool:
    """Whether the YAML 1.2 core schema would read ``value`` unquoted as a non-string.

    ``yaml.safe_dump`` quotes by YAML 1.1's rules, so it writes ``1e5`` and
    ``0o17`` bare, which claimledger (like any YAML 1.2 reader) reads as numbers.
    """
    return _CORE_SCHEMA.fullmatch(value) is not None


class _Dumper(yaml.SafeDumper):
    pass


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # PyYAML's emitter, with allow_unicode, writes NEL raw inside single quotes,
    # where any YAML reader folds it to a space (safe_dump's own round trip
    # turns "x\x85" into "x "); double quotes make it write the escape \N.
    breaks = any(c in value for c in "\x85\u2028\u2029")
    style = '"' if breaks or _needs_quotes(value) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def dump_safe(data: Any, flow: bool = False) -> str:
    return yaml.dump(
        data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, default_flow_style=flow, width=80
    )


_UNSAFE = re.compile("[\\x00-\\x1f\\x7f-\\x9f\\u2028\\u2029\\ufeff]")


def _scalar(value: Any) -> str:
    if isinstance(value, str):
        # JSON strings are YAML double-quoted scalars once every character
        # libyaml would refuse or fold is escaped.
        quoted = json.dumps(value, ensure_ascii=False)
        return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)
    return json.dumps(value)


def _key(key: str) -> str:
    return (
        key
        if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_-]*", key) and not _needs_quotes(key)
        else _scalar(key)
    )


def dump_by_hand(data: Any, indent: int = 0) -> str:
    """Block style as people write it: ``- key: value`` with two-space indentation."""
    pad = " " * indent
    if isinstance(data, dict):
        out = ""
        for key, value in data.items():
            if isinstance(value, dict | list) and value:
                out += f"{pad}{_key(key)}:\n{dump_by_hand(value, indent + 2)}"
            else:
                out += f"{pad}{_key(key)}: {_scalar(value) if value != [] else '[]'}\n"
        return out
    out = ""
    for item in data:
        if isinstance(item, dict) and item:
            inner = dump_by_hand(item, indent + 2)
            out += f"{pad}- {inner[indent + 2 :]}"
        else:
            out += f"{pad}- {_scalar(item)}\n"
    return out


def write(data: Any, style: str) -> str:
    if style == "hand":
        return dump_by_hand(data)
    return dump_safe(data, flow=style == "flow")


styles = st.sampled_from(["safe", "hand", "flow"])


# -- damage ------------------------------------------------------------------------------------

FIELDS = [
    "claims",
    "id",
    "statement",
    "speaker",
    "said_on",
    "said_on_note",
    "setting",
    "context",
    "topics",
    "quotes",
    "supports",
    "contradicts",
    "verdict",
    "history",
    "related",
    "source",
    "text",
    "occurrence",
    "note",
    "kind",
    "relation",
    "rating",
    "rationale",
    "date",
]
JUNK_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.just([]),
    st.just({}),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.sampled_from(FIELDS), st.integers(), max_size=2),
    texts,
)


def _walk_mappings(data: Any) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            found.append(node)
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return found


@st.composite
def damage_data(draw: st.DrawFn, data: dict[str, Any]) -> dict[str, Any]:
    """Delete, rename and retype keys (in place; ``data`` is a fresh draw)."""
    for _ in range(draw(st.integers(0, 3))):
        mappings = [m for m in _walk_mappings(data) if m]
        if not mappings:
            break
        mapping = draw(st.sampled_from(mappings))
        key = draw(st.sampled_from(sorted(mapping)))
        action = draw(st.sampled_from(["delete", "rename", "retype"]))
        if action == "delete":
            del mapping[key]
        elif action == "rename":
            new = draw(st.sampled_from(FIELDS) | texts)
            mapping[new] = mapping.pop(key)
        else:
            mapping[key] = draw(JUNK_VALUES)
    return data


YAML_SPECIALS = [
    "&a ",
    "*a",
    "*nowhere",
    "!!python/object/apply:os.system ['touch pwned'] ",
    "!!python/name:os.system ",
    "!local ",
    "!<tag:example.com,2000:x> ",
    "!!binary ",
    "!!int ",
    "<<: ",
    "\n---\n",
    "%YAML 1.1\n",
    "? ",
    "- ",
    ": ",
    "{",
    "[",
    "]",
    '"',
    "'",
    "|",
    ">-",
    "#",
    "\t",
]


BYTE_DAMAGE = [
    "indent",
    "tab",
    "truncate",
    "bytes",
    "invalid-utf8",
    "bom",
    "crlf",
    "cr",
    "long-line",
    "deep",
    "deep",  # twice: the inputs that crashed the interpreter
    "special",
    "duplicate-line",
    "delete-line",
]


def _at(draw: st.DrawFn, data: bytes) -> int:
    return draw(st.integers(0, len(data)))


@st.composite
def damage_bytes(draw: st.DrawFn, data: bytes) -> bytes:
    """Break the bytes as editors, truncations and hostile pull requests do."""
    for action in draw(st.lists(st.sampled_from(BYTE_DAMAGE), max_size=4)):
        lines = data.split(b"\n")
        line = draw(st.integers(0, max(len(lines) - 1, 0)))
        if action == "indent":
            shift = draw(st.sampled_from([b" ", b"  ", b"   ", b"\t"]))
            if draw(st.booleans()):
                lines[line] = shift + lines[line]
            else:
                lines[line] = lines[line][len(shift) :]
            data = b"\n".join(lines)
        elif action == "tab":
            at = _at(draw, data)
            data = data[:at] + b"\t" + data[at:]
        elif action == "truncate":
            data = data[: _at(draw, data)]
        elif action == "bytes":
            at = _at(draw, data)
            data = data[:at] + draw(st.binary(min_size=1, max_size=8)) + data[at:]
        elif action == "invalid-utf8":
            at = _at(draw, data)
            bad = draw(st.sampled_from([b"\xff", b"\xc3(", b"\xe2\x82", b"\xed\xa0\x80", b"\x80"]))
            data = data[:at] + bad + data[at:]
        elif action == "bom":
            at = draw(st.sampled_from([0, _at(draw, data)]))
            data = data[:at] + "\ufeff".encode() + data[at:]
        elif action == "crlf":
            data = data.replace(b"\n", b"\r\n")
        elif action == "cr":
            data = data.replace(b"\n", b"\r")
        elif action == "long-line":
            at = _at(draw, data)
            size = draw(st.sampled_from([1_000, 100_000]))
            data = data[:at] + b"x" * size + data[at:]
        elif action == "deep":
            opener = draw(st.sampled_from([b"[", b"{a: ", b"- ", b"? ", b"a:\n", b"- a:\n"]))
            levels = draw(st.sampled_from([65, 1_000, 20_000, 100_000]))
            if opener.endswith(b"\n"):  # block nesting by indentation
                deep = b"".join(b" " * i + opener[:-1] + b"\n" for i in range(min(levels, 2_000)))
            else:
                deep = opener * levels
            at = draw(st.sampled_from([0, len(data)]))
            data = data[:at] + deep + data[at:]
        elif action == "special":
            at = _at(draw, data)
            data = data[:at] + draw(st.sampled_from(YAML_SPECIALS)).encode() + data[at:]
        elif action == "duplicate-line":
            lines.insert(line, lines[line])
            data = b"\n".join(lines)
        elif action == "delete-line":
            del lines[line]
            data = b"\n".join(lines)
    return data


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    """A valid claim file, then damaged in its data and in its bytes."""
    data = draw(damage_data(draw(claim_files())))
    try:
        text = write(data, draw(styles))
    except yaml.YAMLError:  # pragma: no cover - a junk key PyYAML cannot emit
        text = dump_safe(data)
    return draw(damage_bytes(text.encode("utf-8")))
