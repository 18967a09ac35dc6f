"""``claimledger add-source``: bytes kept, sha256 recorded, unknowns left unknown."""

from __future__ import annotations

import hashlib
from pathlib import Path

import yaml

from tests.conftest import MakeLedger, run_cli

# CRLF, a BOM-less UTF-8 text with curly quotes and no final newline: kept as is.
TEXT = "Headline\r\n\r\nHe said: \u201cWe will.\u201d".encode()


def test_bytes_are_copied_and_the_digest_recorded(make_ledger: MakeLedger) -> None:
    root = make_ledger()
    (root / "in.txt").write_bytes(TEXT)
    result = run_cli("add-source", "in.txt", "--publisher", "The Weekly", cwd=root)
    assert result.returncode == 0, result.stderr
    assert (root / "corpus/in.txt").read_bytes() == TEXT
    meta = yaml.safe_load((root / "corpus/in.yaml").read_text())
    assert meta == {
        "kind": None,
        "sha256": hashlib.sha256(TEXT).hexdigest(),
        "title": None,
        "publisher": "The Weekly",
        "authors": [],
        "url": None,
        "published": None,
    }
    assert run_cli("validate", "--no-cache", cwd=root).returncode == 0


def test_an_existing_source_is_never_replaced(make_ledger: MakeLedger) -> None:
    root = make_ledger()
    before = (root / "corpus/briefing-report.txt").read_bytes()
    (root / "new.txt").write_text("other text")
    result = run_cli("add-source", "new.txt", "--id", "briefing-report", cwd=root)
    assert result.returncode == 1
    assert "exists" in result.stderr
    assert (root / "corpus/briefing-report.txt").read_bytes() == before


def test_standard_input_and_several_files(make_ledger: MakeLedger) -> None:
    root = make_ledger()
    assert run_cli("add-source", "-", cwd=root).returncode == 2  # no name: --id needed
    for name in ("a one.txt", "b.txt"):
        (root / name).write_text(f"text of {name}\n")
    result = run_cli("add-source", "a one.txt", "b.txt", "--published", "2016-10", cwd=root)
    assert result.returncode == 0, result.stderr
    assert (root / "corpus/a-one.txt").read_text() == "text of a one.txt\n"
    assert yaml.safe_load((root / "corpus/b.yaml").read_text())["published"] == "2016-10"
    piped = subprocess_stdin(root, b"from a pipe\n", "add-source", "-", "--id", "piped")
    assert piped == 0
    assert (root / "corpus/piped.txt").read_bytes() == b"from a pipe\n"


def subprocess_stdin(root: Path, data: bytes, *args: str) -> int:
    import subprocess
    import sys

    return subprocess.run(
        [sys.executable, "-m", "claimledger.cli", *args], cwd=root, input=data, check=False
    ).returncode


def test_bad_input_writes_nothing(make_ledger: MakeLedger) -> None:
    root = make_ledger()
    (root / "latin.txt").write_bytes("caf\xe9".encode("latin-1"))
    result = run_cli("add-source", "latin.txt", cwd=root)
    assert result.returncode == 1
    assert "not UTF-8" in result.stderr
    (root / "ok.txt").write_text("fine")
    bad_date = run_cli("add-source", "ok.txt", "--published", "12/10/2016", cwd=root)
    assert bad_date.returncode == 1
    bad_id = run_cli("add-source", "ok.txt", "--id", "../escape", cwd=root)
    assert bad_id.returncode == 1
    assert "source id" in bad_id.stderr
    assert sorted(p.name for p in (root / "corpus").iterdir()) == [
        "briefing-report.txt",
        "briefing-report.yaml",
    ]


