"""``claimledger import claimreview``: round trips, input forms, located errors, follow-up findings."""

from __future__ import annotations

import json
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from claimledger.export.claimreview import to_claimreview
from claimledger.export.schema import json_schema
from claimledger.importers import (
    NOT_ANCHORED,
    UNATTRIBUTED,
    InputError,
    read_claimreview,
)
from claimledger.importers.claimreview import NO_RATIONALE
from claimledger.importers.plan import known_of
from claimledger.ledger import LedgerFiles, read_claim_file
from claimledger.models import Review, Speaker, Verdict
from claimledger.parse import parse_yaml
from claimledger.rules.id_format import is_id
from tests.conftest import MakeLedger
from tests.conftest import run_cli as run


def test_round_trip_keeps_ids_speakers_dates_verdicts_and_sources(
    named_ledger: tuple[str, LedgerFiles],
) -> None:
    _, ledger = named_ledger
    imported = read_claimreview(to_claimreview(ledger), "feed.jsonld", known_of(ledger))
    judged = [c for c in ledger.claims if c.verdict]
    assert imported.notes == ()
    # ClaimReview carries plain dates only; an uncertain or bounded one is left out.
    assert [(c.id, c.speaker, c.said_on) for c in imported.claims] == [
        (c.id, c.speaker, c.said_on if c.said_on and c.said_on.plain else None) for c in judged
    ]
    for back, claim in zip(imported.claims, judged, strict=True):
        assert back.statement == claim.statement
        assert back.verdict is not None
        assert claim.verdict is not None
        assert (back.verdict.rating, back.verdict.rationale) == (
            claim.verdict.rating,
            claim.verdict.rationale,
        )
        assert [q.source for q in back.quotes] == list(
            dict.fromkeys(q.source for q in claim.quotes)
        )
        assert {q.note for q in back.quotes} <= {NOT_ANCHORED}
        # The review's claimReviewed is the reviewer's words, never shown as the speaker's.
        assert {q.kind for q in back.quotes} <= {"paraphrase"}
    # Every speaker and document is the ledger's own: nothing new is proposed.
    assert (imported.speakers, imported.sources) == ((), ())


def test_round_trip_through_the_command_line(make_ledger: MakeLedger) -> None:
    root = make_ledger()
    exported = run("export", "--format", "claimreview", "-o", "feed.jsonld", cwd=root)
    assert exported.returncode == 0, exported.stderr
    original = read_claim_file(root / "claims" / "briefing.yaml", root).claims[0][0]
    (root / "claims" / "briefing.yaml").unlink()
    result = run("import", "claimreview", "feed.jsonld", cwd=root)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    back = read_claim_file(root / "claims" / "imported.yaml", root)
    assert back.findings == ()
    claim = back.claims[0][0]
    assert (claim.id, claim.speaker, claim.said_on) == (
        original.id,
        original.speaker,
        original.said_on,
    )
    assert claim.verdict is not None
    assert original.verdict is not None
    assert claim.verdict.rating == original.verdict.rating
    # The document and the speaker are in the ledger already: nothing to add.
    assert result.stdout == ""
    # The quote is still to be anchored, and validation says so until it is.
    validated = run("validate", cwd=root)
    assert validated.returncode == 1
    assert "CL009" in validated.stdout


REVIEW: dict[str, Any] = {
    "@type": "ClaimReview",
    "url": "https://checks.example/2016/rain#rain-claim",
    "claimReviewed": "It rained on 12 October.",
    "itemReviewed": {
        "@type": "Claim",
        "author": {"@type": "Person", "name": "Ann Smith"},
        "datePublished": "2016-10-12T09:30:00+01:00",
        "appearance": [
            {
                "@type": "NewsArticle",
                "url": "https://www.news.example/uk/rain-story.html",
                "headline": "Rain",
                "publisher": {"name": "News"},
                "datePublished": "2016-10-12",
            },
            "https://other.example/",
        ],
        "firstAppearance": {"url": "https://www.news.example/uk/rain-story.html"},
    },
    "author": {"@type": "Organization", "name": "Checks"},
    "reviewRating": {"@type": "Rating", "alternateName": "accurate", "ratingValue": 5},
}


