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
claimledger.parse.YamlError: x.yaml:2:1: CL002 duplicate key 'a' (first defined at line 1)
"""

from __future__ import annotations

import re
from typing import Any

import attrs
import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.reader import ReaderError
from yaml.resolver import BaseResolver

from claimledger.codes import DUPLICATE_KEY, YAML_SYNTAX
from claimledger.errors import ClaimledgerError
from claimledger.findings import Finding, Location, Severity
from claimledger.safe_read import MAX_FILE_BYTES

__all__ = [
    "EXPANSION_FLOOR",
    "EXPANSION_RATIO",
    "MAX_BYTES",
    "MAX_DEPTH",
    "MAX_NODES",
    "Document",
    "Path_",
    "YamlError",
    "YamlPath",
    "parse_yaml",
]

#: Nesting deeper than this is refused: no claim file needs it, and it keeps
#: our walk far from Python's recursion limit.
MAX_DEPTH = 64
#: Nodes (keys and values) in one file, counting every alias expansion: bounds
#: memory (a node costs about 0.5 kB while parsing; a 10 MB file of typical
#: claims holds about 800,000) and stops alias bombs.
MAX_NODES = 1_000_000
#: Aliases may expand a document to this many nodes, or to EXPANSION_RATIO
#: times its own node count if that is more (then still at most MAX_NODES).
EXPANSION_FLOOR = 100_000
EXPANSION_RATIO = 10
#: A claim file larger than this is refused before parsing.
MAX_BYTES = MAX_FILE_BYTES


#: Where a value stands in a document: its keys and list indices from the top,
#: e.g. ``("claims", 0, "quotes", 1, "text")``.
YamlPath = tuple[str | int, ...]
#: The former name of :data:`YamlPath`.
Path_ = YamlPath

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"


class _CoreResolver(BaseResolver):
    """YAML 1.2 core schema: no ``yes``/``no``/``on``/``off``, no timestamps, no merge keys."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        # BaseResolver.resolve for a resolver with no path resolvers and no wildcard
        # implicit ones (none are registered): the parser calls it for every node.
        if kind is ScalarNode:
            if implicit[0]:
                for tag, regexp in self.yaml_implicit_resolvers.get(value[:1], ()):
                    if regexp.match(value):
                        return str(tag)
            return _STR
        return _SEQ if kind is SequenceNode else _MAP


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

#: The value each core tag accepts, explicit (``!!int``) or resolved.
_CORE = {
    tag: regexp
    for resolvers in _CoreResolver.yaml_implicit_resolvers.values()
    for tag, regexp in resolvers
}

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


class YamlError(ClaimledgerError):
    """A file that is not acceptable YAML; carries its :class:`Finding`."""

    def __init__(self, finding: Finding) -> None:
        super().__init__(str(finding))
        self.finding = finding


@attrs.frozen
class Document:
    """Plain values from one YAML file, and where each key and value stands.

    A document parsed with ``every_position=False`` holds at first only the positions
    of its entries, their ids and their links (what reading a ledger looks up for
    every claim); the others are found, by parsing its text again, the first time
    one is asked for: only a file with a finding pays for them.
    """

    path: str
    data: Any
    #: path of a value -> its (line, column); for mapping entries also the key's.
    _values: dict[YamlPath, tuple[int, int]] = attrs.field(alias="values")
    _keys: dict[YamlPath, tuple[int, int]] = attrs.field(alias="keys")
    #: The file's text as parsed, for messages that point inside a value.
    text: str = attrs.field(default="", repr=False, eq=False)
    #: Whether the tables hold only the positions :func:`_children_located` keeps.
    _partial: bool = attrs.field(default=False, repr=False, eq=False, alias="partial")

    @property
    def values(self) -> dict[YamlPath, tuple[int, int]]:
        self._complete()
        return self._values

    @property
    def keys(self) -> dict[YamlPath, tuple[int, int]]:
        self._complete()
        return self._keys

    def _complete(self) -> None:
        if self._partial:
            whole = parse_yaml(self.text, self.path)
            self._values.update(whole._values)
            self._keys.update(whole._keys)
            object.__setattr__(self, "_partial", False)  # a cache, not a value: eq=False

    def line(self, number: int) -> str | None:
        """Line ``number`` (1-based) of the text, as YAML counts lines; None past the end."""
        lines = _BREAK.split(self.text)
        return lines[number - 1] if 0 < number <= len(lines) else None

    def locate(self, path: YamlPath, *, key: bool = False) -> Location:
        """The position of the value (or key) at ``path``, else of its nearest ancestor."""
        at = self._values.get(path)
        if at is not None:  # kept alike in a partial table and in a whole one
            return Location(self.path, *((key and self._keys.get(path)) or at))
        table = self.keys if key else self.values
        for end in range(len(path), -1, -1):
            found = table.get(path[:end]) or self.values.get(path[:end])
            if found is not None:
                return Location(self.path, *found)
        return Location(self.path)


