"""``claimledger import`` end to end: real-shaped fact checks in, validate, render, export."""

from __future__ import annotations

import hashlib
import json
import shutil
import tomllib
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt

from claimledger.parse import parse_yaml
from tests.conftest import run_cli as run

DATA = Path(__file__).parent / "data"


@pytest.fixture
def empty(tmp_path: Path) -> Path:
    """A new ledger: an empty claims folder and corpus, no configuration."""
    root = tmp_path / "ledger"
    (root / "claims").mkdir(parents=True)
    (root / "corpus").mkdir()
    for name in ("factchecks.jsonld", "api.json", "page.html"):
        shutil.copy(DATA / name, root / name)
    return root


def _files(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".claimledger" not in p.parts
    }


def _resolved(root: Path) -> None:
    for fmt, name, output in (
        ("claimreview", "factchecks.jsonld", "claims/imported.yaml"),
        ("factcheck-api", "api.json", "claims/api.yaml"),
        ("html", "page.html", "claims/page.yaml"),
    ):
        result = run(
            "import", fmt, name, "-o", output, "--create-speakers", "--scale-from-ratings", cwd=root
        )
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr


def test_after_import_validate_reports_only_texts_to_add_as_warnings(empty: Path) -> None:
    _resolved(empty)
    result = run("validate", "--format", "json", cwd=empty)
    assert result.returncode == 0, result.stdout
    findings = json.loads(result.stdout)
    assert findings, "the reports' texts are still to be added"
    assert {(f["code"], f["severity"]) for f in findings} == {("CL019", "warning")}
    # One warning per quote from a report known by reference: six, in five reviews.
    assert len(findings) == 6


def test_kept_fields_survive_render_and_export(empty: Path) -> None:
    _resolved(empty)
    assert run("render", "--single-page", "-o", "LEDGER.md", cwd=empty).returncode == 0
    ledger_md = (empty / "LEDGER.md").read_text(encoding="utf-8")
    MarkdownIt("commonmark").parse(ledger_md)  # well-formed enough to parse
    for name in ("Мария Захарова", "नरेन्द्र मोदी", "Γιώργος Παπαδόπουλος", "网络传言"):
        assert name in ledger_md
    # Quotes from reports with no text are never shown as the reports' words.
    assert "Not yet checked against a text" in ledger_md
    assert "> COVID-19 vaccines alter your DNA." not in ledger_md
    assert "https://fullfact.example/health/nhs-waiting-lists/" in ledger_md
    exported = run("export", "--format", "claimreview", cwd=empty)
    assert exported.returncode == 0, exported.stderr
    reviews = {r["url"]: r for r in json.loads(exported.stdout)["dataFeedElement"]}
    original: Any = json.loads((DATA / "factchecks.jsonld").read_text(encoding="utf-8"))
    for review in original:
        back = reviews[review["url"]]
        assert back["claimReviewed"] == review["claimReviewed"]
        assert back["reviewRating"]["alternateName"] == review["reviewRating"]["alternateName"]
        for key in ("ratingValue", "bestRating", "worstRating"):
            if key in review["reviewRating"]:
                assert float(back["reviewRating"][key]) == float(review["reviewRating"][key])
        for key in ("inLanguage", "headline"):
            assert back.get(key) == review.get(key)
        assert back.get("datePublished") == ((review.get("datePublished") or "")[:10] or None)
        if "author" in review:
            assert back["author"]["name"] == review["author"]["name"]
        item, was = back["itemReviewed"], review["itemReviewed"]
        if "author" in was:
            assert item["author"]["name"] == was["author"]["name"]
            assert item["author"]["@type"] == {"PoliticalParty": "Organization"}.get(
                was["author"]["@type"], was["author"]["@type"]
            )
        urls = [a if isinstance(a, str) else a["url"] for a in _list(was.get("appearance"))]
        assert [a["url"] for a in item.get("appearance", [])] == urls
        if "firstAppearance" in was:
            assert item["firstAppearance"]["url"] == was["firstAppearance"]["url"]
            assert item["firstAppearance"]["@type"] == was["firstAppearance"]["@type"]
    nhs = reviews["https://fullfact.example/health/nhs-waiting-lists/"]["itemReviewed"]
    assert nhs["appearance"][0]["archivedAt"] == "https://archive.example/2021/nhs"
    annotations = run("export", "--format", "web-annotation", cwd=empty)
    assert annotations.returncode == 0
    # No report has a text yet, so no passage is anchored to point at.
    assert json.loads(annotations.stdout)["total"] == 0