@pytest.mark.parametrize(
    "wrap",
    [
        lambda r: r,
        lambda r: [r],
        lambda r: {"@context": "https://schema.org", "@type": "DataFeed", "dataFeedElement": [r]},
        lambda r: {"@type": "DataFeed", "dataFeedElement": {"@type": "DataFeedItem", "item": r}},
        lambda r: {"@context": "https://schema.org", "@graph": [r]},
        lambda r: {**r, "@type": ["schema:ClaimReview"]},
        lambda r: {**r, "@type": "http://schema.org/ClaimReview"},
    ],
)
def test_input_forms(wrap: Any) -> None:
    imported = read_claimreview(json.dumps(wrap(REVIEW)), "in.json")
    (claim,) = imported.claims
    assert claim.id == "rain-claim"  # the review URL's fragment
    assert claim.speaker == "ann-smith"
    assert str(claim.said_on) == "2016-10-12"
    assert [q.source for q in claim.quotes] == ["news-example-rain-story", "other-example"]
    # The other report is undated, so only the review says which came first.
    assert claim.first_appearance == "news-example-rain-story"
    assert claim.verdict == Verdict("accurate", NO_RATIONALE, rating_value=5)
    assert claim.review == Review(
        url="https://checks.example/2016/rain#rain-claim", author="Checks"
    )
    news, other = imported.sources
    assert (news.kind, news.url, news.title, news.publisher, str(news.published)) == (
        "news-article",
        "https://www.news.example/uk/rain-story.html",
        "Rain",
        "News",
        "2016-10-12",
    )
    assert (other.kind, other.url, other.sha256) == (
        "creative-work",
        "https://other.example/",
        None,
    )
    assert imported.speakers == (Speaker("ann-smith", kind="person", name="Ann Smith"),)
    assert [str(m) for m in imported.changed] == [
        "in.json:1:1: itemReviewed.datePublished: time of day '09:30:00+01:00' left out"
    ] or all("time of day '09:30:00+01:00' left out" in str(m) for m in imported.changed)
    assert imported.unplaced == ()


def test_what_has_no_place_is_reported_field_by_field() -> None:
    bare = {
        "@type": "ClaimReview",
        "claimReviewed": "Taxes rose.",
        "image": {"@type": "ImageObject", "url": "https://c.example/i.png"},
        "itemReviewed": {"datePublished": "last week"},
        "reviewRating": {"ratingValue": 1, "bestRating": 5},
    }
    twice = {**bare, "itemReviewed": {"author": [{"name": "A"}, {"name": "B", "jobTitle": "MP"}]}}
    imported = read_claimreview(json.dumps([bare, twice], indent=1), "in.json")
    first, second = imported.claims
    assert (first.id, first.speaker, first.said_on, first.verdict) == (
        "taxes-rose",
        UNATTRIBUTED,
        None,
        None,
    )
    # A taken id gets a digest of the review, not a number that depends on the order.
    assert second.id.startswith("taxes-rose-")
    assert second.id != "taxes-rose-2"
    assert second.speaker == "a"
    unplaced = [m.message for m in imported.unplaced]
    for field in (
        "[0].image.@type: 'ImageObject'",
        "[0].image.url: 'https://c.example/i.png'",
        "[0].itemReviewed.datePublished: 'last week'",
        "[0].reviewRating.ratingValue: 1",
        "[0].reviewRating.bestRating: 5",
        "[1].itemReviewed.author[1].name: 'B'",
        "[1].itemReviewed.author[1].jobTitle: 'MP'",
    ):
        assert f"{field} has no place in the ledger" in unplaced, (field, unplaced)
    # Each message is at the field's own line.
    located = {m.message.split(":")[0]: m.location.line for m in imported.unplaced}
    assert located["[0].itemReviewed.datePublished"] == 10
    assert any("'taxes-rose' is taken" in str(n) for n in imported.notes)


def _said(text: str, name: str) -> dict[str, Any]:
    return {
        "@type": "ClaimReview",
        "claimReviewed": text,
        "itemReviewed": {"author": {"name": name}},
    }


def test_unattributed_is_never_used_for_a_named_author() -> None:
    said = [
        ("Один.", "Иван Петров"),
        ("Two.", "習近平"),
        ("Three.", "Ivan Petrov"),
        ("Four.", "ИВАН ПЕТРОВ"),
    ]
    reviews = [_said(text, name) for text, name in said]
    imported = read_claimreview(json.dumps(reviews, ensure_ascii=False), "in.json")
    names = {s.id: s.name for s in imported.speakers}
    speakers = [c.speaker for c in imported.claims]
    # Ids are ASCII slugs (CL017); a name in another script keeps its exact spelling
    # and gets an id from its digest, never a transliteration that could merge two.
    assert speakers[2] == "ivan-petrov"
    assert all(is_id(speaker) for speaker in speakers)
    assert len(set(speakers)) == 4
    assert names[speakers[0]] == "Иван Петров"
    assert names[speakers[1]] == "習近平"
    assert names[speakers[3]] == "ИВАН ПЕТРОВ"
    assert UNATTRIBUTED not in names
    # Names differing in case are two speakers until a person says otherwise.
    assert sorted(n or "" for n in names.values()) == sorted(
        ["Иван Петров", "習近平", "Ivan Petrov", "ИВАН ПЕТРОВ"]
    )