def _error(code: str, message: str, path: str, mark: Any | None) -> YamlError:
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    return YamlError(Finding(code, Severity.ERROR, message, Location(path, line, column)))


def parse_yaml(text: str, path: str, *, every_position: bool = True) -> Document:
    """Parse ``text`` (the contents of ``path``) or raise :class:`YamlError`.

    An empty file is an empty document (``data`` is ``None``). Without
    ``every_position``, positions are recorded only where :func:`_children_located` says,
    the rest when first needed (see :class:`Document`); the values and the errors
    raised are the same.
    """
    try:
        _check_nesting(text, path)
        loader = _Loader(text)
        try:
            root = loader.get_single_node()
        finally:
            loader.dispose()
    except (yaml.YAMLError, UnicodeEncodeError) as exc:
        raise _syntax_error(exc, text, path) from None
    if root is None:
        return Document(path, None, {}, {}, text)
    if "*" in text:  # without an alias, the graph is a tree: nothing to expand
        _check_expansion(root, path)
    builder = _Builder(path, every_position)
    data = builder.build(root, (), 0)
    return Document(path, data, builder.values, builder.keys, text, partial=not every_position)


def _children_located(path: YamlPath) -> bool:
    """Whether a partly located document keeps the positions of the children of the
    value at ``path``: the top, the entries (``claims[i]``), their fields, and their
    links (``claims[i].related[j]``)."""
    return len(path) <= 2 or (len(path) == 3 and path[2] == "related")


def _describe(exc: yaml.MarkedYAMLError) -> str:
    problem = exc.problem or "invalid YAML"
    if exc.context and exc.context_mark is not None:
        problem += f" ({exc.context} at line {exc.context_mark.line + 1})"
    return f"invalid YAML: {problem}"


_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")  # line breaks as libyaml counts them


def _at_offset(text: str, offset: int) -> tuple[int, int]:
    """1-based (line, column) of the character at ``offset``, counted as libyaml counts."""
    line, start = 1, 0
    for match in _BREAK.finditer(text, 0, offset):
        line, start = line + 1, match.end()
    return line, offset - start + 1


def _syntax_error(exc: yaml.YAMLError | UnicodeEncodeError, text: str, path: str) -> YamlError:
    """A located CL001 for anything the parser refuses.

    Only scanner and parser errors carry a mark. The reader refuses control
    characters (NUL, BEL, ...) with a bare offset -- in UTF-8 bytes when libyaml
    reads -- and a ``str`` holding a lone surrogate cannot even be encoded for
    it; both used to surface as 1:1 or as an uncaught exception.
    """
    if isinstance(exc, yaml.MarkedYAMLError):
        return _error(YAML_SYNTAX, _describe(exc), path, exc.problem_mark)
    if isinstance(exc, UnicodeEncodeError):
        offset, message = exc.start, f"invalid character U+{ord(text[exc.start]):04X}"
    elif isinstance(exc, ReaderError):
        offset = exc.position
        if WITH_LIBYAML:
            offset = len(text.encode("utf-8")[:offset].decode("utf-8", "ignore"))
        message = f"unacceptable character U+{exc.character:04X}: {exc.reason}"
    else:  # pragma: no cover - every error libyaml raises is one of the above
        return _error(YAML_SYNTAX, f"invalid YAML: {exc}", path, None)
    line, column = _at_offset(text, min(offset, len(text)))
    finding = Finding(YAML_SYNTAX, Severity.ERROR, message, Location(path, line, column))
    return YamlError(finding)


