"""Ledgers to export: the seed ledger this repository ships and the small clean example."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from claimledger.check import validate
from claimledger.config import discover
from claimledger.ledger import LedgerFiles
from tests.conftest import EXAMPLES, REPO

#: Golden files are kept for each of these ledgers.
LEDGERS = {"seed": REPO, "clean": EXAMPLES / "clean"}


@functools.cache
def validated(root: Path) -> LedgerFiles:
    """The ledger at ``root``, which must validate without errors (it is read once per run)."""
    result = validate(discover(root))
    assert not result.failed, [str(f) for f in result.findings]
    return result.ledger


@pytest.fixture(params=sorted(LEDGERS))
def named_ledger(request: pytest.FixtureRequest) -> tuple[str, LedgerFiles]:
    """``(name, ledger)`` for each ledger with golden files."""
    name: str = request.param
    return name, validated(LEDGERS[name])


def configured(root: Path, extra: str) -> None:
    """Add keys (TOML lines) to a copied example ledger's ``[tool.claimledger]``."""
    pyproject = root / "pyproject.toml"
    pyproject.write_text(
        pyproject.read_text().replace("[tool.claimledger]\n", "[tool.claimledger]\n" + extra)
    )
