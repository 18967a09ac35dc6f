"""Output: names and lines from a pull request cannot forge findings or reach the terminal.

A file's name and its lines are printed to whoever runs the hook, and GitHub
reads the ``github`` format as workflow commands. Found by these tests: a file
named ``x\\n::warning file=README.md,line=1::forged\\n.yaml`` produced a forged
annotation, and a line holding an escape sequence was echoed raw.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES
from tests.hostile.helpers import run_cli

FORGED = "x\n::warning file=README.md,line=1::forged\n.yaml"
COMMAND = re.compile(r"^::(error|warning) file=([^,]*),line=(\d+),col=(\d+),title=(CL\d{3})::")


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    root = tmp_path / "ledger"
    shutil.copytree(EXAMPLES / "clean", root)
    return root


def test_a_file_name_cannot_forge_a_workflow_command(ledger: Path) -> None:
    (ledger / "claims" / FORGED).write_text("claims: 5\n")
    (ledger / "claims" / "a:1,b.yaml").write_text("claims: 5\n")
    result = run_cli(ledger, "--format", "github")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    assert all(COMMAND.match(line) for line in lines), lines
    assert sorted(COMMAND.match(line)[2] for line in lines) == [  # type: ignore[index]
        "claims/a%3A1%2Cb.yaml",
        "claims/x%0A%3A%3Awarning file=README.md%2Cline=1%3A%3Aforged%0A.yaml",
    ]


def test_a_file_name_cannot_forge_a_text_finding(ledger: Path) -> None:
    (ledger / "claims" / FORGED).write_text("claims: 5\n")
    result = run_cli(ledger)
    assert result.stdout.splitlines()[0] == (
        "claims/x␊::warning file=README.md,line=1::forged␊.yaml:1:9: "
        "CL003 claims: expected a list, got the integer 5"
    )


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("\x1b]52;c;cm0gLXJmIH4=\x07", "␛]52;c;cm0gLXJmIH4=␇"),  # OSC 52: write the clipboard
        ("\x1b[2J", "␛[2J"),  # clear the screen
        ("\x9b31m", "\ufffd31m"),  # a C1 control sequence introducer
    ],
)
def test_a_line_shown_for_context_reaches_no_terminal(ledger: Path, raw: str, shown: str) -> None:
    (ledger / "claims" / "escape.yaml").write_text(f"claims:\n  - id: {raw}\n")
    result = run_cli(ledger)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith("claims/escape.yaml:2:")
    assert lines[1] == f"    - id: {shown}"
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", result.stdout)


def test_bidirectional_overrides_are_shown_not_obeyed(ledger: Path) -> None:
    # "Trojan Source": U+202E reverses what follows on screen.
    (ledger / "claims" / "bidi.yaml").write_text(
        "claims:\n  - id: a\n    statement: s\n    speaker: \u202enobody\n"
    )
    result = run_cli(ledger)
    assert result.returncode == 1
    assert "      speaker: \ufffdnobody" in result.stdout.splitlines()
    assert "\u202e" not in result.stdout