#: Below these bounds libyaml's recursive composer is safe (it crashes the
#: interpreter somewhere past 10,000 levels); MAX_DEPTH itself is enforced
#: while building values.
_FLOW_OPENERS = 1_000
_BLOCK_PREFIX = 4 * MAX_DEPTH
#: A line's block indentation *including* compact collection indicators:
#: ``- - - x`` nests three sequences with no leading space at all.
_DEEP_BLOCK = re.compile(rf"^(?:[ \t\ufeff]|[-?:][ \t]){{{_BLOCK_PREFIX},}}", re.MULTILINE)
#: Line breaks other than "\n": libyaml breaks lines at each of them, "^" does not.
_OTHER_BREAKS = ("\r", "\x85", "\u2028", "\u2029")


def _check_nesting(text: str, path: str) -> None:
    """Refuse nesting deeper than MAX_DEPTH, and more than MAX_NODES nodes, *before* composing.

    libyaml's composer recurses in C and crashes the interpreter on very deep
    nesting, so depth must be bounded first, by bounds that cannot be fooled:
    flow depth is at most the number of ``[`` and ``{`` in the text, and each
    nested block collection starts further right than its parent (at worst one
    column for two levels), after spaces and ``-``/``?``/``:`` indicators. Only
    when a bound is high do we pay for an exact count over the parser's events.

    (A running bracket count, used before, was fooled by closing brackets in
    quoted strings or comments, ``[["]]", [[...``; and indentation alone by
    compact sequences, ``- - - ...``: both crashed the interpreter.)

    The same pass counts nodes when the text is long enough to hold more than
    MAX_NODES (the densest YAML, ``[?,?,?...]``, packs three nodes in two
    characters): composing costs about 0.5 kB a node, so a 10 MB file of ``- 1``
    lines (2.6 million values) took 5 GB and minutes before this check.
    """
    lines = text
    for brk in _OTHER_BREAKS:  # "\r- - - ..." hid its 100,000 levels from the regex
        if brk in lines:
            lines = lines.replace(brk, "\n")
    deep = text.count("[") + text.count("{") > _FLOW_OPENERS or _DEEP_BLOCK.search(lines)
    if not deep and len(text) <= MAX_NODES // 2:
        return
    depth = nodes = 0
    parser = _Loader(text)
    try:
        while (event := parser.get_event()) is not None:
            if isinstance(event, yaml.NodeEvent):
                nodes += 1
                if nodes > MAX_NODES:
                    message = f"more than {MAX_NODES:,} keys and values in one file"
                    raise _error(YAML_SYNTAX, message, path, event.start_mark)
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
        # PyYAML 6.0.4's scanner bounds flow nesting itself, looking ahead of the
        # events counted here: the same refusal, said as for any other nesting.
        if "nesting depth" not in str(exc.problem):
            raise
        raise _error(
            YAML_SYNTAX, f"nesting deeper than {MAX_DEPTH} levels", path, exc.problem_mark
        ) from None
    finally:
        parser.dispose()


def _check_expansion(root: Node, path: str) -> None:
    """Refuse recursive aliases and alias bombs by measuring the node graph.

    Aliases make the composed graph a DAG whose expansion can be exponential;
    sizes are memoised per node, so measuring costs one visit per node. Besides
    MAX_NODES, the expansion is bounded relative to the file: a few lines that
    expand to 870,000 nodes used to be built, at 2 s and 190 MB.
    """
    sizes: dict[int, int] = {}
    active: set[int] = set()
    heaviest: list[Node] = []  # the alias target expanded most, to point at

    def size(node: Node, depth: int) -> int:
        key = id(node)
        if key in sizes:  # a second visit: ``node`` is an alias's target
            if not heaviest or sizes[key] > sizes[id(heaviest[0])]:
                heaviest[:] = [node]
            return sizes[key]
        if key in active:
            raise _error(YAML_SYNTAX, "recursive alias", path, node.start_mark)
        # The builder refuses this depth anyway; stopping here keeps this walk
        # off Python's recursion limit (600 levels of ``- - -`` plus one alias
        # raised RecursionError).
        if depth > MAX_DEPTH:
            raise _error(
                YAML_SYNTAX, f"nesting deeper than {MAX_DEPTH} levels", path, node.start_mark
            )
        active.add(key)
        total = 1
        if isinstance(node, SequenceNode):
            total += sum(size(child, depth + 1) for child in node.value)
        elif isinstance(node, MappingNode):
            total += sum(size(k, depth + 1) + size(v, depth + 1) for k, v in node.value)
        active.discard(key)
        if total > MAX_NODES:
            raise _error(
                YAML_SYNTAX,
                f"document expands to more than {MAX_NODES:,} keys and values (an alias bomb?)",
                path,
                node.start_mark,
            )
        sizes[key] = total
        return total

    total = size(root, 0)
    if total > max(EXPANSION_FLOOR, EXPANSION_RATIO * len(sizes)):
        message = (
            f"aliases expand {len(sizes):,} keys and values to {total:,}, over "
            f"{EXPANSION_RATIO} times as many (an alias bomb?)"
        )
        raise _error(YAML_SYNTAX, message, path, (heaviest[0] if heaviest else root).start_mark)


