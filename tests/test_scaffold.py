"""Corpus bytes survive a checkout that converts line endings (``core.autocrlf=true``)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from claimledger.scaffold import GITATTRIBUTES
from tests.conftest import EXAMPLES, REPO, run_cli

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(*args: str, cwd: Path) -> str:
    identity = ("-c", "user.name=Test", "-c", "user.email=test@example.org")
    return subprocess.run(
        ["git", *identity, *args], cwd=cwd, capture_output=True, text=True, check=True
    ).stdout


def clone_with_crlf_checkout(tmp_path: Path, attributes: str | None) -> Path:
    """The clean example committed (with ``attributes`` as .gitattributes), then cloned
    as Git for Windows does by default."""
    origin = tmp_path / "origin"
    shutil.copytree(EXAMPLES / "clean", origin, ignore=shutil.ignore_patterns(".claimledger"))
    if attributes is not None:
        (origin / ".gitattributes").write_text(attributes, encoding="utf-8")
    git("init", "-q", cwd=origin)
    git("add", "-A", cwd=origin)
    git("commit", "-q", "-m", "ledger", cwd=origin)
    git("clone", "-q", "-c", "core.autocrlf=true", str(origin), "clone", cwd=tmp_path)
    return tmp_path / "clone"


@needs_git
def test_the_scaffold_attributes_keep_corpus_bytes(tmp_path: Path) -> None:
    clone = clone_with_crlf_checkout(tmp_path, GITATTRIBUTES)
    text = "corpus/briefing-report.txt"
    assert (clone / text).read_bytes() == (EXAMPLES / "clean" / text).read_bytes()
    result = run_cli("validate", "--quiet", "--no-cache", cwd=clone)
    assert (result.returncode, result.stdout) == (0, "")


@needs_git
def test_without_them_the_corpus_is_converted(tmp_path: Path) -> None:
    # The failure the attributes prevent: every corpus text's digest changes.
    clone = clone_with_crlf_checkout(tmp_path, None)
    assert b"\r\n" in (clone / "corpus" / "briefing-report.txt").read_bytes()
    result = run_cli("validate", "--quiet", "--no-cache", cwd=clone)
    assert result.returncode == 1
    assert ": CL008 " in result.stdout


def test_this_repository_uses_the_scaffold_attributes() -> None:
    ours = (REPO / ".gitattributes").read_text(encoding="utf-8").splitlines()
    assert set(GITATTRIBUTES.splitlines()) <= set(ours)


@needs_git
def test_every_corpus_file_of_this_repository_is_kept_as_bytes() -> None:
    if not (REPO / ".git").exists():
        pytest.skip("not a git checkout")
    corpora = [p for p in (*REPO.glob("corpus/*"), *REPO.glob("tests/**/corpus/*")) if p.is_file()]
    assert len(corpora) > 10
    names = [p.relative_to(REPO).as_posix() for p in corpora]
    attributes = git("check-attr", "text", "--", *names, cwd=REPO).splitlines()
    assert attributes == [f"{name}: text: unset" for name in names]
