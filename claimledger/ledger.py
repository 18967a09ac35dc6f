"""Read a whole ledger: the speaker registry, every claim file and the corpus.

Reading never stops at the first bad file: each file yields its model objects
or its findings, so one broken claim file does not hide the others' problems.
Every object keeps an :class:`Origin` so rules can point at the exact line.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path

import attrs

from claimledger.codes import DUPLICATE_ID, NOTHING_TO_CHECK, OUTSIDE_LEDGER
from claimledger.config import Config
from claimledger.file_report import IndexedClaim
from claimledger.findings import Finding, Location, Severity
from claimledger.layout import SPEAKERS_FILE, claim_paths, display, layout_findings, read_text
from claimledger.models import Claim, Source, Speaker
from claimledger.parse import Document, YamlError, YamlPath, parse_yaml
from claimledger.parsed_cache import ParsedCache, Reader
from claimledger.structure import (
    ClaimsDocument,
    SpeakersDocument,
    structure_entries,
    structure_source,
)

__all__ = [
    "NOTHING_TO_CHECK",
    "OUTSIDE_LEDGER",
    "SPEAKERS_FILE",
    "ClaimFile",
    "IndexedClaim",
    "LedgerFiles",
    "Origin",
    "SourceDocument",
    "claim_paths",
    "layout_findings",
    "original_path",
    "read_claim_file",
    "read_ledger",
    "read_registry",
    "read_source",
    "read_speakers",
    "read_text",
    "version_path",
]


@attrs.frozen
class Origin:
    """Where an object was written: a parsed file and the object's path in it."""

    document: Document
    prefix: YamlPath

    def at(self, *path: str | int, key: bool = False) -> Location:
        """The position of a field (or its key) of the object."""
        return self.document.locate((*self.prefix, *path), key=key)

    @property
    def path(self) -> str:
        return self.document.path


@attrs.frozen
class ClaimFile:
    """One claim file's claims (with origins) or the findings that stopped them."""

    path: str
    claims: tuple[tuple[Claim, Origin], ...]
    findings: tuple[Finding, ...]
    #: Claims that did not structure (a schema finding says why), by id: they exist, so
    #: a ``related`` link to one is not reported as unknown on top of the cause.
    broken: tuple[IndexedClaim, ...] = ()


# Compared and hashed by identity: a document read is one object, which
# claimledger.anchorings keeps its anchorings beside.
@attrs.frozen(eq=False)
class SourceDocument:
    """A corpus document: its metadata, its text and the digest of its bytes."""

    meta: Source
    origin: Origin
    text_path: Path
    #: ``None`` when the text file is missing or unreadable (a finding says why).
    text: str | None
    digest: str | None
    #: The superseded texts the metadata lists (``versions``), oldest first.
    versions: tuple[SourceDocument, ...] = ()
    #: The sha256 of the original the text was extracted from (``<id>.html``), when the
    #: metadata records an extraction and the file can be read; else None.
    original_digest: str | None = None

    @property
    def id(self) -> str:
        return self.meta.id

    def version(self, number: int | None) -> SourceDocument | None:
        """The text of version ``number`` (1 = the first kept; the current text when
        ``None`` or the current number); ``None`` for a version the source does not have."""
        if number is None or number == self.meta.current_version:
            return self
        if 1 <= number <= len(self.versions):
            return self.versions[number - 1]
        return None

    @property
    def by_reference(self) -> bool:
        """Known only by its URL: no sha256 recorded, so no text to check quotes against."""
        return self.meta.sha256 is None


@attrs.frozen
class LedgerFiles:
    """Everything read from a ledger's files, indexed by id, with where each object was written.

    This is what rules check. The query API (``claimledger.load``) builds on it.
    """

    config: Config
    claims: tuple[Claim, ...]
    claim_origins: tuple[Origin, ...]
    speakers: dict[str, Speaker]
    speaker_origins: dict[str, Origin]
    sources: dict[str, SourceDocument]
    #: Every file read, relative to the root, for reporting.
    files: tuple[str, ...]
    #: Every claim of the ledger for cross-file rules; built from ``claims`` when not given
    #: (an incremental run gives it for claims it did not re-read).
    given_index: tuple[IndexedClaim, ...] | None = None
    #: Entries that exist but did not load (a finding says why), so that rules report the
    #: cause once rather than every reference to them: claims by id and place, speaker
    #: ids, and source ids (corpus file names whose metadata did not load).
    broken_claims: tuple[IndexedClaim, ...] = ()
    broken_speakers: frozenset[str] = frozenset()
    broken_sources: frozenset[str] = frozenset()

    @property
    def index(self) -> tuple[IndexedClaim, ...]:
        if self.given_index is not None:
            return self.given_index
        built = tuple(_index_entry(claim, origin) for claim, origin in self.located_claims())
        return built + self.broken_claims

    def located_claims(self) -> Iterator[tuple[Claim, Origin]]:
        """Each claim with where it was written, in file then document order."""
        return zip(self.claims, self.claim_origins, strict=True)

    def claim(self, claim_id: str) -> Claim | None:
        """The first claim with this id (ids are unique in a valid ledger)."""
        return next((c for c in self.claims if c.id == claim_id), None)


