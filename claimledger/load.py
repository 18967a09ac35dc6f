"""Read YAML strictly and keep the line and column of every key and value.

PyYAML's own constructors are lenient in ways that corrupt a ledger: duplicate
keys silently overwrite each other, ``no``/``on`` become booleans and
``2016-10-12`` becomes a ``datetime.date``. So we only *compose* (with libyaml's
C parser when present) and build plain values ourselves from the node graph,
under a resolver that knows YAML 1.2's core schema and nothing else.

>>> doc = parse_yaml("a: no\\nb: 2016-10-12\\nc: [1, true, null]\\n", "x.yaml")
>>> doc.data
{'a': 'no', 'b': '2016-10-12', 'c': [1, True, None]}
>>> doc.locate(("c", 1))
Location(path='x.yaml', line=3, column=8)
>>> parse_yaml("a: 1\\na: 2\\n", "x.yaml")
Traceback (most recent call last):
...
claimledger.load.YamlError: x.yaml:2:1: CL002 duplicate key 'a' (first defined at line 1)
"""

from __future__ import annotations

import re
from typing import Any

import attrs
import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver

from claimledger.findings import Finding, Location, Severity

__all__ = ["MAX_BYTES", "MAX_DEPTH", "MAX_NODES", "Document", "YamlError", "parse_yaml"]

#: Nesting deeper than this is refused: no claim file needs it, and it keeps
#: our walk far from Python's recursion limit.
MAX_DEPTH = 64
#: Values built from one file, counting every alias expansion: stops alias bombs.
MAX_NODES = 1_000_000
#: A claim file larger than this is refused before parsing.
MAX_BYTES = 10 * 1024 * 1024

YAML_SYNTAX = "CL001"
DUPLICATE_KEY = "CL002"

Path_ = tuple[str | int, ...]

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"


class _CoreResolver(BaseResolver):
    """YAML 1.2 core schema: no ``yes``/``no``/``on``/``off``, no timestamps, no merge keys."""


_CoreResolver.add_implicit_resolver(
    _BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_CoreResolver.add_implicit_resolver(
    _INT, re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"), list("-+0123456789")
)
_CoreResolver.add_implicit_resolver(
    _FLOAT,
    re.compile(
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
    ),
    list("-+.0123456789"),
)
_CoreResolver.add_implicit_resolver(_NULL, re.compile(r"^(?:~|null|Null|NULL|)$"), [*"~nN", ""])

_CParser: Any
try:
    from yaml._yaml import CParser as _CParser
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    _CParser = None


if _CParser is not None:

    class _Loader(_CParser, _CoreResolver):  # type: ignore[misc]
        def __init__(self, stream: str) -> None:
            _CParser.__init__(self, stream)
            _CoreResolver.__init__(self)

else:  # pragma: no cover - exercised only where libyaml is missing
    from yaml.composer import Composer
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Loader(Reader, Scanner, Parser, Composer, _CoreResolver):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)
            Composer.__init__(self)
            _CoreResolver.__init__(self)


#: Whether the fast C parser is in use.
WITH_LIBYAML = _CParser is not None


class YamlError(Exception):
    """A file that is not acceptable YAML; carries its :class:`Finding`."""

    def __init__(self, finding: Finding) -> None:
        super().__init__(str(finding))
        self.finding = finding


@attrs.frozen
class Document:
    """Plain values from one YAML file, and where each key and value stands."""

    path: str
    data: Any
    #: path of a value -> its (line, column); for mapping entries also the key's.
    values: dict[Path_, tuple[int, int]]
    keys: dict[Path_, tuple[int, int]]

    def locate(self, path: Path_, *, key: bool = False) -> Location:
        """The position of the value (or key) at ``path``, else of its nearest ancestor."""
        table = self.keys if key else self.values
        for end in range(len(path), -1, -1):
            found = table.get(path[:end]) or self.values.get(path[:end])
            if found is not None:
                return Location(self.path, *found)
        return Location(self.path)


def _error(code: str, message: str, path: str, mark: Any | None) -> YamlError:
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    return YamlError(Finding(code, Severity.ERROR, message, Location(path, line, column)))


def parse_yaml(text: str, path: str) -> Document:
    """Parse ``text`` (the contents of ``path``) or raise :class:`YamlError`.

    An empty file is an empty document (``data`` is ``None``).
    """
    _check_nesting(text, path)
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        raise _error(YAML_SYNTAX, _describe(exc), path, exc.problem_mark) from None
    except yaml.YAMLError as exc:
        raise _error(YAML_SYNTAX, f"invalid YAML: {exc}", path, None) from None
    finally:
        loader.dispose()
    if root is None:
        return Document(path, None, {}, {})
    if "*" in text:  # without an alias, the graph is a tree: nothing to expand
        _check_expansion(root, path)
    builder = _Builder(path)
    data = builder.build(root, (), 0)
    return Document(path, data, builder.values, builder.keys)


