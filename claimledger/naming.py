"""What things are called: the names every presenter gives speakers and sources.

The rendered ledger and every export call a speaker and a source the same
thing, so these live below both. A presenter may shorten a name to fit (the
ledger's headings do); it never rewords one.

>>> from claimledger.models import Source, Speaker
>>> speaker_name(Speaker("aide", description="An aide to Jeremy Corbyn, speaking on condition "
...                      "of anonymity; named by one report."))
'An aide to Jeremy Corbyn'
>>> source_label(Source("m", "0", "news-report", publisher="Mirror"))
'Mirror'
"""

from __future__ import annotations

import re

from claimledger.models import Source, Speaker

__all__ = ["one_line", "source_label", "speaker_name"]

#: Brackets and quotation marks whose contents never end a speaker's short name.
_OPENERS = {"(": ")", "[": "]", "“": "”", '"': '"'}
_SPACE = re.compile(r"\s+")
_UNWRITABLE = re.compile("[\0\ud800-\udfff]")


def one_line(text: str) -> str:
    """``text`` on one line, writable as UTF-8.

    A lone surrogate (from a YAML ``"\\ud800"`` escape) cannot be written as UTF-8,
    and CommonMark replaces NUL for safety: both become U+FFFD, as parsers show them.

    >>> one_line(" a\\n b\\x00 ")
    'a b\\ufffd'
    """
    return _UNWRITABLE.sub("\ufffd", _SPACE.sub(" ", text).strip())


def _first_clause(text: str) -> str:
    """``text`` up to its first comma, semicolon or sentence end outside brackets and quotes."""
    closing: list[str] = []
    for i, char in enumerate(text):
        if closing and char == closing[-1]:
            closing.pop()
        elif char in _OPENERS:
            closing.append(_OPENERS[char])
        elif closing or text[i + 1 : i + 2] not in (" ", ""):
            continue
        # A full stop after a short word is an abbreviation: "Mr. X", "the hon. Member".
        elif char in ",;:" or (char == "." and len(text[:i].rsplit(" ", 1)[-1]) > 3):
            return text[:i]
    return text


def speaker_name(speaker: Speaker) -> str:
    """A speaker's name: the registry's name, else its description's first clause, else the id.

    An unnamed speaker's description can be a paragraph (who they are, which
    reports quote them, why they are one person); its first clause names them.
    Never a name from another source.

    >>> speaker_name(Speaker("pm", description="The Prime Minister's spokesman, unnamed."))
    "The Prime Minister's spokesman"
    >>> speaker_name(Speaker("x", description="The report “Focus, at last” (undated), itself."))
    'The report “Focus, at last” (undated)'
    """
    if speaker.name:
        return speaker.name
    if not speaker.description:
        return speaker.id
    return one_line(_first_clause(" ".join(speaker.description.split())))


def source_label(meta: Source) -> str:
    """A short citation: publisher and title as far as known, and the date.

    >>> from claimledger.dates import PartialDate
    >>> source_label(Source("weekly-2016-10-12", "0", "news-report",
    ...                     published=PartialDate.parse("2016-10-12")))
    'weekly-2016-10-12'
    >>> source_label(Source("c", "0", "transcript", title="Aleppo Bombings",
    ...                     event_date=PartialDate.parse("2016-10-18")))
    '“Aleppo Bombings”, event of 18 October 2016'
    """
    parts = [part for part in (meta.publisher, meta.title and f"“{meta.title}”") if part]
    date = meta.published or meta.event_date
    if not parts:
        # Neither publisher nor title is known: the id names it, often with its date.
        parts = [meta.id]
        if date is not None and str(date) in meta.id:
            return meta.id
    if meta.published is not None:
        parts.append(meta.published.describe())
    elif meta.event_date is not None:
        parts.append(f"event of {meta.event_date.describe()}")
    return ", ".join(parts)
