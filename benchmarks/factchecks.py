"""Realistic published fact checks, generated: the shapes fact-checkers' sites and APIs give.

Five shapes, in the proportions of a newsroom's back catalogue:

``rated``
    a US-style review with a 1-6 meter (``ratingValue`` as a string, a rating
    image), a named Person, a social-media appearance, the site's logo;
``plain``
    a UK-style review with a textual rating only, an Organization or party
    as the speaker, a news article and a video as appearances (one archived),
    ``firstAppearance``, ``inLanguage``;
``world``
    a review in another language and script (Russian, Hindi, Arabic, Chinese,
    Greek), times of day with offsets, names in their own script;
``api``
    a Fact Check Tools API ``claims:search`` response: a claim with one or
    two publishers' reviews;
``page``
    a saved article page with the review as JSON-LD (beside the site's own
    ``WebSite`` block) or as microdata.

Deterministic for a seed, so the round-trip figures can be compared run to run.
"""

from __future__ import annotations

import html
import json
import random
from typing import Any

__all__ = ["SHAPES", "sample"]

SPEAKERS: dict[str, list[tuple[str, str | None]]] = {
    "en": [
        ("Joe Bloggs", "Person"),
        ("Jane Roe", "Person"),
        ("The Example Party", "PoliticalParty"),
        ("Department of Health", "GovernmentOrganization"),
        ("Viral posts", None),
    ],
    "ru": [("Мария Захарова", "Person"), ("Министерство обороны", "GovernmentOrganization")],
    "hi": [("नरेन्द्र मोदी", "Person"), ("राहुल गांधी", "Person")],
    "ar": [("محمد بن سلمان", "Person"), ("وزارة الصحة", "GovernmentOrganization")],
    "zh": [("网络传言", None), ("习近平", "Person")],
    "el": [("Κυριάκος Μητσοτάκης", "Person")],
}
CLAIMS: dict[str, list[str]] = {
    "en": [
        "{n} percent of nurses quit last year.",
        "Crime fell by {n}% since 2019.",
        "The new bridge cost £{n} million.",
        "Vaccines contain {n} microchips.",
    ],
    "ru": ["Учения прошли {n} дней назад.", "Цены выросли на {n}%."],
    "hi": ["बेरोजगारी {n} प्रतिशत घटी।", "देश में {n} नए हवाई अड्डे बने।"],
    "ar": ["ارتفعت الأسعار بنسبة {n} في المئة.", "تم بناء {n} مستشفى جديد."],
    "zh": ["疫苗含有{n}种毒素。", "房价上涨了{n}%。"],
    "el": ["Η ανεργία μειώθηκε κατά {n}%."],  # noqa: RUF001 - Greek, as published
}
METER = ["Pants on Fire!", "False", "Mostly False", "Half True", "Mostly True", "True"]
TEXTUAL: dict[str, list[str]] = {
    "en": ["Misleading", "Incorrect", "Needs context", "Correct"],
    "ru": ["Неправда", "Манипуляция"],
    "hi": ["गलत", "भ्रामक"],
    "ar": ["زائف", "مضلل"],
    "zh": ["錯誤", "部分錯誤"],
    "el": ["Ψευδές"],
}
SHAPES = ("rated", "plain", "world", "api", "page")
WEIGHTS = (30, 25, 20, 15, 10)


def _date(rng: random.Random, *, time: bool = False) -> str:
    year, month = rng.randint(2015, 2024), rng.randint(1, 12)
    day = 29 if month == 2 and year % 4 == 0 and rng.random() < 0.2 else rng.randint(1, 28)
    text = f"{year:04d}-{month:02d}-{day:02d}"
    if time:
        offset = rng.choice(["Z", "+03:00", "-05:00", "+05:30"])
        text += f"T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00{offset}"
    return text


def _author(rng: random.Random, language: str) -> dict[str, Any]:
    name, kind = rng.choice(SPEAKERS[language])
    author: dict[str, Any] = {"name": name}
    if kind:
        author["@type"] = kind
    if kind == "Person" and rng.random() < 0.4:
        author["jobTitle"] = rng.choice(["Blogger", "MP", "Minister", "Spokesperson"])
    if rng.random() < 0.2:
        author["sameAs"] = [f"https://social.example/{rng.randint(1, 999)}"]
    return author


def _work(rng: random.Random, n: int) -> Any:
    host = rng.choice(["news", "social", "video", "blog"])
    url = f"https://{host}.example/{n}/{rng.randint(1, 10**6)}"
    if rng.random() < 0.3:
        return url
    work: dict[str, Any] = {
        "@type": rng.choice(["NewsArticle", "SocialMediaPosting", "VideoObject", "CreativeWork"]),
        "url": url,
    }
    if rng.random() < 0.6:
        work["headline"] = f"Report {n}"
    if rng.random() < 0.5:
        work["publisher"] = {
            "@type": "Organization",
            "name": rng.choice(["Example News", "Daily Example"]),
        }
    if rng.random() < 0.5:
        work["datePublished"] = _date(rng)
    if rng.random() < 0.3:
        work["archivedAt"] = url.replace("https://", "https://archive.example/")
    if rng.random() < 0.2:
        work["author"] = {"@type": "Person", "name": rng.choice(["Sam Reporter", "Ана Журналист"])}
    return work


