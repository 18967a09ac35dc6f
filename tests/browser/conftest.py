"""The seed ledger's web site, built once for every browser test that reads it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_cli


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder ``claimledger render --format html -o DIR`` writes for the seed ledger."""
    folder = tmp_path_factory.mktemp("site")
    done = run_cli("render", "--format", "html", "-o", str(folder))
    assert done.returncode == 0, done.stderr
    return folder
