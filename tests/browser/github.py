"""Show rendered ledger pages as GitHub shows them, in a real browser.

GitHub turns a Markdown file into HTML (CommonMark with its table extension,
raw ``<a id>``, ``<mark>`` and ``<sup>`` kept) and draws each ```` ```mermaid ````
block with Mermaid. Here markdown-it-py does the first and Mermaid from the npm
registry (``tests/browser/package.json``, installed by ``make test``) the second,
in Debian's headless Chromium driven by Selenium through Debian's chromedriver.

Run as a script to refresh the README's screenshot::

    python -m tests.browser.github ledger/stories/spokesman-briefing-2016-10-12.md docs/story-page.png
"""

from __future__ import annotations

import html
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt
from selenium import webdriver

from tests.browser.chromium import NODE_MODULES
from tests.browser.chromium import chromium as browser

HERE = Path(__file__).resolve().parent
MERMAID = NODE_MODULES / "mermaid" / "dist" / "mermaid.min.js"
_STYLE = """
body { margin: 0; background: #fff; color: #1f2328; }
.markdown-body { box-sizing: border-box; max-width: 1012px; margin: 0 auto; padding: 32px;
  font: 16px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; }
.markdown-body h1, .markdown-body h2 { border-bottom: 1px solid #d1d9e0; padding-bottom: .3em; }
.markdown-body a { color: #0969da; text-decoration: none; }
.markdown-body blockquote { margin: 0 0 16px; padding: 0 1em; color: #59636e;
  border-left: .25em solid #d1d9e0; }
.markdown-body table { border-collapse: collapse; }
.markdown-body td, .markdown-body th { border: 1px solid #d1d9e0; padding: 6px 13px; }
.markdown-body mark { background: #fff8c5; }
.markdown-body code { background: #eff1f3; border-radius: 6px; padding: .2em .4em; font-size: 85%; }
"""

_RUN_MERMAID = """
window.mermaidDone = (async () => {
  const errors = [];
  mermaid.initialize({ startOnLoad: false, securityLevel: "strict" });
  const blocks = [...document.querySelectorAll("pre.mermaid")];
  for (const [n, block] of blocks.entries()) {
    try {
      const { svg } = await mermaid.render("diagram" + n, block.textContent);
      const figure = document.createElement("div");
      figure.className = "mermaid-figure";
      figure.innerHTML = svg;
      block.replaceWith(figure);
    } catch (error) {
      errors.push(String((error && error.message) || error));
    }
  }
  const svgs = [...document.querySelectorAll("div.mermaid-figure svg")];
  return {
    errors,
    blocks: blocks.length,
    drawn: svgs.length,
    labels: svgs.flatMap(svg => [...svg.querySelectorAll(".nodeLabel, .cluster-label, text")]
      .map(node => node.textContent.trim()).filter(Boolean)),
  };
})();
"""


def to_html(markdown: str, title: str) -> str:
    """The page as GitHub would show it, with Mermaid to draw its diagrams."""
    parser = MarkdownIt("commonmark").enable("table")

    def fence(renderer: Any, tokens: Any, idx: int, options: Any, env: Any) -> str:
        token = tokens[idx]
        if token.info.strip() == "mermaid":
            return f'<pre class="mermaid">{html.escape(token.content)}</pre>\n'
        return f"<pre><code>{html.escape(token.content)}</code></pre>\n"

    parser.add_render_rule("fence", fence)
    body = parser.render(markdown)
    return (
        f'<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title><style>{_STYLE}</style>"
        f'<script src="{MERMAID.as_uri()}"></script></head>\n'
        f'<body><article class="markdown-body">\n{body}</article>'
        f"<script>{_RUN_MERMAID}</script></body></html>\n"
    )


@contextmanager
def chromium() -> Iterator[webdriver.Chrome]:
    """The browser (:mod:`tests.browser.chromium`), once Mermaid is installed."""
    if not MERMAID.is_file():
        raise RuntimeError("Mermaid is not installed: `make test` runs npm ci in tests/browser")
    with browser() as driver:
        yield driver


def show(browser: webdriver.Chrome, page: Path, markdown: str) -> dict[str, Any]:
    """Open ``markdown`` as GitHub would show it (written to ``page``) and draw its
    diagrams; what Mermaid reported: ``errors``, ``blocks``, ``drawn``, ``labels``."""
    page.write_text(to_html(markdown, page.stem), encoding="utf-8")
    browser.get(page.as_uri())
    result: dict[str, Any] = browser.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "window.mermaidDone.then(done, error => done({errors: [String(error)], blocks: -1}));"
    )
    return result


def main(argv: list[str]) -> int:
    source, target = Path(argv[0]), Path(argv[1])
    with chromium() as browser, tempfile.TemporaryDirectory() as folder:
        result = show(browser, Path(folder) / "page.html", source.read_text(encoding="utf-8"))
        if result["errors"]:
            print("\n".join(result["errors"]), file=sys.stderr)
            return 1
        browser.save_screenshot(str(target))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
