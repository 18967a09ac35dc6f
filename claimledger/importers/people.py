"""The speakers and sources an import needs: found in the ledger, or proposed with stable ids.

A review names its claim's author and the reports the claim appeared in. An
author is the registry's speaker of the same name (identical once both are in
Unicode NFC, and nothing looser: "Ann Smith" and "ANN SMITH" are two people
until a person says otherwise); a report is the corpus document with the same
URL. Anything else is proposed as new, with an id derived from the name or the
URL alone, so the same input gets the same ids whatever else it holds; a
derived id already taken by someone else gets a short digest of the name or
URL, never a number that depends on the order of the input.

>>> known = Known(speakers={"ann": Speaker("ann", name="Ann Smith")}, sources={})
>>> people = People(known)
>>> people.speaker("Ann Smith", None, None), people.speaker("Ann  SMITH", "person", None)
('ann', 'ann-smith')
>>> putin = people.speaker("Владимир Путин", "person", None)
>>> putin.startswith("speaker-"), people.speakers[putin].name
(True, 'Владимир Путин')
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Mapping
from typing import Final
from urllib.parse import urlsplit

import attrs

from claimledger.models import Source, Speaker, SpeakerKind
from claimledger.rules.id_format import is_id
from claimledger.schemaorg import DEFAULT_KIND

__all__ = [
    "UNATTRIBUTED",
    "Known",
    "People",
    "digest",
    "slug",
]

#: The speaker of a review that names no author: never used for a named one.
UNATTRIBUTED: Final = "unattributed"
UNATTRIBUTED_DESCRIPTION: Final = "Not named by the imported fact check"


def slug(text: str, limit: int = 60) -> str:
    """Lower-case ASCII words joined by ``-``, cut at a word within ``limit``: an id the
    ledger accepts (CL017 id-format: ASCII only, so that no look-alike letter of another
    script can pose as a Latin one).

    Accents on Latin letters are dropped (``Müller`` -> ``muller``), as ids are typed;
    letters of other scripts are left out, never transliterated (that would make two
    names one id). A name with no Latin letter gives ``""``: the caller falls back to a
    digest of the name, and the name itself is kept exactly as written.

    >>> slug("Café Müller: 12 October, 2016!"), slug("Ελληνική Δημοκρατία"), slug("習近平")
    ('cafe-muller-12-october-2016', '', '')
    """
    kept: list[str] = []
    for char in unicodedata.normalize("NFKD", text):
        if unicodedata.category(char).startswith("M"):
            continue  # an accent on a Latin letter (or a mark of a script left out below)
        kept.append(char)
    folded = "".join(kept).lower()
    words = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    if len(words) > limit:
        head = words[: limit + 1]
        words = head.rsplit("-", 1)[0] if "-" in head else words[:limit]
    return words


def _as_id(value: str | None) -> str | None:
    """``value`` when it is already an id the ledger accepts (a slug), else ``None``."""
    return value if value is not None and is_id(value) else None


def digest(text: str, length: int = 6) -> str:
    """A short, stable digest of ``text`` for telling apart ids derived alike."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:length]


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@attrs.frozen
class Known:
    """What the ledger already holds: its speaker registry and its corpus."""

    speakers: Mapping[str, Speaker]
    sources: Mapping[str, Source]


class People:
    """The speakers and sources one import uses; new ones are proposed, in input order."""

    def __init__(self, known: Known) -> None:
        self.known = known
        self.speakers: dict[str, Speaker] = {}
        self.sources: dict[str, Source] = {}
        self._by_name = {_nfc(s.name): s.id for s in known.speakers.values() if s.name}
        # A report is the same as another with its URL, or with its archived copy's URL.
        self._by_url: dict[tuple[str, str], str] = {}
        for source in known.sources.values():
            self._remember(source, source.id)

    def _taken(self, key: str) -> bool:
        return key in self.known.speakers or key in self.speakers

    def speaker(self, name: str | None, kind: SpeakerKind | None, identifier: str | None) -> str:
        """The id of the speaker ``name``, proposing a registry entry when none has it."""
        if identifier and (identifier in self.known.speakers or identifier in self.speakers):
            return identifier
        if name is None:
            if identifier:
                found = _as_id(identifier) or f"speaker-{digest(identifier)}"
                self.speakers[found] = Speaker(found, kind=kind)
                return found
            if not self._taken(UNATTRIBUTED):
                self.speakers[UNATTRIBUTED] = Speaker(
                    UNATTRIBUTED, description=UNATTRIBUTED_DESCRIPTION
                )
            return UNATTRIBUTED
        if _nfc(name) in self._by_name:
            return self._by_name[_nfc(name)]
        wanted = _as_id(identifier) or slug(name) or f"speaker-{digest(_nfc(name))}"
        found = wanted if not self._taken(wanted) else f"{wanted}-{digest(_nfc(name))}"
        n = 1
        while self._taken(found):
            n += 1
            found = f"{wanted}-{digest(_nfc(name))}-{n}"
        self.speakers[found] = Speaker(found, kind=kind, name=name)
        self._by_name[_nfc(name)] = found
        return found

    def _source_taken(self, key: str) -> bool:
        return key in self.known.sources or key in self.sources

    def _more(self, found: str, proposed: Source) -> str:
        """``found``; if it is proposed by this import, with what ``proposed`` adds to it
        (a report cited by URL alone, then described in full, is one report)."""
        if found in self.sources:
            old = self.sources[found]
            more = {
                field.name: getattr(proposed, field.name)
                for field in attrs.fields(Source)
                if getattr(old, field.name) in (None, ()) and getattr(proposed, field.name)
            }
            if old.kind == DEFAULT_KIND and proposed.kind != DEFAULT_KIND:
                more["kind"] = proposed.kind
            self.sources[found] = attrs.evolve(old, **more)
            self._remember(self.sources[found], found)
        return found

    def source(self, proposed: Source, identifier: str | None) -> str:
        """The id of the report ``proposed`` describes (its ``id`` unused), proposing it if new."""
        if identifier and (identifier in self.known.sources or identifier in self.sources):
            return identifier
        for key in _url_keys(proposed):
            if key in self._by_url:
                return self._more(self._by_url[key], proposed)
        if _as_id(identifier):
            wanted = identifier
        elif proposed.url:
            parts = urlsplit(proposed.url)
            host = (parts.hostname or "").removeprefix("www.")
            last = parts.path.rstrip("/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
            wanted = slug(f"{host} {last}", 80)
        else:
            wanted = slug(proposed.title or "")
        what = proposed.url or proposed.archive_url or proposed.title or ""
        wanted = wanted or f"source-{digest(what)}"
        found = wanted if not self._source_taken(wanted) else f"{wanted}-{digest(what)}"
        n = 1
        while self._source_taken(found):
            n += 1
            found = f"{wanted}-{digest(what)}-{n}"
        self.sources[found] = attrs.evolve(proposed, id=found)
        self._remember(proposed, found)
        return found

    def _remember(self, source: Source, key: str) -> None:
        for url_key in _url_keys(source):
            self._by_url.setdefault(url_key, key)


def _url_keys(source: Source) -> list[tuple[str, str]]:
    pairs = (("url", source.url), ("archive", source.archive_url))
    return [(kind, url) for kind, url in pairs if url]
