"""CL016: a ledger that would check nothing is a finding, not a silent pass."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from claimledger.check import validate
from claimledger.config import discover
from claimledger.incremental import validate_incremental
from tests.conftest import MakeLedger, run_cli


def findings(root: Path) -> list[str]:
    found = validate(discover(root)).findings
    # The command line's incremental path finds the same.
    assert validate_incremental(discover(root), jobs=1, cache=False) == found
    return [str(f) for f in found]


def test_an_empty_claims_folder(make_ledger: MakeLedger) -> None:
    root = make_ledger()
    for claim_file in (root / "claims").glob("*.yaml"):
        if claim_file.name != "speakers.yaml":
            claim_file.unlink()
    assert findings(root) == [
        "claims:1:1: CL016 no claim files (*.yaml, *.yml) in 'claims': nothing was checked"
    ]


def test_a_configured_claims_folder_that_does_not_exist(make_ledger: MakeLedger) -> None:
    root = make_ledger()
    pyproject = root / "pyproject.toml"
    pyproject.write_text(pyproject.read_text() + 'claims = "claimz"\n')
    line = len(pyproject.read_text().splitlines())
    assert findings(root) == [
        f"pyproject.toml:{line}:1: CL016 the claims folder 'claimz' does not exist"
    ]


def test_a_missing_corpus_folder_of_a_configured_ledger(make_ledger: MakeLedger) -> None:
    root = make_ledger()
    shutil.rmtree(root / "corpus")
    found = findings(root)
    # The table's header is the place when the folder is the default one.
    assert "pyproject.toml:1:1: CL016 the corpus folder 'corpus' does not exist" in found


@pytest.mark.parametrize("quiet", [[], ["--quiet"]])
def test_the_command_line_fails_on_an_empty_ledger(
    make_ledger: MakeLedger, quiet: list[str]
) -> None:
    root = make_ledger()
    shutil.rmtree(root / "claims")
    (root / "claims").mkdir()
    result = run_cli("validate", *quiet, cwd=root)
    assert result.returncode == 1
    assert result.stdout.startswith("claims:1:1: CL016 no claim files")


def test_it_cannot_be_turned_off(make_ledger: MakeLedger) -> None:
    root = make_ledger()
    pyproject = root / "pyproject.toml"
    pyproject.write_text(pyproject.read_text() + '\n[tool.claimledger.rules]\nCL016 = "off"\n')
    result = run_cli("validate", cwd=root)
    assert result.returncode == 2
    assert "CL016 (nothing-to-check) is applied while reading files" in result.stderr
