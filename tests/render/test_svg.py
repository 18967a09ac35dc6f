"""The site's diagrams as SVG: every label whole and escaped, the layout deterministic and
in columns, arrows from their source to their target."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from hypothesis import given
from hypothesis import strategies as st

from claimledger.naming import one_line
from claimledger.render.layered import text_width, wrap
from claimledger.render.pages import Diagram, DiagramEdge, DiagramNode, Timeline
from claimledger.render.svg import flowchart, timeline
from tests.render.hostile import HOSTILE

NS = {"svg": "http://www.w3.org/2000/svg"}
#: Every element a drawing may hold: nothing that runs, links or loads.
DRAWN = {
    "svg",
    "title",
    "desc",
    "defs",
    "marker",
    "path",
    "g",
    "rect",
    "text",
    "tspan",
    "line",
    "circle",
}


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def boxes(root: ET.Element) -> dict[str, tuple[int, int, int, int]]:
    """Each box's text (its lines joined) → its rectangle."""
    found = {}
    for group in root.iter(f"{{{NS['svg']}}}g"):
        rect = group.find("svg:rect", NS)
        text = group.find("svg:text", NS)
        if rect is None or text is None:
            continue
        words = " ".join(t.text or "" for t in text.findall("svg:tspan", NS))
        x, y, width, height = (int(rect.attrib[a]) for a in ("x", "y", "width", "height"))
        found[words] = (x, y, width, height)
    return found


def chain() -> Diagram:
    """An attribution chain: sources a1, a2 call u; u is identified as p; b1 calls p."""
    return Diagram(
        (
            DiagramNode("u", "Unnamed aide"),
            DiagramNode("p", "Named person"),
            DiagramNode("a1", "Paper: “an aide”"),
            DiagramNode("a2", "Radio: “the source”"),
            DiagramNode("b1", "Gazette: “Named person”"),
        ),
        (),
        (
            DiagramEdge("u", "p", "identified"),
            DiagramEdge("a1", "u", "called"),
            DiagramEdge("a2", "u", "called"),
            DiagramEdge("b1", "p", "called"),
        ),
    )


def test_an_attribution_chain_is_drawn_in_columns_left_to_right() -> None:
    drawn = boxes(parse(str(flowchart(chain(), "chain", "Who is who"))))
    x = {label: rect[0] + rect[2] // 2 for label, rect in drawn.items()}  # centred in columns
    assert abs(x["Paper: “an aide”"] - x["Radio: “the source”"]) <= 1
    assert x["Radio: “the source”"] < x["Unnamed aide"]
    assert x["Unnamed aide"] < x["Named person"]
    # The source naming the person stands in the speaker's column, next to the person.
    assert abs(x["Gazette: “Named person”"] - x["Unnamed aide"]) <= 1
    assert {"calls", "identified by the ledger as"} <= set(drawn)


def test_every_arrow_runs_from_its_source_box_to_its_target_box() -> None:
    root = parse(str(flowchart(chain(), "chain", "Who is who")))
    drawn = boxes(root)
    ends = {(r[0] + r[2], r[0]) for r in drawn.values()}
    rights, lefts = {e[0] for e in ends}, {e[1] for e in ends}
    paths = root.findall(".//svg:path[@class]", NS)
    assert len(paths) == 4
    for path in paths:
        numbers = [int(n) for n in re.findall(r"-?\d+", path.attrib["d"])]
        assert numbers[0] in rights  # leaves a box's right side
        assert path.attrib["d"].rsplit("H", 1)[1].strip().isdigit()
        assert int(path.attrib["d"].rsplit("H", 1)[1]) in lefts  # enters a box's left side
        assert path.attrib["marker-end"] == "url(#chain-arrow)"


def test_hostile_labels_are_text_and_the_drawing_holds_nothing_else() -> None:
    nodes = tuple(DiagramNode(f"s{n}", text) for n, text in enumerate(HOSTILE))
    speaker = DiagramNode("p", HOSTILE[0])
    edges = tuple(
        DiagramEdge(n.node, "p", "quotes", text) for n, text in zip(nodes, HOSTILE, strict=True)
    )
    svg = str(flowchart(Diagram(nodes, (speaker,), edges), "x", HOSTILE[1]))
    root = parse(svg)  # well-formed: no text closed an element or opened one
    assert {element.tag.split("}")[1] for element in root.iter()} <= DRAWN
    assert not [a for e in root.iter() for a in e.attrib if a.startswith("on") or "href" in a]
    shown = set(boxes(root))
    for text in HOSTILE:
        assert " ".join(wrap(text)) in shown
    assert root.find("svg:title", NS).text == one_line(HOSTILE[1])  # type: ignore[union-attr]


def test_the_same_data_gives_the_same_drawing() -> None:
    assert str(flowchart(chain(), "c", "t")) == str(flowchart(chain(), "c", "t"))
    dates = Timeline(
        (("2016-10-12", ("A story (2 claims)",)), ("2016-10-13", ("B (1 claim)",))), ()
    )
    assert str(timeline(dates, "t", "When")) == str(timeline(dates, "t", "When"))


def test_a_timeline_lists_its_dates_down_the_page_in_order() -> None:
    dates = Timeline(
        (
            ("2016-10-12", ("A story (2 claims)", "Another (1 claim)")),
            ("2016-10-13", ("B (1 claim)",)),
        ),
        (),
    )
    root = parse(str(timeline(dates, "t", "When")))
    drawn = boxes(root)
    assert drawn["2016-10-12"][1] < drawn["2016-10-13"][1]
    assert drawn["A story (2 claims)"][1] < drawn["Another (1 claim)"][1] < drawn["B (1 claim)"][1]
    desc = root.find("svg:desc", NS)
    assert desc is not None
    assert (
        desc.text == "2016-10-12: A story (2 claims); Another (1 claim). 2016-10-13: B (1 claim)."
    )


def test_a_cycle_or_a_self_loop_is_drawn_without_end() -> None:
    cycle = Diagram(
        (DiagramNode("u", "U"), DiagramNode("p", "P")),
        (),
        (
            DiagramEdge("u", "p", "identified"),
            DiagramEdge("p", "u", "identified"),
            DiagramEdge("u", "u", "called"),
        ),
    )
    assert {"U", "P"} <= set(boxes(parse(str(flowchart(cycle, "c", "t")))))


@given(st.text(), st.integers(min_value=1, max_value=40))
def test_wrapping_keeps_every_character_and_breaks_only_where_needed(text: str, width: int) -> None:
    lines = wrap(text, width)
    assert "".join(lines).replace(" ", "") == one_line(text).replace(" ", "")
    for line in lines:
        # Only a single character wider than the line may stand alone over it.
        assert len(line) == 1 or text_width(line) <= width


def test_an_empty_diagram_is_an_empty_drawing() -> None:
    root = parse(str(flowchart(Diagram((), (), ()), "e", "Nothing")))
    assert boxes(root) == {}
    assert root.find("svg:title", NS) is not None
