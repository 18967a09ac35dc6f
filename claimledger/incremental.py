"""Validation that pays only for what changed: per-file reports, cached and computed in parallel.

The findings are the same as :func:`claimledger.check.validate` gives (a test
holds the two equal); only the work differs:

1. The registry and the corpus are read in full (they are small, and every
   claim file is checked against them). Their digests, the configuration and
   the library's own code make the *context* key.
2. Each claim file is checked on its own against that context by the
   file-scope rules, giving a :class:`FileReport`: its findings and the
   :class:`~claimledger.ledger.IndexedClaim` entries cross-file rules need.
   Reports are cached under ``.claimledger/cache/`` keyed by the file's bytes
   and the context, so an unchanged file is not parsed again; files that miss
   are checked in ``jobs`` processes.
3. The ledger-scope rules (duplicate ids, related ids) run over the merged
   index, which is cheap.

The cache is plain JSON (never pickle: loading must not execute anything),
written atomically, safe to delete, and ignored by git through its own
``.gitignore``. A repository could still *commit* a planted cache entry that
claims a bad file is clean, so every entry carries an HMAC under a secret kept
outside the repository (``$XDG_CACHE_HOME/claimledger/secret``, else
``~/.cache/claimledger/secret``); an entry that does not verify is ignored.
Where no secret can be kept, nothing is cached.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import attrs

from claimledger.atomic import private_folder, write_atomic
from claimledger.config import Config
from claimledger.findings import Finding, Location, Severity
from claimledger.ledger import (
    IndexedClaim,
    LedgerFiles,
    claim_paths,
    layout_findings,
    read_claim_file,
    read_registry,
    read_text,
)
from claimledger.rules.runner import run_rules, settle
from claimledger.safe_read import read_regular, real_folder
from claimledger.secret import cache_secret

__all__ = ["CACHE_DIR", "Checked", "FileReport", "check_incremental", "validate_incremental"]

CACHE_DIR = Path(".claimledger") / "cache"
_FORMAT = 1


@attrs.frozen
class FileReport:
    """One claim file's findings (default severities) and index entries."""

    findings: tuple[Finding, ...]
    index: tuple[IndexedClaim, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "findings": [
                [f.code, f.severity.value, f.message, *_loc(f.location)] for f in self.findings
            ],
            "index": [
                [
                    e.id,
                    *_loc(e.at),
                    [[other, *_loc(at)] for other, at in e.related],
                    list(e.sources),
                ]
                for e in self.index
            ],
        }

    @classmethod
    def from_json(cls, data: Any) -> FileReport:
        findings = tuple(
            Finding(code, Severity(sev), msg, Location(path, line, col))
            for code, sev, msg, path, line, col in data["findings"]
        )
        index = tuple(
            IndexedClaim(
                claim_id,
                Location(path, line, col),
                tuple((other, Location(p, ln, c)) for other, p, ln, c in related),
                tuple(sources),
            )
            for claim_id, path, line, col, related, sources in data["index"]
        )
        return cls(findings, index)


def _loc(location: Location) -> tuple[str, int, int]:
    return location.path, location.line, location.column


def _code_digest() -> str:
    """The library's own sources: a cache from another version is never trusted."""
    digest = hashlib.sha256(str(_FORMAT).encode())
    package = Path(__file__).parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _context_key(registry: LedgerFiles) -> str:
    # What a claim file's report depends on besides the file: the registry's content
    # and the text digests. Not where the registry's entries stand in their files:
    # the registry's own findings are made afresh every run, never cached.
    config = registry.config
    digest = hashlib.sha256(_code_digest().encode())
    # Rules turned off are never run, so a report holds only the findings of rules on.
    off = sorted(code for code, setting in config.rules.items() if setting is None)
    digest.update(json.dumps([config.verdict_scale, config.verdict_unrated, off]).encode())
    for speaker_id in sorted(registry.speakers):
        digest.update(repr(registry.speakers[speaker_id]).encode())
    # Unreadable entries change which references are reported (the cause, not each use).
    digest.update(
        json.dumps([sorted(registry.broken_speakers), sorted(registry.broken_sources)]).encode()
    )
    for source_id in sorted(registry.sources):
        source = registry.sources[source_id]
        versions = [version.digest for version in source.versions]
        digest.update(repr((source.meta, source.digest, versions)).encode())
    return digest.hexdigest()


# Set in each worker process (and in the parent for serial runs).
_REGISTRY: LedgerFiles | None = None


def _init_worker(registry: LedgerFiles) -> None:
    global _REGISTRY
    _REGISTRY = registry


def _check_file(job: tuple[Path, str]) -> FileReport:
    # The text travels with the job: the bytes checked are the bytes the cache key hashed,
    # even if the file changes while the run lasts.
    path, text = job
    registry = _REGISTRY
    assert registry is not None, "worker not initialised"
    result = read_claim_file(path, registry.config.root, text)
    ledger = attrs.evolve(
        registry,
        claims=tuple(claim for claim, _ in result.claims),
        claim_origins=tuple(origin for _, origin in result.claims),
        broken_claims=result.broken,
    )
    findings = [*result.findings, *run_rules(ledger, which="file")]
    return FileReport(tuple(findings), ledger.index)


