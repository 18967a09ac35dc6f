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


def try_repo(ledger: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "SKIP": ""}
    return subprocess.run(
        [
            str(PRE_COMMIT),
            "try-repo",
            str(REPO),
            "claimledger-validate",
            "--all-files",
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
