"""Load a ledger for querying: every reference resolved, every index built.

>>> ledger = load("tests/examples/clean", cache=False)
>>> claim = ledger.claim("us-is-an-intervening-power")
>>> claim.speaker.display_name, claim.quotes[0].source.title, str(claim.said_on)
("The Labour leader's spokesman", 'An example report of a briefing', '2016-10')
>>> ledger.related(claim).ids()
('multiple-interventions',)

**A ledger with errors.** Loading reads every file and checks what resolving needs:
the files' syntax and schema (CL001 to CL003, CL015), unique ids (CL004) and that every
speaker, source and related claim named exists (CL005 to CL007). By default any such error
raises :class:`LedgerError`, which carries the findings. ``strict=False`` instead loads
what can be resolved and keeps the findings in :attr:`Ledger.findings`: a file that
cannot be read contributes nothing; a claim whose speaker is unknown, or whose id
repeats an earlier one, is left out; a quote or evidence item naming an unknown source
or speaker is left out of its claim; an unknown related id is ignored. Whether quotes
occur in their sources, dates and verdict ratings are :func:`claimledger.validate`'s
business: a ledger that loads may still fail validation.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from claimledger import codes
from claimledger.config import Config, discover
from claimledger.errors import ClaimledgerError
from claimledger.findings import Finding
from claimledger.models import Source, Speaker, relations_seen_from
from claimledger.query.claims import ClaimSet
from claimledger.query.hits import ClaimHit, PassageHit
from claimledger.query.index import ClaimIndex
from claimledger.query.names import QueryError, suggest
from claimledger.query.search import Searcher, claims_key
from claimledger.query.stored import QueryStore, StoredLedger

if TYPE_CHECKING:
    from claimledger.ledger import LedgerFiles
    from claimledger.resolved import ResolvedClaim

__all__ = ["Ledger", "LedgerError", "load", "load_config"]

#: The check rules whose errors leave references unresolvable.
RESOLVING_RULES = (
    codes.DUPLICATE_ID,
    codes.UNKNOWN_SPEAKER,
    codes.UNKNOWN_SOURCE,
    codes.UNKNOWN_RELATED,
)


class LedgerError(ClaimledgerError):
    """The ledger has errors that stop it loading; ``findings`` lists every finding."""

    def __init__(self, root: Path, findings: tuple[Finding, ...]) -> None:
        self.findings = findings
        errors = [f for f in findings if f.severity.fails]
        first = f"; the first: {errors[0]}" if errors else ""
        super().__init__(
            f"the ledger at {root} has {len(errors)} error(s) (load with strict=False to "
            f"query what can be loaded; run `claimledger validate` to see them all){first}"
        )


@attrs.frozen(eq=False, repr=False)
class Ledger:
    """A loaded ledger: claims with references resolved, indexes, search.

    Build with :func:`load`. ``speakers`` and ``sources`` are in registry and corpus
    order; ``findings`` are those of loading (see the module), sorted.
    """

    config: Config
    claims: ClaimSet
    findings: tuple[Finding, ...]
    _index: ClaimIndex = attrs.field(repr=False)
    _searcher: Searcher = attrs.field(repr=False)

    @property
    def speakers(self) -> tuple[Speaker, ...]:
        """The speaker registry, in its order."""
        return tuple(self._index.speakers.values())

    @property
    def sources(self) -> tuple[Source, ...]:
        """The corpus's documents' metadata, in corpus order."""
        return tuple(self._index.sources.values())

    @classmethod
    def from_files(
        cls,
        files: LedgerFiles,
        findings: Sequence[Finding],
        *,
        strict: bool = True,
        cache: bool = True,
    ) -> Ledger:
        """Resolve a ledger already read by :func:`claimledger.read_ledger`."""
        from claimledger.rules import settle  # only to load from the files

        config = files.config
        found = settle(config, [*findings, *_resolving_findings(files)])
        if strict and any(f.severity.fails for f in found):
            raise LedgerError(config.root, found)
        from claimledger.resolved import resolve

        resolved = resolve(files, "omit")
        claims = resolved.claims
        index = ClaimIndex.build(
            claims,
            resolved.speakers,
            resolved.sources,
            (*config.verdict_scale, *config.verdict_unrated),
        )
        documents = resolved.documents.values()
        searcher = Searcher(
            index,
            {doc.id: doc.text for doc in documents},
            {doc.id: doc.digest for doc in documents if doc.text and doc.digest},
            config.root / ".claimledger" if cache else None,
        )
        return cls(config, ClaimSet.of(index, range(len(claims))), found, index, searcher)

    @classmethod
    def _from_store(cls, config: Config, stored: StoredLedger) -> Ledger:
        index = stored.index
        cache = config.root / ".claimledger"
        searcher = Searcher(index, stored.texts, stored.digests, cache, stored.search_key)
        everything = ClaimSet.of(index, range(len(index.summaries)))
        return cls(config, everything, stored.findings, index, searcher)

    def __repr__(self) -> str:
        counts = f"{len(self.claims)} claims, {len(self.speakers)} speakers"
        return f"<Ledger {self.config.root}: {counts}, {len(self.sources)} sources>"

    def claim(self, claim_id: str) -> ResolvedClaim:
        """The claim with this id; QueryError, with close ids, if there is none."""
        return self._index.claims[self._index.position(claim_id)]

    def speaker(self, speaker_id: str) -> Speaker:
        """The speaker with this id; QueryError, with close ids, if there is none.

        To find speakers by name, use :meth:`ClaimSet.speakers_named`.
        """
        speaker = self._index.speakers.get(speaker_id)
        if speaker is None:
            known = self._index.speakers
            raise QueryError(f"no speaker {speaker_id!r}", suggest(speaker_id, known))
        return speaker

    def source(self, source_id: str) -> Source:
        """The corpus document with this id; QueryError, with close ids, if there is none."""
        return self._index.sources[self._index.source_id(source_id)]

    def text(self, source: Source | str) -> str | None:
        """A source's text, verbatim; ``None`` if its text file is missing or unreadable."""
        return self._searcher.text(self.source(source if isinstance(source, str) else source.id))

    def identified_as(self, speaker: Speaker | str) -> Speaker | None:
        """Whom a source identifies this (usually unnamed) speaker as, if anyone.

        >>> load("tests/examples/clean", cache=False).identified_as("spokesman") is None
        True
        """
        found = self.speaker(speaker if isinstance(speaker, str) else speaker.id)
        ident = found.identified_as
        return None if ident is None else self._index.speakers.get(ident.speaker)

    def related(self, claim: ResolvedClaim | str, *, transitive: bool = False) -> ClaimSet:
        """Claims related to ``claim``; see :meth:`ClaimSet.related_to`."""
        return self.claims.related_to(claim, transitive=transitive)

    def relations(self, claim: ResolvedClaim | str) -> tuple[tuple[str, ResolvedClaim], ...]:
        """Each relation of ``claim`` as seen from it, with the other claim: those it lists
        (``disputes``...), then those listing it, by the inverse (``disputed-by``...);
        an untyped relation is ``related``, and left out where a typed one says more.

        >>> ledger = load("tests/examples/clean", cache=False)
        >>> [(r, c.id) for r, c in ledger.relations("multiple-interventions")]
        [('related', 'us-is-an-intervening-power')]
        """
        me = self.claim(claim if isinstance(claim, str) else claim.id)
        incoming = [
            (other.id, link)
            for other in self.related(me)
            for link in other.related
            if link.claim == me.id
        ]
        found = relations_seen_from(me.related, incoming)
        return tuple((relation, self.claim(other)) for relation, other, _ in found)

    def search(self, query: str, *, limit: int = 10) -> tuple[ClaimHit, ...]:
        """Claims whose statement or quotes match ``query``, best first (bm25).

        See :mod:`claimledger.query.fts` for what a query may hold.
        """
        return self._searcher.search_claims(query, _limit(limit))

    def search_corpus(self, query: str, *, limit: int = 10) -> tuple[PassageHit, ...]:
        """Passages of the corpus matching ``query``, best first (bm25), with exact offsets.

        >>> ledger = load("tests/examples/clean", cache=False)
        >>> hit = ledger.search_corpus("foreign interventions")[0]
        >>> hit.source.id, hit.paragraph, hit.matches
        ('briefing-report', 2, ((110, 131),))
        """
        return self._searcher.search_corpus(query, _limit(limit))


