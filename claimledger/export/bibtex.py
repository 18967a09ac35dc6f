r"""BibTeX (with biblatex fields): an entry for every corpus document and every claim.

The keys are the corpus ids and ``claim:<id>``, as in the CSL-JSON export, so
``[@mirror-2016-10-12]`` cites the same work whichever file pandoc is given.

**Documents**: a ``news-report`` is an ``@article`` with the outlet (the
corpus ``publisher``) as ``journal`` and ``entrysubtype = {newspaper}``, which
biblatex styles and pandoc read as a newspaper article; every other kind is a
``@misc`` with ``publisher``. **Claims** are ``@misc`` entries of the ledger:
the statement is the ``title``, the ledger's title ``howpublished``, its
author the ``author``, its URL with ``#<id>`` the ``url``, the claim's digest
the ``version`` and, with the speaker, the ``note``.

Dates are biblatex's ``date`` (as precise as known: ``2016``, ``2016-10``) and,
for BibTeX styles, ``year`` and ``month``; ``event_date`` and ``said_on`` are
``eventdate``. Unknown metadata is left out. Titles are double-braced so that
styles keep their capitals as printed; LaTeX's special characters are escaped;
an author name is braced only where BibTeX would otherwise split it (a comma or
an "and" in it).

>>> title = "{" + latex_escape("Profits & losses") + "}"
>>> print(bibtex_entry("misc", "a-report", [("title", title), ("month", "oct")]))
@misc{a-report,
  title = {Profits \& losses},
  month = oct
}
>>> latex_escape("50% of $5 & #1_x")
'50\\% of \\$5 \\& \\#1\\_x'
"""

from __future__ import annotations

import re
from typing import ClassVar, Final

from claimledger.dates import PartialDate
from claimledger.export.common import cited_works, claim_digest, claim_url, speaker_name
from claimledger.ledger import LedgerFiles
from claimledger.models import Source
from claimledger.resolved import ResolvedClaim, ResolvedLedger, resolve

__all__ = ["BibtexExport", "bibtex_entry", "latex_escape", "to_bibtex"]

Field = tuple[str, str]

_SPECIAL: Final = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "%": r"\%",
    "&": r"\&",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "^": r"\^{}",
    "~": r"\~{}",
}
_SPECIAL_RE: Final = re.compile("|".join(re.escape(c) for c in _SPECIAL))
# BibTeX's month macros; an unbraced macro is how every style expects a month.
_MONTHS: Final = (
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "oct",
    "nov",
    "dec",
)
_SPLITS_NAME: Final = re.compile(r",|\band\b", re.IGNORECASE)


def latex_escape(text: str) -> str:
    """``text`` with the characters LaTeX gives a meaning escaped."""
    return _SPECIAL_RE.sub(lambda m: _SPECIAL[m.group()], text)


def _braced(text: str) -> str:
    return "{" + latex_escape(text) + "}"


def _names(names: tuple[str, ...] | list[str]) -> str:
    return " and ".join(
        _braced(name) if _SPLITS_NAME.search(name) else latex_escape(name) for name in names
    )


def _url(url: str) -> str:
    # biblatex reads url verbatim, but a .bib value must still balance its braces.
    return url.replace("{", "%7B").replace("}", "%7D").replace("\\", "%5C")


def _dates(date: PartialDate | None, event: PartialDate | None) -> list[Field]:
    fields: list[Field] = []
    if date is not None:
        # biblatex's date fields read ISO 8601-2 (EDTF level 1): uncertain, approximate and
        # open-ended dates as written; year and month only where they are plain facts.
        fields.append(("date", f"{{{date}}}"))
        if date.plain is not None:
            year, month, _ = date.plain
            fields.append(("year", f"{{{year}}}"))
            if month is not None:
                fields.append(("month", _MONTHS[month - 1]))
    if event is not None:
        fields.append(("eventdate", f"{{{event}}}"))
    return fields


def bibtex_entry(entry_type: str, key: str, fields: list[Field]) -> str:
    """One entry; each field's value is given as written (braced, or a macro)."""
    body = ",\n".join(f"  {name} = {value}" for name, value in fields)
    return f"@{entry_type}{{{key},\n{body}\n}}"


def source_entry(source: Source, key: str) -> str:
    """One corpus document as an ``@article`` (news reports) or ``@misc``."""
    news = source.kind == "news-report"
    fields: list[Field] = []
    if source.title:
        fields.append(("title", "{" + _braced(source.title) + "}"))
    if source.authors:
        fields.append(("author", "{" + _names(source.authors) + "}"))
    if source.publisher:
        fields.append(("journal" if news else "publisher", _braced(source.publisher)))
    if news:
        fields.append(("entrysubtype", "{newspaper}"))
    fields += _dates(source.published, source.event_date)
    if source.url:
        fields.append(("url", "{" + _url(source.url) + "}"))
    return bibtex_entry("article" if news else "misc", key, fields)


def claim_entry(ledger: ResolvedLedger, claim: ResolvedClaim, key: str) -> str:
    """One claim as a ``@misc`` entry of the ledger."""
    config = ledger.config
    digest = claim_digest(claim.as_written())
    fields: list[Field] = [("title", "{" + _braced(claim.statement) + "}")]
    if config.author:
        # A ledger's author is often a newsroom: kept whole, never split into names.
        fields.append(("author", "{" + _braced(config.author) + "}"))
    fields.append(("howpublished", _braced(config.title)))
    fields += _dates(None, claim.said_on)
    url = claim_url(config, claim)
    if url:
        fields.append(("url", "{" + _url(url) + "}"))
    if claim.topics:
        fields.append(("keywords", _braced(", ".join(claim.topics))))
    speaker = speaker_name(claim.speaker)
    fields += [
        ("version", f"{{{digest}}}"),
        ("note", _braced(f"Claim {claim.id} by {speaker}; digest {digest}")),
    ]
    return bibtex_entry("misc", key, fields)


def to_bibtex(ledger: LedgerFiles | ResolvedLedger) -> str:
    """Every corpus document (by id), then every claim (in ledger order), as BibTeX."""
    ledger = resolve(ledger)
    sources, claims = cited_works(ledger)
    entries = [source_entry(source, key) for source, key in sources]
    entries += (claim_entry(ledger, claim, key) for claim, key in claims)
    return "\n\n".join(entries) + "\n" if entries else ""


class BibtexExport:
    """BibTeX: the same citations for LaTeX, biblatex, pandoc and Zotero."""

    name: ClassVar[str] = "bibtex"

    @staticmethod
    def write(ledger: ResolvedLedger) -> str:
        return to_bibtex(ledger)
