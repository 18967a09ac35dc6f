"""Debian's Chromium, headless, through Debian's chromedriver: the browser of every browser test.

``make test`` installs both (``apt-get install chromium chromium-driver``, as root) and
the npm packages the tests load into pages (``tests/browser/package-lock.json``).
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

__all__ = ["FLAGS", "NODE_MODULES", "chromium"]

NODE_MODULES = Path(__file__).resolve().parent / "node_modules"
#: The flags the browser runs with: no sandbox (CI runs as root), nothing fetched.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1200,1600",
)


@contextmanager
def chromium(*, console: bool = False) -> Iterator[webdriver.Chrome]:
    """The browser, with a fresh profile; ``console`` keeps the pages' console messages
    for ``browser.get_log("browser")``."""
    binary, driver = shutil.which("chromium"), shutil.which("chromedriver")
    if binary is None or driver is None:
        raise RuntimeError(
            "Chromium is not installed: `make test` installs it (apt-get install chromium "
            "chromium-driver) when run as root"
        )
    with tempfile.TemporaryDirectory(prefix="claimledger-chromium-") as profile:
        options = webdriver.ChromeOptions()
        options.binary_location = binary
        for flag in (*FLAGS, f"--user-data-dir={profile}"):
            options.add_argument(flag)
        if console:
            options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        browser = webdriver.Chrome(options=options, service=Service(executable_path=driver))
        try:
            browser.set_script_timeout(60)
            yield browser
        finally:
            browser.quit()
