"""Hostile YAML: bombs, code-execution tags, huge and deep files, and the crashes they found.

Whatever a pull request puts in a claim file, validation answers with a located
CL001 and executes nothing. Inputs that could take the interpreter down run in
a subprocess, so a crash fails one test instead of the session.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml

from claimledger import parse
from claimledger.dates import PartialDate
from claimledger.parse import MAX_DEPTH, YamlError, parse_yaml
from claimledger.structure import MAX_LIST_ERRORS, structure_claims
from tests.conftest import EXAMPLES, only_summary
from tests.hostile.helpers import run_cli


def refusal(text: str) -> tuple[int, int, str]:
    with pytest.raises(YamlError) as info:
        parse_yaml(text, "f.yaml")
    finding = info.value.finding
    assert finding.code == "CL001"
    return finding.location.line, finding.location.column, finding.message


# -- alias bombs --------------------------------------------------------------------------------


def laughs(width: int, levels: int) -> str:
    """``levels`` anchors, each a list of ``width`` aliases of the one before."""
    lines = [f"a0: &a0 [{', '.join(['lol'] * width)}]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * width)}]" for i in range(1, levels)]
    return "\n".join(lines) + "\n"


MEASURE = textwrap.dedent(
    """
    import json, sys, time, tracemalloc
    from claimledger.parse import YamlError, parse_yaml
    text = sys.stdin.read()
    tracemalloc.start()
    started = time.process_time()  # CPU time: a loaded machine does not make it flaky
    try:
        parse_yaml(text, "bomb.yaml")
        outcome = None
    except YamlError as exc:
        outcome = str(exc.finding)
    elapsed = time.process_time() - started
    peak = tracemalloc.get_traced_memory()[1]
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the parent that
    # forked us (a pytest process after a fuzz run holds hundreds of MB).
    with open("/proc/self/status") as status:
        rss = next(int(l.split()[1]) * 1024 for l in status if l.startswith("VmHWM:"))
    print(json.dumps({"outcome": outcome, "seconds": elapsed, "peak": peak, "rss": rss}))
    """
)


@pytest.mark.parametrize(
    ("width", "levels", "expands_to"),
    [
        (10, 10, "a billion"),  # the classic "billion laughs"
        (9, 6, "672,000: under MAX_NODES, refused by the expansion ratio"),
        (30, 4, "867,000: under MAX_NODES, refused by the expansion ratio"),
        (2, 200, "2**200"),
    ],
)
def test_alias_bomb_is_refused_in_a_moment_with_bounded_memory(
    width: int, levels: int, expands_to: str
) -> None:
    result = subprocess.run(
        [sys.executable, "-c", MEASURE],
        input=laughs(width, levels),
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    measured = json.loads(result.stdout)
    assert measured["outcome"] is not None, f"a bomb expanding to {expands_to} was accepted"
    assert ": CL001 " in measured["outcome"]
    assert "alias bomb" in measured["outcome"]
    assert measured["seconds"] < 1.0
    assert measured["peak"] < 20 * 2**20  # allocated while parsing
    assert measured["rss"] < 200 * 2**20  # the whole process, interpreter included


def test_aliases_within_the_ratio_are_expanded() -> None:
    doc = parse_yaml(laughs(3, 3), "f.yaml")  # 3 x 3 x 3 values from a few lines
    assert doc.data["a2"] == [[["lol"] * 3] * 3] * 3


def test_deep_alias_chain_is_refused_without_recursion_error() -> None:
    # 600 levels of compact sequence (too shallow for the pre-check's bound)
    # with one alias: the expansion walk used to hit Python's recursion limit.
    text = "a: &x 1\nb: *x\nc:\n  " + "- " * 600 + "x\n"
    line, _, message = refusal(text)
    assert (line, message) == (4, f"nesting deeper than {MAX_DEPTH} levels")


# -- tags: nothing is constructed, nothing is executed ------------------------------------------


def payloads(marker: Path) -> dict[str, str]:
    call = f"tests.hostile.payload.touch ['{marker}']"
    return {
        "python/object/apply": f"!!python/object/apply:{call}",
        "python/object/new": f"!!python/object/new:{call}",
        "python/name": "!!python/name:tests.hostile.payload.touch",
        "python/module": "!!python/module:tests.hostile.payload",
        "verbatim": f"!<tag:yaml.org,2002:python/object/apply:{call[: call.index(' ')]}> "
        f"['{marker}']",
        "local": "!touch x",
        "verbatim-local": "!<!touch> x",
        "tag-directive": "!py!object/apply:" + call,
    }


KINDS = list(payloads(Path("m")))


def claim_with(value: str, kind: str) -> str:
    directive = "%TAG !py! tag:yaml.org,2002:python/\n---\n" if kind == "tag-directive" else ""
    return f"{directive}claims:\n  - id: a\n    statement: {value}\n    speaker: spokesman\n"


@pytest.mark.parametrize("kind", KINDS)
def test_an_unsafe_loader_would_run_the_payload(
    kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The control experiment: each payload is live, so the next test can fail."""
    marker = tmp_path / "executed"
    monkeypatch.setenv("CLAIMLEDGER_PAYLOAD_MARKER", str(marker))
    monkeypatch.delitem(sys.modules, "tests.hostile.payload", raising=False)
    text = claim_with(payloads(marker)[kind], kind)
    if kind in ("local", "verbatim-local"):
        with pytest.raises(yaml.constructor.ConstructorError):  # unknown even to PyYAML
            yaml.unsafe_load(text)
        return
    yaml.unsafe_load(text)
    assert marker.exists()


