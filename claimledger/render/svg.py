"""Draw the ledger's diagrams as inline SVG, at build time, for the web site.

The Markdown ledger draws its diagrams with Mermaid, which GitHub runs in the
reader's browser. The web site needs no script and fetches nothing, so it draws
the same diagrams (:class:`~claimledger.render.pages.Diagram` and
:class:`~claimledger.render.pages.Timeline`, the same data the Markdown pages
draw from) as SVG when the site is built:

- :func:`flowchart`: a layered left-to-right graph. Each node goes in the column
  of its longest path to a node with no arrow out (a group's sources, then its
  speakers; an attribution chain's sources, the speaker, the person the ledger
  identifies), ordered to keep arrows from crossing; each arrow's label sits in a
  column of its own between the columns of nodes, so no label covers another.
- :func:`timeline`: the dates top to bottom on a line, each with its stories.

Labels are whole (wrapped, never cut), and every string is written by
:mod:`xml.etree.ElementTree`, which escapes it: no text can add an element. A
:class:`Drawing` is markup (it has ``__html__``), so autoescaping templates
print it as it is. Each
drawing is ``role="img"`` with a ``<title>`` (its accessible name) and a
``<desc>`` that says in words everything it shows. Sizes come from a generous
estimate of the text's width (no font is measured), so the same data always
gives the same drawing, byte for byte; ids start with the ``key`` given, so that
drawings on one page do not share ids.

>>> from claimledger.render.pages import Diagram, DiagramEdge, DiagramNode
>>> chart = Diagram((DiagramNode("s1", "The <Mirror>"),), (DiagramNode("p1", "A spokesman"),),
...                 (DiagramEdge("s1", "p1", "quotes", "quotes 1 claim"),))
>>> svg = str(flowchart(chart, "chart", "Who is quoted"))
>>> svg.startswith('<svg xmlns="http://www.w3.org/2000/svg" role="img"')
True
>>> "The &lt;Mirror&gt;" in svg, "<Mirror>" in svg
(True, False)
>>> print(svg.split("<desc")[1].split(">", 1)[1].split("</desc>")[0])
The &lt;Mirror&gt; quotes 1 claim of A spokesman.
"""

from __future__ import annotations

import functools
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Sequence

import attrs

from claimledger.naming import one_line
from claimledger.render.pages import Diagram, DiagramEdge, Timeline

__all__ = ["EDGE_WORDS", "Drawing", "flowchart", "text_width", "timeline", "wrap"]

#: The label of an arrow that has none, by kind (the Markdown ledger's words).
EDGE_WORDS = {
    "quotes": "quotes",
    "supports": "supports",
    "contradicts": "contradicts",
    "called": "calls",
    "identified": "identified by the ledger as",
}
#: How each kind of arrow is drawn: stroke width and dashes ("" for a solid line).
_STROKES = {
    "quotes": ("1.5", ""),
    "supports": ("3.5", ""),
    "contradicts": ("1.5", "6 4"),
    "called": ("1.5", "2 3"),
    "identified": ("2.5", ""),
}

_FONT = 14
#: A generous average advance of one character, in pixels: wide enough for the
#: proportional fonts browsers use, so that no label outgrows its box.
_CHAR = 8.6
_LINE = 18
_PAD_X, _PAD_Y = 10, 7
_NODE_GAP, _LABEL_GAP = 18, 4
#: Between a column of labels and the nodes on either side: at least, at most.
_ARROW_ROOM, _MAX_ROOM = 36, 110
_MARGIN = 8
_WRAP = 28
_INK, _LINE_INK, _PAPER, _TINT = "#1b1b1b", "#4a4a4a", "#ffffff", "#e8f0fb"
_SVG_NS = "http://www.w3.org/2000/svg"


@attrs.frozen
class Drawing:
    """An SVG element, markup a template prints as it is (its ``__html__``): every
    string in it was escaped when it was drawn."""

    svg: str

    def __html__(self) -> str:
        return self.svg

    def __str__(self) -> str:
        return self.svg


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
class _Box:
    """A label in a box: its lines, its size and (once placed) its top-left corner."""

    lines: tuple[str, ...]
    width: int
    height: int
    x: int = 0
    y: int = 0

    @classmethod
    def of(cls, text: str, width: int = _WRAP, pad: int = _PAD_Y) -> _Box:
        lines = tuple(wrap(text, width))
        widest = max(text_width(line) for line in lines)
        return cls(lines, round(widest * _CHAR) + 2 * _PAD_X, len(lines) * _LINE + 2 * pad)

    @property
    def middle(self) -> int:
        return self.y + self.height // 2