class _Builder:
    """Plain values from the node graph, recording (line, column) of every key and value.

    This is the hot path of validation: positions are kept as bare tuples
    (a Location is made only when a finding needs one) and the walk is one
    method with local lookups.
    """

    def __init__(self, path: str, every_position: bool = True) -> None:
        self.path = path
        self.every_position = every_position
        self.values: dict[YamlPath, tuple[int, int]] = {}
        self.keys: dict[YamlPath, tuple[int, int]] = {}

    def build(self, node: Node, path: YamlPath, depth: int) -> Any:
        mark = node.start_mark
        if path not in self.values:
            self.values[path] = (mark.line + 1, mark.column + 1)
        if isinstance(node, ScalarNode):
            return self._scalar(node)
        if depth >= MAX_DEPTH:
            raise _error(YAML_SYNTAX, f"nesting deeper than {MAX_DEPTH} levels", self.path, mark)
        if not self.every_position and not _children_located(path):
            return self._collection(node, depth)
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

    def plain(self, node: Node, depth: int) -> Any:
        """The values of ``node``, checked as :meth:`build` checks them, no position kept."""
        if isinstance(node, ScalarNode):
            return self._scalar(node)
        if depth >= MAX_DEPTH:
            message = f"nesting deeper than {MAX_DEPTH} levels"
            raise _error(YAML_SYNTAX, message, self.path, node.start_mark)
        return self._collection(node, depth)

    def _collection(self, node: Node, depth: int) -> Any:
        plain = self.plain
        if isinstance(node, SequenceNode) and node.tag == _SEQ:
            return [plain(item, depth + 1) for item in node.value]
        if not isinstance(node, MappingNode) or node.tag != _MAP:
            raise _error(YAML_SYNTAX, f"unsupported tag {node.tag!r}", self.path, node.start_mark)
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode) or key_node.tag != _STR:
                message = "mapping keys must be plain strings"
                raise _error(YAML_SYNTAX, message, self.path, key_node.start_mark)
            key = key_node.value
            if key in result:
                first = next(k for k, _ in node.value if k.value == key).start_mark.line + 1
                message = f"duplicate key {key!r} (first defined at line {first})"
                raise _error(DUPLICATE_KEY, message, self.path, key_node.start_mark)
            result[key] = plain(value_node, depth + 1)
        return result

    def _scalar(self, node: ScalarNode) -> Any:
        tag, value = node.tag, node.value
        if tag == _STR:
            return value
        pattern = _CORE.get(tag)
        if pattern is None:
            raise _error(YAML_SYNTAX, f"unsupported tag {tag!r}", self.path, node.start_mark)
        # An explicit tag skips the resolver: ``!!int x`` raised ValueError and
        # ``!!bool x`` / ``!!null x`` silently became false / null.
        if not pattern.fullmatch(value):
            message = f"{value[:40]!r} is not a valid {tag.rsplit(':', 1)[-1]}"
            raise _error(YAML_SYNTAX, message, self.path, node.start_mark)
        if tag == _NULL:
            return None
        if tag == _BOOL:
            return value.lower() == "true"
        if tag == _FLOAT:
            return float(value.lower().replace(".inf", "inf").replace(".nan", "nan"))
        try:
            return int(value, 0) if value[:2] in ("0o", "0x") else int(value)
        except ValueError:  # Python refuses integers of more than 4,300 digits
            message = "integer too long; quote it to keep it as text"
            raise _error(YAML_SYNTAX, message, self.path, node.start_mark) from None