@pytest.mark.parametrize("kind", KINDS)
def test_every_unknown_tag_is_refused_and_nothing_runs(kind: str, tmp_path: Path) -> None:
    root = tmp_path / "ledger"
    shutil.copytree(EXAMPLES / "clean", root)
    marker = tmp_path / "executed"
    text = claim_with(payloads(marker)[kind], kind)
    (root / "claims" / "payload.yaml").write_text(text)
    result = run_cli(root, CLAIMLEDGER_PAYLOAD_MARKER=str(marker))
    assert result.returncode == 1, result.stderr
    first = result.stdout.splitlines()[0]
    line = 5 if kind == "tag-directive" else 3
    assert first.startswith(f"claims/payload.yaml:{line}:16: CL001 unsupported tag '"), first
    assert not marker.exists()


# -- size ---------------------------------------------------------------------------------------


def test_a_50_mb_claim_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    root = tmp_path / "ledger"
    shutil.copytree(EXAMPLES / "clean", root)
    huge = root / "claims" / "huge.yaml"
    with huge.open("wb") as handle:
        handle.write(b"claims:\n  - id: a\n    statement: ")
        handle.truncate(50 * 2**20)  # 50 MB (of NUL bytes, which would be refused anyway)
    result = run_cli(root, timeout=30)
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == (
        "claims/huge.yaml:1:1: CL001 file is 50.0 MB, over the 10 MB limit"
    )


def test_more_nodes_than_the_limit_are_refused_before_composing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # At the real limit (MAX_NODES) this takes a 10 MB file; the check reads
    # the limit when it runs.
    monkeypatch.setattr(parse, "MAX_NODES", 1_000)
    line, column, message = refusal("claims:\n" + "- 1\n" * 2_000)
    assert message == "more than 1,000 keys and values in one file"
    # The 1,001st node: the mapping, its key and the list come first.
    assert (line, column) == (999, 3)


def test_a_long_list_of_wrong_items_stops_after_the_first_hundred() -> None:
    # cattrs kept every item's exception (frames and all): 2.6 million of them took 5 GB.
    doc = parse_yaml("claims:\n" + "- 1\n" * 1_000, "c.yaml")
    claims, findings = structure_claims(doc)
    assert claims == ()
    assert len(findings) == MAX_LIST_ERRORS + 1
    assert str(findings[0]) == "c.yaml:2:3: CL003 claims[0]: expected a mapping, got the integer 1"
    assert str(findings[-1]) == "c.yaml:102:3: CL003 claims[100]: 900 more item(s) not checked"


# -- depth: no recursion error, no crash ---------------------------------------------------------

LEVELS = 100_000
DEEP = {
    "flow sequence": "[" * LEVELS,
    "flow mapping": "{a: " * LEVELS,
    "compact block sequence": "- " * LEVELS + "x\n",
    "compact explicit keys": "? " * LEVELS + "x\n",
    "compact sequence of mappings": "- " * LEVELS + "a: b\n",
    # Closing brackets in strings or comments fooled the old running count:
    "brackets in quoted strings": "a: " + ("[" * 64 + '"' + "]" * 64 + '", ') * 1_600 + "x\n",
    "brackets in comments": "a: " + ("[" * 64 + " #" + "]" * 64 + "\n  ") * 1_600 + "x\n",
    # Lines broken by CR, NEL or U+2028 hid "- - -" from a check by "^" (found by make fuzz):
    "compact after a CR": "\r" + "- " * LEVELS + "x\n",
    "compact after a NEL": "# c\x85" + "- " * LEVELS + "x\n",
    "compact after U+2028": "# c\u2028" + "- " * LEVELS + "x\n",
    # Indentation: 4,000 levels is about what the 10 MB limit lets through.
    "block indentation": "".join(" " * i + "a:\n" for i in range(4_000)),
}