def _list(value: Any) -> list[Any]:
    return [] if value is None else value if isinstance(value, list) else [value]


def test_importing_twice_changes_nothing(empty: Path) -> None:
    _resolved(empty)
    before = _files(empty)
    again = run(
        "import",
        "claimreview",
        "factchecks.jsonld",
        "--create-speakers",
        "--scale-from-ratings",
        cwd=empty,
    )
    assert again.returncode == 0, again.stderr
    assert "nothing changed" in again.stderr
    assert _files(empty) == before


def test_adding_the_text_turns_a_reference_into_an_anchored_quote(empty: Path) -> None:
    _resolved(empty)
    text = "Posted 28 April.\n\nCOVID-19 vaccines alter your DNA. Share before they delete this!\n"
    (empty / "corpus" / "facebook-example-10158.txt").write_text(text, encoding="utf-8")
    meta = empty / "corpus" / "facebook-example-10158.yaml"
    # Saved but not yet recorded: the digest to record is given.
    half = run("validate", "--format", "json", cwd=empty)
    digest = hashlib.sha256(text.encode()).hexdigest()
    assert any(f["code"] == "CL008" and digest in f["message"] for f in json.loads(half.stdout))
    meta.write_text(meta.read_text(encoding="utf-8") + f"sha256: {digest}\n", encoding="utf-8")
    result = run("validate", "--format", "json", cwd=empty)
    assert result.returncode == 0, result.stdout
    left = json.loads(result.stdout)
    assert not any("facebook-example-10158" in f["message"] for f in left)
    assert len(left) == 5
    exported = json.loads(run("export", "--format", "web-annotation", cwd=empty).stdout)
    (annotation,) = exported["first"]["items"]
    assert annotation["target"]["source"] == "https://www.facebook.example/joebloggs/posts/10158"
    quote, position = annotation["target"]["selector"]
    assert quote["exact"] == "COVID-19 vaccines alter your DNA."
    assert text[position["start"] : position["end"]] == quote["exact"]


def test_the_todo_list_as_json(empty: Path) -> None:
    result = run("import", "claimreview", "factchecks.jsonld", "--report", "json", cwd=empty)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["claims"] == 5
    codes = sorted({item["code"] for item in report["todo"]})
    assert codes == ["CL005", "CL011", "CL019"]
    speakers = [t for t in report["todo"] if t["code"] == "CL005"]
    assert any("'Мария Захарова'" in t["message"] for t in speakers)
    # The speaker of a review with no author is named as such, never given someone's name.
    unnamed = [t for t in speakers if "'unattributed'" in t["message"]]
    assert len(unnamed) == 1
    assert "names no author" in unnamed[0]["message"]
    assert "name" not in unnamed[0]["message"].split("names no author")[1].split("speaker")[0]
    kinds = {n["kind"] for n in report["notes"]}
    assert kinds == {"not imported", "changed"}
    fields = {n["message"].split(":")[0] for n in report["notes"] if n["kind"] == "not imported"}
    assert "[0].itemReviewed.author.jobTitle" in fields
    assert "[0].reviewRating.image" in fields
    for item in report["todo"]:
        assert item["path"] == "claims/imported.yaml"


def test_without_the_options_the_todo_says_how_to_resolve(empty: Path) -> None:
    result = run("import", "claimreview", "factchecks.jsonld", cwd=empty)
    assert result.returncode == 0, result.stderr
    assert "--create-speakers" in result.stdout
    assert "--scale-from-ratings" in result.stdout
    assert "another name" not in result.stdout
    validated = run("validate", "--format", "json", cwd=empty)
    codes = {f["code"] for f in json.loads(validated.stdout)}
    assert codes == {"CL005", "CL011", "CL019"}


def test_scale_is_ordered_by_the_reviews_numbers(empty: Path) -> None:
    _resolved(empty)
    table = tomllib.loads((empty / "pyproject.toml").read_text(encoding="utf-8"))["tool"]
    scale = table["claimledger"]["verdict-scale"]
    assert scale.index("Half true") < scale.index("Misleading") < scale.index("Pants on Fire!")
    # "Mostly false" (2 of 1-5) from the page goes beside "Misleading" (2 of 1-5).
    assert scale.index("Misleading") < scale.index("Mostly false") < scale.index("Pants on Fire!")
    # Ratings no review numbers have no place to guess: they are unrated, for a person to place.
    assert {"Satire", "Falso", "錯誤"} <= set(table["claimledger"]["verdict-unrated"])


