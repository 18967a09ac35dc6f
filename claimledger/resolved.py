"""The resolved ledger: the one model that queries, the rendered ledger and every export read.

A claim as written names its speaker and sources by id (:class:`claimledger.models.Claim`);
a :class:`ResolvedClaim` holds the :class:`~claimledger.models.Speaker` and the
:class:`~claimledger.models.Source` objects themselves, so a notebook can write
``claim.speaker.name`` or ``claim.quotes[0].source.title``. Related claims stay ids:
relations may form cycles, which frozen objects cannot hold, and
:meth:`claimledger.query.Ledger.related` follows them.

:func:`resolve` turns the files read (:class:`~claimledger.ledger.LedgerFiles`)
into a :class:`ResolvedLedger`, once; ids are looked up nowhere else. A ledger
with errors resolves in one of two ways (:data:`Unresolved`): the query API
*omits* what names an unknown id, while a ``render --force`` *keeps* every claim
as written, an unknown id standing for a speaker or source of which nothing but
the id is known (:meth:`ResolvedLedger.knows_speaker` tells them apart).

>>> from claimledger.models import Source, Speaker
>>> mirror = Source(id="mirror", kind="news-report", sha256="0" * 64, title="The Mirror")
>>> aide = Speaker(id="aide", description="An aide")
>>> claim = ResolvedClaim(id="c", statement="S.", speaker=aide,
...                       quotes=(ResolvedQuote(mirror, "Obviously."),))
>>> claim.speaker.display_name, [s.title for s in claim.sources()]
('An aide', ['The Mirror'])
>>> claim.to_dict()["quotes"][0]
{'source': 'mirror', 'text': 'Obviously.', 'occurrence': None, 'note': None, 'kind': 'direct', \
'version': None}
"""

from __future__ import annotations

import functools
from collections.abc import Container, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal

import attrs

from claimledger.config import Config
from claimledger.dates import PartialDate
from claimledger.findings import Location
from claimledger.ledger import LedgerFiles, SourceDocument
from claimledger.models import (
    Claim,
    Correction,
    Evidence,
    Quote,
    QuoteKind,
    Related,
    Review,
    Source,
    Speaker,
    Verdict,
)

if TYPE_CHECKING:
    from claimledger.anchor import Wordings

__all__ = [
    "ResolvedClaim",
    "ResolvedEvidence",
    "ResolvedLedger",
    "ResolvedQuote",
    "Unresolved",
    "resolve",
    "resolve_claim",
]


def _date(value: PartialDate | None) -> str | None:
    return None if value is None else str(value)


@attrs.frozen
class ResolvedQuote:
    """Where a source reports the speaker making the claim, in the source's exact words.

    ``kind``: ``direct`` (the speaker's words), ``partial``, ``paraphrase`` or ``headline``
    (the source's words; see :data:`claimledger.models.QuoteKind`).
    """

    source: Source
    text: str
    occurrence: int | None = None
    note: str | None = None
    kind: QuoteKind = "direct"
    #: The version of a corrected source the quote is from, when pinned.
    version: int | None = None

    @property
    def is_direct(self) -> bool:
        """True when the text is the speaker's own words."""
        return self.kind == "direct"

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON or YAML: the source by id."""
        return {
            "source": self.source.id,
            "text": self.text,
            "occurrence": self.occurrence,
            "note": self.note,
            "kind": self.kind,
            "version": self.version,
        }


@attrs.frozen
class ResolvedEvidence:
    """A passage of a source that supports or contradicts a claim.

    ``speaker`` is who speaks in the passage; ``None`` is the source's own voice.
    """

    source: Source
    text: str
    note: str | None = None
    speaker: Speaker | None = None
    occurrence: int | None = None
    #: The version of a corrected source the passage is from, when pinned.
    version: int | None = None

    def as_written(self) -> Evidence:
        """The item as its file has it, references by id."""
        speaker = None if self.speaker is None else self.speaker.id
        return Evidence(
            self.source.id, self.text, self.note, speaker, self.occurrence, self.version
        )

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON or YAML: source and speaker by id."""
        return {
            "source": self.source.id,
            "text": self.text,
            "speaker": None if self.speaker is None else self.speaker.id,
            "occurrence": self.occurrence,
            "note": self.note,
            "version": self.version,
        }