def load(path: str | os.PathLike[str], *, strict: bool = True, cache: bool = True) -> Ledger:
    """Load the ledger at ``path``: its root, its claims folder, or any file or folder in it.

    The configuration is found as ``claimledger validate`` finds it, from ``path``
    upwards. ``strict`` decides what errors do (see the module). ``cache`` lets loading
    keep the files it parsed, a compact index of the ledger (:mod:`claimledger.query.stored`)
    and search indexes under ``.claimledger/`` in the ledger root, keyed by content (an
    unchanged ledger is not read again); nothing else is ever written.
    """
    start = Path(path)
    if not start.exists():
        raise FileNotFoundError(f"no such file or directory: {os.fspath(path)!r}")
    return load_config(_configure(start), strict=strict, cache=cache)


def load_config(config: Config, *, strict: bool = True, cache: bool = True) -> Ledger:
    """Load the ledger ``config`` describes, as :func:`load` does."""
    store = QueryStore.open(config) if cache else None
    stored = None if store is None else store.read()
    if stored is not None:
        ledger = Ledger._from_store(config, stored)
    else:
        from claimledger.ledger import read_ledger  # only to load from the files

        files, findings = read_ledger(config, cache=cache)
        ledger = Ledger.from_files(files, findings, strict=False, cache=cache)
        if store is not None:
            index = ledger._index
            store.write(files, ledger.findings, index, claims_key(index.claims))
    if strict and any(f.severity.fails for f in ledger.findings):
        raise LedgerError(config.root, ledger.findings)
    return ledger


def _limit(limit: int) -> int:
    # SQLite reads a negative LIMIT as none at all.
    if limit < 1:
        raise QueryError(f"a search returns at least one hit (limit={limit})")
    return limit


def _configure(start: Path) -> Config:
    config = discover(start)
    if config.source is None and not config.corpus_dir.is_dir():
        # No configuration anywhere: the claims folder of a ledger has its corpus beside it.
        folder = start.resolve() if start.is_dir() else start.resolve().parent
        parent = Config.default(folder.parent)
        if parent.claims_dir == folder and parent.corpus_dir.is_dir():
            return parent
    return config


def _resolving_findings(files: LedgerFiles) -> list[Finding]:
    # The ledger-scope rules each read files.index, which is rebuilt on every access
    # unless given: build it once for all of them.
    from claimledger.rules import RULES_BY_CODE, run_rules

    files = attrs.evolve(files, given_index=files.index)
    return run_rules(files, [RULES_BY_CODE[code] for code in RESOLVING_RULES])
