"""Fuzzing: damaged claim files end in located findings or a clean pass, never a traceback.

The properties drive the library (fast) and, on a sample, the command line as
pre-commit runs it. Examples per property come from the Hypothesis profile
(``tests/hostile/conftest.py``); ``make fuzz`` runs thousands.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimledger.check import validate
from claimledger.config import Config
from claimledger.findings import Finding
from claimledger.ledger import read_claim_file
from claimledger.parse import YamlError, parse_yaml
from claimledger.structure import structure_claims
from tests.conftest import EXAMPLES, only_summary
from tests.hostile.conftest import subprocess_examples
from tests.hostile.helpers import run_cli
from tests.hostile.strategies import mutated

CODE = re.compile(r"CL\d{3}")
FINDING_LINE = re.compile(r"^([^:]+):(\d+):(\d+): CL\d{3} ")


#: Line breaks as YAML (and libyaml) counts them; str.splitlines also breaks at
#: \v, \f and \x1c-\x1e, which YAML refuses as control characters.
BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def assert_within(data: bytes, line: int, column: int, where: str) -> None:
    """``line:column`` is a place in ``data`` (or just past its end).

    Columns are bounded by the line's length in bytes, which is never less than
    its length in characters (read_text counts bytes where UTF-8 is invalid).
    """
    lines = BREAK.split(data.decode("utf-8-sig", "replace"))
    if lines[-1] == "":
        lines.pop()
    assert 1 <= line <= len(lines) + 1, f"{where}: line {line} of {len(lines)}"
    width = len(lines[line - 1].encode("utf-8")) if line <= len(lines) else 0
    assert 1 <= column <= width + 1, f"{where}: column {column} of {width}"


def assert_located(findings: Iterable[Finding], files: dict[str, bytes]) -> None:
    for finding in findings:
        loc = finding.location
        assert CODE.fullmatch(finding.code), finding
        assert finding.message, finding
        assert loc.path in files, f"{finding} names a file that was not read"
        assert_within(files[loc.path], loc.line, loc.column, str(finding))


@given(mutated())
def test_parse_and_structure_answer_every_input(data: bytes) -> None:
    # surrogateescape keeps undecodable bytes as lone surrogates: the parser
    # must refuse those too (a library caller can pass any str).
    text = data.decode("utf-8", "surrogateescape")
    files = {"c.yaml": data}
    try:
        doc = parse_yaml(text, "c.yaml")
    except YamlError as exc:
        refused: Finding | None = exc.finding
    else:
        refused = None
    if refused is not None:
        assert refused.code in ("CL001", "CL002")
        assert_located([refused], files)
        return
    claims, findings = structure_claims(doc)
    assert all(f.code == "CL003" for f in findings)
    assert_located(findings, files)
    # Either the file's claims, or the reasons there are none: never neither,
    # unless the file holds no claims at all.
    assert claims or findings or doc.data is None or doc.data.get("claims") == []


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@given(mutated())
def test_read_claim_file_answers_every_byte_string(scratch: Path, data: bytes) -> None:
    path = scratch / "claims" / "fuzzed.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(data)
    result = read_claim_file(path, scratch)
    assert result.path == "claims/fuzzed.yaml"
    assert_located(result.findings, {"claims/fuzzed.yaml": data})
    if result.findings and result.claims:
        # Entries load one by one: a file that cannot be read loads nothing, and
        # claims load beside findings only when those are some entries' schema errors.
        assert {f.code for f in result.findings} == {"CL003"}


TARGETS = ["claims/fuzzed.yaml", "claims/speakers.yaml", "corpus/briefing-report.yaml"]


@pytest.fixture(scope="module")
def small_ledger(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("ledger") / "ledger"
    shutil.copytree(EXAMPLES / "clean", root)
    return root


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@given(mutated(), st.sampled_from(TARGETS))
def test_validate_answers_every_input_in_a_ledger(
    small_ledger: Path, data: bytes, target: str
) -> None:
    path = small_ledger / target
    original = path.read_bytes() if path.exists() else None
    path.write_bytes(data)
    try:
        result = validate(Config.default(small_ledger))
        assert_located(result.findings, _files(small_ledger))
    finally:
        if original is None:
            path.unlink()
        else:
            path.write_bytes(original)


def finding_lines(output: str) -> Iterator[re.Match[str]]:
    """Each ``path:line:col: CODE`` line of text output (context and caret lines skipped)."""
    for line in output.splitlines():
        if not line.startswith(" ") and not re.fullmatch(r"\d+ error\(s\), \d+ warning\(s\)", line):
            match = FINDING_LINE.match(line)
            assert match, f"not a finding line: {line!r}"
            yield match


@settings(max_examples=subprocess_examples())
@given(st.lists(mutated(), min_size=1, max_size=12))
def test_the_command_line_answers_a_folder_of_damaged_files(
    tmp_path_factory: pytest.TempPathFactory, batch: list[bytes]
) -> None:
    root = tmp_path_factory.mktemp("cli") / "ledger"
    shutil.copytree(EXAMPLES / "clean", root)
    names = [f"claims/fuzzed-{i}.yaml" for i in range(len(batch))]
    for name, data in zip(names, batch, strict=True):
        (root / name).write_bytes(data)
    result = run_cli(root)
    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert only_summary(result.stderr), result.stderr
    files = _files(root)
    located = list(finding_lines(result.stdout))
    for match in located:
        column = int(match[3])
        assert_within(files[match[1]], int(match[2]), column, match[0])
    assert (result.returncode == 1) == bool(located)