@attrs.frozen
class ResolvedClaim:
    """A claim with its speaker and sources resolved; otherwise as written.

    ``location`` is where the claim is written (its file and line), for citing
    the ledger itself and for editors.
    """

    id: str
    statement: str
    speaker: Speaker
    said_on: PartialDate | None = None
    said_on_note: str | None = None
    setting: str | None = None
    topics: tuple[str, ...] = ()
    quotes: tuple[ResolvedQuote, ...] = ()
    supports: tuple[ResolvedEvidence, ...] = ()
    contradicts: tuple[ResolvedEvidence, ...] = ()
    context: tuple[ResolvedEvidence, ...] = ()
    verdict: Verdict | None = None
    history: tuple[Correction, ...] = ()
    #: The claims this one lists, by id, with the relation it states; the claims that list
    #: this one are found by :meth:`claimledger.query.Ledger.related`.
    related: tuple[Related, ...] = ()
    location: Location | None = attrs.field(default=None, eq=False)
    first_appearance: str | None = None
    review: Review | None = None

    @property
    def contradicted(self) -> bool:
        """Whether any source passage contradicts the claim."""
        return bool(self.contradicts)

    def sources(self) -> tuple[Source, ...]:
        """Every source the claim cites (quotes, then support, then contradiction), once each."""
        items: Sequence[ResolvedQuote | ResolvedEvidence] = (
            *self.quotes,
            *self.supports,
            *self.contradicts,
            *self.context,
        )
        return tuple({item.source.id: item.source for item in items}.values())

    def variants(self, quotes: Iterable[int] | None = None) -> Wordings | None:
        """How outlets word the remark: its versions compared word by word with the fullest.

        Quotes of any kind but ``direct`` are the outlet's words, not the speaker's, and are
        left out; so is a headline or summary not so marked: the wordings compared are
        the largest group of the other quotes sharing enough of their words with one of
        them, from two outlets or more (otherwise ``None``), as
        :func:`claimledger.anchor.remark_wordings` finds them for the rendered ledger too.
        ``quotes`` (positions in :attr:`quotes`) picks the wordings instead. Variants are
        labelled by source id; see :func:`claimledger.anchor.variants`.

        >>> from claimledger.models import Source, Speaker
        >>> mirror, mail = (Source(id=i, kind="news-report", sha256="") for i in ("mirror", "mail"))
        >>> claim = ResolvedClaim(id="c", statement="S.", speaker=Speaker(id="aide"), quotes=(
        ...     ResolvedQuote(mirror, "It sometimes diverts attention from other atrocities."),
        ...     ResolvedQuote(mirror, "Outrage over Russian strikes 'diverts attention'."),
        ...     ResolvedQuote(mail, "Focus on Russia 'diverts attention'.", kind="headline"),
        ...     ResolvedQuote(mail, "It… sometimes diverts attention from other atrocities.")))
        >>> wordings = claim.variants()
        >>> wordings.reference, [(v.source, v.changes) for v in wordings.variants]
        ('mail', [('mirror', (Op(op='delete', base=('…',), other=()),))])
        """
        # Anchoring's word comparison (and rapidfuzz) loads only when wordings are asked for.
        from claimledger.anchor import remark_wordings, variants

        if quotes is None:
            chosen = [q for q in self.quotes if q.is_direct]
        else:
            chosen = [self.quotes[i] for i in quotes]
        pairs = [(q.source.id, q.text) for q in chosen if q.text.strip()]
        if quotes is None:
            return remark_wordings(pairs)
        return variants(pairs) if len(pairs) >= 2 else None

    def as_written(self) -> Claim:
        """The claim as its file has it, references by id: what its digest is taken of.

        Exact for a claim resolved keeping unresolved references (as the rendered
        ledger and the exports resolve); a claim the query API resolved lacks what
        it omitted.
        """
        return Claim(
            id=self.id,
            statement=self.statement,
            speaker=self.speaker.id,
            said_on=self.said_on,
            said_on_note=self.said_on_note,
            setting=self.setting,
            topics=self.topics,
            quotes=tuple(
                Quote(q.source.id, q.text, q.occurrence, q.note, q.kind, q.version)
                for q in self.quotes
            ),
            supports=tuple(e.as_written() for e in self.supports),
            contradicts=tuple(e.as_written() for e in self.contradicts),
            context=tuple(e.as_written() for e in self.context),
            verdict=self.verdict,
            history=self.history,
            related=self.related,
            first_appearance=self.first_appearance,
            review=self.review,
        )

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON or YAML: dates as strings, speakers and sources by id."""
        return {
            "id": self.id,
            "statement": self.statement,
            "speaker": self.speaker.id,
            "said_on": _date(self.said_on),
            "said_on_note": self.said_on_note,
            "setting": self.setting,
            "topics": list(self.topics),
            "quotes": [quote.to_dict() for quote in self.quotes],
            "supports": [item.to_dict() for item in self.supports],
            "contradicts": [item.to_dict() for item in self.contradicts],
            "context": [item.to_dict() for item in self.context],
            "verdict": None
            if self.verdict is None
            else {"rating": self.verdict.rating, "rationale": self.verdict.rationale},
            "history": [{"date": str(c.date), "note": c.note} for c in self.history],
            "related": [
                {"claim": r.claim, "relation": r.relation, "note": r.note} for r in self.related
            ],
            "location": None if self.location is None else str(self.location),
        }


#: What resolving does with a reference to an id the ledger lacks (see the module).
Unresolved = Literal["omit", "keep"]


@attrs.frozen(eq=False, repr=False)
class ResolvedLedger:
    """A ledger with every reference resolved: claims, the speaker registry and the corpus.

    ``speakers`` and ``documents`` are in registry and corpus order; ``claims`` in
    ledger order (file, then position in the file).
    """

    config: Config
    claims: tuple[ResolvedClaim, ...]
    speakers: Mapping[str, Speaker]
    documents: Mapping[str, SourceDocument]
    #: The source metadata of ``documents``, by id.
    sources: Mapping[str, Source]

    @functools.cached_property
    def digests(self) -> tuple[str, ...]:
        """Each claim's full digest (:func:`claimledger.digest.full_digest` of the claim as
        written), in claim order: computed once, for the claims' and the edition's digests."""
        from claimledger.digest import full_digest  # structuring's converter: not for queries

        return tuple(full_digest(claim.as_written()) for claim in self.claims)

    @property
    def edition(self) -> str:
        """The edition digest of the claims (:func:`claimledger.digest.edition_digest`)."""
        from claimledger.digest import edition_of

        digests = zip(self.claims, self.digests, strict=True)
        return edition_of((claim.id, digest) for claim, digest in digests)

    def knows_speaker(self, speaker: Speaker) -> bool:
        """Whether the speaker is the registry's, not a stand-in for an unknown id."""
        return self.speakers.get(speaker.id) is speaker

    def knows_source(self, source: Source) -> bool:
        """Whether the source is the corpus's, not a stand-in for an unknown id."""
        return self.sources.get(source.id) is source

    def resolve_evidence(self, items: Iterable[Evidence]) -> tuple[ResolvedEvidence, ...]:
        """Evidence outside a claim (a speaker's identification) resolved as claims are,
        unknown ids kept as stand-ins."""
        return _Resolver(self.speakers, self.sources, keep=True).evidence(tuple(items))

    def __repr__(self) -> str:
        return f"<ResolvedLedger {self.config.root}: {len(self.claims)} claims>"