def _describe(exc: yaml.MarkedYAMLError) -> str:
    problem = exc.problem or "invalid YAML"
    if exc.context and exc.context_mark is not None:
        problem += f" ({exc.context} at line {exc.context_mark.line + 1})"
    return f"invalid YAML: {problem}"


_BRACKETS = re.compile(r"[\[\]{}]")
_INDENT = re.compile(rf"^ {{{4 * MAX_DEPTH},}}\S", re.MULTILINE)


def _check_nesting(text: str, path: str) -> None:
    """Refuse nesting deeper than MAX_DEPTH *before* composing.

    libyaml's composer recurses in C and crashes the interpreter on very deep
    nesting, so depth must be known first. A bracket count that ignores quoting
    over-estimates flow depth; only when it (or the indentation) looks deep do
    we pay for an exact count over the parser's events.
    """
    depth = deepest = 0
    for match in _BRACKETS.finditer(text):
        depth = depth + 1 if match.group() in "[{" else max(depth - 1, 0)
        deepest = max(deepest, depth)
    if deepest <= MAX_DEPTH and _INDENT.search(text) is None:
        return
    depth = 0
    parser = _Loader(text)
    try:
        while (event := parser.get_event()) is not None:
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    raise _error(
                        YAML_SYNTAX,
                        f"nesting deeper than {MAX_DEPTH} levels",
                        path,
                        event.start_mark,
                    )
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
            elif isinstance(event, yaml.StreamEndEvent):
                return
    except yaml.MarkedYAMLError as exc:
        raise _error(YAML_SYNTAX, _describe(exc), path, exc.problem_mark) from None
    finally:
        parser.dispose()


def _check_expansion(root: Node, path: str) -> None:
    """Refuse recursive aliases and alias bombs by measuring the node graph.

    Aliases make the composed graph a DAG whose expansion can be exponential;
    sizes are memoised per node, so measuring costs one visit per node.
    """
    sizes: dict[int, int] = {}
    active: set[int] = set()

    def size(node: Node) -> int:
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in active:
            raise _error(YAML_SYNTAX, "recursive alias", path, node.start_mark)
        active.add(key)
        total = 1
        if isinstance(node, SequenceNode):
            total += sum(size(child) for child in node.value)
        elif isinstance(node, MappingNode):
            total += sum(size(k) + size(v) for k, v in node.value)
        active.discard(key)
        if total > MAX_NODES:
            raise _error(
                YAML_SYNTAX,
                f"document expands to more than {MAX_NODES:,} values (an alias bomb?)",
                path,
                node.start_mark,
            )
        sizes[key] = total
        return total

    size(root)


class _Builder:
    """Plain values from the node graph, recording (line, column) of every key and value.

    This is the hot path of validation: positions are kept as bare tuples
    (a Location is made only when a finding needs one) and the walk is one
    method with local lookups.
    """

    def __init__(self, path: str) -> None:
        self.path = path
        self.values: dict[Path_, tuple[int, int]] = {}
        self.keys: dict[Path_, tuple[int, int]] = {}

    def build(self, node: Node, path: Path_, depth: int) -> Any:
        mark = node.start_mark
        if path not in self.values:
            self.values[path] = (mark.line + 1, mark.column + 1)
        if isinstance(node, ScalarNode):
            return self._scalar(node)
        if depth >= MAX_DEPTH:
            raise _error(YAML_SYNTAX, f"nesting deeper than {MAX_DEPTH} levels", self.path, mark)
        if isinstance(node, SequenceNode) and node.tag == _SEQ:
            build = self.build
            return [build(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        if not isinstance(node, MappingNode) or node.tag != _MAP:
            raise _error(YAML_SYNTAX, f"unsupported tag {node.tag!r}", self.path, mark)
        result: dict[str, Any] = {}
        keys = self.keys
        for key_node, value_node in node.value:
            key_mark = key_node.start_mark
            if not isinstance(key_node, ScalarNode) or key_node.tag != _STR:
                raise _error(YAML_SYNTAX, "mapping keys must be plain strings", self.path, key_mark)
            key = key_node.value
            if key in result:
                first = keys[(*path, key)][0]
                message = f"duplicate key {key!r} (first defined at line {first})"
                raise _error(DUPLICATE_KEY, message, self.path, key_mark)
            child = (*path, key)
            keys[child] = (key_mark.line + 1, key_mark.column + 1)
            result[key] = self.build(value_node, child, depth + 1)
        return result

    def _scalar(self, node: ScalarNode) -> Any:
        tag, value = node.tag, node.value
        if tag == _STR:
            return value
        if tag == _NULL:
            return None
        if tag == _BOOL:
            return value.lower() == "true"
        if tag == _INT:
            return int(value, 0) if value[:2] in ("0o", "0x") else int(value)
        if tag == _FLOAT:
            return float(value.lower().replace(".inf", "inf").replace(".nan", "nan"))
        raise _error(YAML_SYNTAX, f"unsupported tag {tag!r}", self.path, node.start_mark)
