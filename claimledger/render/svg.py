"""Draw the ledger's diagrams as inline SVG, at build time, for the web site.

The Markdown ledger draws its diagrams with Mermaid, which GitHub runs in the
reader's browser. The web site needs no script and fetches nothing, so it draws
the same diagrams (:class:`~claimledger.render.pages.Diagram` and
:class:`~claimledger.render.pages.Timeline`, the same data the Markdown pages
draw from) as SVG when the site is built:

- :func:`flowchart`: a layered left-to-right graph, each arrow's label in a column
  of its own, so no label covers another (:mod:`claimledger.render.layered` places
  it).
- :func:`timeline`: the dates top to bottom on a line, each with its stories.

Labels are whole (wrapped, never cut), and every string is written by
:mod:`xml.etree.ElementTree`, which escapes it: no text can add an element. A
:class:`Drawing` is markup (it has ``__html__``), so autoescaping templates
print it as it is. Each drawing is ``role="img"`` with a ``<title>`` (its
accessible name) and a ``<desc>`` that says in words everything it shows. The
same data always gives the same drawing, byte for byte; ids start with the
``key`` given, so that drawings on one page do not share ids.

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

import xml.etree.ElementTree as ET

import attrs

from claimledger.naming import one_line
from claimledger.render.layered import LINE, MARGIN, NODE_GAP, Box, edge_words, lay_out
from claimledger.render.pages import Diagram, DiagramEdge, Timeline

__all__ = ["Drawing", "flowchart", "timeline"]

#: How each kind of arrow is drawn: stroke width and dashes ("" for a solid line).
_STROKES = {
    "quotes": ("1.5", ""),
    "supports": ("3.5", ""),
    "contradicts": ("1.5", "6 4"),
    "called": ("1.5", "2 3"),
    "identified": ("2.5", ""),
}
_FONT = 14
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


def _text(parent: ET.Element, box: Box, *, fill: str, rx: int, css: str) -> None:
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
        baseline = box.y + (box.height - len(box.lines) * LINE) // 2 + n * LINE + LINE - 5
        ET.SubElement(
            text, "tspan", {"x": str(box.x + box.width // 2), "y": str(baseline)}
        ).text = line


def flowchart(diagram: Diagram, key: str, title: str) -> Drawing:
    """``diagram`` as an SVG element, laid out by :func:`~claimledger.render.layered.lay_out`;
    ``key`` starts its ids and ``title`` is its accessible name."""
    placed = lay_out(diagram)
    nodes = {node.node: node.label for node in (*diagram.sources, *diagram.claims)}
    rounded = {node.node for node in diagram.claims}
    boxes, edges, labels, spans, ports = (
        placed.boxes,
        placed.edges,
        placed.labels,
        placed.spans,
        placed.ports,
    )
    desc = " ".join(
        f"{one_line(nodes[e.source])} {edge_words(e)} {_object(e)}{one_line(nodes[e.target])}."
        for e in edges
    )
    svg = _svg(placed.width, placed.height, key, title, desc)
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


def _object(edge: DiagramEdge) -> str:
    # "quotes 2 claims of X"; "calls X"; "identified by the ledger as X".
    return "of " if edge.label and edge.kind in ("quotes", "supports", "contradicts") else ""


def _curve(x1: int, y1: int, x2: int, y2: int) -> str:
    """An S-bend from (x1, y1), already reached, to (x2, y2), level at both ends."""
    middle = (x1 + x2) // 2
    return f"C{middle},{y1} {middle},{y2} {x2},{y2}"


def timeline(entries: Timeline, key: str, title: str) -> Drawing:
    """``entries`` as an SVG element: the dates down a line, each with its stories."""
    dates = [Box.of(date, 16) for date, _ in entries.entries]
    stories = [[Box.of(story, 32) for story in titles] for _, titles in entries.entries]
    date_width = max((box.width for box in dates), default=0)
    line_x = MARGIN + date_width + 16
    text_x = line_x + 16
    story_width = max((box.width for row in stories for box in row), default=0)
    svg_rows: list[tuple[Box, list[Box]]] = []
    y = MARGIN
    for date, row in zip(dates, stories, strict=True):
        placed_date = attrs.evolve(date, x=MARGIN + date_width - date.width, y=y)
        placed: list[Box] = []
        row_y = y
        for box in row:
            placed.append(attrs.evolve(box, x=text_x, y=row_y))
            row_y += box.height + 4
        svg_rows.append((placed_date, placed))
        y = max(y + date.height, row_y - 4) + NODE_GAP
    height = y - NODE_GAP + MARGIN
    desc = " ".join(
        f"{one_line(date)}: {'; '.join(map(one_line, titles))}." for date, titles in entries.entries
    )
    svg = _svg(text_x + story_width + MARGIN, height, key, title, desc)
    ET.SubElement(
        svg,
        "line",
        {
            "x1": str(line_x),
            "y1": str(MARGIN),
            "x2": str(line_x),
            "y2": str(height - MARGIN),
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