#: A cached report larger than this is not read (a file's report is a few kB; a planted
#: entry linked to ``/dev/zero`` must not be read until memory runs out).
MAX_ENTRY_BYTES = 16 * 1024 * 1024


class _Cache:
    """Per-file reports under ``.claimledger/cache/``, which a repository could commit.

    So nothing read from it is trusted by its place: an entry's *name* is an HMAC
    of its key under the user's secret (a repository cannot compute it, so it
    cannot plant an entry where it would be looked up), its *content* carries an
    HMAC too, and it is read only if it is a regular file of bounded size, never
    through a link. Nothing is written through a linked folder.
    """

    def __init__(self, root: Path, enabled: bool) -> None:
        self.root = root
        self.folder = root / CACHE_DIR
        self.secret = cache_secret() if enabled else None

    def _file(self, key: str) -> Path:
        assert self.secret is not None
        name = hmac.new(self.secret, f"name\0{key}".encode(), hashlib.sha256).hexdigest()
        return self.folder / name[:2] / f"{name}.json"

    def _mac(self, key: str, body: str) -> str:
        assert self.secret is not None
        return hmac.new(self.secret, f"{key}\0{body}".encode(), hashlib.sha256).hexdigest()

    def get(self, key: str) -> FileReport | None:
        if self.secret is None:
            return None
        target = self._file(key)
        try:
            if not real_folder(target.parent, self.root):
                return None
            data = read_regular(target, self.root, limit=MAX_ENTRY_BYTES)
            mac, _, body = data.decode("utf-8").partition("\n")
            if not hmac.compare_digest(mac, self._mac(key, body)):
                return None  # not written by this user's claimledger: never trusted
            return FileReport.from_json(json.loads(body))
        except (OSError, RuntimeError, ValueError, KeyError, TypeError):
            return None  # missing, unreadable or not ours: recompute

    def put(self, key: str, report: FileReport) -> None:
        if self.secret is None:
            return
        body = json.dumps(report.to_json(), ensure_ascii=False)
        try:
            target = self._file(key)
            if not real_folder(target.parent, self.root):
                return  # a committed link: never write through it
            if private_folder(self.root) is None:
                return
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(target, f"{self._mac(key, body)}\n{body}")
        except OSError:
            pass  # a read-only checkout validates without a cache


def _file_key(context: str, relative: str, data: bytes) -> str:
    digest = hashlib.sha256(context.encode())
    digest.update(relative.encode() + b"\0")
    digest.update(data)
    return digest.hexdigest()


#: Told how many claim files of how many are checked, as they are (for a progress display).
Progress = Callable[[int, int], None]


def _run(
    files: Sequence[tuple[Path, str]],
    registry: LedgerFiles,
    jobs: int,
    progress: Progress | None = None,
) -> list[FileReport]:
    def counted(reports: Iterable[FileReport]) -> list[FileReport]:
        done = []
        for report in reports:
            done.append(report)
            if progress is not None:
                progress(len(done), len(files))
        return done

    if jobs <= 1 or len(files) < 2 * jobs:
        _init_worker(registry)
        return counted(_check_file(job) for job in files)
    chunk = max(1, len(files) // (jobs * 4))
    with ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(registry,)) as pool:
        return counted(pool.map(_check_file, files, chunksize=chunk))


@attrs.frozen
class Checked:
    """What a validation run found, and how much it checked (for its summary line)."""

    findings: tuple[Finding, ...]
    #: Claim files read (the speaker registry and the corpus aside).
    files: int
    claims: int
    sources: int


def validate_incremental(
    config: Config, *, jobs: int | None = None, cache: bool = True, progress: Progress | None = None
) -> tuple[Finding, ...]:
    """The ledger's findings, reusing cached per-file reports and ``jobs`` processes."""
    return check_incremental(config, jobs=jobs, cache=cache, progress=progress).findings


def check_incremental(
    config: Config, *, jobs: int | None = None, cache: bool = True, progress: Progress | None = None
) -> Checked:
    """As :func:`validate_incremental`, with the counts of what was checked."""
    registry, findings = read_registry(config)
    context = _context_key(registry)
    store = _Cache(config.root, cache)
    paths = claim_paths(config)
    findings += layout_findings(config, paths)
    reports: dict[Path, FileReport] = {}
    misses: list[tuple[Path, str, str]] = []
    for path in paths:
        text, data, problems = read_text(path, config.root)
        if data is None or text is None:
            reports[path] = FileReport(tuple(problems), ())
            continue
        key = _file_key(context, path.relative_to(config.root).as_posix(), data)
        cached = store.get(key)
        if cached is None:
            misses.append((path, key, text))
        else:
            reports[path] = cached
    computed = _run(
        [(p, text) for p, _, text in misses], registry, jobs or os.cpu_count() or 1, progress
    )
    for (path, key, _), report in zip(misses, computed, strict=True):
        reports[path] = report
        store.put(key, report)
    ordered = [reports[path] for path in paths]
    index = tuple(entry for report in ordered for entry in report.index)
    whole = attrs.evolve(registry, given_index=index)
    for report in ordered:
        findings += report.findings
    # ``whole`` has no claims of its own, only the registry, the corpus and the merged index.
    findings += run_rules(whole, which="ledger")
    return Checked(settle(config, findings), len(paths), len(index), len(registry.sources))
