"""Validation that pays only for what changed: per-file reports, cached and computed in parallel.

The findings are the same as :func:`claimledger.check.validate` gives (a test
holds the two equal); only the work differs:

1. The registry and the corpus are read in full when any of their files changed
   (every claim file is checked against them). Their content, the configuration
   and the library's own code make the *context* key.
2. Each claim file is checked on its own against that context by the
   file-scope rules, giving a :class:`FileReport`: its findings and the
   :class:`~claimledger.ledger.IndexedClaim` entries cross-file rules need.
   Reports are cached keyed by the sha256 of the file's bytes and the context,
   so an unchanged file is not parsed again; files that miss are checked in
   ``jobs`` processes.
3. The registry's checks and the ledger-scope rules (duplicate ids, related
   ids) run over the registry and the merged index; their findings are cached
   too, keyed by every file's key, so a run where nothing changed reads neither
   the corpus nor a claim file.

The cache is one signed index (:mod:`claimledger.cache_index`): plain JSON,
never pickle, written atomically, safe to delete, ignored by git, and trusted
only if it carries an HMAC under this user's secret. Where no secret can be
kept, nothing is cached.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import json
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from claimledger.cache_index import CACHE_DIR, CacheIndex, file_stamp
from claimledger.config import Config
from claimledger.file_report import FileReport
from claimledger.findings import Finding
from claimledger.layout import SPEAKERS_FILE, claim_paths, layout_findings, read_text
from claimledger.rules.runner import run_rules, settle

# The loader (models, parser, cattrs) and the rules are imported by the functions that
# read or check a file: a run whose files are all unchanged uses none of them.
if TYPE_CHECKING:
    from claimledger.ledger import LedgerFiles
    from claimledger.parsed_cache import Reader

__all__ = ["CACHE_DIR", "Checked", "FileReport", "check_incremental", "validate_incremental"]

_FORMAT = 2


@functools.cache
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
    # A worker only reads: its registry stays, and what each file builds is freed by
    # reference counting.
    gc.freeze()
    gc.disable()


def _check_file(job: tuple[Path, str]) -> FileReport:
    # The text travels with the job: the bytes checked are the bytes the cache key hashed,
    # even if the file changes while the run lasts.
    from claimledger.ledger import read_claim_file

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


def _file_key(context: str, relative: str, digest: str) -> str:
    """A claim file's key: the context, its place and the sha256 of its bytes."""
    return hashlib.sha256(f"{context}\0{relative}\0{digest}".encode()).hexdigest()


def _relative(path: Path, root: Path) -> str:
    """``path``'s place in the ledger, as ``relative_to(root).as_posix()`` gives it, for the
    paths found under ``root`` (without pathlib's parsing: it runs for every file)."""
    text, prefix = str(path), str(root) + os.sep
    if text.startswith(prefix):
        return text[len(prefix) :].replace(os.sep, "/")
    return path.relative_to(root).as_posix()


#: What reading a file gave (text, bytes, findings), by path, for a reader to reuse.
Fetched = dict[Path, tuple[str | None, bytes | None, list[Finding]]]


def _digest(
    store: CacheIndex,
    path: Path,
    root: Path,
    relative: str,
    *,
    text_needed: bool = True,
    keep: Fetched | None = None,
) -> tuple[str | None, str | None, list[Finding]]:
    """A file's sha256 (from the index when its stamp is unchanged) and, when it had to
    be read, its text; or the findings that stop it being read (and then the sha256 of
    its bytes if they could be read, when ``text_needed`` is false). What is read is
    kept in ``keep``, if given."""
    stamp = file_stamp(path)  # before reading: a change while reading is seen next time
    known = store.known_digest(relative, stamp)
    if known is not None:
        return known, None, []
    text, data, problems = read_text(path, root)
    if keep is not None:
        keep[path] = (text, data, problems)
    if data is None or (text is None and text_needed):
        return None, None, problems
    digest = hashlib.sha256(data).hexdigest()
    store.record_digest(relative, stamp, digest)
    return digest, text, problems


def _registry_files(config: Config) -> list[Path]:
    """Every file reading the registry and the corpus may read."""
    speakers = config.claims_dir / SPEAKERS_FILE
    files = [speakers] if os.path.lexists(speakers) else []
    if config.corpus_dir.is_dir():
        names = sorted(name for name in os.listdir(config.corpus_dir) if not name.startswith("."))
        files += [config.corpus_dir / name for name in names]
    return files


def _registry_key(config: Config, store: CacheIndex, keep: Fetched | None = None) -> str:
    """The bytes the registry and corpus are read from, the configuration and the code.
    The files that had to be read to hash them are kept in ``keep``, if given."""
    digest = hashlib.sha256(f"{_code_digest()}\0{config!r}".encode())
    root = config.root
    for path in _registry_files(config):
        shown = _relative(path, root)
        found, _, problems = _digest(store, path, root, shown, text_needed=False, keep=keep)
        # What cannot be read (a link, a folder, bad bytes) is keyed by what reading said.
        marker = found or json.dumps([[f.code, f.message] for f in problems])
        digest.update(f"{shown}\0{marker}\0".encode())
    return digest.hexdigest()