def _svg(width: int, height: int, key: str, title: str, desc: str) -> ET.Element:
    svg = ET.Element(
        "svg",
        {
            "xmlns": _SVG_NS,
            "role": "img",
            "aria-labelledby": f"{key}-title",
            "aria-describedby": f"{key}-desc",
            "class": "diagram",
            "width": str(width),
            "height": str(height),
            "viewBox": f"0 0 {width} {height}",
            "font-family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
            "font-size": str(_FONT),
        },
    )
    ET.SubElement(svg, "title", {"id": f"{key}-title"}).text = one_line(title)
    ET.SubElement(svg, "desc", {"id": f"{key}-desc"}).text = desc
    return svg


def _text(parent: ET.Element, box: _Box, *, fill: str, rx: int, css: str) -> None:
    group = ET.SubElement(parent, "g", {"class": css})
    ET.SubElement(
        group,
        "rect",
        {
            "x": str(box.x),
            "y": str(box.y),
            "width": str(box.width),
            "height": str(box.height),
            "rx": str(rx),
            "fill": fill,
            "stroke": _LINE_INK if css != "label" else "none",
        },
    )
    text = ET.SubElement(group, "text", {"fill": _INK, "text-anchor": "middle"})
    for n, line in enumerate(box.lines):
        baseline = box.y + (box.height - len(box.lines) * _LINE) // 2 + n * _LINE + _LINE - 5
        ET.SubElement(
            text, "tspan", {"x": str(box.x + box.width // 2), "y": str(baseline)}
        ).text = line


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


def flowchart(diagram: Diagram, key: str, title: str) -> Drawing:
    """``diagram`` as an SVG element (see the module's description); ``key`` starts its ids
    and ``title`` is its accessible name."""
    nodes = {node.node: node.label for node in (*diagram.sources, *diagram.claims)}
    rounded = {node.node for node in diagram.claims}
    edges = [
        e for e in diagram.edges if e.source in nodes and e.target in nodes and e.source != e.target
    ]
    layer = _layers(list(nodes), edges)
    columns: list[list[str]] = [[] for _ in range(max(layer.values(), default=0) + 1)]
    for name in nodes:
        columns[layer[name]].append(name)
    _ordered(columns, edges)
    boxes = {name: _Box.of(label) for name, label in nodes.items()}
    labels = [_Box.of(_edge_words(edge), 24, pad=2) for edge in edges]
    # The labels of the arrows into column n stand in the gap before it.
    gaps: list[list[int]] = [[] for _ in columns]
    for at, edge in enumerate(edges):
        gaps[max(layer[edge.target], 1)].append(at)

    def stacked(heights: list[int], gap: int) -> int:
        return sum(heights) + gap * max(len(heights) - 1, 0)

    height = max(
        [stacked([boxes[n].height for n in column], _NODE_GAP) for column in columns]
        + [stacked([labels[at].height for at in gap], _LABEL_GAP) for gap in gaps]
    )
    # First down: each column's boxes stacked in the middle of the height.
    for column in columns:
        y = _MARGIN + (height - stacked([boxes[c].height for c in column], _NODE_GAP)) // 2
        for name in column:
            boxes[name] = attrs.evolve(boxes[name], y=y)
            y += boxes[name].height + _NODE_GAP
    for gap in gaps:
        # Each label level with its arrow's ends, in that order down the gap.
        gap.sort(
            key=lambda at: (boxes[edges[at].source].middle + boxes[edges[at].target].middle, at)
        )
        y = _MARGIN + (height - stacked([labels[at].height for at in gap], _LABEL_GAP)) // 2
        for at in gap:
            labels[at] = attrs.evolve(labels[at], y=y)
            y += labels[at].height + _LABEL_GAP
    # Then across: the steeper a gap's arrows, the wider it is, so that they bend gently.
    x = _MARGIN
    spans: dict[str, tuple[int, int]] = {}  # each node's column, left to right
    for n, column in enumerate(columns):
        if n:
            into = [abs(labels[at].middle - boxes[edges[at].source].middle) for at in gaps[n]]
            out = [abs(boxes[edges[at].target].middle - labels[at].middle) for at in gaps[n]]
            gap_x = x + _room(into)
            for at in gaps[n]:
                labels[at] = attrs.evolve(labels[at], x=gap_x)
            x = gap_x + max((labels[at].width for at in gaps[n]), default=0) + _room(out)
        width = max(boxes[name].width for name in column)
        for name in column:
            boxes[name] = attrs.evolve(boxes[name], x=x + (width - boxes[name].width) // 2)
            spans[name] = (x, x + width)
        x += width
    total_width, total_height = x + _MARGIN, height + 2 * _MARGIN
    desc = " ".join(
        f"{one_line(nodes[e.source])} {_edge_words(e)} {_object(e)}{one_line(nodes[e.target])}."
        for e in edges
    )
    svg = _svg(total_width, total_height, key, title, desc)
    defs = ET.SubElement(svg, "defs")
    marker = ET.SubElement(
        defs,
        "marker",
        {
            "id": f"{key}-arrow",
            "viewBox": "0 0 10 10",
            "refX": "9",
            "refY": "5",
            "markerWidth": "7",
            "markerHeight": "7",
            "markerUnits": "userSpaceOnUse",
            "orient": "auto",
        },
    )
    ET.SubElement(marker, "path", {"d": "M0,0 L10,5 L0,10 z", "fill": _LINE_INK})
    arrows = ET.SubElement(svg, "g", {"class": "arrows", "fill": "none", "stroke": _LINE_INK})
    ports = _ports(edges, boxes, labels)
    for at, (edge, label) in enumerate(zip(edges, labels, strict=True)):
        start, end = boxes[edge.source], boxes[edge.target]
        stroke, dashes = _STROKES.get(edge.kind, ("1.5", ""))
        style = {"stroke-width": stroke, **({"stroke-dasharray": dashes} if dashes else {})}
        # Level out of the box to the edge of its column, so as to bend clear of the
        # column's wider boxes; level into the box from the edge of its column.
        out_x, in_x = spans[edge.source][1], spans[edge.target][0]
        out_y, in_y = ports[at, "out"], ports[at, "in"]
        path = f"M{start.x + start.width},{out_y} H{out_x} "
        path += _curve(out_x, out_y, label.x, label.middle)
        path += f" M{label.x + label.width},{label.middle} "
        path += _curve(label.x + label.width, label.middle, in_x, in_y)
        path += f" H{end.x}"
        ET.SubElement(
            arrows,
            "path",
            {"class": f"arrow {edge.kind}", "d": path, **style, "marker-end": f"url(#{key}-arrow)"},
        )
    for label in labels:
        _text(svg, label, fill=_PAPER, rx=4, css="label")
    for name, box in boxes.items():
        css = "node speaker" if name in rounded else "node"
        _text(
            svg,
            box,
            fill=_TINT if name in rounded else _PAPER,
            rx=14 if name in rounded else 2,
            css=css,
        )
    return Drawing(ET.tostring(svg, encoding="unicode"))


def _ports(
    edges: Sequence[DiagramEdge], boxes: dict[str, _Box], labels: Sequence[_Box]
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


def _edge_words(edge: DiagramEdge) -> str:
    return one_line(edge.label) or EDGE_WORDS.get(edge.kind, edge.kind)


def _object(edge: DiagramEdge) -> str:
    # "quotes 2 claims of X"; "calls X"; "identified by the ledger as X".
    return "of " if edge.label and edge.kind in ("quotes", "supports", "contradicts") else ""


def _curve(x1: int, y1: int, x2: int, y2: int) -> str:
    """An S-bend from (x1, y1), already reached, to (x2, y2), level at both ends."""
    middle = (x1 + x2) // 2
    return f"C{middle},{y1} {middle},{y2} {x2},{y2}"


def timeline(entries: Timeline, key: str, title: str) -> Drawing:
    """``entries`` as an SVG element: the dates down a line, each with its stories."""
    dates = [_Box.of(date, 16) for date, _ in entries.entries]
    stories = [[_Box.of(story, 32) for story in titles] for _, titles in entries.entries]
    date_width = max((box.width for box in dates), default=0)
    line_x = _MARGIN + date_width + 16
    text_x = line_x + 16
    story_width = max((box.width for row in stories for box in row), default=0)
    svg_rows: list[tuple[_Box, list[_Box]]] = []
    y = _MARGIN
    for date, row in zip(dates, stories, strict=True):
        placed_date = attrs.evolve(date, x=_MARGIN + date_width - date.width, y=y)
        placed: list[_Box] = []
        row_y = y
        for box in row:
            placed.append(attrs.evolve(box, x=text_x, y=row_y))
            row_y += box.height + 4
        svg_rows.append((placed_date, placed))
        y = max(y + date.height, row_y - 4) + _NODE_GAP
    height = y - _NODE_GAP + _MARGIN
    desc = " ".join(
        f"{one_line(date)}: {'; '.join(map(one_line, titles))}." for date, titles in entries.entries
    )
    svg = _svg(text_x + story_width + _MARGIN, height, key, title, desc)
    ET.SubElement(
        svg,
        "line",
        {
            "x1": str(line_x),
            "y1": str(_MARGIN),
            "x2": str(line_x),
            "y2": str(height - _MARGIN),
            "stroke": _LINE_INK,
            "stroke-width": "2",
        },
    )
    for date, row in svg_rows:
        ET.SubElement(
            svg,
            "circle",
            {"cx": str(line_x), "cy": str(date.middle), "r": "5", "fill": _LINE_INK},
        )
        _text(svg, date, fill=_PAPER, rx=2, css="label date")
        for box in row:
            _text(svg, box, fill=_TINT, rx=4, css="node")
    return Drawing(ET.tostring(svg, encoding="unicode"))
