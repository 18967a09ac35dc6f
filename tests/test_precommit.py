"""The hook, run by the real pre-commit against this repository.

``pre-commit try-repo`` installs claimledger from this checkout into its own
environment (from the package registry, so the first run takes a while) and
runs the ledger-wide hook in a temporary git repository holding a small ledger.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, REPO

PRE_COMMIT = Path(sys.executable).parent / "pre-commit"


def git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture(scope="module")
def hook_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # One pre-commit cache for the module: the hook environment is built once.
    return tmp_path_factory.mktemp("pre-commit-home")


def try_repo(
    ledger: Path, home: Path, *, all_files: bool = True
) -> subprocess.CompletedProcess[str]:
    """The hook as pre-commit runs it: on every file, or (``all_files=False``) as a commit
    of what is staged would run it."""
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "SKIP": ""}
    which = ["--all-files"] if all_files else []
    return subprocess.run(
        [
            str(PRE_COMMIT),
            "try-repo",
            str(REPO),
            "claimledger-validate",
            *which,
            "--color",
            "never",
        ],
        cwd=ledger,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )


@pytest.fixture
def ledger_repo(tmp_path: Path) -> Path:
    root = tmp_path / "newsroom"
    shutil.copytree(EXAMPLES / "clean", root)
    git("init", "-q", cwd=root)
    git("-c", "user.name=t", "-c", "user.email=t@t", "add", ".", cwd=root)
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "ledger", cwd=root)
    return root


def test_hook_passes_on_a_clean_ledger_and_fails_on_an_altered_quote(
    ledger_repo: Path, hook_home: Path
) -> None:
    clean = try_repo(ledger_repo, hook_home)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "claimledger validate" in clean.stdout
    assert "Passed" in clean.stdout

    claims = ledger_repo / "claims" / "briefing.yaml"
    claims.write_text(claims.read_text().replace("“Obviously.”", "“Obviously not.”"))
    git("add", ".", cwd=ledger_repo)
    altered = try_repo(ledger_repo, hook_home)
    assert altered.returncode == 1, altered.stdout + altered.stderr
    assert "Failed" in altered.stdout
    assert (
        "claims/briefing.yaml:9:15: CL009 quote text not found in 'briefing-report'"
        in altered.stdout
    )


def test_a_commit_that_only_deletes_a_cited_document_fails(
    ledger_repo: Path, hook_home: Path
) -> None:
    git("rm", "-q", "corpus/briefing-report.yaml", "corpus/briefing-report.txt", cwd=ledger_repo)
    result = try_repo(ledger_repo, hook_home, all_files=False)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Skipped" not in result.stdout
    assert "claims/briefing.yaml:8:17: CL006 unknown source 'briefing-report'" in result.stdout


NEW_CLAIM = """\
claims:
  - id: from-a-new-source
    statement: Cited from a document the commit does not add.
    speaker: spokesman
    quotes:
      - source: new-source
        text: Obviously.
"""


def test_the_hook_checks_the_index_not_the_working_tree(ledger_repo: Path, hook_home: Path) -> None:
    # An untracked corpus document must not let a broken commit pass...
    (ledger_repo / "claims" / "new.yaml").write_text(NEW_CLAIM)
    git("add", "claims/new.yaml", cwd=ledger_repo)
    corpus = ledger_repo / "corpus"
    text = (corpus / "briefing-report.txt").read_bytes()
    (corpus / "new-source.txt").write_bytes(text)
    meta = (corpus / "briefing-report.yaml").read_text()
    (corpus / "new-source.yaml").write_text(meta)
    broken = try_repo(ledger_repo, hook_home, all_files=False)
    assert broken.returncode == 1, broken.stdout + broken.stderr
    assert "claims/new.yaml:6:17: CL006 unknown source 'new-source'" in broken.stdout
    # ...and an untracked broken file must not block a good one.
    git("rm", "-q", "--cached", "claims/new.yaml", cwd=ledger_repo)
    (ledger_repo / "claims" / "new.yaml").write_text("claims: [\n")
    claims = ledger_repo / "claims" / "briefing.yaml"
    claims.write_text(claims.read_text().replace("topics: [syria]", "topics: [syria, war]"))
    git("add", "claims/briefing.yaml", cwd=ledger_repo)
    good = try_repo(ledger_repo, hook_home, all_files=False)
    assert good.returncode == 0, good.stdout + good.stderr
    assert "Passed" in good.stdout


def test_staged_validation_runs_nothing_the_repository_configures(
    ledger_repo: Path, tmp_path: Path
) -> None:
    marker = tmp_path / "ran"
    script = tmp_path / "hostile.sh"
    script.write_text(f"#!/bin/sh\ntouch {marker}\n")
    script.chmod(0o755)
    for key in ("core.fsmonitor", "core.pager", "diff.external", "core.sshCommand"):
        git("config", key, str(script), cwd=ledger_repo)
    git("config", "filter.evil.smudge", str(script), cwd=ledger_repo)
    git("config", "filter.evil.clean", str(script), cwd=ledger_repo)
    (ledger_repo / ".gitattributes").write_text("* filter=evil\n")
    result = subprocess.run(
        [sys.executable, "-m", "claimledger.cli", "validate", "--staged"],
        cwd=ledger_repo,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert not marker.exists()
