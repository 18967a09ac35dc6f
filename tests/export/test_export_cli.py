"""``claimledger export``: refuses a ledger with errors, writes atomically, same bytes every time."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimledger.check import validate
from claimledger.config import discover
from claimledger.export import FORMATS, export_ledger
from tests.conftest import EXAMPLES, MakeLedger
from tests.conftest import run_cli as run


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_stdout_and_file_are_the_same_bytes(fmt: str, make_ledger: MakeLedger) -> None:
    root = make_ledger()
    printed = run("export", "--format", fmt, cwd=root)
    assert (printed.returncode, printed.stderr) == (0, "")
    written = run("export", "-f", fmt, "-o", "out", cwd=root)
    assert (written.returncode, written.stdout, written.stderr) == (0, "", "")
    assert (root / "out").read_text(encoding="utf-8") == printed.stdout
    assert printed.stdout == export_ledger(validate(discover(root)), fmt)
    # No temporary file is left beside the output.
    assert sorted(p.name for p in root.iterdir() if p.name.startswith(".")) == []


def test_a_ledger_with_errors_is_not_exported(tmp_path: Path) -> None:
    result = run(
        "export",
        "-f",
        "jsonl",
        "-o",
        str(tmp_path / "out.jsonl"),
        str(EXAMPLES / "broken"),
        cwd=tmp_path,
    )
    assert result.returncode == 1
    assert result.stdout == ""
    assert ": CL009 " in result.stderr  # the findings, compiler-style
    assert "fix them before exporting" in result.stderr
    assert not (tmp_path / "out.jsonl").exists()


def test_a_failed_export_leaves_the_previous_output(make_ledger: MakeLedger) -> None:
    root = make_ledger()
    (root / "out.bib").write_text("previous\n")
    (root / "claims" / "bad.yaml").write_text("claims:\n  - id: x\n")
    assert run("export", "-f", "bibtex", "-o", "out.bib", cwd=root).returncode == 1
    assert (root / "out.bib").read_text() == "previous\n"


@pytest.mark.parametrize(
    "args", [("export",), ("export", "-f", "xml"), ("export", "-f", "jsonl", "no/such/dir")]
)
def test_usage_errors_exit_2(args: tuple[str, ...], tmp_path: Path) -> None:
    result = run(*args, cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_unwritable_output_is_a_usage_error(make_ledger: MakeLedger) -> None:
    root = make_ledger()
    result = run("export", "-f", "jsonl", "-o", "missing/dir/out.jsonl", cwd=root)
    assert result.returncode == 2
    assert "cannot write missing/dir/out.jsonl" in result.stderr
