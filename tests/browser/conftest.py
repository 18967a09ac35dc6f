"""The seed ledger's web site, built once and served from localhost (``base``) for every
browser test that reads it, and a browser that keeps the pages' console messages."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium import webdriver

from tests.browser.chromium import chromium
from tests.browser.site import serve
from tests.conftest import run_cli


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder ``claimledger render --format html -o DIR`` writes for the seed ledger."""
    folder = tmp_path_factory.mktemp("site")
    done = run_cli("render", "--format", "html", "-o", str(folder))
    assert done.returncode == 0, done.stderr
    return folder


@pytest.fixture(scope="session")
def base(seed_site: Path) -> Iterator[str]:
    """The seed site's address on localhost (ending in ``/``)."""
    with serve(seed_site) as address:
        yield address


@pytest.fixture(scope="module")
def browser() -> Iterator[webdriver.Chrome]:
    """Headless Chromium keeping the console's messages (``console_errors``); a test module
    may define its own."""
    with chromium(console=True) as driver:
        yield driver
