"""A generated archive with planted appearances, shared by the trace tests."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO

sys.path.insert(0, str(REPO / "benchmarks"))
import archive as generator


class Planted:
    """A generated ledger and archive: paths, and the planted appearances' scorer."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.ledger = root / "ledger"
        self.archive = root / "archive"
        self.planted = root / "planted.jsonl"

    def evaluate(self, jsonl: str) -> dict[str, Any]:
        rows = [json.loads(line) for line in jsonl.splitlines()]
        scores: dict[str, Any] = generator.evaluate(rows, self.planted)
        return scores


@pytest.fixture(scope="session")
def planted(tmp_path_factory: pytest.TempPathFactory) -> Planted:
    """60 claims, 1.5 MB of news and transcripts in 3 JSON Lines shards, 360 plantings."""
    root = tmp_path_factory.mktemp("planted")
    generator.generate(root, claims=60, megabytes=1.5, shards=3, seed=7)
    return Planted(root)
