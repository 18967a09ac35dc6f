"""A ledger read and validated as cheaply as the caches allow, for what presents it.

``claimledger render`` needs the ledger's claims and every finding. The findings
come from the cached, parallel validator (:mod:`claimledger.incremental`), the
claims from the parsed-file cache (:mod:`claimledger.parsed_cache`): on an
unchanged ledger neither parses a file. They are two reads, so the ledger's files
are stamped (size, modification and change times, device, inode) before the first
and after the second: if anything changed, was added or removed meanwhile, the
ledger is read and checked again in one read (:func:`claimledger.check.validate`),
so the findings are always those of the claims presented.
"""

from __future__ import annotations

import os
from pathlib import Path

from claimledger.cache_index import Stamp, file_stamp
from claimledger.check import Validation, validate
from claimledger.config import Config
from claimledger.incremental import validate_incremental
from claimledger.ledger import read_ledger

__all__ = ["validate_cached"]


def _stamps(config: Config) -> dict[str, Stamp | None]:
    """Every file of the claims folder and the corpus (and the configuration), stamped."""
    found: dict[str, Stamp | None] = {}
    if config.source is not None:
        found[str(config.source)] = file_stamp(config.source)
    for folder in sorted({config.claims_dir, config.corpus_dir}):
        for top, folders, files in os.walk(folder):
            folders.sort()
            for name in sorted(files):
                path = Path(top, name)
                found[str(path)] = file_stamp(path)
    return found


def validate_cached(config: Config, *, jobs: int | None = None, cache: bool = True) -> Validation:
    """What :func:`claimledger.check.validate` gives, read from the caches (``cache``)
    and checked in ``jobs`` processes (default: one per core)."""
    before = _stamps(config)
    findings = validate_incremental(config, jobs=jobs, cache=cache)
    ledger, _ = read_ledger(config, cache=cache)
    if _stamps(config) != before:
        return validate(config)  # changed while read: one read, one state
    return Validation(ledger, findings)
