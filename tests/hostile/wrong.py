"""Valid YAML that is wrong: values of the right type but the wrong content.

``mutated()`` (:mod:`tests.hostile.strategies`) breaks syntax; a hostile pull
request is more likely to be well-formed and wrong: a string holding a terminal
escape or a right-to-left override, an id that is a path or a look-alike, a
count of 0 or 2**63, a date that does not exist, a reference to nothing. Each
draw is a valid claim file (``claim_files()``) with one to four of its values
replaced by a wrong value of the same type, written in one of the three styles.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import yaml
from hypothesis import strategies as st

from tests.hostile.strategies import _walk_mappings, claim_files, dump_safe, styles, write

__all__ = [
    "LINK_TARGETS",
    "WRONG_INTEGERS",
    "WRONG_STRINGS",
    "plant",
    "wrong_value",
    "wrong_values",
]

WRONG_STRINGS = st.one_of(
    st.sampled_from(
        [
            "",
            " ",
            "\x1b]52;c;aGVsbG8=\x07",  # OSC 52: write the clipboard
            "\x1b[2J",
            "\x9b2J",  # a C1 control sequence introducer
            "\x07",
            "\x00",
            "before \u202e reversed",  # right-to-left override
            "\u2066isolate\u2069",
            "line\u2028separator",
            "Spokesman",  # a case variant of a known id
            "sp\u043ekesman",  # a Cyrillic look-alike
            "spokesman ",
            "../../etc/passwd",
            "/dev/zero",
            "nobody",
            "briefing-report",
            "2016-02-30",
            "0000",
            "9999-12-31",
            "x" * 5000,
            "\ufeffbom",
            "\U0001f600",
        ]
    ),
    st.text(st.characters(categories=("Cc", "Cf", "Zl", "Zp")), min_size=1, max_size=5),
)
WRONG_INTEGERS = st.sampled_from(
    [0, -1, 1, 2, 2**31 - 1, 2**31, 2**63 - 1, 2**63, -(2**63), 10**300, int("9" * 4000)]
)
#: Where a file of the ledger may point instead of holding YAML.
LINK_TARGETS = ["/dev/zero", "/proc/self/environ", "fifo", "outside", "loop", "folder", "inside"]


def wrong_value(draw: st.DrawFn, value: Any) -> Any:
    """A wrong value of the same type as ``value`` (a mapping: unchanged)."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return draw(WRONG_INTEGERS)
    if isinstance(value, str):
        return draw(WRONG_STRINGS)
    if isinstance(value, list):
        return draw(st.sampled_from([[], value + value, value[:1], [draw(WRONG_STRINGS)]]))
    return value  # a mapping: its values are drawn on their own


@st.composite
def wrong_values(draw: st.DrawFn) -> bytes:
    """A valid claim file with some values replaced by wrong ones of the same type."""
    data: dict[str, Any] = draw(claim_files())
    for _ in range(draw(st.integers(1, 4))):
        mappings = [m for m in _walk_mappings(data) if m]
        mapping = draw(st.sampled_from(mappings))
        key = draw(st.sampled_from(sorted(mapping)))
        mapping[key] = wrong_value(draw, mapping[key])
    try:
        text = write(data, draw(styles))
    except yaml.YAMLError:  # pragma: no cover - a value PyYAML cannot emit
        text = dump_safe(data)
    return text.encode("utf-8", "surrogatepass")


def plant(path: Path, target: str, outside: Path, outside_folder: Path | None = None) -> None:
    """Put at ``path``, instead of what is there, one of :data:`LINK_TARGETS` (or a link to
    ``target`` itself): ``outside`` is a file and ``outside_folder`` a folder out of the ledger."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif os.path.lexists(path):
        path.unlink()
    path.parent.mkdir(parents=True, exist_ok=True)
    if target == "fifo":
        os.mkfifo(path)
    elif target == "outside":
        path.symlink_to(outside)
    elif target == "outside-folder" and outside_folder is not None:
        path.symlink_to(outside_folder)
    elif target == "loop":
        path.symlink_to(path.name)
    elif target == "folder":
        path.mkdir()
    elif target == "inside":  # another file of the ledger, by a relative link
        other = "briefing.yaml" if path.name != "briefing.yaml" else "speakers.yaml"
        path.symlink_to(other if path.parent.name == "claims" else f"../claims/{other}")
    else:
        path.symlink_to(target)