@pytest.mark.parametrize("kind", list(DEEP))
def test_deep_nesting_is_a_finding_not_a_crash(kind: str, tmp_path: Path) -> None:
    claims = tmp_path / "claims"
    claims.mkdir()
    (claims / "deep.yaml").write_text(DEEP[kind])
    result = run_cli(tmp_path)
    assert result.returncode == 1, f"exit {result.returncode} (a negative one is a signal)"
    # Ours says "nesting deeper than 64 levels"; libyaml 0.2.6 and later may refuse
    # first with its own words. Either way: a located CL001, past the limit's depth.
    path, line, column, rest = result.stdout.splitlines()[0].split(":", 3)
    assert (path, rest.split()[0]) == ("claims/deep.yaml", "CL001")
    assert 1 <= int(line) <= len(DEEP[kind].splitlines())
    assert int(column) >= 1
    assert only_summary(result.stderr), result.stderr


def test_deep_nesting_after_a_byte_order_mark_is_refused() -> None:
    # The CLI strips a leading BOM; a library caller may not, and libyaml skips it.
    script = (
        f"from claimledger.parse import parse_yaml\nparse_yaml('\\ufeff' + '- ' * {LEVELS}, 'f')"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False, timeout=60
    )
    assert result.returncode == 1, f"exit {result.returncode} (a negative one is a signal)"
    assert f"f:1:129: CL001 nesting deeper than {MAX_DEPTH} levels" in result.stderr


# -- crashes found, each now a located finding ---------------------------------------------------


def test_an_integer_too_long_for_python_is_a_finding() -> None:
    # Python refuses int() of more than 4,300 digits: ValueError escaped.
    assert refusal("claims:\n  - occurrence: " + "9" * 5_000 + "\n") == (
        2,
        17,
        "integer too long; quote it to keep it as text",
    )


@pytest.mark.parametrize(
    ("value", "kind"),
    [("!!int x", "int"), ("!!float x", "float"), ("!!bool x", "bool"), ("!!null x", "null")],
)
def test_an_explicit_core_tag_on_a_wrong_value_is_a_finding(value: str, kind: str) -> None:
    # !!int / !!float raised ValueError; !!bool x and !!null x became false and null.
    assert refusal(f"a: {value}\n") == (1, 4, f"'x' is not a valid {kind}")


def test_explicit_core_tags_on_right_values_still_work() -> None:
    text = "a: !!int 5\nb: !!bool true\nc: !!null ''\nd: !!float 1.5\ne: !!str 5\n"
    assert parse_yaml(text, "f.yaml").data == {"a": 5, "b": True, "c": None, "d": 1.5, "e": "5"}


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("a: é\nb: ü\x07c\n", (2, 5)),  # libyaml reports a byte offset: 11, not 9
        ("a:\r\n  b\x00", (2, 4)),
        ("[" * 2_000 + "\x07", (1, 2_001)),  # the exact depth pass let ReaderError escape
    ],
)
def test_control_characters_are_located(text: str, where: tuple[int, int]) -> None:
    line, column, message = refusal(text)
    assert (line, column) == where
    control = next(c for c in text if c in "\x00\x07")
    # Ours; the reason after it is libyaml's and not asserted.
    assert message.startswith(f"unacceptable character U+{ord(control):04X}")


def test_a_lone_surrogate_is_a_finding() -> None:
    # Only a library caller can pass one (files are decoded strictly), but it
    # raised UnicodeEncodeError from inside libyaml's reader.
    assert refusal("a: ok\nb: \udc80\n") == (2, 4, "invalid character U+DC80")


def test_dates_take_ascii_digits_only() -> None:
    # "\d" matched Arabic-Indic digits: "٢٠١٦" was read as 2016 and written back so.
    with pytest.raises(ValueError, match="not a valid date"):
        PartialDate.parse("٢٠١٦")
    doc = parse_yaml("claims:\n  - {id: a, statement: s, speaker: x, said_on: ٢٠١٦}\n", "c.yaml")
    _, findings = structure_claims(doc)
    assert [f.message for f in findings] == [
        "claims[0].said_on: not a valid date: '٢٠١٦' (expected an EDTF date: YYYY, YYYY-MM or "
        "YYYY-MM-DD, uncertain 2022-03?, approximate 2022~, or an interval such as 2019/.. or "
        "2016-10-12/2016-10-13)"
    ]


def test_an_invalid_byte_is_placed_as_editors_count(tmp_path: Path) -> None:
    from claimledger.ledger import read_claim_file

    path = tmp_path / "claims" / "cr.yaml"
    path.parent.mkdir()
    path.write_bytes(b"claims:\r  - id: a\r    statement: caf\xc3\xa9 \xff\r")
    (finding,) = read_claim_file(path, tmp_path).findings
    assert finding.message == "not UTF-8: invalid byte 0xff"
    assert (finding.location.line, finding.location.column) == (3, 21)
