"""The query API's value classes: claims with their references resolved.

A claim as written names its speaker and sources by id (:class:`claimledger.models.Claim`);
a :class:`ResolvedClaim` holds the :class:`~claimledger.models.Speaker` and the
:class:`~claimledger.models.Source` objects themselves, so a notebook can write
``claim.speaker.name`` or ``claim.quotes[0].source.title``. Related claims stay ids:
relations may form cycles, which frozen objects cannot hold, and
:meth:`claimledger.query.Ledger.related` follows them.

>>> from claimledger.models import Source, Speaker
>>> mirror = Source(id="mirror", kind="news-report", sha256="0" * 64, title="The Mirror")
>>> aide = Speaker(id="aide", description="An aide")
>>> claim = ResolvedClaim(id="c", statement="S.", speaker=aide,
...                       quotes=(ResolvedQuote(mirror, "Obviously."),))
>>> claim.speaker.display_name, [s.title for s in claim.sources()]
('An aide', ['The Mirror'])
>>> claim.to_dict()["quotes"][0]
{'source': 'mirror', 'text': 'Obviously.', 'occurrence': None, 'note': None, 'kind': 'direct'}
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from claimledger.anchor import Wordings, remark_wordings, variants
from claimledger.dates import PartialDate
from claimledger.findings import Location
from claimledger.models import Correction, QuoteKind, Related, Source, Speaker, Verdict

__all__ = ["ResolvedClaim", "ResolvedEvidence", "ResolvedQuote"]


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

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON or YAML: source and speaker by id."""
        return {
            "source": self.source.id,
            "text": self.text,
            "speaker": None if self.speaker is None else self.speaker.id,
            "occurrence": self.occurrence,
            "note": self.note,
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
        if quotes is None:
            chosen = [q for q in self.quotes if q.is_direct]
        else:
            chosen = [self.quotes[i] for i in quotes]
        pairs = [(q.source.id, q.text) for q in chosen if q.text.strip()]
        if quotes is None:
            return remark_wordings(pairs)
        return variants(pairs) if len(pairs) >= 2 else None

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