def test_a_web_page_keeps_its_original_and_says_how_it_was_read(make_ledger: MakeLedger) -> None:
    root = make_ledger()
    page = (
        "<html><body><nav>Menu | Sport | Weather</nav><article><h1>Storm closes bridge</h1>"
        "<p>The bridge was closed on Tuesday after high winds damaged its railings, the "
        "council said in a statement.</p><p>It is expected to reopen next week once repairs "
        "are finished.</p></article><footer>Terms and privacy</footer></body></html>"
    )
    (root / "storm.html").write_text(page)
    result = run_cli("add-source", "storm.html", cwd=root)
    assert result.returncode == 0, result.stderr
    meta = yaml.safe_load((root / "corpus/storm.yaml").read_text())
    extraction = meta["extraction"]
    assert extraction["format"] == "html"
    assert extraction["tool"] == "trafilatura"
    assert extraction["sha256"] == hashlib.sha256(page.encode()).hexdigest()
    assert extraction["tool_version"]
    text = (root / "corpus/storm.txt").read_text()
    assert "high winds damaged its railings" in text
    assert "Menu" not in text
    assert meta["sha256"] == hashlib.sha256(text.encode()).hexdigest()
    assert (root / "corpus/storm.html").read_text() == page
    assert run_cli("validate", "--no-cache", cwd=root).returncode == 0


def test_a_changed_or_missing_original_is_reported(make_ledger: MakeLedger) -> None:
    root = make_ledger()
    page = "<html><body><article><p>" + "A sentence of the article body. " * 10 + "</p></article>"
    (root / "page.html").write_text(page + "</body></html>")
    assert run_cli("add-source", "page.html", cwd=root).returncode == 0
    (root / "corpus/page.html").write_text(page + "<!-- edited --></body></html>")
    result = run_cli("validate", "--no-cache", cwd=root)
    assert result.returncode == 1
    assert "CL008 page.html has sha256" in result.stdout
    (root / "corpus/page.html").unlink()
    assert "page.html, the original the text was extracted from, is missing" in (
        run_cli("validate", "--no-cache", cwd=root).stdout
    )


def test_the_text_of_a_source_known_by_reference_makes_its_quotes_checked(
    make_ledger: MakeLedger,
) -> None:
    root = make_ledger()
    meta = root / "corpus/by-url.yaml"
    meta.write_text(
        "# Imported from a published fact check.\n"
        "kind: news-article\n"
        "url: https://news.example/story\n"
        "title: null\n"
    )
    claims = root / "claims/by-url.yaml"
    claims.write_text(
        "claims:\n"
        "  - id: by-url-claim\n"
        "    statement: The minister said the lists were halved.\n"
        "    speaker: spokesman\n"
        "    quotes:\n"
        "      - source: by-url\n"
        "        text: The lists are halved.\n"
    )
    before = run_cli("validate", "--no-cache", "--format", "json", cwd=root)
    assert before.returncode == 0, before.stdout + before.stderr
    assert '"CL019"' in before.stdout
    (root / "story.txt").write_text("Headline\n\nHe said: \u201cThe lists are halved.\u201d\n")
    # A field the metadata already states otherwise is refused, nothing written.
    clash = run_cli("add-source", "story.txt", "--id", "by-url", "--kind", "blog-post", cwd=root)
    assert clash.returncode == 1
    assert not (root / "corpus/by-url.txt").exists()
    added = run_cli("add-source", "story.txt", "--id", "by-url", "--title", "Lists", cwd=root)
    assert added.returncode == 0, added.stderr
    completed = meta.read_text()
    assert completed.startswith("# Imported from a published fact check.\n")
    data = yaml.safe_load(completed)
    assert data["sha256"] == hashlib.sha256((root / "story.txt").read_bytes()).hexdigest()
    assert (data["url"], data["title"]) == ("https://news.example/story", "Lists")
    after = run_cli("validate", "--no-cache", "--format", "json", cwd=root)
    assert after.returncode == 0, after.stdout + after.stderr
    assert '"CL019"' not in after.stdout
    # A wrong quote is now an error: the text is checked.
    claims.write_text(claims.read_text().replace("are halved", "were halved"))
    assert run_cli("validate", "--no-cache", cwd=root).returncode == 1