def test_speakers_are_registered_with_their_exact_names_and_kinds(empty: Path) -> None:
    _resolved(empty)
    registry = parse_yaml(
        (empty / "claims" / "speakers.yaml").read_text(encoding="utf-8"), "speakers.yaml"
    ).data["speakers"]
    by_name = {s.get("name"): s for s in registry}
    assert by_name["Мария Захарова"]["kind"] == "person"
    assert by_name["The Example Party"]["kind"] == "organisation"
    assert "kind" not in by_name["网络传言"]  # the API gives no type: none is guessed
    unnamed = [s for s in registry if "name" not in s]
    assert [s["id"] for s in unnamed] == ["unattributed"]


def test_an_existing_registry_keeps_its_comments(make_ledger: Any) -> None:
    root = make_ledger()
    registry = root / "claims" / "speakers.yaml"
    registry.write_text("# People\n" + registry.read_text(encoding="utf-8"), encoding="utf-8")
    shutil.copy(DATA / "factchecks.jsonld", root / "in.jsonld")
    result = run("import", "claimreview", "in.jsonld", "--create-speakers", cwd=root)
    assert result.returncode == 0, result.stderr
    text = registry.read_text(encoding="utf-8")
    assert text.startswith("# People\n")
    assert "name: Мария Захарова" in text


def test_never_replaces_a_corpus_file_it_did_not_write(empty: Path) -> None:
    mine = empty / "corpus" / "facebook-example-10158.yaml"
    mine.write_text("kind: [broken\n", encoding="utf-8")
    result = run("import", "claimreview", "factchecks.jsonld", cwd=empty)
    assert result.returncode == 1
    assert "not replaced" in result.stderr
    assert mine.read_text(encoding="utf-8") == "kind: [broken\n"
    assert not (empty / "claims" / "imported.yaml").exists()


def test_api_and_page_fields_survive_export(empty: Path) -> None:
    _resolved(empty)
    exported = run("export", "--format", "claimreview", cwd=empty)
    reviews = {r["url"]: r for r in json.loads(exported.stdout)["dataFeedElement"]}
    api: Any = json.loads((DATA / "api.json").read_text(encoding="utf-8"))
    for claim in api["claims"]:
        for review in claim["claimReview"]:
            back = reviews[review["url"]]
            assert back["claimReviewed"] == claim["text"]
            assert back["itemReviewed"]["author"]["name"] == claim["claimant"]
            assert back["author"]["name"] == review["publisher"]["name"]
            assert back["reviewRating"] == {
                "@type": "Rating",
                "alternateName": review["textualRating"],
            }
            assert back["inLanguage"] == review["languageCode"]
            assert back.get("headline") == review.get("title")
    greek = reviews["https://checks.example/moon#second"]
    author = greek["itemReviewed"]["author"]
    assert (author["@type"], author["name"]) == ("Person", "Γιώργος Παπαδόπουλος")
    assert author["identifier"].startswith("speaker-")  # an ASCII id; the name as written
    assert greek["reviewRating"] == {
        "@type": "Rating",
        "ratingValue": 2,
        "bestRating": 5,
        "worstRating": 1,
        "alternateName": "Mostly false",
    }
    assert greek["datePublished"] == "2019-07-21"


def test_a_control_character_in_the_input_is_on_the_todo_list_where_validate_finds_it(
    empty: Path,
) -> None:
    """A review's text may carry characters no reader sees (a right-to-left override, an
    escape): written escaped, named on the to-do list as the error validate reports."""
    data = json.loads((empty / "factchecks.jsonld").read_text(encoding="utf-8"))
    first = data[0] if isinstance(data, list) else data["@graph"][0]
    first["claimReviewed"] = "Sanctions \u202eon oil\u202c were lifted \x1b[2J today"
    (empty / "factchecks.jsonld").write_text(json.dumps(data), encoding="utf-8")
    result = run("import", "claimreview", "factchecks.jsonld", "--report", "json", cwd=empty)
    assert result.returncode == 0, result.stderr
    todo = [t for t in json.loads(result.stdout)["todo"] if t["code"] == "CL018"]
    assert todo, "the to-do list names the control characters"
    assert {t["severity"] for t in todo} == {"error"}
    checked = run("validate", "--format", "json", cwd=empty)
    assert checked.returncode == 1
    found = [f for f in json.loads(checked.stdout) if f["code"] == "CL018"]
    where = {(f["path"], f["line"], f["column"]) for f in found}
    assert {(t["path"], t["line"], t["column"]) for t in todo} == where
