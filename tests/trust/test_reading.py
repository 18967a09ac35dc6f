"""Nothing is read through a link that leaves the ledger, and nothing but regular files."""

from __future__ import annotations

import os
from pathlib import Path

from tests.conftest import MakeLedger, run_cli


def test_the_reporter_does_not_print_a_linked_file_outside_the_ledger(
    make_ledger: MakeLedger, tmp_path: Path
) -> None:
    root = make_ledger()
    secret = tmp_path / "environ"
    secret.write_text("CI_TOKEN=hunter2-do-not-print\n")
    (root / "claims" / "env.yaml").symlink_to(secret)
    result = run_cli("validate", cwd=root)
    assert result.returncode == 1
    assert "claims/env.yaml:1:1: CL015" in result.stdout
    assert "hunter2" not in result.stdout + result.stderr


def test_a_link_to_dev_zero_is_refused_without_reading_it(make_ledger: MakeLedger) -> None:
    root = make_ledger()
    (root / "claims" / "zero.yaml").symlink_to("/dev/zero")
    result = run_cli("validate", cwd=root, timeout=60)
    assert result.returncode == 1
    assert "claims/zero.yaml:1:1: CL015" in result.stdout


def test_a_fifo_named_like_a_claim_file_does_not_hang(make_ledger: MakeLedger) -> None:
    root = make_ledger()
    os.mkfifo(root / "claims" / "fifo.yaml")
    os.mkfifo(root / "corpus" / "fifo.yaml")
    result = run_cli("validate", cwd=root, timeout=60)
    assert result.returncode == 1
    assert "claims/fifo.yaml:1:1: CL001 cannot read file: not a regular file" in result.stdout
    assert "corpus/fifo.yaml:1:1: CL001 cannot read file: not a regular file" in result.stdout


def test_a_fifo_speaker_registry_is_reported_not_skipped(make_ledger: MakeLedger) -> None:
    root = make_ledger()
    (root / "claims" / "speakers.yaml").unlink()
    os.mkfifo(root / "claims" / "speakers.yaml")
    result = run_cli("validate", cwd=root, timeout=60)
    assert result.returncode == 1
    assert "claims/speakers.yaml:1:1: CL001 cannot read file" in result.stdout


def test_a_ten_megabyte_line_is_not_printed_whole(make_ledger: MakeLedger) -> None:
    root = make_ledger({"claims/long.yaml": "claims:\n  - id: " + "x" * 5_000_000 + "\n"})
    result = run_cli("validate", cwd=root)
    assert result.returncode == 1
    assert len(result.stdout) < 20_000