def _index_entry(claim: Claim, origin: Origin) -> IndexedClaim:
    """What cross-file rules need of ``claim``: its id, links and sources, located."""
    related = tuple((link.claim, origin.at("related", i)) for i, link in enumerate(claim.related))
    return IndexedClaim(claim.id, origin.at("id"), related, claim.sources())


def _parse(
    path: Path,
    root: Path,
    text: str | None = None,
    parsed: ParsedCache | None = None,
    read: Reader = read_text,
) -> tuple[Document | None, list[Finding]]:
    if parsed is not None and text is None:
        return parsed.parse(path, root, display(path, root), read)
    findings: list[Finding] = []
    if text is None:
        text, _, findings = read(path, root)
    if text is None:
        return None, findings
    try:
        # Most files have no finding: positions below their entries are found if one does.
        return parse_yaml(text, display(path, root), every_position=False), []
    except YamlError as exc:
        return None, [exc.finding]


def read_claim_file(
    path: Path, root: Path, text: str | None = None, parsed: ParsedCache | None = None
) -> ClaimFile:
    """Parse and structure one claim file (``text``: its contents, when already read;
    ``parsed``: where files parsed before are kept)."""
    doc, findings = _parse(path, root, text, parsed)
    if doc is None:
        return ClaimFile(display(path, root), (), tuple(findings))
    entries = structure_entries(doc, "claims", Claim, ClaimsDocument)
    located = tuple((c, Origin(doc, ("claims", i))) for i, c in entries.items)
    broken = tuple(
        IndexedClaim(claim_id, doc.locate(("claims", i, "id"))) for i, claim_id in entries.broken
    )
    return ClaimFile(doc.path, located, tuple(entries.findings), broken)


def read_speakers(
    config: Config, parsed: ParsedCache | None = None, read: Reader = read_text
) -> tuple[dict[str, Speaker], dict[str, Origin], frozenset[str], list[Finding]]:
    path = config.claims_dir / SPEAKERS_FILE
    if not os.path.lexists(path):  # a FIFO or a link is reported, not skipped
        return {}, {}, frozenset(), []
    doc, findings = _parse(path, config.root, parsed=parsed, read=read)
    if doc is None:
        return {}, {}, frozenset(), findings
    entries = structure_entries(doc, "speakers", Speaker, SpeakersDocument)
    findings = entries.findings
    broken = frozenset(speaker_id for _, speaker_id in entries.broken)
    by_id: dict[str, Speaker] = {}
    origins: dict[str, Origin] = {}
    for i, speaker in entries.items:
        origin = Origin(doc, ("speakers", i))
        if speaker.id in by_id:
            first = origins[speaker.id].at("id")
            findings.append(
                Finding(
                    DUPLICATE_ID,
                    Severity.ERROR,
                    f"duplicate speaker id {speaker.id!r} (first at line {first.line})",
                    origin.at("id"),
                )
            )
            continue
        by_id[speaker.id] = speaker
        origins[speaker.id] = origin
    return by_id, origins, broken - set(by_id), findings


def _read_corpus(
    config: Config, parsed: ParsedCache | None, read: Reader
) -> tuple[dict[str, SourceDocument], set[str], list[Finding]]:
    sources: dict[str, SourceDocument] = {}
    broken: set[str] = set()
    findings: list[Finding] = []
    if not config.corpus_dir.is_dir():
        return sources, broken, findings
    for meta_path in sorted(config.corpus_dir.glob("*.yaml")):
        source, problems = read_source(config, meta_path, parsed, read)
        findings += problems
        if source is None:
            broken.add(meta_path.stem)
        else:
            sources[source.id] = source
    return sources, broken, findings


