"""Progress shows on a terminal only."""

from __future__ import annotations

import io

import pytest

from claimledger.cli.progress import progress_for
from tests.conftest import MakeLedger, run_cli


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    out = Terminal()
    shown = progress_for("checking claim files", out)
    assert shown is not None
    shown.started -= 1  # a run that has taken a second
    shown(1, 3)
    shown(3, 3)
    shown.close()
    assert out.getvalue() == "\rchecking claim files 1/3\rchecking claim files 3/3\r\033[K"


def test_no_progress_in_ci_or_a_pipe(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    assert progress_for("x", Terminal()) is None
    monkeypatch.delenv("CI")
    assert progress_for("x", io.StringIO()) is None


def test_validate_in_a_pipe_prints_no_progress(make_ledger: MakeLedger) -> None:
    files = {
        f"claims/c{n}.yaml": f"claims:\n  - id: c{n}\n    statement: s\n    speaker: spokesman\n"
        for n in range(60)
    }
    root = make_ledger(files)
    result = run_cli("validate", "--no-cache", "--jobs", "1", "--quiet", cwd=root)
    assert (result.returncode, result.stderr) == (0, "")
    summary = run_cli("validate", "--no-cache", "--jobs", "1", cwd=root).stderr
    assert "\r" not in summary
    assert summary.count("\n") == 1  # the summary line only
