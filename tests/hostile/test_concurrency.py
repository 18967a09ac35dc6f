"""Concurrency: validations running at once on one ledger agree and change nothing.

pre-commit in two terminals, or an editor's on-save check during a commit, runs
two validations of one ledger at the same time.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import EXAMPLES, REPO
from tests.hostile.test_no_data_loss import snapshot

ROUNDS = 5


def test_two_validations_at_once_agree_and_write_nothing(tmp_path: Path) -> None:
    root = tmp_path / "ledger"
    shutil.copytree(EXAMPLES / "broken", root, symlinks=True)
    before = snapshot(root)
    env = {k: v for k, v in os.environ.items() if k != "CLAIMLEDGER_DEBUG"}
    env["PYTHONPATH"] = str(REPO)
    # --quiet: the summary line on stderr holds the run's time, which differs.
    command = [sys.executable, "-m", "claimledger.cli", "validate", "--quiet", "--format", "json"]
    outcomes = set()
    for _ in range(ROUNDS):
        pair = [
            subprocess.Popen(
                command,
                cwd=root,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(2)
        ]
        for process in pair:
            stdout, stderr = process.communicate(timeout=120)
            outcomes.add((process.returncode, stdout, stderr))
    assert len(outcomes) == 1, "two validations of one ledger disagreed"
    ((code, stdout, stderr),) = outcomes
    assert (code, stderr) == (1, "")
    assert '"code": "CL002"' in stdout  # the broken example's findings, in full
    assert snapshot(root) == before
