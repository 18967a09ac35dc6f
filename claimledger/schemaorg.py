"""schema.org's words for what the ledger records, shared by imports and exports.

A report's ``kind`` and its schema.org ``@type`` map both ways for the types
fact checks cite (``NewsArticle`` is ``news-article``); the ledger's own kinds
(``news-report``, ``parliamentary-transcript``) are ``CreativeWork``.

>>> kind_of("NewsArticle"), kind_of("TVEpisode"), kind_of(None)
('news-article', 'tv-episode', 'creative-work')
>>> work_type("news-article"), work_type("news-report")
('NewsArticle', 'CreativeWork')
"""

from __future__ import annotations

import re
from typing import Final

from claimledger.models import Source

__all__ = [
    "DEFAULT_KIND",
    "NO_RATIONALE",
    "first_appearance",
    "kind_of",
    "known_work_type",
    "work_type",
]

#: The rationale of an imported verdict whose review gives none (exports leave it out).
NO_RATIONALE: Final = "Imported from a ClaimReview with no reviewBody."
#: The kind of a report whose review gives no ``@type``.
DEFAULT_KIND: Final = "creative-work"

_WORK_TYPES: Final = frozenset(
    {
        "Article",
        "AudioObject",
        "BlogPosting",
        "Book",
        "Clip",
        "Comment",
        "CreativeWork",
        "DiscussionForumPosting",
        "ImageObject",
        "MediaObject",
        "Message",
        "NewsArticle",
        "OpinionNewsArticle",
        "Periodical",
        "PodcastEpisode",
        "Report",
        "ReportageNewsArticle",
        "ScholarlyArticle",
        "SocialMediaPosting",
        "TVEpisode",
        "VideoObject",
        "WebPage",
    }
)
_KINDS: Final = {re.sub(r"(?<!^)(?=[A-Z][a-z])", "-", t).lower(): t for t in _WORK_TYPES}


def kind_of(schema_type: str | None) -> str:
    """A ledger ``kind`` for a report's schema.org ``@type``."""
    if not schema_type:
        return DEFAULT_KIND
    return re.sub(r"(?<!^)(?=[A-Z][a-z])", "-", schema_type).lower()


def work_type(kind: str | None) -> str:
    """The schema.org type for a ledger ``kind``; ``CreativeWork`` for the ledger's own kinds
    and for a kind not recorded."""
    return "CreativeWork" if kind is None else _KINDS.get(kind, "CreativeWork")


def known_work_type(schema_type: str) -> bool:
    """Whether exports write this ``@type`` back as it is."""
    return schema_type in _WORK_TYPES


def first_appearance(reports: list[Source]) -> Source | None:
    """The report certainly published first, or ``None`` when the dates do not tell."""
    if len(reports) == 1:
        return reports[0]
    for report in reports:
        mine = report.published
        others = [other.published for other in reports if other is not report]
        if mine is not None and all(o is not None and o.definitely_after(mine) for o in others):
            return report
    return None
