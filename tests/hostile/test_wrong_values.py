"""Valid-but-wrong files and links: every command answers with findings, never a crash or a leak.

A wrong value either fails validation with a located finding or, if validation
accepts it, every command (render, each export, query) works on the ledger and
nothing they print or publish holds a control or bidirectional character.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimledger.check import validate
from claimledger.config import Config
from claimledger.export.formats import FORMATS, export_ledger
from claimledger.findings import CONTROL
from claimledger.query import Ledger
from claimledger.render.markdown import render_markdown
from tests.conftest import EXAMPLES
from tests.hostile.conftest import subprocess_examples
from tests.hostile.helpers import run_cli
from tests.hostile.test_fuzz import TARGETS, _files, assert_located
from tests.hostile.wrong import LINK_TARGETS, plant, wrong_values


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("wrong") / "ledger"
    shutil.copytree(EXAMPLES / "clean", root)
    return root


@given(wrong_values(), st.sampled_from(TARGETS))
def test_a_wrong_value_is_a_finding_or_works_everywhere(
    ledger: Path, data: bytes, target: str
) -> None:
    path = ledger / target
    original = path.read_bytes() if path.exists() else None
    path.write_bytes(data)
    try:
        result = validate(Config.default(ledger))
        assert_located(result.findings, _files(ledger))
        if result.failed:
            return
        # Accepted: then every presenter works, and publishes nothing invisible.
        published = [render_markdown(result.ledger)]
        published += [export_ledger(result, fmt) for fmt in FORMATS]
        assert not any(CONTROL.search(text) for text in published)
        loaded = Ledger.from_files(result.ledger, [], cache=False)
        assert len(loaded.claims) == len(result.ledger.claims)
    finally:
        if original is None:
            path.unlink()
        else:
            path.write_bytes(original)


@settings(max_examples=subprocess_examples())
@given(st.sampled_from(LINK_TARGETS), st.sampled_from(TARGETS))
def test_a_file_that_is_a_link_fifo_or_folder_is_a_finding(
    tmp_path_factory: pytest.TempPathFactory, target: str, name: str
) -> None:
    base = tmp_path_factory.mktemp("links")
    root = base / "ledger"
    shutil.copytree(EXAMPLES / "clean", root)
    secret = base / "secret.yaml"
    secret.write_text("claims: []  # SECRET-outside-the-ledger\n")
    plant(root / name, target, secret)
    result = run_cli(root, timeout=60)
    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr
    assert "SECRET-outside" not in result.stdout + result.stderr
    if target != "inside":
        assert result.returncode == 1, (target, name, result.stdout)
