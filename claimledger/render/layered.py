"""Where the boxes and arrows of a diagram go: a layered layout, left to right.

:mod:`claimledger.render.svg` draws what this module places. Each node goes in the
column of its longest path to a node with no arrow out (a group's sources, then its
speakers; an attribution chain's sources, the speaker, the person the ledger
identifies), ordered to keep arrows from crossing; each arrow's label stands in a
column of its own between the columns of nodes, level with the arrow's ends, so
that no label covers another. Sizes come from a generous estimate of the text's
width (no font is measured), so the same data always gives the same layout.

>>> from claimledger.render.pages import Diagram, DiagramEdge, DiagramNode
>>> chart = Diagram((DiagramNode("s1", "The Mirror"),), (DiagramNode("p1", "A spokesman"),),
...                 (DiagramEdge("s1", "p1", "quotes", "quotes 1 claim"),))
>>> placed = lay_out(chart)
>>> placed.boxes["s1"].x < placed.labels[0].x < placed.boxes["p1"].x
True
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Mapping, Sequence

import attrs

from claimledger.naming import one_line
from claimledger.render.pages import Diagram, DiagramEdge

__all__ = [
    "EDGE_WORDS",
    "LINE",
    "MARGIN",
    "NODE_GAP",
    "Box",
    "FlowLayout",
    "edge_words",
    "lay_out",
    "text_width",
    "wrap",
]

#: The label of an arrow that has none, by kind (the Markdown ledger's words).
EDGE_WORDS = {
    "quotes": "quotes",
    "supports": "supports",
    "contradicts": "contradicts",
    "called": "calls",
    "identified": "identified by the ledger as",
}
#: A generous average advance of one character at the drawings' 14 px, in pixels: wide
#: enough for the proportional fonts browsers use, so that no label outgrows its box.
_CHAR = 8.6
#: The height of a line of text; the margin round a drawing; the gap between boxes.
LINE, MARGIN, NODE_GAP = 18, 8, 18
_PAD_X, _PAD_Y = 10, 7
_LABEL_GAP = 4
#: Between a column of labels and the nodes on either side: at least, at most.
_ARROW_ROOM, _MAX_ROOM = 36, 110
_WRAP = 28


def text_width(text: str) -> int:
    """The width of ``text`` in characters: a wide (East Asian) one counts two, a combining
    one none."""
    return sum(
        0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
        for c in text
    )


def wrap(text: str, width: int = _WRAP) -> list[str]:
    """``text`` on one line each of at most ``width`` units (see :func:`text_width`), broken
    between words, a word wider than a line broken where it must: whole, never cut.

    >>> wrap("The focus on Russia diverts attention", 20)
    ['The focus on Russia', 'diverts attention']
    >>> wrap("abcdefgh", 3)
    ['abc', 'def', 'gh']
    """
    lines: list[str] = []
    for word in one_line(text).split(" "):
        if lines and text_width(lines[-1]) + 1 + text_width(word) <= width:
            lines[-1] = f"{lines[-1]} {word}"
            continue
        piece = ""
        for char in word:
            if piece and text_width(piece + char) > width:
                lines.append(piece)
                piece = ""
            piece += char
        lines.append(piece)
    return lines or [""]


@attrs.frozen
class Box:
    """A label in a box: its lines, its size and (once placed) its top-left corner."""

    lines: tuple[str, ...]
    width: int
    height: int
    x: int = 0
    y: int = 0

    @classmethod
    def of(cls, text: str, width: int = _WRAP, pad: int = _PAD_Y) -> Box:
        lines = tuple(wrap(text, width))
        widest = max(text_width(line) for line in lines)
        return cls(lines, round(widest * _CHAR) + 2 * _PAD_X, len(lines) * LINE + 2 * pad)

    @property
    def middle(self) -> int:
        return self.y + self.height // 2


def edge_words(edge: DiagramEdge) -> str:
    """What an arrow's label says: its own words, or its kind's."""
    return one_line(edge.label) or EDGE_WORDS.get(edge.kind, edge.kind)


@attrs.frozen
class FlowLayout:
    """A diagram placed: its nodes' boxes (by node), its arrows (kept, in order) with their
    labels' boxes, each node's column (left and right edge), where each arrow leaves its
    box and enters the next (by arrow index and ``out`` or ``in``), and the whole size."""

    boxes: Mapping[str, Box]
    edges: tuple[DiagramEdge, ...]
    labels: tuple[Box, ...]
    spans: Mapping[str, tuple[int, int]]
    ports: Mapping[tuple[int, str], int]
    width: int
    height: int


def lay_out(diagram: Diagram) -> FlowLayout:
    """``diagram`` placed (see the module's description). Arrows to a node not drawn, and
    arrows from a node to itself, are left out."""
    nodes = {node.node: node.label for node in (*diagram.sources, *diagram.claims)}
    edges = [
        e for e in diagram.edges if e.source in nodes and e.target in nodes and e.source != e.target
    ]
    layer = _layers(list(nodes), edges)
    columns: list[list[str]] = [[] for _ in range(max(layer.values(), default=0) + 1)]
    for name in nodes:
        columns[layer[name]].append(name)
    _ordered(columns, edges)
    boxes = {name: Box.of(label) for name, label in nodes.items()}
    labels = [Box.of(edge_words(edge), 24, pad=2) for edge in edges]
    # The labels of the arrows into column n stand in the gap before it.
    gaps: list[list[int]] = [[] for _ in columns]
    for at, edge in enumerate(edges):
        gaps[max(layer[edge.target], 1)].append(at)

    def stacked(heights: list[int], gap: int) -> int:
        return sum(heights) + gap * max(len(heights) - 1, 0)

    height = max(
        [stacked([boxes[n].height for n in column], NODE_GAP) for column in columns]
        + [stacked([labels[at].height for at in gap], _LABEL_GAP) for gap in gaps]
    )
    # First down: each column's boxes stacked in the middle of the height.
    for column in columns:
        y = MARGIN + (height - stacked([boxes[c].height for c in column], NODE_GAP)) // 2
        for name in column:
            boxes[name] = attrs.evolve(boxes[name], y=y)
            y += boxes[name].height + NODE_GAP
    for gap in gaps:
        # Each label level with its arrow's ends, in that order down the gap.
        gap.sort(
            key=lambda at: (boxes[edges[at].source].middle + boxes[edges[at].target].middle, at)
        )
        y = MARGIN + (height - stacked([labels[at].height for at in gap], _LABEL_GAP)) // 2
        for at in gap:
            labels[at] = attrs.evolve(labels[at], y=y)
            y += labels[at].height + _LABEL_GAP
    # Then across: the steeper a gap's arrows, the wider it is, so that they bend gently.
    x = MARGIN
    spans: dict[str, tuple[int, int]] = {}  # each node's column, left to right
    for n, column in enumerate(columns):
        if n:
            into = [abs(labels[at].middle - boxes[edges[at].source].middle) for at in gaps[n]]
            out = [abs(boxes[edges[at].target].middle - labels[at].middle) for at in gaps[n]]
            gap_x = x + _room(into)
            for at in gaps[n]:
                labels[at] = attrs.evolve(labels[at], x=gap_x)
            x = gap_x + max((labels[at].width for at in gaps[n]), default=0) + _room(out)
        width = max((boxes[name].width for name in column), default=0)
        for name in column:
            boxes[name] = attrs.evolve(boxes[name], x=x + (width - boxes[name].width) // 2)
            spans[name] = (x, x + width)
        x += width
    return FlowLayout(
        boxes,
        tuple(edges),
        tuple(labels),
        spans,
        _ports(edges, boxes, labels),
        x + MARGIN,
        height + 2 * MARGIN,
    )


def _layers(names: Sequence[str], edges: Sequence[DiagramEdge]) -> dict[str, int]:
    """Each node's column: the longest path from it to a node with no arrow out, counted
    from the left. An arrow that would close a cycle is not followed."""
    out: dict[str, list[str]] = {name: [] for name in names}
    for edge in edges:
        out[edge.source].append(edge.target)
    rank: dict[str, int] = {}
    on_path: set[str] = set()

    def depth(name: str) -> int:
        if name not in rank:
            on_path.add(name)
            rank[name] = 1 + max((depth(t) for t in out[name] if t not in on_path), default=-1)
            on_path.discard(name)
        return rank[name]

    deepest = max((depth(name) for name in names), default=0)
    return {name: deepest - rank[name] for name in names}


def _ordered(columns: list[list[str]], edges: Sequence[DiagramEdge]) -> None:
    """Reorder each column (right to left) by where its nodes' arrows lead, so that
    arrows cross as little as one sweep can make them."""
    after: dict[str, list[str]] = {}
    for edge in edges:
        after.setdefault(edge.source, []).append(edge.target)
    for n in range(len(columns) - 2, -1, -1):
        place = {name: at for column in columns[n + 1 :] for at, name in enumerate(column)}
        columns[n].sort(key=functools.partial(_centre, after, place))  # stable: ties keep order


def _centre(after: dict[str, list[str]], place: dict[str, int], name: str) -> float:
    """The mean place of the nodes ``name``'s arrows lead to (none: last)."""
    targets = [place[t] for t in after.get(name, ()) if t in place]
    return sum(targets) / len(targets) if targets else float(len(place))


def _ports(
    edges: Sequence[DiagramEdge], boxes: dict[str, Box], labels: Sequence[Box]
) -> dict[tuple[int, str], int]:
    """Where each arrow leaves its box and enters the next, by arrow and ``out`` or ``in``:
    a box's arrows spread down its side in the order of their labels, so that arrows
    fanning out of one box do not start at one point."""
    sides: dict[tuple[str, str], list[int]] = {}
    for at, edge in enumerate(edges):
        sides.setdefault((edge.source, "out"), []).append(at)
        sides.setdefault((edge.target, "in"), []).append(at)
    ports = {}
    for (name, side), arrows in sides.items():
        box = boxes[name]
        arrows.sort(key=lambda at: (labels[at].middle, at))
        for n, at in enumerate(arrows, start=1):
            ports[at, side] = box.y + box.height * n // (len(arrows) + 1)
    return ports


def _room(rises: list[int]) -> int:
    """The width between a column and the next for arrows rising or falling ``rises``."""
    return min(_MAX_ROOM, max(_ARROW_ROOM, max(rises, default=0) // 3))
