"""``claimledger init``: a ledger that validates at once, never written over anything."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from claimledger.scaffold import GITATTRIBUTES
from claimledger.workflow.scaffold import HOOK_REV, scaffold
from tests.conftest import run_cli


def test_a_new_ledger_validates_and_renders(tmp_path: Path) -> None:
    result = run_cli("init", "news", "--title", 'Checks "2026"', cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    root = tmp_path / "news"
    assert run_cli("validate", "--no-cache", cwd=root).returncode == 0
    table = tomllib.loads((root / "pyproject.toml").read_text())["tool"]["claimledger"]
    assert table["title"] == 'Checks "2026"'
    assert table["claims"] == "claims"
    assert table["corpus"] == "corpus"
    assert table["verdict-scale"][0] == "accurate"
    assert (root / ".gitattributes").read_text() == GITATTRIBUTES
    assert ".claimledger/" in (root / ".gitignore").read_text().splitlines()
    assert run_cli("render", cwd=root).returncode == 0  # the folder of pages
    assert (root / "ledger").is_dir()
    rendered = run_cli("render", "--single-page", "-o", "-", cwd=root)
    assert rendered.returncode == 0
    assert "The new library will open in March." in rendered.stdout


def test_the_example_is_removable(tmp_path: Path) -> None:
    assert run_cli("init", cwd=tmp_path).returncode == 0
    for name in ("claims/example.yaml", "corpus/example-notice.txt", "corpus/example-notice.yaml"):
        (tmp_path / name).unlink()
    (tmp_path / "claims/speakers.yaml").write_text("speakers: []\n")
    result = run_cli("validate", "--no-cache", "--format", "json", cwd=tmp_path)
    # Nothing dangles; what is left is a ledger with nothing in it yet.
    assert [f["code"] for f in json.loads(result.stdout)] == ["CL016"]


def test_the_pre_commit_configuration_is_valid_and_pinned(tmp_path: Path) -> None:
    assert run_cli("init", cwd=tmp_path).returncode == 0
    config = tmp_path / ".pre-commit-config.yaml"
    checked = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-config", str(config)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert f"rev: {HOOK_REV}" in config.read_text()
    assert "id: claimledger-validate" in config.read_text()


def test_a_folder_that_is_not_empty_is_refused(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    result = run_cli("init", cwd=tmp_path)
    assert result.returncode == 2
    assert "not empty" in result.stderr
    assert "--force" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]
    assert run_cli("init", "--force", cwd=tmp_path).returncode == 0
    assert (tmp_path / "notes.txt").read_text() == "mine"
    assert (tmp_path / "claims/example.yaml").is_file()


def test_a_git_repository_counts_as_empty(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    assert run_cli("init", cwd=tmp_path).returncode == 0


@pytest.mark.parametrize("existing", ["pyproject.toml", "claims/speakers.yaml"])
def test_force_never_replaces_a_file(tmp_path: Path, existing: str) -> None:
    (tmp_path / existing).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / existing).write_text("[project]\nname = 'mine'\n")
    result = run_cli("init", "--force", cwd=tmp_path)
    assert result.returncode == 2
    assert existing in result.stderr
    assert (tmp_path / existing).read_text() == "[project]\nname = 'mine'\n"
    assert not (tmp_path / "claims/example.yaml").exists()  # nothing written


def test_the_scaffold_names_its_files() -> None:
    paths = [f.path for f in scaffold("x")]
    assert set(paths) >= {
        "pyproject.toml",
        "claims/speakers.yaml",
        ".pre-commit-config.yaml",
        ".gitattributes",
        ".gitignore",
    }
