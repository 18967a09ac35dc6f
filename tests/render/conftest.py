"""Fixtures for the rendering tests: the render fixture ledger, copied where a test may change it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from claimledger.check import Validation, validate
from claimledger.config import discover

#: A ledger with more variety than tests/examples/clean: verdicts, a contradiction,
#: corrections, an unnamed speaker identified by another source, two outlets, and
#: a statement full of Markdown-significant characters.
FIXTURE = Path(__file__).parent / "ledger"


@pytest.fixture
def fixture_root(tmp_path: Path) -> Path:
    root = tmp_path / "ledger"
    shutil.copytree(FIXTURE, root)
    return root


def validated(root: Path) -> Validation:
    result = validate(discover(root))
    assert not result.failed, [str(f) for f in result.findings]
    return result


def configure(root: Path, *lines: str) -> None:
    """Add keys to the ledger's ``[tool.claimledger]`` table."""
    pyproject = root / "pyproject.toml"
    table = "\n".join(("[tool.claimledger]", *lines))
    pyproject.write_text(pyproject.read_text().replace("[tool.claimledger]", table, 1))
