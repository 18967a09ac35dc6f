"""Read schema.org ClaimReview (JSON-LD) into claims, keeping every field that has a place.

The input is one ClaimReview, a list of them, a ``DataFeed`` whose
``dataFeedElement`` holds them (directly or as ``DataFeedItem.item``), or an
``@graph``. Each review becomes a claim:

================================  ==================================================
ClaimReview                       ledger
================================  ==================================================
``claimReviewed``                 ``statement``
``itemReviewed.identifier``       ``id`` (else the fragment of ``url``, else a slug
                                  of ``claimReviewed``; see :func:`claim_id`)
``itemReviewed.author``           ``speaker``: ``name`` in any script, ``@type``
                                  Person / Organization as the registry's ``kind``
``itemReviewed.datePublished``    ``said_on`` (a time of day is reported, not kept)
``itemReviewed.appearance``,      ``quotes``, one per report, each report a source
``firstAppearance``               known by reference (``url``, ``archivedAt``,
                                  ``headline``, ``publisher``, ``author``,
                                  ``datePublished``, ``@type`` as ``kind``);
                                  ``first_appearance`` names the first
``url``, ``headline``,            ``review``: ``url``, ``title``, ``published``,
``datePublished``, ``author``,    ``author`` (the organisation's name),
``inLanguage``                    ``language``
``reviewRating``                  ``verdict``: ``alternateName`` as the rating,
                                  ``ratingValue``, ``bestRating``, ``worstRating``
``reviewBody``                    the verdict's rationale (else ``ratingExplanation``)
================================  ==================================================

A review holds no passage in a report's own words, so each quote's text is
``claimReviewed``, of kind ``paraphrase`` (the reviewer's words, never shown as
the speaker's), and its note is :data:`NOT_ANCHORED`; the report is a source
known by reference, so validation warns that the quote is not yet checked
against a text (CL019) until the report's text is added.

Every other field is reported by its path as having no place in the ledger,
never dropped silently. A rating given only as a number names no rating and is
reported too. Input that is not JSON, an element that is not a ClaimReview,
or a review without ``claimReviewed`` is an error at its line and column.

>>> imported = read_claimreview('''{"@type": "ClaimReview", "claimReviewed": "It rained.",
...   "itemReviewed": {"author": {"@type": "Person", "name": "Ann Smith"},
...                    "appearance": {"url": "https://news.example/2016/rain.html"}},
...   "reviewRating": {"alternateName": "accurate", "ratingValue": 4}}''', "r.json")
>>> claim = imported.claims[0]
>>> claim.id, claim.speaker, claim.quotes[0].source, claim.verdict.rating
('it-rained', 'ann-smith', 'news-example-rain', 'accurate')
>>> imported.sources[0].url, imported.speakers[0].kind
('https://news.example/2016/rain.html', 'person')
>>> read_claimreview('{"@type": "Article"}', "r.json")
Traceback (most recent call last):
...
claimledger.importers.jsonld.InputError: r.json:1:1: expected a ClaimReview, got @type 'Article'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Final
from urllib.parse import urlsplit

import attrs

from claimledger.dates import PartialDate
from claimledger.importers.fields import STRUCTURAL, FieldReader, as_list, number
from claimledger.importers.jsonld import InputError, LocatedJson, Message, load_json, types
from claimledger.importers.people import UNATTRIBUTED, Known, People, digest, slug
from claimledger.models import Claim, Quote, Review, Source, Speaker, SpeakerKind, Verdict
from claimledger.parse import YamlPath
from claimledger.rules.id_format import is_id
from claimledger.schemaorg import (
    DEFAULT_KIND,
    NO_RATIONALE,
    first_appearance,
    kind_of,
    known_work_type,
)
from claimledger.structure import describe

__all__ = [
    "NOT_ANCHORED",
    "NO_RATIONALE",
    "UNATTRIBUTED",
    "Imported",
    "read_claimreview",
    "read_reviews",
]

#: The note on every imported quote until it is anchored in the corpus.
NOT_ANCHORED: Final = "imported from ClaimReview; not yet anchored"

_DATE = re.compile(
    r"([0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?)(T[0-9:.]+(?:Z|[+-][0-9]{2}:?[0-9]{2})?)?"
)
_SPEAKER_KINDS: Final[dict[str, SpeakerKind]] = {"Person": "person", "Organization": "organisation"}
#: schema.org's kinds of Organization, kept as ``organisation`` (the exact type is reported).
_ORGANISATIONS: Final = frozenset(
    {
        "Corporation",
        "EducationalOrganization",
        "GovernmentOrganization",
        "NGO",
        "NewsMediaOrganization",
        "PoliticalParty",
        "ResearchOrganization",
    }
)


@attrs.frozen
class Imported:
    """The claims read, the speakers and sources they need that the ledger lacks, and notes.

    ``unplaced`` names each input field that has no place in the ledger;
    ``changed`` each field kept in another form (a time of day left out of a
    date, a Person's subtype kept as ``organisation``); ``notes`` anything
    else worth knowing (an id that was taken).
    """

    claims: tuple[Claim, ...]
    sources: tuple[Source, ...]
    speakers: tuple[Speaker, ...]
    unplaced: tuple[Message, ...] = ()
    changed: tuple[Message, ...] = ()
    notes: tuple[Message, ...] = ()


def _simple(value: Any) -> str | None:
    """``value`` when it can be a ledger id as it is (a slug: CL017 id-format)."""
    return value if isinstance(value, str) and is_id(value) else None


class _Reader:
    """One pass over the input: ids handed out, fields read, and the messages met."""

    def __init__(
        self,
        source: LocatedJson,
        known: Known,
        taken_claims: frozenset[str],
        translate: Callable[[YamlPath], YamlPath],
    ) -> None:
        self.input = source
        self.translate = translate
        self.fields = FieldReader()
        self.people = People(known)
        self.errors: list[Message] = []
        self.changed: list[Message] = []
        self.notes: list[Message] = []
        self.claim_ids: set[str] = set(taken_claims)

    def message(self, path: YamlPath, text: str) -> Message:
        return self.input.message(self.translate(path), text)

    def text(self, path: YamlPath, obj: dict[str, Any], key: str) -> str | None:
        """An optional text property; another shape is left unread (and so reported)."""
        value = obj.get(key)
        if isinstance(value, str) and value.strip():
            return str(self.fields.take(path, obj, key))
        if isinstance(value, str):
            self.fields.take(path, obj, key)  # an empty string says nothing
        return None

    def first(self, path: YamlPath, obj: dict[str, Any], key: str) -> tuple[YamlPath, Any]:
        """The first of one or several values, and its path (later ones stay unread)."""
        value = obj.get(key)
        if isinstance(value, list):
            return ((*path, key, 0), value[0]) if value else ((*path, key), None)
        return (*path, key), value

    def organisation(self, path: YamlPath, obj: dict[str, Any], key: str) -> str | None:
        """The name of the (first) Organization in ``obj[key]``, given as an object or a name.

        A type other than Organization is left unread, and so reported.
        """
        where, value = self.first(path, obj, key)
        if isinstance(value, dict):
            if types(value) in (["Organization"], []):
                self.fields.take(where, value, "@type")
            return self.text(where, value, "name")
        if isinstance(value, str) and value.strip():
            self.fields.mark(where)
            return value
        return None

    def date(self, path: YamlPath, obj: dict[str, Any], key: str) -> PartialDate | None:
        value = obj.get(key)
        match = _DATE.fullmatch(value.strip()) if isinstance(value, str) else None
        if match is None:
            return None  # left unread: reported with its value
        try:
            found = PartialDate.parse(match.group(1))
        except ValueError:
            return None
        self.fields.take(path, obj, key)
        if match.group(2):
            self.changed.append(
                self.message((*path, key), f"time of day {match.group(2)[1:]!r} left out")
            )
        return found

    def kind(self, path: YamlPath, obj: dict[str, Any]) -> SpeakerKind | None:
        found = [t for t in types(obj) if t in _SPEAKER_KINDS or t in _ORGANISATIONS]
        if not found:
            return None
        self.fields.take(path, obj, "@type")
        if found[0] in _ORGANISATIONS:
            self.changed.append(
                self.message((*path, "@type"), f"{found[0]!r} kept as organisation")
            )
            return "organisation"
        return _SPEAKER_KINDS[found[0]]

    def reviews(self, data: Any) -> Iterator[tuple[YamlPath, dict[str, Any]]]:
        elements: list[tuple[YamlPath, Any]]
        if isinstance(data, list):
            elements = [((i,), v) for i, v in enumerate(data)]
        elif isinstance(data, dict) and "DataFeed" in types(data):
            feed = as_list(data.get("dataFeedElement"))
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
                self.errors.append(self.message(path, f"expected a ClaimReview, got {got}"))
            else:
                got = describe(value)
                self.errors.append(self.message(path, f"expected a ClaimReview, got {got}"))

    def claim_id(
        self, path: YamlPath, review: dict[str, Any], item: dict[str, Any], text: str
    ) -> str:
        """The item's identifier, else the review URL's fragment, else a slug of the claim.

        An id already used (in this input or elsewhere in the ledger) gets a digest of
        the review's URL and claim, so it does not depend on what else is imported.
        """
        url = review.get("url")
        fragment = urlsplit(url).fragment if isinstance(url, str) else ""
        identifier = _simple(item.get("identifier"))
        if identifier:
            self.fields.take((*path, "itemReviewed"), item, "identifier")
        wanted = identifier or _simple(fragment) or slug(text) or f"claim-{digest(text, 10)}"
        tag = digest(f"{url}\0{text}")
        found = wanted if wanted not in self.claim_ids else f"{wanted}-{tag}"
        n = 1
        while found in self.claim_ids:
            n += 1
            found = f"{wanted}-{tag}-{n}"
        if found != wanted:
            self.notes.append(
                self.message(path, f"claim id {wanted!r} is taken; this is {found!r}")
            )
        self.claim_ids.add(found)
        return found

    def speaker(self, path: YamlPath, item: dict[str, Any]) -> str:
        path, author = self.first(path, item, "author")
        if isinstance(author, str) and author.strip():
            self.fields.mark(path)
            return self.people.speaker(author, None, None)
        if not isinstance(author, dict):
            return self.people.speaker(None, None, None)
        name = self.text(path, author, "name")
        identifier = _simple(author.get("identifier"))
        if identifier:
            self.fields.take(path, author, "identifier")
        found = self.people.speaker(name, self.kind(path, author), identifier)
        if found in self.people.speakers and self.people.speakers[found].description is None:
            description = self.text(path, author, "description")
            if description:
                self.people.speakers[found] = attrs.evolve(
                    self.people.speakers[found], description=description
                )
        elif found in self.people.known.speakers or found in self.people.speakers:
            self.fields.take(path, author, "description")  # the registry's, as exported
        return found

    def sources(self, path: YamlPath, item: dict[str, Any]) -> tuple[list[str], str | None]:
        """The sources of ``appearance`` then ``firstAppearance``, and the first's id."""
        found: dict[str, None] = {}
        first = None
        for key in ("appearance", "firstAppearance"):
            value = item.get(key)
            works = value if isinstance(value, list) else [value]
            at = [(*path, key, i) for i in range(len(works))] if isinstance(value, list) else []
            for where, work in zip(at or [(*path, key)], works, strict=False):
                source = self.source(where, work)
                if source is not None:
                    found[source] = None
                    if key == "firstAppearance" and first is None:
                        first = source
        return list(found), first

    def source(self, path: YamlPath, work: Any) -> str | None:
        if isinstance(work, str) and work.strip():
            self.fields.mark(path)
            return self.people.source(Source("", kind=DEFAULT_KIND, url=work), None)
        if not isinstance(work, dict):
            return None
        url = self.text(path, work, "url")
        archive_path, archive = self.first(path, work, "archivedAt")
        if isinstance(archive, dict):
            archive_path, archive = (*archive_path, "url"), archive.get("url")
        if isinstance(archive, str) and archive.strip():
            self.fields.mark(archive_path)
        else:
            archive = None
        title = self.text(path, work, "headline") or self.text(path, work, "name")
        identifier = _simple(work.get("identifier"))
        if not (url or archive or title or identifier):
            return None
        if identifier:
            self.fields.take(path, work, "identifier")
        schema_type = next(iter(types(work)), None)
        if schema_type is not None:
            self.fields.take(path, work, "@type")
            if not known_work_type(schema_type):
                self.changed.append(
                    self.message((*path, "@type"), "kept as kind; exports write CreativeWork")
                )
        publisher = self.organisation(path, work, "publisher")
        authors = []
        for i, author in enumerate(as_list(work.get("author"))):
            where = (
                (*path, "author", i) if isinstance(work.get("author"), list) else (*path, "author")
            )
            if isinstance(author, str) and author.strip():
                self.fields.mark(where)
                authors.append(author)
            elif isinstance(author, dict) and (name := self.text(where, author, "name")):
                if types(author) in (["Person"], []):
                    self.fields.take(where, author, "@type")
                authors.append(name)
        proposed = Source(
            id="",
            kind=kind_of(schema_type),
            title=title,
            publisher=publisher,
            authors=tuple(authors),
            url=url,
            archive_url=archive,
            published=self.date(path, work, "datePublished"),
        )
        return self.people.source(proposed, identifier)

    def verdict(self, review_path: YamlPath, review: dict[str, Any]) -> Verdict | None:
        path, rating = self.first(review_path, review, "reviewRating")
        if not isinstance(rating, dict):
            return None
        name = self.text(path, rating, "alternateName") or self.text(path, rating, "name")
        value = number(rating.get("ratingValue"))
        if name is None and value is None and self.text(path, rating, "ratingValue"):
            name = rating["ratingValue"]  # a rating's name written where its number goes
            self.changed.append(self.message((*path, "ratingValue"), "read as alternateName"))
        if name is None:
            return None  # a number alone names no rating: reported as unplaced
        numbers = {}
        for key in ("ratingValue", "bestRating", "worstRating"):
            numbers[key] = number(rating.get(key))
            if numbers[key] is not None:
                self.fields.take(path, rating, key)
        if types(rating) in (["Rating"], []):
            self.fields.take(path, rating, "@type")
        body = self.text(review_path, review, "reviewBody")
        body = body or self.text(path, rating, "ratingExplanation")
        return Verdict(
            rating=name,
            rationale=body or NO_RATIONALE,
            rating_value=numbers["ratingValue"],
            best_rating=numbers["bestRating"],
            worst_rating=numbers["worstRating"],
        )

    def review(self, path: YamlPath, review: dict[str, Any]) -> Review:
        url = self.text(path, review, "url")
        if isinstance(review.get("@id"), str) and url and review["@id"].startswith(url):
            self.fields.take(path, review, "@id")  # the review's own address, again
        author = self.organisation(path, review, "author")
        language_path, language = self.first(path, review, "inLanguage")
        if isinstance(language, dict):
            self.fields.take(language_path, language, "@type")
            language = self.text(language_path, language, "alternateName") or self.text(
                language_path, language, "name"
            )
        elif isinstance(language, str) and language.strip():
            self.fields.mark(language_path)
        else:
            language = None
        found = Review(
            url=url,
            title=self.text(path, review, "headline") or self.text(path, review, "name"),
            published=self.date(path, review, "datePublished"),
            author=author,
            language=language,
        )
        return found  # empty when the review says nothing of itself: it is still a review

    def claim(self, path: YamlPath, review: dict[str, Any]) -> Claim | None:
        statement = self.text(path, review, "claimReviewed")
        if statement is None:
            got = review.get("claimReviewed")
            shown = "none" if got is None else describe(got)
            self.errors.append(
                self.message(path, f"a ClaimReview needs claimReviewed text, got {shown}")
            )
            return None
        self.fields.take(path, review, "@type")
        item_path, item = (*path, "itemReviewed"), review.get("itemReviewed", {})
        if not isinstance(item, dict):
            item = {}
        if types(item) in (["Claim"], []):
            self.fields.take(item_path, item, "@type")
        if item.get("name") == statement:
            self.fields.take(item_path, item, "name")  # the claim's text, again
        sources, first = self.sources(item_path, item)
        return Claim(
            id=self.claim_id(path, review, item, statement),
            statement=statement,
            speaker=self.speaker(item_path, item),
            said_on=self.date(item_path, item, "datePublished"),
            quotes=tuple(
                Quote(source=s, text=statement, note=NOT_ANCHORED, kind="paraphrase")
                for s in sources
            ),
            verdict=self.verdict(path, review),
            first_appearance=first,
            review=self.review(path, review),
        )


def _same(path: YamlPath) -> YamlPath:
    return path


def read_reviews(
    source: LocatedJson,
    reviews: Iterable[tuple[YamlPath, dict[str, Any]]] | None = None,
    known: Known | None = None,
    taken: frozenset[str] = frozenset(),
    translate: Callable[[YamlPath], YamlPath] = _same,
    original: Any = None,
) -> Imported:
    """The claims of the ClaimReview objects in ``source`` (all of them, or ``reviews``).

    ``known`` is the ledger's registry and corpus, ``taken`` the claim ids used
    elsewhere in it. ``reviews`` given by a reader of another format are
    ClaimReview objects it built; ``translate`` maps a path in them to the
    path of the input's own field, and ``original`` is that input, whose
    fields not read are reported. Raise :class:`InputError` when the input
    cannot be imported.
    """
    reader = _Reader(source, known or Known({}, {}), taken, translate)
    found = reader.reviews(source.data) if reviews is None else reviews
    claims: list[Claim] = []
    walked: list[tuple[YamlPath, Any]] = []
    for path, review in found:
        claim = reader.claim(path, review)
        if claim is not None:
            claims.append(claim)
            walked.append((path, review))
    claims = [_first_appearance(claim, reader.people) for claim in claims]
    if not claims and not reader.errors:
        reader.errors.append(reader.message((), "no ClaimReview found"))
    if reader.errors:
        raise InputError(reader.errors)
    fields = reader.fields
    if reviews is None:
        walked += _container(fields, source.data)
    elif original is not None:
        walked = [((), original)]
        fields = FieldReader({translate(path) for path in fields.read})
    unplaced = [
        source.message(
            where if original is not None else translate(where),
            f"{shown} has no place in the ledger",
        )
        for path, value in walked
        for where, shown in fields.unplaced(path, value)
    ]
    return Imported(
        claims=tuple(claims),
        sources=tuple(reader.people.sources.values()),
        speakers=tuple(reader.people.speakers.values()),
        unplaced=tuple(unplaced),
        changed=tuple(reader.changed),
        notes=tuple(reader.notes),
    )


def _first_appearance(claim: Claim, people: People) -> Claim:
    """The claim, its ``first_appearance`` kept only where its reports' dates do not tell.

    Exports name the earliest report as the first appearance when the dates
    show it; recording it too would make a review that did not name it come
    back from its own export naming it.
    """
    if claim.first_appearance is None:
        return claim
    known = {**people.known.sources, **people.sources}
    reports = [known[s] for s in dict.fromkeys(q.source for q in claim.quotes)]
    derived = first_appearance(reports)
    if derived is not None and derived.id == claim.first_appearance:
        return attrs.evolve(claim, first_appearance=None)
    return claim


def _container(fields: FieldReader, data: Any) -> list[tuple[YamlPath, Any]]:
    """The fields of a DataFeed or @graph around the reviews, which have no place either."""
    if not isinstance(data, dict) or not ("DataFeed" in types(data) or "@graph" in data):
        return []
    fields.take((), data, "@type")
    rest = []
    for key, value in data.items():
        if key in ("dataFeedElement", "@graph"):
            for i, element in enumerate(as_list(value)):
                if isinstance(element, dict) and "DataFeedItem" in types(element):
                    at = (key, i) if isinstance(value, list) else (key,)
                    fields.take(at, element, "@type")
                    rest += [((*at, k), v) for k, v in element.items() if k != "item"]
        elif key not in STRUCTURAL:
            rest.append(((key,), value))
    return rest


def read_claimreview(
    text: str, path: str, known: Known | None = None, taken: frozenset[str] = frozenset()
) -> Imported:
    """The claims of ClaimReview JSON-LD ``text`` (read from ``path``); raise InputError."""
    return read_reviews(load_json(text, path), None, known, taken)
