"""``claimledger render``: exit codes, what is written, and what is left alone."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import claimledger.atomic
from claimledger.cli import main
from tests.conftest import EXAMPLES
from tests.render.structure import Structure

PREVIOUS = "# The previous edition\n\nKept byte for byte.\n"


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_writes_the_configured_ledger_file(
    fixture_root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(fixture_root)
    assert main(["render"]) == 0
    text = (fixture_root / "LEDGER.md").read_text(encoding="utf-8")
    assert Structure.of(text).problems() == []
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "wrote LEDGER.md (7 claims, edition " in captured.err


def test_output_option_and_standard_output(
    fixture_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "out.md"
    assert main(["render", str(fixture_root), "-o", str(target)]) == 0
    written = target.read_text(encoding="utf-8")
    capsys.readouterr()
    assert main(["render", str(fixture_root), "-o", "-"]) == 0
    assert capsys.readouterr().out == written
    assert not (fixture_root / "LEDGER.md").exists()


def test_group_by_option(fixture_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", str(fixture_root), "-o", "-", "--group-by", "date"]) == 0
    assert '<a id="by-date-2016-10-18"></a>\n### 18 October 2016' in capsys.readouterr().out


def test_a_ledger_with_errors_is_not_rendered(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "broken"
    shutil.copytree(EXAMPLES / "broken", root, symlinks=True)
    (root / "LEDGER.md").write_text(PREVIOUS)
    assert main(["render", str(root)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "CL006 unknown source 'no-such-report'" in captured.err
    assert "nothing written" in captured.err
    assert (root / "LEDGER.md").read_text() == PREVIOUS
    assert leftovers(root) == []


def test_force_renders_a_ledger_with_errors_and_marks_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "broken"
    shutil.copytree(EXAMPLES / "broken", root, symlinks=True)
    assert main(["render", str(root), "--force"]) == 0
    text = (root / "LEDGER.md").read_text(encoding="utf-8")
    assert "rendered with `--force` despite validation errors" in text
    assert "#### ⚠ A claim pointing at things that do not exist." in text
    assert "CL006 unknown source 'no-such-report'" in capsys.readouterr().err


@pytest.mark.parametrize(
    "interruption", [OSError(28, "No space left on device"), KeyboardInterrupt()]
)
def test_a_crash_while_writing_leaves_the_previous_ledger_intact(
    fixture_root: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    interruption: BaseException,
) -> None:
    ledger = fixture_root / "LEDGER.md"
    ledger.write_text(PREVIOUS)
    written: list[int] = []

    def crash(fd: int) -> None:
        # By now the new text is in the temporary file: the crash is mid-write.
        written.append(fd)
        raise interruption

    monkeypatch.setattr(claimledger.atomic.os, "fsync", crash)
    assert main(["render", str(fixture_root)]) == 2
    assert written, "the crash happened during the write"
    assert ledger.read_bytes() == PREVIOUS.encode()
    assert leftovers(fixture_root) == []
    assert "Traceback" not in capsys.readouterr().err


def test_an_unwritable_destination_is_a_usage_error(
    fixture_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["render", str(fixture_root), "-o", str(tmp_path / "no" / "such" / "x.md")]) == 2
    assert "cannot write" in capsys.readouterr().err


def test_a_template_error_exits_2_with_its_place_and_writes_nothing(
    fixture_root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (fixture_root / "bad.md.j2").write_text("# {{ ledger.title }}\n{% if %}\n")
    (fixture_root / "LEDGER.md").write_text(PREVIOUS)
    monkeypatch.chdir(fixture_root)
    assert main(["render", "--template", "bad.md.j2"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("claimledger: template error: bad.md.j2:2: ")
    assert "Traceback" not in err
    assert (fixture_root / "LEDGER.md").read_text() == PREVIOUS


def test_a_template_named_in_the_configuration_that_is_missing(
    fixture_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pyproject = fixture_root / "pyproject.toml"
    pyproject.write_text(
        pyproject.read_text().replace(
            "[tool.claimledger]", '[tool.claimledger]\ntemplate = "nope.j2"'
        )
    )
    assert main(["render", str(fixture_root)]) == 2
    assert "nope.j2: template not found" in capsys.readouterr().err


def test_usage_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", str(tmp_path / "absent")]) == 2
    with pytest.raises(SystemExit) as exited:
        main(["render", "--group-by", "colour"])
    assert exited.value.code == 2
    capsys.readouterr()


def test_keeps_the_permissions_of_the_previous_file(fixture_root: Path) -> None:
    ledger = fixture_root / "LEDGER.md"
    ledger.write_text(PREVIOUS)
    os.chmod(ledger, 0o600)
    assert main(["render", str(fixture_root)]) == 0
    assert ledger.stat().st_mode & 0o777 == 0o600
    assert ledger.read_text(encoding="utf-8") != PREVIOUS
