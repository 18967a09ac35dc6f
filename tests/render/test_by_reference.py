"""Passages from a source known by reference are never shown as the source's words."""

from __future__ import annotations

from tests.conftest import MakeLedger
from tests.conftest import run_cli as run

CLAIMS = """claims:
  - id: by-reference
    statement: The bridge cost £9 million.
    speaker: spokesman
    quotes:
      - source: by-url
        text: The bridge cost nine million pounds.
    supports:
      - source: by-url
        text: Costs rose to £9m, the council said.
"""


def test_unchecked_passages_are_marked(make_ledger: MakeLedger) -> None:
    root = make_ledger(
        {
            "claims/x.yaml": CLAIMS,
            "corpus/by-url.yaml": "kind: news-article\nurl: https://news.example/bridge\n"
            "archive_url: https://archive.example/bridge\n",
        }
    )
    result = run("render", "--single-page", "-o", "LEDGER.md", cwd=root)
    assert result.returncode == 0, result.stderr
    text = (root / "LEDGER.md").read_text(encoding="utf-8")
    assert "> The bridge cost nine million pounds." not in text
    assert "- The bridge cost nine million pounds." in text
    assert "Not yet checked against a text" in text
    assert "Costs rose to £9m, the council said. (not yet checked against a text)" in text
    assert "“Costs rose to £9m" not in text
    assert "**Archived:** <https://archive.example/bridge>" in text
    assert "not yet in the corpus (known by reference only)" in text
