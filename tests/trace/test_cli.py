"""``claimledger trace``: outputs, --since, bad archives, --apply."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from claimledger import load, validate
from claimledger.config import discover
from claimledger.ledger import read_ledger
from tests.conftest import REPO, run_cli
from tests.trace.conftest import Planted

SEED = REPO / "claims"


@pytest.fixture
def seed_archive(tmp_path: Path) -> Path:
    """The project's corpus as an archive of one shard: every quote is in it."""
    import yaml

    lines = []
    for text_path in sorted((REPO / "corpus").glob("*.txt")):
        meta = yaml.safe_load(text_path.with_suffix(".yaml").read_text(encoding="utf-8"))
        lines.append(
            json.dumps(
                {
                    "id": text_path.stem,
                    "text": text_path.read_text(encoding="utf-8"),
                    "url": meta.get("url"),
                    "published": str(meta["published"]) if meta.get("published") else None,
                    "title": meta.get("title"),
                }
            )
        )
    shard = tmp_path / "archive" / "corpus.jsonl"
    shard.parent.mkdir()
    shard.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return shard.parent


def test_the_seed_ledger_finds_every_quote_in_its_own_corpus(
    seed_archive: Path, tmp_path: Path
) -> None:
    out, report = tmp_path / "out.jsonl", tmp_path / "report.md"
    done = run_cli(
        "trace",
        str(seed_archive),
        "-o",
        str(out),
        "--report",
        str(report),
        "--scheduler",
        "inprocess",
    )
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    ledger = load(REPO, cache=False)
    texts = {a["text"] for a in rows}
    for claim in ledger.claims:
        for quote in claim.quotes:
            if not quote.paraphrase:
                found = [
                    a
                    for a in rows
                    if a["claim"] == claim.id
                    and a["quote"] is not None
                    and a["kind"] in ("exact", "normalised", "elided", "bracketed")
                ]
                assert found, (claim.id, quote.text)
    assert texts
    for row in rows:  # every passage is the document's text at its offsets
        document = (REPO / "corpus" / f"{row['document']}.txt").read_text(encoding="utf-8")
        assert document[row["start"] : row["end"]] == row["text"]
    earliest = [r for r in rows if r["earliest"]]
    assert len({r["claim"] for r in earliest}) == len(earliest)
    tokens = MarkdownIt().parse(report.read_text(encoding="utf-8"))
    headings = [t for t in tokens if t.type == "heading_open" and t.tag == "h2"]
    assert len(headings) == len({r["claim"] for r in rows})


def test_since_keeps_only_documents_published_from_that_date(
    seed_archive: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out.jsonl"
    done = run_cli(
        "trace",
        str(seed_archive),
        "-o",
        str(out),
        "--since",
        "2016-10-13",
        "--scheduler",
        "inprocess",
        "--no-repeats",
        "--no-variants",
    )
    assert done.returncode == 0, done.stderr
    dates = {json.loads(line)["published"] for line in out.read_text().splitlines()}
    assert dates
    assert all(d is not None and d >= "2016-10-13" for d in dates)
    assert run_cli("trace", str(seed_archive), "--since", "13/10/2016").returncode == 2


def test_a_bad_record_is_located_and_nothing_is_written(tmp_path: Path) -> None:
    shard = tmp_path / "bad.jsonl"
    shard.write_text(
        '{"id": "a", "text": "Fine."}\n'
        "not json\n"
        '{"id": "b"}\n'
        '{"id": "c", "text": "x", "published": "yesterday"}\n',
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    done = run_cli("trace", str(shard), "-o", str(out), "--scheduler", "inprocess")
    assert done.returncode == 1
    assert f"{shard}:2:1: TR002 not JSON" in done.stderr
    assert f"{shard}:3:1: TR003 'text' is missing" in done.stderr
    assert f"{shard}:4:1: TR004 'published'" in done.stderr
    assert "Traceback" not in done.stderr
    assert not out.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing-folder"], "no such file or directory"),
        (["pyproject.toml"], "not a shard"),
        (["corpus", "--scheduler", "threads"], "unknown scheduler"),
    ],
)
def test_usage_errors_exit_2(args: list[str], message: str) -> None:
    done = run_cli("trace", *args)
    assert done.returncode == 2
    assert message in done.stderr
    assert "Traceback" not in done.stderr


def test_a_folder_of_text_files_is_an_archive() -> None:
    done = run_cli("trace", "corpus", "--scheduler", "inprocess", "--no-repeats")
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert {r["document"] for r in rows} == {p.stem for p in (REPO / "corpus").glob("*.txt")}
    assert all(r["published"] is None and r["url"] is None for r in rows)


def test_apply_records_appearances_keeping_every_other_byte(
    planted: Planted, tmp_path: Path
) -> None:
    ledger = tmp_path / "ledger"
    shutil.copytree(planted.ledger, ledger)
    story = ledger / "claims" / "story-00000.yaml"
    original = story.read_text(encoding="utf-8")
    commented = original.replace("claims:\n", "# Kept: a comment.\nclaims:\n", 1)
    commented = commented.replace("    speaker: speaker\n", "    speaker: speaker  # who\n", 1)
    story.write_text(commented, encoding="utf-8")
    before = run_cli("trace", str(planted.archive), "--scheduler", "inprocess", cwd=ledger)
    assert before.returncode == 0, before.stderr
    assert story.read_text(encoding="utf-8") == commented  # nothing written unless asked

    done = run_cli("trace", str(planted.archive), "--scheduler", "inprocess", "--apply", cwd=ledger)
    assert done.returncode == 0, done.stderr
    after = story.read_text(encoding="utf-8")
    assert "# Kept: a comment." in after
    assert "speaker: speaker  # who" in after
    # Every original line is still there, in order; only appearances were added.
    added = [line for line in after.splitlines() if line not in commented.splitlines()]
    assert added
    assert all(line.startswith("    ") for line in added)
    result = validate(discover(ledger))
    assert not [f for f in result.findings if f.severity.fails]
    files, _ = read_ledger(discover(ledger))
    recorded = [a for claim in files.claims for a in claim.appearances]
    assert recorded
    rows = [json.loads(line) for line in before.stdout.splitlines()]
    assert len(recorded) == len(rows)

    again = run_cli(
        "trace", str(planted.archive), "--scheduler", "inprocess", "--apply", cwd=ledger
    )
    assert again.returncode == 0
    assert story.read_text(encoding="utf-8") == after  # nothing new, nothing written
