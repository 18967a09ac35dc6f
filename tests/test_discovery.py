"""Finding the ledger: upwards from where a command starts, never past the repository."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from claimledger.config import LedgerNotFound, discover
from tests.conftest import EXAMPLES, run_cli


def ledger_at(root: Path) -> Path:
    shutil.copytree(EXAMPLES / "clean", root, ignore=shutil.ignore_patterns(".claimledger"))
    return root


def test_a_configured_ledger_is_found_from_a_subfolder(tmp_path: Path) -> None:
    root = ledger_at(tmp_path / "ledger")
    (root / ".git").mkdir()
    assert discover(root / "claims").root == root.resolve()


def test_an_unconfigured_ledger_is_the_folder_with_claims_or_corpus(tmp_path: Path) -> None:
    root = ledger_at(tmp_path / "ledger")
    (root / "pyproject.toml").unlink()
    (root / ".git").mkdir()
    config = discover(root / "corpus")
    assert (config.root, config.claims_dir) == (root.resolve(), (root / "claims").resolve())


@pytest.mark.parametrize("git", ["folder", "file"])
def test_the_search_stops_at_the_repository(tmp_path: Path, git: str) -> None:
    # A repository inside a ledger's folder is not part of that ledger.
    ledger_at(tmp_path / "outer")
    repo = tmp_path / "outer" / "notes"
    (repo / "drafts").mkdir(parents=True)
    if git == "folder":
        (repo / ".git").mkdir()
    else:  # a worktree or submodule has a .git file
        (repo / ".git").write_text("gitdir: /elsewhere\n")
    with pytest.raises(LedgerNotFound, match="no ledger found"):
        discover(repo / "drafts")


def test_outside_any_ledger_the_command_line_says_so(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / "docs").mkdir(parents=True)
    (repo / ".git").mkdir()
    (repo / "docs" / "notes.yaml").write_text("claims: [\n")  # never read
    result = run_cli("validate", cwd=repo / "docs")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"claimledger: no ledger found in {(repo / 'docs').resolve()}")
    assert "Traceback" not in result.stderr
