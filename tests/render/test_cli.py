"""``claimledger render``: exit codes, what is written, and what is left alone."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from claimledger.cli import main
from tests.conftest import EXAMPLES
from tests.render.conftest import configure
from tests.render.site import Site
from tests.render.structure import Structure

PREVIOUS = "# The previous edition\n\nKept byte for byte.\n"


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_writes_the_configured_ledger_folder(
    fixture_root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(fixture_root)
    assert main(["render"]) == 0
    pages = sorted(
        p.relative_to(fixture_root / "ledger").as_posix()
        for p in (fixture_root / "ledger").rglob("*.md")
    )
    assert pages == [
        "README.md",
        "sources/daily-example-2016-10-13.md",
        "sources/debate-example-2016-10-18.md",
        "sources/weekly-example-2016-10-12.md",
        "speakers.md",
        "stories/briefing.md",
        "stories/debate.md",
        "verdicts.md",
    ]
    assert Site.read(fixture_root / "ledger").problems() == []
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "wrote ledger/ (8 pages, " in captured.err
    assert "the largest stories/" in captured.err


def test_single_page_is_written_beside_the_folder_name(
    fixture_root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(fixture_root)
    assert main(["render", "--single-page"]) == 0
    text = (fixture_root / "ledger.md").read_text(encoding="utf-8")
    assert Structure.of(text).problems() == []
    assert "wrote ledger.md (7 claims, edition " in capsys.readouterr().err
    assert not (fixture_root / "ledger").exists()


def test_output_option_and_standard_output(
    fixture_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "out.md"
    assert main(["render", str(fixture_root), "--single-page", "-o", str(target)]) == 0
    written = target.read_text(encoding="utf-8")
    capsys.readouterr()
    assert main(["render", str(fixture_root), "--single-page", "-o", "-"]) == 0
    assert capsys.readouterr().out == written
    assert main(["render", str(fixture_root), "-o", str(tmp_path / "site")]) == 0
    assert (tmp_path / "site" / "README.md").is_file()
    assert not (fixture_root / "ledger").exists()
    assert not (fixture_root / "ledger.md").exists()


def test_pages_cannot_go_to_standard_output(
    fixture_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["render", str(fixture_root), "-o", "-"]) == 2
    assert "add --single-page" in capsys.readouterr().err


def test_a_configured_ledger_file_asks_for_a_folder_or_a_single_page(
    fixture_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    configure(fixture_root, 'ledger = "LEDGER.md"')
    assert main(["render", str(fixture_root)]) == 2
    assert "names a file, but the ledger is now a folder of pages" in capsys.readouterr().err
    assert not (fixture_root / "LEDGER.md").exists()
    assert main(["render", str(fixture_root), "--single-page"]) == 0
    assert (fixture_root / "LEDGER.md").is_file()


def test_pages_never_overwrite_a_file_claimledger_did_not_write(
    fixture_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = fixture_root / "ledger"
    folder.mkdir()
    (folder / "README.md").write_text(PREVIOUS)
    assert main(["render", str(fixture_root)]) == 2
    assert "was not written by claimledger render" in capsys.readouterr().err
    assert (folder / "README.md").read_text() == PREVIOUS
    assert sorted(p.name for p in folder.rglob("*")) == ["README.md"]


def test_pages_of_an_earlier_edition_are_removed_and_other_files_kept(
    fixture_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = fixture_root / "ledger"
    assert main(["render", str(fixture_root)]) == 0
    (folder / "notes.md").write_text(PREVIOUS)
    (fixture_root / "claims" / "debate.yaml").rename(fixture_root / "claims" / "commons.yaml")
    assert main(["render", str(fixture_root)]) == 0
    assert "1 old page(s) removed" in capsys.readouterr().err
    assert not (folder / "stories" / "debate.md").exists()
    assert (folder / "stories" / "commons.md").is_file()
    assert (folder / "notes.md").read_text() == PREVIOUS


def test_pages_are_not_written_through_a_symbolic_link(
    fixture_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    folder = fixture_root / "ledger"
    folder.mkdir()
    (folder / "sources").symlink_to(outside)
    assert main(["render", str(fixture_root)]) == 2
    assert "is not a folder claimledger can write pages into" in capsys.readouterr().err
    assert list(outside.iterdir()) == []
    assert list(folder.iterdir()) == [folder / "sources"]


def test_pages_are_never_written_into_git(
    fixture_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (fixture_root / ".git").mkdir()
    assert main(["render", str(fixture_root), "-o", str(fixture_root / ".git" / "ledger")]) == 2
    assert "will not write into a .git folder" in capsys.readouterr().err
    assert list((fixture_root / ".git").iterdir()) == []


def test_group_by_option(fixture_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["render", str(fixture_root), "--single-page", "-o", "-", "--group-by", "date"]) == 0
    )
    assert '<a id="by-date-2016-10-18"></a>\n### 18 October 2016' in capsys.readouterr().out
    assert main(["render", str(fixture_root), "--group-by", "speaker"]) == 0
    assert (fixture_root / "ledger" / "by-speaker" / "anonymous-aide.md").is_file()


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
    assert main(["render", str(root), "--force", "--single-page"]) == 0
    text = (root / "ledger.md").read_text(encoding="utf-8")
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
    ledger = fixture_root / "ledger.md"
    ledger.write_text(PREVIOUS)
    written: list[int] = []

    def crash(fd: int) -> None:
        # By now the new text is in the temporary file: the crash is mid-write.
        written.append(fd)
        raise interruption

    monkeypatch.setattr("claimledger.atomic.os.fsync", crash)
    assert main(["render", str(fixture_root), "--single-page"]) == 2
    assert written, "the crash happened during the write"
    assert ledger.read_bytes() == PREVIOUS.encode()
    assert leftovers(fixture_root) == []
    assert "Traceback" not in capsys.readouterr().err


def test_an_unwritable_destination_is_a_usage_error(
    fixture_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(["render", str(fixture_root), "--single-page", "-o", str(tmp_path / "no" / "x.md")])
        == 2
    )
    assert "cannot write" in capsys.readouterr().err
    assert main(["render", str(fixture_root), "-o", str(tmp_path / "no" / "such")]) == 2
    assert "no such folder" in capsys.readouterr().err


def test_a_template_error_exits_2_with_its_place_and_writes_nothing(
    fixture_root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (fixture_root / "bad.md.j2").write_text("# {{ ledger.title }}\n{% if %}\n")
    (fixture_root / "ledger.md").write_text(PREVIOUS)
    monkeypatch.chdir(fixture_root)
    assert main(["render", "--single-page", "--template", "bad.md.j2"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("claimledger: template error: bad.md.j2:2: ")
    assert "Traceback" not in err
    assert (fixture_root / "ledger.md").read_text() == PREVIOUS
    assert main(["render", "--template", "bad.md.j2"]) == 2
    assert "--template applies to the single page" in capsys.readouterr().err


def test_a_template_named_in_the_configuration_that_is_missing(
    fixture_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    configure(fixture_root, 'template = "nope.j2"')
    assert main(["render", str(fixture_root), "--single-page"]) == 2
    assert "nope.j2: template not found" in capsys.readouterr().err
    assert main(["render", str(fixture_root)]) == 2
    assert "applies to the single page" in capsys.readouterr().err


def test_usage_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", str(tmp_path / "absent")]) == 2
    with pytest.raises(SystemExit) as exited:
        main(["render", "--group-by", "colour"])
    assert exited.value.code == 2
    capsys.readouterr()


def test_keeps_the_permissions_of_the_previous_file(fixture_root: Path) -> None:
    ledger = fixture_root / "ledger.md"
    ledger.write_text(PREVIOUS)
    os.chmod(ledger, 0o600)
    assert main(["render", str(fixture_root), "--single-page"]) == 0
    assert ledger.stat().st_mode & 0o777 == 0o600
    assert ledger.read_text(encoding="utf-8") != PREVIOUS
