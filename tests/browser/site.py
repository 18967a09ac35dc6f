"""Serve a rendered web site from localhost and read its pages in the browser.

The site is served by :mod:`http.server` on 127.0.0.1 (a port the system picks),
as a web server would publish it; pages are opened in :mod:`tests.browser.chromium`.
"""

from __future__ import annotations

import functools
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from selenium import webdriver

from tests.browser.chromium import NODE_MODULES, chromium

__all__ = ["AXE", "accessibility_violations", "console_errors", "page_facts", "serve"]

AXE = NODE_MODULES / "axe-core" / "axe.min.js"


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """``folder`` served over HTTP on localhost; yields the site's address (ending in ``/``)."""
    handler = functools.partial(_Quiet, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def console_errors(browser: webdriver.Chrome) -> list[str]:
    """The console's errors since the last call (a failed load, a script error, a CSP report)."""
    entries: list[dict[str, Any]] = browser.get_log("browser")  # type: ignore[no-untyped-call]
    return [entry["message"] for entry in entries if entry["level"] == "SEVERE"]


_FACTS = """
const ids = [...document.querySelectorAll("[id]")].map(e => e.id);
const links = [...document.querySelectorAll("a[href], link[rel=stylesheet], link[rel=canonical]")]
  .map(e => ({href: e.getAttribute("href"), resolved: e.href}));
const sheets = [...document.styleSheets].map(s => s.cssRules.length);
const scripts = [...document.scripts].map(s => ({type: s.type, src: s.getAttribute("src"),
                                              text: s.textContent}));
// Everything the page loaded: itself, then each file it fetched.
const resources = [...performance.getEntriesByType("navigation"),
                   ...performance.getEntriesByType("resource")].map(e => e.name);
return {ids, links, sheets, scripts, resources, title: document.title,
        h1: [...document.querySelectorAll("h1")].map(h => h.textContent)};
"""


def page_facts(browser: webdriver.Chrome) -> dict[str, Any]:
    """The open page's ids, links (as written and resolved), stylesheets' rule counts,
    scripts (type, ``src`` and text), the addresses of everything it loaded, title and top
    headings."""
    facts: dict[str, Any] = browser.execute_script(_FACTS)
    return facts


def accessibility_violations(browser: webdriver.Chrome) -> list[dict[str, Any]]:
    """axe-core's violations on the open page (WCAG 2 A and AA rules, and best practices)."""
    if not AXE.is_file():
        raise RuntimeError("axe-core is not installed: `make test` runs npm ci in tests/browser")
    browser.execute_script(AXE.read_text(encoding="utf-8"))
    result: dict[str, Any] = browser.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document).then(r => done({violations: r.violations.map(v => ({id: v.id,"
        " impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.html).slice(0, 3)}))}),"
        " e => done({error: String(e)}));"
    )
    if "error" in result:
        raise RuntimeError(result["error"])
    violations: list[dict[str, Any]] = result["violations"]
    return violations


def main(argv: list[str]) -> int:
    """``python -m tests.browser.site FOLDER PAGE PNG [WIDTH]``: a screenshot of the site's
    page PAGE (``claims/x.html``) as a reader sees it, the top of it at WIDTH pixels."""
    folder, page, target = Path(argv[0]), argv[1], Path(argv[2])
    width = int(argv[3]) if len(argv) > 3 else 1000
    with serve(folder) as base, chromium() as browser:
        browser.set_window_size(width, 1100)
        browser.get(base + page)
        browser.save_screenshot(str(target))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
