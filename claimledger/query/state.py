"""The state of a ledger as the query index keys it: every file loading reads, stamped.

See :mod:`claimledger.query.stored`: a file's stamp (size, modification and change
times, device, inode) says whether the sha256 recorded for it still holds.
"""

from __future__ import annotations

import functools
import hashlib
import os
import stat
from pathlib import Path

from claimledger.cache_index import Stamp, file_stamp
from claimledger.config import Config
from claimledger.layout import SPEAKERS_FILE, claim_paths

__all__ = ["Input", "code_digest", "ledger_inputs", "stamps_of"]


@functools.cache
def code_digest(version: str) -> str:
    """claimledger's own source: an index another version wrote is never used."""
    digest = hashlib.sha256(f"{version}\0".encode())
    package = Path(__file__).parent.parent  # claimledger/, its version in __init__.py
    for top, folders, files in os.walk(package):
        folders.sort()
        for name in sorted(files):
            if name.endswith(".py"):
                path = Path(top, name)
                digest.update(f"{path.relative_to(package)}\0".encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


#: An input: its place in the ledger, its path, and its stamp (``None`` for a folder).
Input = tuple[str, str, Stamp | None]


def _stamp(info: os.stat_result) -> Stamp:
    return info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_dev, info.st_ino


def ledger_inputs(config: Config) -> list[Input] | None:
    """Every file loading reads and every folder of the corpus, stamped; None when one
    is a link or neither a regular file nor a folder."""
    root = config.root
    if any(os.path.islink(folder) for folder in (config.claims_dir, config.corpus_dir)):
        return None
    paths = claim_paths(config)
    registry = config.claims_dir / SPEAKERS_FILE
    if os.path.lexists(registry):
        paths.append(registry)
    found: list[Input] = []
    for path in paths:
        stamp = file_stamp(path)
        if stamp is None:
            return None
        found.append((path.relative_to(root).as_posix(), str(path), stamp))
    if config.corpus_dir.is_dir():
        corpus = config.corpus_dir.relative_to(root).as_posix()
        prefix = "" if corpus == "." else f"{corpus}/"
        with os.scandir(config.corpus_dir) as entries:
            for entry in sorted(entries, key=lambda e: e.name):
                info = entry.stat(follow_symlinks=False)
                if stat.S_ISDIR(info.st_mode):
                    found.append((prefix + entry.name, entry.path, None))
                elif stat.S_ISREG(info.st_mode):
                    found.append((prefix + entry.name, entry.path, _stamp(info)))
                else:
                    return None
    return found


def stamps_of(inputs: list[Input]) -> dict[str, Stamp | None]:
    return {shown: file_stamp(Path(path)) for shown, path, stamp in inputs if stamp is not None}