def read_source(
    config: Config, meta_path: Path, parsed: ParsedCache | None = None, read: Reader = read_text
) -> tuple[SourceDocument | None, list[Finding]]:
    """One corpus document (metadata, text, versions); None if its metadata does not load."""
    doc, findings = _parse(meta_path, config.root, parsed=parsed, read=read)
    if doc is None:
        return None, findings
    meta, problems = structure_source(doc, meta_path.stem)
    findings += problems
    if meta is None:
        return None, findings
    origin = Origin(doc, ())
    document, problems = _source_text(config, meta, origin, meta_path.with_suffix(".txt"), read)
    findings += problems
    versions = []
    for number, version in enumerate(meta.versions, 1):
        kept = attrs.evolve(meta, sha256=version.sha256, versions=(), history=())
        old, problems = _source_text(config, kept, origin, version_path(meta_path, number), read)
        findings += problems
        versions.append(old)
    original = _original_digest(config, meta_path, meta, read)
    return attrs.evolve(document, versions=tuple(versions), original_digest=original), findings


def version_path(meta_path: Path, number: int) -> Path:
    """Where version ``number`` of a source's text is kept: ``<id>.v<N>.txt``."""
    return meta_path.with_name(f"{meta_path.stem}.v{number}.txt")


#: Formats an original may be kept in (``<id>.<format>``); no other name is ever built.
ORIGINAL_FORMATS = ("html",)


def original_path(meta_path: Path, meta: Source) -> Path | None:
    """Where the original a source's text was extracted from is kept, if it has one."""
    extraction = meta.extraction
    if extraction is None or extraction.format not in ORIGINAL_FORMATS:
        return None
    return meta_path.with_suffix(f".{extraction.format}")


def _original_digest(config: Config, meta_path: Path, meta: Source, read: Reader) -> str | None:
    path = original_path(meta_path, meta)
    if path is None or not path.is_file():
        return None
    # Its bytes only: a web page need not be UTF-8, so a decoding finding is not ours.
    _, data, _ = read(path, config.root)
    return None if data is None else hashlib.sha256(data).hexdigest()


def _source_text(
    config: Config, meta: Source, origin: Origin, text_path: Path, read: Reader
) -> tuple[SourceDocument, list[Finding]]:
    text = digest = None
    findings: list[Finding] = []
    if text_path.is_file():
        text, data, findings = read(text_path, config.root)
        digest = hashlib.sha256(data).hexdigest() if data is not None else None
    return SourceDocument(meta, origin, text_path, text, digest), findings


def read_registry(
    config: Config, parsed: ParsedCache | None = None, read: Reader = read_text
) -> tuple[LedgerFiles, list[Finding]]:
    """The speaker registry and the corpus, as a ledger with no claims yet.

    ``read`` reads each file (:func:`read_text`, or the same from bytes a caller has
    already read and hashed, so what is parsed is what was hashed).
    """
    speakers, speaker_origins, broken_speakers, findings = read_speakers(config, parsed, read)
    sources, broken_sources, corpus_findings = _read_corpus(config, parsed, read)
    registry = LedgerFiles(
        config=config,
        claims=(),
        claim_origins=(),
        speakers=speakers,
        speaker_origins=speaker_origins,
        sources=sources,
        files=(),
        broken_speakers=broken_speakers,
        broken_sources=frozenset(broken_sources),
    )
    return registry, findings + corpus_findings


def read_ledger(config: Config, *, cache: bool = False) -> tuple[LedgerFiles, list[Finding]]:
    """Read everything the configuration points at; findings are unsorted.

    With ``cache``, files parsed by an earlier read and unchanged since are not parsed
    again (:mod:`claimledger.parsed_cache`); their documents carry no text.
    """
    parsed = ParsedCache(config.root) if cache else None
    registry, findings = read_registry(config, parsed)
    claims: list[Claim] = []
    origins: list[Origin] = []
    broken: list[IndexedClaim] = []
    paths = claim_paths(config)
    for path in paths:
        result = read_claim_file(path, config.root, parsed=parsed)
        findings += result.findings
        broken += result.broken
        for claim, origin in result.claims:
            claims.append(claim)
            origins.append(origin)
    ledger = attrs.evolve(
        registry,
        claims=tuple(claims),
        claim_origins=tuple(origins),
        broken_claims=tuple(broken),
        files=tuple(display(p, config.root) for p in paths),
    )
    if parsed is not None:
        parsed.save()
    return ledger, findings