def resolve(files: LedgerFiles | ResolvedLedger, unresolved: Unresolved = "keep") -> ResolvedLedger:
    """Resolve every reference of the ledger read as ``files``; see the module for ``unresolved``.

    With ``"omit"``: a claim whose speaker is unknown, or whose id repeats an
    earlier one, is left out; a quote or evidence item naming an unknown source or
    speaker is left out of its claim; an unknown related id is dropped.

    >>> from pathlib import Path
    >>> from claimledger.config import Config
    >>> from claimledger.ledger import read_ledger
    >>> files, _ = read_ledger(Config.default(Path("tests/examples/clean")))
    >>> ledger = resolve(files)
    >>> claim = ledger.claims[0]
    >>> claim.speaker.id, claim.quotes[0].source.title, ledger.knows_speaker(claim.speaker)
    ('spokesman', 'An example report of a briefing', True)
    >>> claim.as_written() == files.claims[0]
    True
    """
    if isinstance(files, ResolvedLedger):
        return files
    sources = {doc.id: doc.meta for doc in files.sources.values()}
    resolver = _Resolver(files.speakers, sources, keep=unresolved == "keep")
    claims = resolver.claims(files)
    return ResolvedLedger(files.config, claims, files.speakers, files.sources, sources)


class _Resolver:
    def __init__(
        self, speakers: Mapping[str, Speaker], sources: Mapping[str, Source], *, keep: bool
    ) -> None:
        self.speakers = speakers
        self.sources = sources
        self.keep = keep

    def speaker(self, speaker_id: str) -> Speaker | None:
        found = self.speakers.get(speaker_id)
        # A stand-in knows only the id: its name and kind stay unknown.
        return Speaker(speaker_id) if found is None and self.keep else found

    def source(self, source_id: str) -> Source | None:
        found = self.sources.get(source_id)
        # A stand-in knows only the id: no kind, no digest, no metadata.
        return Source(source_id, sha256="") if found is None and self.keep else found

    def quote(self, item: Quote) -> ResolvedQuote | None:
        source = self.source(item.source)
        if source is None:
            return None
        return ResolvedQuote(source, item.text, item.occurrence, item.note, item.kind, item.version)

    def evidence(self, items: tuple[Evidence, ...]) -> tuple[ResolvedEvidence, ...]:
        found = []
        for item in items:
            source = self.source(item.source)
            voice = None if item.speaker is None else self.speaker(item.speaker)
            if source is not None and (item.speaker is None or voice is not None):
                found.append(
                    ResolvedEvidence(
                        source, item.text, item.note, voice, item.occurrence, item.version
                    )
                )
        return tuple(found)

    def claim(self, claim: Claim, location: Location, speaker: Speaker) -> ResolvedClaim:
        quotes = (self.quote(q) for q in claim.quotes)
        return ResolvedClaim(
            id=claim.id,
            statement=claim.statement,
            speaker=speaker,
            said_on=claim.said_on,
            said_on_note=claim.said_on_note,
            setting=claim.setting,
            topics=claim.topics,
            quotes=tuple(q for q in quotes if q is not None),
            supports=self.evidence(claim.supports),
            contradicts=self.evidence(claim.contradicts),
            context=self.evidence(claim.context),
            verdict=claim.verdict,
            history=claim.history,
            related=claim.related,
            location=location,
            first_appearance=claim.first_appearance,
            review=claim.review,
        )

    def claims(self, files: LedgerFiles) -> tuple[ResolvedClaim, ...]:
        if self.keep:
            return tuple(
                self.claim(
                    claim, origin.at(), self.speaker(claim.speaker) or Speaker(claim.speaker)
                )
                for claim, origin in files.located_claims()
            )
        resolved: dict[str, ResolvedClaim] = {}
        for claim, origin in files.located_claims():
            speaker = self.speakers.get(claim.speaker)
            if speaker is not None and claim.id not in resolved:
                resolved[claim.id] = self.claim(claim, origin.at(), speaker)
        ids = resolved.keys()
        return tuple(_known_related(c, ids) for c in resolved.values())


def _known_related(claim: ResolvedClaim, ids: Container[str]) -> ResolvedClaim:
    """``claim`` without the related links to itself or to an id not in ``ids``."""
    if all(r.claim in ids and r.claim != claim.id for r in claim.related):
        return claim
    kept = tuple(r for r in claim.related if r.claim in ids and r.claim != claim.id)
    return attrs.evolve(claim, related=kept)


def resolve_claim(
    claim: Claim,
    location: Location,
    speakers: Mapping[str, Speaker],
    sources: Mapping[str, Source],
    ids: Container[str],
) -> ResolvedClaim:
    """One claim as :func:`resolve` with ``"omit"`` resolves it in a ledger whose resolved
    claims have ``ids`` (its own among them: its speaker is known)."""
    resolver = _Resolver(speakers, sources, keep=False)
    return _known_related(resolver.claim(claim, location, speakers[claim.speaker]), ids)