def claim_review(rng: random.Random, n: int, shape: str) -> dict[str, Any]:
    language = "en" if shape in ("rated", "plain") else rng.choice(sorted(SPEAKERS))
    text = rng.choice(CLAIMS[language]).format(n=rng.randint(2, 90))
    item: dict[str, Any] = {"@type": "Claim", "author": _author(rng, language)}
    if rng.random() < 0.7:
        item["datePublished"] = _date(rng, time=shape == "world")
    appearances = [_work(rng, n * 10 + i) for i in range(rng.randint(0, 3))]
    if appearances:
        item["appearance"] = appearances
        if shape == "plain" and rng.random() < 0.5:
            first = rng.choice(appearances)
            item["firstAppearance"] = (
                first if isinstance(first, str) else {"@type": first["@type"], "url": first["url"]}
            )
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"https://checks.example/{language}/{n}",
        "datePublished": _date(rng, time=shape == "world"),
        "author": {
            "@type": "Organization",
            "name": rng.choice(["Checks", "Fact Team", "Проверка"]),
        },
        "claimReviewed": text,
        "itemReviewed": item,
    }
    if shape == "rated":
        value = rng.randint(1, 6)
        review["reviewRating"] = {
            "@type": "Rating",
            "ratingValue": str(value),
            "bestRating": "6",
            "worstRating": "1",
            "alternateName": METER[value - 1],
            "image": f"https://checks.example/meter/{value}.png",
        }
        review["author"]["logo"] = {
            "@type": "ImageObject",
            "url": "https://checks.example/logo.png",
        }
    else:
        rating: dict[str, Any] = {"@type": "Rating", "alternateName": rng.choice(TEXTUAL[language])}
        if rng.random() < 0.3:
            rating.update(ratingValue=rng.randint(1, 5), bestRating=5, worstRating=1)
        review["reviewRating"] = rating
    if shape != "rated" or rng.random() < 0.5:
        review["inLanguage"] = language
    if rng.random() < 0.5:
        review["headline"] = f"Fact check: {text}"
    if rng.random() < 0.4:
        review["reviewBody"] = "The figure is not supported by the published data."
    return review


def api_response(rng: random.Random, n: int) -> dict[str, Any]:
    language = rng.choice(sorted(SPEAKERS))
    claim: dict[str, Any] = {"text": rng.choice(CLAIMS[language]).format(n=rng.randint(2, 90))}
    if rng.random() < 0.9:
        claim["claimant"] = rng.choice(SPEAKERS[language])[0]
    if rng.random() < 0.7:
        claim["claimDate"] = _date(rng) + "T00:00:00Z"
    claim["claimReview"] = [
        {
            "publisher": {
                "name": publisher,
                "site": f"{publisher.lower().replace(' ', '')}.example",
            },
            "url": f"https://{publisher.lower().replace(' ', '')}.example/{n}",
            "title": f"Check {n}",
            "reviewDate": _date(rng) + "T00:00:00Z",
            "textualRating": rng.choice(TEXTUAL[language]),
            "languageCode": language,
        }
        for publisher in rng.sample(["Full Fact", "Maldita", "Fact Team"], rng.randint(1, 2))
    ]
    return {"claims": [claim], "nextPageToken": "CAE"}


def _microdata(review: dict[str, Any]) -> str:
    def prop(name: str, value: Any) -> str:
        if isinstance(value, dict):
            kind = value.get("@type", "Thing")
            inner = "".join(prop(k, v) for k, v in value.items() if not k.startswith("@"))
            return f'<div itemprop="{name}" itemscope itemtype="https://schema.org/{kind}">{inner}</div>'
        if isinstance(value, list):
            return "".join(prop(name, v) for v in value)
        if str(value).startswith("https://"):
            return f'<link itemprop="{name}" href="{html.escape(str(value))}">'
        return f'<span itemprop="{name}">{html.escape(str(value))}</span>'

    body = "".join(prop(k, v) for k, v in review.items() if not k.startswith("@"))
    return f'<article itemscope itemtype="https://schema.org/ClaimReview">{body}</article>'


def page(rng: random.Random, n: int) -> str:
    review = claim_review(rng, n, rng.choice(["rated", "plain", "world"]))
    website = {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "url": "https://checks.example/",
    }
    site = f'<script type="application/ld+json">{json.dumps(website)}</script>'
    if rng.random() < 0.5:
        embedded = (
            f'<script type="application/ld+json">{json.dumps(review, ensure_ascii=False)}</script>'
        )
        return (
            f"<!doctype html><html><head>{site}{embedded}</head><body><p>Article.</p></body></html>"
        )
    return f"<!doctype html><html><head>{site}</head><body>{_microdata(review)}</body></html>"


def sample(count: int, seed: int = 2026) -> list[tuple[str, str]]:
    """``count`` documents as (shape, text); ClaimReview shapes come one, a list or a feed."""
    rng = random.Random(seed)
    documents = []
    for n in range(count):
        shape = rng.choices(SHAPES, WEIGHTS)[0]
        if shape == "api":
            text = json.dumps(api_response(rng, n), ensure_ascii=False, indent=1)
        elif shape == "page":
            text = page(rng, n)
        else:
            reviews = [claim_review(rng, n * 5 + i, shape) for i in range(rng.randint(1, 3))]
            wrapper = rng.choice(["one", "list", "feed"])
            data: Any = reviews[0] if wrapper == "one" else reviews
            if wrapper == "feed":
                data = {
                    "@context": "https://schema.org",
                    "@type": "DataFeed",
                    "dataFeedElement": reviews,
                }
            text = json.dumps(data, ensure_ascii=False, indent=1)
        documents.append((shape, text))
    return documents