@contextlib.contextmanager
def _bulk() -> Iterator[None]:
    """No cyclic garbage collection while reading a ledger: its objects hold no cycles
    worth collecting, and the collector's passes over them (it runs every 700 allocations)
    find nothing."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


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
    with _bulk():
        return _check(config, jobs or os.cpu_count() or 1, CacheIndex(config.root, cache), progress)


def _check(config: Config, jobs: int, store: CacheIndex, progress: Progress | None) -> Checked:
    paths = claim_paths(config)
    findings = layout_findings(config, paths)
    fetched: Fetched = {}
    registry_key = _registry_key(config, store, fetched) if store.enabled else ""
    registry: LedgerFiles | None = None
    known = _registry_entry(store.get(registry_key))
    if known is None:
        from claimledger.ledger import read_registry

        # The files hashed for the key are parsed from the bytes hashed, not read again.
        registry, loaded = read_registry(config, read=_reusing(fetched))
        known = _Registry(
            _context_key(registry),
            tuple(loaded),
            tuple(registry.sources),
            tuple(sorted(registry.broken_sources)),
        )
        if store.enabled and _registry_key(config, store) == registry_key:  # unchanged meanwhile
            store.put(registry_key, known.to_json())
    fetched.clear()
    context = known.context
    reports: dict[Path, FileReport] = {}
    misses: list[tuple[Path, str, str]] = []
    keys = [registry_key]
    for path in paths:
        relative = _relative(path, config.root)
        digest, text, problems = _digest(store, path, config.root, relative)
        cached = None
        if digest is not None:
            key = _file_key(context, relative, digest)
            cached = _report(store.get(key))
            if cached is None and text is None:  # known by its stamp, not checked since
                text, digest, problems = _reread(path, config.root, digest)
                key = _file_key(context, relative, digest) if digest else key
        if digest is None or (cached is None and text is None):
            reports[path] = FileReport(tuple(problems), ())
            keys.append(json.dumps([relative, [str(f) for f in problems]]))
        elif cached is None:
            assert text is not None
            misses.append((path, key, text))
            keys.append(key)
        else:
            reports[path] = cached
            keys.append(key)
    if misses and registry is None:
        from claimledger.corpus_on_demand import registry_on_demand

        # Unchanged since it was cached: only the documents the changed files cite are read.
        registry = registry_on_demand(config, known.sources, known.broken)
    if misses:
        assert registry is not None
        texts = [(path, text) for path, _, text in misses]
        for (path, key, _), report in zip(
            misses, _run(texts, registry, jobs, progress), strict=True
        ):
            reports[path] = report
            store.put(key, report.to_json())
    ordered = [reports[path] for path in paths]
    for report in ordered:
        findings += report.findings
    findings += _ledger_findings(config, store, registry, known, ordered, keys)
    # Nothing is kept if the registry or the corpus changed while this run read them.
    if not store.dirty or _registry_key(config, store) == registry_key:
        store.save()
    claims = sum(len(report) for report in ordered)
    return Checked(settle(config, findings), len(paths), claims, len(known.sources))


def _ledger_findings(
    config: Config,
    store: CacheIndex,
    registry: LedgerFiles | None,
    known: _Registry,
    reports: list[FileReport],
    keys: list[str],
) -> tuple[Finding, ...]:
    """The registry's findings and the ledger-scope rules', which depend on every file's
    report: cached under all the files' keys, and the registry's under the registry's key
    and which claims cite which sources (all a registry check reads of the claims)."""
    ledger_key = hashlib.sha256("\0".join(keys).encode()).hexdigest()
    citations = [cited for report in reports for cited in report.citations()]
    citing = json.dumps([keys[0], citations])
    registry_key = hashlib.sha256(citing.encode()).hexdigest()
    checked = _report(store.get(registry_key))  # looked up even if unused: kept, not pruned
    cached = _report(store.get(ledger_key))
    if cached is not None:
        return cached.findings
    if registry is None:
        from claimledger.corpus_on_demand import registry_on_demand

        registry = registry_on_demand(config, known.sources, known.broken)
    # ``whole`` has no claims of its own, only the registry, the corpus and the merged index.
    index = tuple(entry for report in reports for entry in report.index)
    whole = attrs.evolve(registry, given_index=index)
    if checked is None:
        checked = FileReport((*known.loaded, *run_rules(whole, which="registry")), ())
        store.put(registry_key, checked.to_json())
    found = FileReport((*checked.findings, *run_rules(whole, which="index")), ())
    store.put(ledger_key, found.to_json())
    return found.findings


def _reusing(fetched: Fetched) -> Reader:
    """A reader giving each file kept in ``fetched`` once (then forgetting it), and
    reading the others."""

    def read(path: Path, root: Path) -> tuple[str | None, bytes | None, list[Finding]]:
        kept = fetched.pop(path, None)
        return kept if kept is not None else read_text(path, root)

    return read


def _reread(path: Path, root: Path, digest: str) -> tuple[str | None, str | None, list[Finding]]:
    """Read a file known by its stamp: its text and the sha256 of the bytes read."""
    text, data, problems = read_text(path, root)
    if data is None or text is None:
        return None, None, problems
    return text, hashlib.sha256(data).hexdigest(), []


@attrs.frozen
class _Registry:
    """What a run needs of the registry and corpus when they are unchanged: the context
    key, the findings of reading them, and the ids of the documents and of those whose
    metadata did not load."""

    context: str
    loaded: tuple[Finding, ...]
    sources: tuple[str, ...]
    broken: tuple[str, ...]

    def to_json(self) -> list[Any]:
        loaded = FileReport(self.loaded, ()).to_json()
        return [self.context, loaded, list(self.sources), list(self.broken)]


def _registry_entry(entry: Any) -> _Registry | None:
    try:
        context, loaded, sources, broken = entry
        findings = FileReport.from_json(loaded).findings
        return _Registry(str(context), findings, tuple(map(str, sources)), tuple(map(str, broken)))
    except (TypeError, ValueError, KeyError):
        return None


def _report(entry: Any) -> FileReport | None:
    if entry is None:
        return None
    try:
        return FileReport.from_json(entry)
    except (TypeError, ValueError, KeyError):
        return None
