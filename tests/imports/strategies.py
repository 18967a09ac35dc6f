"""Generated ClaimReview documents: names in any script, odd but valid dates, every optional field.

The shapes follow what fact-checkers publish: a review with its rating (name,
numbers or both), the claim's author (a Person, an Organization, or untyped),
reports the claim appeared in (a URL alone, or a described work), the
review's own URL, date, author and language, and fields the ledger has no
place for (``image``, ``author.jobTitle``...).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

SCRIPTS = [
    "Ann Smith",
    "Владимир Путин",
    "习近平",
    "नरेन्द्र मोदी",
    "محمد بن سلمان",
    "Κυριάκος Μητσοτάκης",
    "Recep Tayyip Erdoğan",
    "Łukasz Ćwikła",
    "문재인",
    "עמית סגל",
    "Jean-Claude Müller",
]

_LETTERS = st.characters(
    codec="utf-8", categories=["L", "M", "N", "P", "S", "Zs"], exclude_characters="\u2028\u2029"
)
words = st.text(_LETTERS, min_size=1, max_size=40).filter(lambda t: t.strip() != "")
names = st.one_of(st.sampled_from(SCRIPTS), words)
RATINGS = [
    "False",
    "Mostly false",
    "Half true",
    "True",
    "Faux",
    "Неправда",
    "虚假",
    "Pants on Fire!",
]

# Year 1 to 9999, a leap day, the last day of a month: dates a naive parser gets wrong.
_days = st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)) | st.sampled_from(
    [dt.date(2020, 2, 29), dt.date(1900, 2, 28), dt.date(2000, 2, 29), dt.date(1, 1, 1)]
)


@st.composite
def dates(draw: st.DrawFn) -> str:
    day = draw(_days)
    shape = draw(st.sampled_from(["year", "month", "day", "datetime", "utc"]))
    if shape == "year":
        return f"{day.year:04d}"
    if shape == "month":
        return f"{day.year:04d}-{day.month:02d}"
    text = f"{day.year:04d}-{day.month:02d}-{day.day:02d}"
    if shape == "datetime":
        hours = draw(st.integers(-12, 14))
        return f"{text}T23:59:59{'+' if hours >= 0 else '-'}{abs(hours):02d}:00"
    return f"{text}T00:00:00Z" if shape == "utc" else text


_host = st.from_regex(r"[a-z]{1,8}\.(example|test)", fullmatch=True)
_path = st.from_regex(r"(/[a-z0-9-]{1,12}){0,3}(\.html)?", fullmatch=True)


@st.composite
def urls(draw: st.DrawFn) -> str:
    return f"https://{draw(_host)}{draw(_path)}"


@st.composite
def works(draw: st.DrawFn) -> Any:
    url = draw(urls())
    if draw(st.booleans()):
        return url
    work: dict[str, Any] = {"url": url}
    options = {
        "@type": st.sampled_from(["NewsArticle", "VideoObject", "SocialMediaPosting", "WebPage"]),
        "headline": words,
        "publisher": st.one_of(
            words, st.builds(lambda n: {"@type": "Organization", "name": n}, words)
        ),
        "author": st.lists(st.builds(lambda n: {"@type": "Person", "name": n}, names), max_size=2),
        "datePublished": dates(),
        "archivedAt": urls(),
    }
    for key, strategy in options.items():
        if draw(st.booleans()):
            work[key] = draw(strategy)
    return work


@st.composite
def ratings(draw: st.DrawFn) -> dict[str, Any]:
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": draw(st.sampled_from(RATINGS))}
    if draw(st.booleans()):
        worst = draw(st.integers(0, 1))
        best = draw(st.integers(worst + 1, 10))
        value: Any = draw(st.integers(worst, best) | st.just(worst + 0.5))
        if draw(st.booleans()):
            value = str(value)  # as many sites write it
        rating.update(ratingValue=value, bestRating=best, worstRating=worst)
    return rating


@st.composite
def claim_reviews(draw: st.DrawFn) -> dict[str, Any]:
    """One ClaimReview with a random selection of its fields."""
    item: dict[str, Any] = {"@type": "Claim"}
    if draw(st.integers(0, 9)):  # most name an author
        author: dict[str, Any] = {"name": draw(names)}
        kind = draw(st.sampled_from(["Person", "Organization", None]))
        if kind:
            author["@type"] = kind
        if draw(st.booleans()):
            author["jobTitle"] = draw(words)  # no place in the ledger: reported
        item["author"] = author
    if draw(st.booleans()):
        item["datePublished"] = draw(dates())
    appearances = draw(st.lists(works(), max_size=3))
    if appearances:
        item["appearance"] = appearances
    if draw(st.booleans()):
        item["firstAppearance"] = draw(st.sampled_from(appearances) if appearances else works())
    review: dict[str, Any] = {"@type": "ClaimReview", "claimReviewed": draw(words)}
    review["itemReviewed"] = item
    if draw(st.integers(0, 4)):
        review["reviewRating"] = draw(ratings())
    optional = {
        "url": urls(),
        "datePublished": dates(),
        "author": st.builds(lambda n: {"@type": "Organization", "name": n}, names),
        "inLanguage": st.sampled_from(["en", "fr", "ru", "zh-Hans", "hi"]),
        "headline": words,
        "reviewBody": words,
        "image": urls(),
    }
    for key, strategy in optional.items():
        if draw(st.booleans()):
            review[key] = draw(strategy)
    return review


documents = st.lists(claim_reviews(), min_size=1, max_size=4).map(
    lambda reviews: {
        "@context": "https://schema.org",
        "@type": "DataFeed",
        "dataFeedElement": reviews,
    }
)