def test_names_identical_after_unicode_normalisation_are_one_speaker() -> None:
    composed, decomposed = "Erdoğan", "Erdog\u0306an"
    reviews = [_said("A.", composed), _said("B.", decomposed)]
    imported = read_claimreview(json.dumps(reviews), "in.json")
    assert len(imported.speakers) == 1
    assert imported.claims[0].speaker == imported.claims[1].speaker == "erdogan"


FEED = """{
  "@type": "DataFeed",
  "dataFeedElement": [
    {"@type": "ClaimReview", "claimReviewed": "Fine."},
    {"@type": "Article", "headline": "Not a review"},
    {"@type": "ClaimReview", "claimReviewed": ""},
    42
  ]
}
"""


@pytest.mark.parametrize(
    ("text", "messages"),
    [
        (
            '{"@type": "ClaimReview",\n  "claimReviewed": "x",,}',
            ["in.json:2:24: invalid JSON: Expecting property name"],
        ),
        ("", ["in.json:1:1: invalid JSON: Expecting value"]),
        (
            FEED,
            [
                "in.json:5:5: dataFeedElement[1]: expected a ClaimReview, got @type 'Article'",
                "in.json:6:5: dataFeedElement[2]: a ClaimReview needs claimReviewed text, got the string ''",
                "in.json:7:5: dataFeedElement[3]: expected a ClaimReview, got the integer 42",
            ],
        ),
        ('"a string"', ["in.json:1:1: expected a ClaimReview, got the string 'a string'"]),
        ("[]", ["in.json:1:1: no ClaimReview found"]),
        (
            '{"@type": "ClaimReview", "claimReviewed": "a",\n "claimReviewed": "b"}',
            ["in.json:2:2: duplicate key 'claimReviewed' (first defined at line 1)"],
        ),
        ("[" * 100_000 + "]" * 100_000, ["in.json:1:1: JSON nested too deeply"]),
    ],
)
def test_bad_input_is_located(text: str, messages: list[str]) -> None:
    with pytest.raises(InputError) as caught:
        read_claimreview(text, "in.json")
    got = [str(e) for e in caught.value.errors]
    assert len(got) == len(messages)
    for line, want in zip(got, messages, strict=True):
        assert line.startswith(want), line


@pytest.mark.parametrize(
    "content",
    [b"{not json", b'{"@type": "Article"}', b"\xff\xfe", b'"ClaimReview"'],
)
def test_command_line_bad_input_exits_1_without_traceback(
    content: bytes, make_ledger: MakeLedger
) -> None:
    root = make_ledger()
    (root / "in.json").write_bytes(content)
    result = run("import", "claimreview", "in.json", cwd=root)
    assert result.returncode == 1
    assert result.stderr.startswith("in.json")
    assert "Traceback" not in result.stderr
    assert not (root / "claims" / "imported.yaml").exists()


def test_refuses_to_overwrite_without_force(make_ledger: MakeLedger) -> None:
    root = make_ledger()
    (root / "in.json").write_text(json.dumps(REVIEW))
    target = root / "claims" / "mine.yaml"
    target.write_text("claims: []\n")
    refused = run("import", "claimreview", "in.json", "--output", "claims/mine.yaml", cwd=root)
    assert refused.returncode == 2
    assert "--force" in refused.stderr
    assert target.read_text() == "claims: []\n"
    forced = run("import", "claimreview", "in.json", "-o", "claims/mine.yaml", "--force", cwd=root)
    assert forced.returncode == 0, forced.stderr
    assert "rain-claim" in target.read_text()


def test_findings_say_what_to_add_at_its_line(make_ledger: MakeLedger) -> None:
    root = make_ledger()
    assert run("schema", "--dir", "schema", cwd=root).returncode == 0
    review = {**REVIEW, "reviewRating": {"alternateName": "Mostly False"}}
    (root / "in.json").write_text(json.dumps(review))
    result = run("import", "claimreview", "in.json", cwd=root)
    assert result.returncode == 0, result.stderr
    written = (root / "claims" / "imported.yaml").read_text()
    lines = written.splitlines()
    found = [line for line in result.stdout.splitlines() if ": CL0" in line]
    assert [line.split(": ")[1].split()[0] for line in found] == [
        "CL005",
        "CL019",
        "CL019",
        "CL011",
    ]
    news = next(line for line in found if "news-example-rain-story" in line)
    assert "https://www.news.example/uk/rain-story.html (“Rain”, News, 2016-10-12)" in news
    assert "corpus/news-example-rain-story.txt" in news
    line_no = int(news.split(":")[1])
    assert lines[line_no - 1].strip() == "- source: news-example-rain-story"
    # The file names its schema, and is valid under it.
    assert lines[0] == "# yaml-language-server: $schema=../schema/claims.schema.json"
    data = parse_yaml(written, "imported.yaml").data
    assert Draft202012Validator(json_schema("claims")).is_valid(data)
