"""Read schema.org ClaimReview (JSON-LD) into claims whose quotes are still to be anchored.

The input is one ClaimReview, a list of them, or a ``DataFeed`` whose
``dataFeedElement`` holds them (directly or as ``DataFeedItem.item``). Each
review becomes a claim:

``id``
    ``itemReviewed.identifier`` (as claimledger's own export writes it), else
    the fragment of the review's ``url``, else a slug of ``claimReviewed``.
``statement``
    ``claimReviewed``.
``speaker``
    ``itemReviewed.author``'s ``identifier``, else a slug of its ``name``.
``said_on``
    the date part of ``itemReviewed.datePublished``.
``quotes``
    one for each report in ``appearance`` and ``firstAppearance``, its source
    id the report's ``identifier``, else derived from its URL (host and last
    path segment: ``mirror-co-uk-jeremy-corbyns-team-rejects-call-9031006``),
    else from its headline. A review holds no passage in the report's own
    words, so the quote's text is ``claimReviewed``, of kind ``paraphrase`` (the
    reviewer's words, never shown as the speaker's), and its note is
    :data:`NOT_ANCHORED`: the quote stays marked until someone puts the
    document in the corpus and the exact words in the quote.
``verdict``
    ``reviewRating.alternateName`` as the rating and ``reviewBody`` as the
    rationale. A rating given only as a number is not imported: which of the
    ledger's ratings it is would be a guess.

Input that is not JSON, or an element that is not a ClaimReview, or a review
without ``claimReviewed``, is an error at its line and column. Optional
properties of an unexpected shape are skipped with a note.

>>> imported = read_claimreview('''{"@type": "ClaimReview", "claimReviewed": "It rained.",
...   "itemReviewed": {"author": {"@type": "Person", "name": "Ann Smith"},
...                    "appearance": {"url": "https://news.example/2016/rain.html"}},
...   "reviewRating": {"alternateName": "accurate", "ratingValue": 4}}''', "r.json")
>>> claim = imported.claims[0]
>>> claim.id, claim.speaker, claim.quotes[0].source, claim.verdict.rating
('it-rained', 'ann-smith', 'news-example-rain', 'accurate')
>>> read_claimreview('{"@type": "Article"}', "r.json")
Traceback (most recent call last):
...
claimledger.importers.jsonld.InputError: r.json:1:1: expected a ClaimReview, got @type 'Article'
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, Final
from urllib.parse import urlsplit

import attrs

from claimledger.dates import PartialDate
from claimledger.importers.jsonld import InputError, LocatedJson, Message, load_json, slug, types
from claimledger.models import Claim, Quote, Verdict
from claimledger.parse import YamlPath
from claimledger.structure import describe

__all__ = ["NOT_ANCHORED", "UNATTRIBUTED", "Appearance", "Imported", "read_claimreview"]

#: The note on every imported quote until it is anchored in the corpus.
NOT_ANCHORED: Final = "imported from ClaimReview; not yet anchored"
#: The rationale of a verdict whose review gives none.
NO_RATIONALE: Final = "Imported from a ClaimReview with no reviewBody."
#: The speaker of a review that names no author.
UNATTRIBUTED: Final = "unattributed"

_SIMPLE_ID = re.compile(r"[\w.-]+")
_DATE = re.compile(r"(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?:T[0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?")


@attrs.frozen
class Appearance:
    """A report a review says the claim appeared in: a document for the corpus."""

    id: str
    url: str | None
    headline: str | None
    publisher: str | None
    published: str | None


@attrs.frozen
class Imported:
    """The claims read, the documents and speakers they need, and notes on what was skipped."""

    claims: tuple[Claim, ...]
    appearances: tuple[Appearance, ...]
    #: Speaker id -> the name the reviews give (``None`` if none).
    speakers: dict[str, str | None]
    notes: tuple[Message, ...]


class _Reader:
    """One pass over the input: the ids handed out so far, and the errors and notes met."""

    def __init__(self, source: LocatedJson) -> None:
        self.input = source
        self.errors: list[Message] = []
        self.notes: list[Message] = []
        self.claim_ids: set[str] = set()
        self.appearances: dict[str, Appearance] = {}
        self.by_url: dict[str, str] = {}
        self.speakers: dict[str, str | None] = {}

    def error(self, path: YamlPath, text: str) -> None:
        self.errors.append(self.input.message(path, text))

    def note(self, path: YamlPath, text: str) -> None:
        self.notes.append(self.input.message(path, text))

    def text(self, path: YamlPath, obj: dict[str, Any], key: str) -> str | None:
        """An optional text property; another shape is noted and skipped."""
        value = obj.get(key)
        if value is None or (isinstance(value, str) and value.strip()):
            return value
        self.note((*path, key), f"expected text, got {describe(value)}; skipped")
        return None

    def reviews(self, data: Any) -> Iterator[tuple[YamlPath, dict[str, Any]]]:
        elements: list[tuple[YamlPath, Any]]
        if isinstance(data, list):
            elements = [((i,), v) for i, v in enumerate(data)]
        elif isinstance(data, dict) and "DataFeed" in types(data):
            feed = data.get("dataFeedElement", [])
            feed = feed if isinstance(feed, list) else [feed]
            elements = [(("dataFeedElement", i), v) for i, v in enumerate(feed)]
        elif isinstance(data, dict) and isinstance(data.get("@graph"), list):
            elements = [(("@graph", i), v) for i, v in enumerate(data["@graph"])]
        else:
            elements = [((), data)]
        for path, value in elements:
            if isinstance(value, dict) and "DataFeedItem" in types(value) and "item" in value:
                path, value = (*path, "item"), value["item"]
            if isinstance(value, dict) and "ClaimReview" in types(value):
                yield path, value
            elif isinstance(value, dict):
                kinds = types(value)
                got = f"@type {kinds[0]!r}" if kinds else "an object without @type"
                self.error(path, f"expected a ClaimReview, got {got}")
            else:
                self.error(path, f"expected a ClaimReview, got {describe(value)}")

    def unique_claim_id(self, path: YamlPath, wanted: str) -> str:
        found, n = wanted, 1
        while found in self.claim_ids:
            n += 1
            found = f"{wanted}-{n}"
        if found != wanted:
            self.note(path, f"claim id {wanted!r} is taken; this claim is {found!r}")
        self.claim_ids.add(found)
        return found

    def claim_id(
        self, path: YamlPath, review: dict[str, Any], item: dict[str, Any], text: str
    ) -> str:
        identifier = item.get("identifier")
        if isinstance(identifier, str) and _SIMPLE_ID.fullmatch(identifier):
            wanted = identifier
        else:
            url = review.get("url")
            fragment = urlsplit(url).fragment if isinstance(url, str) else ""
            wanted = fragment if _SIMPLE_ID.fullmatch(fragment) else ""
        wanted = wanted or slug(text) or "imported-claim"
        return self.unique_claim_id(path, wanted)

    def speaker(self, path: YamlPath, item: dict[str, Any]) -> str:
        author = item.get("author")
        if isinstance(author, list) and author:
            if len(author) > 1:
                self.note((*path, "author"), "several authors; the first is the speaker")
            author, path = author[0], (*path, "author", 0)
        else:
            path = (*path, "author")
        name = self.text(path, author, "name") if isinstance(author, dict) else None
        identifier = author.get("identifier") if isinstance(author, dict) else None
        if isinstance(identifier, str) and _SIMPLE_ID.fullmatch(identifier):
            found = identifier
        elif name and slug(name):
            found = slug(name)
        else:
            self.note(path, f"no author named; the speaker is {UNATTRIBUTED!r}")
            found = UNATTRIBUTED
        self.speakers.setdefault(found, name)
        return found

    def said_on(self, path: YamlPath, item: dict[str, Any]) -> PartialDate | None:
        value = self.text(path, item, "datePublished")
        if value is None:
            return None
        match = _DATE.fullmatch(value)
        try:
            return PartialDate.parse(match.group(1) if match else value)
        except ValueError:
            self.note((*path, "datePublished"), f"{value!r} is not a date; left out")
            return None

    def sources(self, path: YamlPath, item: dict[str, Any]) -> list[str]:
        works: list[tuple[YamlPath, Any]] = []
        for key in ("appearance", "firstAppearance"):
            value = item.get(key)
            if isinstance(value, list):
                works += (((*path, key, i), v) for i, v in enumerate(value))
            elif value is not None:
                works.append(((*path, key), value))
        found: dict[str, None] = {}
        for where, work in works:
            source = self.source(where, {"url": work} if isinstance(work, str) else work)
            if source is not None:
                found[source] = None
        return list(found)

    def source(self, path: YamlPath, work: Any) -> str | None:
        if not isinstance(work, dict):
            self.note(path, f"expected a CreativeWork or a URL, got {describe(work)}; skipped")
            return None
        identifier, url = work.get("identifier"), self.text(path, work, "url")
        headline = self.text(path, work, "headline") or self.text(path, work, "name")
        if url is not None and url in self.by_url:
            return self.by_url[url]
        if isinstance(identifier, str) and _SIMPLE_ID.fullmatch(identifier):
            wanted = identifier
        elif url:
            parts = urlsplit(url)
            host = parts.hostname or ""
            host = host.removeprefix("www.")
            last = parts.path.rstrip("/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
            wanted = slug(f"{host} {last}", 80)
        else:
            wanted = slug(headline or "")
        if not wanted:
            self.note(path, "a report with no identifier, url or headline; skipped")
            return None
        found, n = wanted, 1
        while found in self.appearances and self.appearances[found].url != url:
            n += 1
            found = f"{wanted}-{n}"
        if found not in self.appearances:
            publisher = work.get("publisher")
            if isinstance(publisher, dict):
                publisher = publisher.get("name")
            published = work.get("datePublished")
            self.appearances[found] = Appearance(
                found,
                url,
                headline,
                publisher if isinstance(publisher, str) else None,
                published if isinstance(published, str) else None,
            )
        if url is not None:
            self.by_url[url] = found
        return found

    def verdict(self, path: YamlPath, review: dict[str, Any]) -> Verdict | None:
        rating = review.get("reviewRating")
        if rating is None:
            return None
        path = (*path, "reviewRating")
        if not isinstance(rating, dict):
            self.note(path, f"expected a Rating, got {describe(rating)}; no verdict")
            return None
        name = self.text(path, rating, "alternateName")
        if name is None:
            self.note(path, "no alternateName; no verdict (a number alone names no rating)")
            return None
        body = self.text(path[:-1], review, "reviewBody")
        return Verdict(rating=name, rationale=body or NO_RATIONALE)

    def claim(self, path: YamlPath, review: dict[str, Any]) -> Claim | None:
        statement = review.get("claimReviewed")
        if not isinstance(statement, str) or not statement.strip():
            got = "none" if statement is None else describe(statement)
            self.error(path, f"a ClaimReview needs claimReviewed text, got {got}")
            return None
        item = review.get("itemReviewed", {})
        item_path = (*path, "itemReviewed")
        if not isinstance(item, dict):
            self.note(item_path, f"expected a Claim, got {describe(item)}; skipped")
            item = {}
        return Claim(
            id=self.claim_id(path, review, item, statement),
            statement=statement,
            speaker=self.speaker(item_path, item),
            said_on=self.said_on(item_path, item),
            quotes=tuple(
                Quote(source=source, text=statement, note=NOT_ANCHORED, kind="paraphrase")
                for source in self.sources(item_path, item)
            ),
            verdict=self.verdict(path, review),
        )


def read_claimreview(text: str, path: str) -> Imported:
    """The claims of ClaimReview JSON-LD ``text`` (read from ``path``); raise InputError."""
    source = load_json(text, path)
    reader = _Reader(source)
    claims = [c for p, r in reader.reviews(source.data) if (c := reader.claim(p, r)) is not None]
    if not claims and not reader.errors:
        reader.error((), "no ClaimReview found")
    if reader.errors:
        raise InputError(reader.errors)
    return Imported(
        claims=tuple(claims),
        appearances=tuple(reader.appearances.values()),
        speakers=reader.speakers,
        notes=tuple(reader.notes),
    )
