"""Read a response of the Google Fact Check Tools API (``claims:search``) into claims.

A response lists claims, each with the reviews fact-checkers published of it::

    {"claims": [{"text": "...", "claimant": "...", "claimDate": "2020-03-01T00:00:00Z",
                 "claimReview": [{"publisher": {"name": "Full Fact", "site": "fullfact.org"},
                                  "url": "...", "title": "...", "reviewDate": "...",
                                  "textualRating": "False", "languageCode": "en"}]}],
     "nextPageToken": "..."}

Each review becomes one claim, through the same reading as ClaimReview (so the
same fields are kept and ids derived the same way): ``text`` is the
statement, ``claimant`` the speaker (the API gives no type), ``claimDate`` the
date said; ``url``, ``title``, ``reviewDate``, ``publisher.name`` and
``languageCode`` the review's; ``textualRating`` the verdict's rating. The API
gives no report the claim appeared in, and no rating numbers. Any other field
(``publisher.site``, say) is reported by its path. A list of responses (pages
saved one after another) is read as one.

>>> imported = read_factcheck_api('''{"claims": [{"text": "Tea cures colds.", "claimant": "Ann",
...   "claimReview": [{"publisher": {"name": "FC"}, "url": "https://fc.example/tea",
...                    "textualRating": "False", "languageCode": "en"}]}]}''', "api.json")
>>> c = imported.claims[0]
>>> c.speaker, c.verdict.rating, c.review.author, c.review.language
('ann', 'False', 'FC', 'en')
"""

from __future__ import annotations

from typing import Any

from claimledger.importers.claimreview import Imported, read_reviews
from claimledger.importers.jsonld import InputError, load_json
from claimledger.importers.people import Known
from claimledger.parse import YamlPath
from claimledger.structure import describe

__all__ = ["read_factcheck_api"]

#: Where each ClaimReview property comes from, relative to the API's claim and review.
_FROM_CLAIM: dict[YamlPath, str] = {
    ("claimReviewed",): "text",
    ("itemReviewed", "author", "name"): "claimant",
    ("itemReviewed", "datePublished"): "claimDate",
}
_FROM_REVIEW: dict[YamlPath, YamlPath] = {
    ("url",): ("url",),
    ("headline",): ("title",),
    ("datePublished",): ("reviewDate",),
    ("author", "name"): ("publisher", "name"),
    ("inLanguage",): ("languageCode",),
    ("reviewRating", "alternateName"): ("textualRating",),
}


class _Translation:
    """Paths in the ClaimReview objects built -> paths in the API response."""

    def __init__(self) -> None:
        self.table: dict[YamlPath, YamlPath] = {}

    def __call__(self, path: YamlPath) -> YamlPath:
        for n in range(len(path), 0, -1):
            if path[:n] in self.table:
                return (*self.table[path[:n]], *path[n:])
        return path


def _set(review: dict[str, Any], at: YamlPath, value: Any) -> None:
    node = review
    for key in at[:-1]:
        node = node.setdefault(str(key), {})
    node[str(at[-1])] = value


def _responses(data: Any) -> list[tuple[YamlPath, Any]]:
    if isinstance(data, list):
        return [((i,), r) for i, r in enumerate(data)]
    return [((), data)]


def read_factcheck_api(
    text: str, path: str, known: Known | None = None, taken: frozenset[str] = frozenset()
) -> Imported:
    """The claims of a ``claims:search`` response ``text`` (read from ``path``)."""
    source = load_json(text, path)
    translate = _Translation()
    reviews: list[tuple[YamlPath, dict[str, Any]]] = []
    errors = []
    for base, response in _responses(source.data):
        claims = response.get("claims") if isinstance(response, dict) else None
        if not isinstance(claims, list):
            got = "no claims list" if isinstance(response, dict) else describe(response)
            errors.append(source.message(base, f"expected a claims:search response, got {got}"))
            continue
        for i, claim in enumerate(claims):
            at_claim = (*base, "claims", i)
            if not isinstance(claim, dict):
                errors.append(source.message(at_claim, f"expected a claim, got {describe(claim)}"))
                continue
            found = claim.get("claimReview")
            for j, review in enumerate(found if isinstance(found, list) else []):
                at = (*at_claim, "claimReview", j)
                if not isinstance(review, dict):
                    continue  # left unread: reported with its value
                built: dict[str, Any] = {"@type": "ClaimReview"}
                for target, key in _FROM_CLAIM.items():
                    if key in claim:
                        _set(built, target, claim[key])
                        translate.table[(*at, *target)] = (*at_claim, key)
                for target, origin in _FROM_REVIEW.items():
                    value: Any = review
                    for part in origin:
                        value = value.get(str(part)) if isinstance(value, dict) else None
                    if value is not None:
                        _set(built, target, value)
                        translate.table[(*at, *target)] = (*at, *origin)
                reviews.append((at, built))
    if errors:
        raise InputError(errors)
    return read_reviews(source, reviews, known, taken, translate, original=source.data)
