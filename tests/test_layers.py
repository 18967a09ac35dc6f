"""The import-linter contracts hold, and would catch the layering mistakes they exist for."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--config", str(root / "pyproject.toml")],
        cwd=root,
        env={"PYTHONPATH": str(root), "PATH": ""},
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def test_the_package_keeps_its_contracts() -> None:
    result = lint_imports(REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert " 0 broken" in result.stdout


def test_an_export_importing_the_renderer_or_the_reader_importing_anchoring_breaks_them(
    tmp_path: Path,
) -> None:
    shutil.copytree(REPO / "claimledger", tmp_path / "claimledger")
    shutil.copy(REPO / "pyproject.toml", tmp_path)
    with (tmp_path / "claimledger" / "export" / "common.py").open("a") as file:
        file.write("\nfrom claimledger.render.labels import speaker_label  # noqa\n")
    with (tmp_path / "claimledger" / "ledger.py").open("a") as file:
        file.write("\nfrom claimledger.anchor import anchor  # noqa\n")
    result = lint_imports(tmp_path)
    assert result.returncode == 1
    assert "claimledger.export is not allowed to import claimledger.render" in result.stdout
    assert "claimledger.ledger is not allowed to import claimledger.anchor" in result.stdout
