"""The whole path a fact-checker walks, through the real command line in a new folder:
init, add sources (a text and a saved web page), locate, write a claim, correct a source,
and see the correction in the rendered ledger."""

# ruff: noqa: RUF001 - the report is typeset as news copy is.
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import yaml

from tests.conftest import run_cli

REPORT = (
    "Council confirms library plans\n"
    "\n"
    "The council’s spokesperson said on Monday: “The new library will open in March, "
    "with room for 40,000 books.”\n"
    "\n"
    "She added that the old building “will become a community hall”.\n"
)
CORRECTED = REPORT.replace("open in March", "open in April")

PAGE = """<!doctype html>
<html><head><title>Mayor on the budget | Example Gazette</title></head>
<body>
<nav><a href="/">Home</a> | <a href="/news">News</a></nav>
<article>
<h1>Mayor defends the budget</h1>
<p>The mayor told the council that the budget “protects every front-line service”
and that no library would close this year.</p>
<p>Opposition members said the figures did not add up and asked for an independent review.</p>
</article>
<footer>Copyright Example Gazette. All rights reserved.</footer>
</body></html>
"""


def cli(root: Path, *args: str) -> tuple[int, str, str]:
    result = run_cli(*args, cwd=root)
    assert "Traceback" not in result.stderr, result.stderr
    return result.returncode, result.stdout, result.stderr


def test_from_init_to_a_rendered_correction(tmp_path: Path) -> None:
    root = tmp_path / "ledger"
    assert cli(tmp_path, "init", "ledger", "--title", "Town hall checks")[0] == 0
    assert cli(root, "validate", "--no-cache")[0] == 0

    # A text, byte for byte, and a saved web page, its main text extracted.
    (tmp_path / "report.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "gazette.html").write_text(PAGE, encoding="utf-8")
    code, out, _ = cli(
        root,
        "add-source",
        str(tmp_path / "report.txt"),
        "--id",
        "town-report",
        "--title",
        "Council confirms library plans",
        "--published",
        "2026-03-02",
        "--kind",
        "news-report",
    )
    assert code == 0, out
    assert (root / "corpus/town-report.txt").read_bytes() == REPORT.encode()
    code, out, _ = cli(root, "add-source", str(tmp_path / "gazette.html"))
    assert code == 0
    assert "trafilatura" in out
    page_meta = yaml.safe_load((root / "corpus/gazette.yaml").read_text(encoding="utf-8"))
    assert page_meta["extraction"]["tool"] == "trafilatura"
    assert (root / "corpus/gazette.html").read_text(encoding="utf-8") == PAGE
    page_text = (root / "corpus/gazette.txt").read_text(encoding="utf-8")
    assert "protects every front-line service" in page_text
    assert "Copyright" not in page_text
    assert "Home" not in page_text

    # locate gives a block that anchors as pasted.
    code, out, _ = cli(root, "locate", "town-report", "the new library will open in March")
    assert code == 0
    assert "normalised, ¶ 2" in out
    code, out, _ = cli(
        root, "locate", "town-report", "The new library will open in March", "--yaml"
    )
    assert code == 0
    [changing] = yaml.safe_load(out)
    assert changing == {"source": "town-report", "text": "The new library will open in March"}
    code, out, _ = cli(root, "locate", "gazette", "protects every front-line service", "--yaml")
    [from_page] = yaml.safe_load(out)

    speakers = root / "claims/speakers.yaml"
    speakers.write_text(
        speakers.read_text(encoding="utf-8") + "  - id: town-spokesperson\n"
        "    description: The council's spokesperson\n"
        "  - id: mayor\n"
        "    description: The mayor\n",
        encoding="utf-8",
    )
    claims = {
        "claims": [
            {
                "id": "library-opening-month",
                "statement": "The new library will open in March.",
                "speaker": "town-spokesperson",
                "quotes": [changing],
            },
            {
                "id": "old-building-becomes-hall",
                "statement": "The old library building will become a community hall.",
                "speaker": "town-spokesperson",
                "quotes": [{"source": "town-report", "text": "will become a community hall"}],
            },
            {
                "id": "library-month-as-first-reported",
                "statement": "The first report gave March for the opening.",
                "speaker": "town-spokesperson",
                # What was published at the time: pinned to the first version.
                "quotes": [{**changing, "version": 1}],
            },
            {
                "id": "budget-protects-services",
                "statement": "The budget protects every front-line service.",
                "speaker": "mayor",
                "quotes": [from_page],
            },
        ]
    }
    (root / "claims/town.yaml").write_text(
        yaml.safe_dump(claims, sort_keys=False, allow_unicode=True), encoding="utf-8"
    )
    code, out, _ = cli(root, "validate", "--no-cache")
    assert code == 0, out

    # The outlet changes one quoted word; another quoted passage is untouched.
    (tmp_path / "corrected.txt").write_text(CORRECTED, encoding="utf-8")
    code, report, err = cli(
        root,
        "correct-source",
        "town-report",
        str(tmp_path / "corrected.txt"),
        "--date",
        "2026-03-03",
        "--note",
        "The opening month was given as March; it is April.",
    )
    assert code == 1, err
    assert (root / "corpus/town-report.txt").read_bytes() == CORRECTED.encode()
    assert (root / "corpus/town-report.v1.txt").read_bytes() == REPORT.encode()
    meta = yaml.safe_load((root / "corpus/town-report.yaml").read_text(encoding="utf-8"))
    assert meta["sha256"] == hashlib.sha256(CORRECTED.encode()).hexdigest()
    assert meta["versions"] == [
        {"sha256": hashlib.sha256(REPORT.encode()).hexdigest(), "until": "2026-03-03"}
    ]
    assert meta["history"][0]["date"] == "2026-03-03"
    outcomes = {
        line.split(": ")[1].split(" (")[0]: line.split(": ")[2]
        for line in report.splitlines()
        if line.startswith("  claims/")
    }
    assert outcomes == {
        "library-opening-month": "changed",
        "old-building-becomes-hall": "unchanged",
        "library-month-as-first-reported": "pinned to version 1, unaffected",
    }
    assert "“April” for “March”" in report
    assert report.splitlines()[-1] == "claims to review: library-opening-month"

    # validate agrees with the report: exactly the changed passage fails.
    code, out, _ = cli(root, "validate", "--no-cache", "--format", "json")
    findings = json.loads(out)
    assert code == 1
    assert [(f["code"], f["path"]) for f in findings if f["severity"] == "error"] == [
        ("CL009", "claims/town.yaml")
    ]
    changed_line = next(
        n
        for n, line in enumerate((root / "claims/town.yaml").read_text().splitlines(), 1)
        if "text: The new library will open in March" in line
    )
    assert findings[0]["line"] == changed_line, (findings, (root / "claims/town.yaml").read_text())

    # The quote is brought up to date; the ledger renders with the correction shown.
    town = root / "claims/town.yaml"
    text = town.read_text(encoding="utf-8")
    town.write_text(
        text.replace(
            "text: The new library will open in March\n",
            "text: The new library will open in April\n",
            1,
        ),
        encoding="utf-8",
    )
    assert cli(root, "validate", "--no-cache")[0] == 0
    code, ledger, _ = cli(root, "render", "--single-page", "-o", "-")
    assert code == 0
    source_section = ledger[ledger.index('<a id="source-town-report">') :]
    assert "2026-03-03: The opening month was given as March; it is April." in source_section
    assert re.search(r"version 1, until 2026-03-03: `corpus/town-report\.v1\.txt`", ledger)
    assert "in version 1 of the text" in ledger
