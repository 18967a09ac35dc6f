"""Validation's cache: one signed index file, read once and written once a run.

The index lives in ``.claimledger/cache/index.json``, which a repository could
commit, so nothing read from it is trusted by its place:

- the file carries an HMAC of its whole content under the user's secret
  (:func:`claimledger.secret.cache_secret`); a file that does not verify is ignored;
- the *names* of its entries are HMACs of their keys under the same secret, so a
  repository cannot compute where an entry would be looked up;
- it is read only if it is a regular file inside the ledger, of bounded size,
  never through a link, and never written through a linked folder.

Besides the entries (plain JSON, never pickle: loading must not execute
anything), the index records each file it has hashed with its size,
modification and change times, device and inode: a file whose ``lstat`` still
gives all of those is taken to have the recorded sha256 without being read again.
Anything else (a changed time, a link, a file not seen before) is read and hashed.
Each run writes only the entries it used: entries of files deleted or changed
are pruned.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import re
import stat
from pathlib import Path
from typing import Any

from claimledger.atomic import private_folder, write_atomic
from claimledger.safe_read import read_regular, real_folder
from claimledger.secret import cache_secret

__all__ = ["CACHE_DIR", "INDEX_NAME", "MAX_INDEX_BYTES", "CacheIndex", "file_stamp"]

CACHE_DIR = Path(".claimledger") / "cache"
INDEX_NAME = "index.json"
_FORMAT = 2
#: An index larger than this is not read: a ledger of 10,000 claims writes about 1.5 MB,
#: and a planted link to ``/dev/zero`` must not be read until memory runs out.
MAX_INDEX_BYTES = 256 * 1024 * 1024

_OLD_FOLDER = re.compile("[0-9a-f]{2}")
_OLD_ENTRY = re.compile("[0-9a-f]{64}[.]json")

#: What ``lstat`` says of a file, as recorded beside its digest.
Stamp = tuple[int, int, int, int, int]


def file_stamp(path: Path) -> Stamp | None:
    """Size, mtime, ctime (ns), device and inode of a regular file; None for anything else."""
    try:
        info = os.lstat(path)
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode):
        return None
    return info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_dev, info.st_ino


class CacheIndex:
    """The entries and file digests of the last run, and those this run will keep."""

    def __init__(self, root: Path, enabled: bool) -> None:
        self.root = root
        self.folder = root / CACHE_DIR
        self.secret = cache_secret() if enabled else None
        self._old_entries: dict[str, Any] = {}
        self._old_digests: dict[str, list[Any]] = {}
        self._entries: dict[str, Any] = {}
        self._digests: dict[str, list[Any]] = {}
        if self.secret is not None:
            self._load()

    @property
    def enabled(self) -> bool:
        """Whether entries are kept (a secret could be had and the cache was asked for)."""
        return self.secret is not None

    @property
    def path(self) -> Path:
        return self.folder / INDEX_NAME

    def name(self, key: str) -> str:
        """Where the entry for ``key`` is kept: unpredictable without the secret."""
        assert self.secret is not None
        return hmac.new(self.secret, f"name\0{key}".encode(), hashlib.sha256).hexdigest()

    def _mac(self, body: bytes) -> str:
        assert self.secret is not None
        return hmac.new(self.secret, b"index\0" + body, hashlib.sha256).hexdigest()

    def _load(self) -> None:
        try:
            if not real_folder(self.folder, self.root):
                return
            data = read_regular(self.path, self.root, limit=MAX_INDEX_BYTES)
            mac, _, body = data.partition(b"\n")
            if not hmac.compare_digest(mac.decode("ascii"), self._mac(body)):
                return  # not written by this user's claimledger: never trusted
            content = json.loads(body)
            if content.get("format") != _FORMAT:
                return
            entries, digests = content["entries"], content["digests"]
            if isinstance(entries, dict) and isinstance(digests, dict):
                self._old_entries, self._old_digests = entries, digests
        except (OSError, RuntimeError, ValueError, KeyError, TypeError, AttributeError):
            return  # missing, unreadable or not ours: everything is recomputed

    def get(self, key: str) -> Any | None:
        """The entry stored under ``key`` by an earlier run (kept for the next), or None."""
        if self.secret is None:
            return None
        name = self.name(key)
        found = self._entries.get(name)
        if found is None:
            found = self._old_entries.get(name)
            if found is not None:
                self._entries[name] = found
        return found

    def put(self, key: str, value: Any) -> None:
        if self.secret is not None:
            self._entries[self.name(key)] = value

    def known_digest(self, relative: str, stamp: Stamp | None) -> str | None:
        """The sha256 recorded for the file if its stamp is unchanged, else None."""
        if stamp is None or self.secret is None:
            return None
        recorded = self._digests.get(relative) or self._old_digests.get(relative)
        if recorded is None or len(recorded) != 6 or tuple(recorded[:5]) != stamp:
            return None
        digest = recorded[5]
        self._digests[relative] = recorded
        return digest if isinstance(digest, str) else None

    def record_digest(self, relative: str, stamp: Stamp | None, digest: str) -> None:
        """Remember ``digest`` for the file as ``stamp`` describes it (before it was read)."""
        if stamp is not None and self.secret is not None:
            self._digests[relative] = [*stamp, digest]

    @property
    def dirty(self) -> bool:
        """Whether this run has anything to write (new entries or digests, or some to prune)."""
        unchanged = self._entries == self._old_entries and self._digests == self._old_digests
        return self.secret is not None and not unchanged

    def save(self) -> None:
        """Write the entries and digests this run used, replacing the index atomically."""
        if not self.dirty:
            return  # nothing new: a warm run writes nothing
        content = {"format": _FORMAT, "entries": self._entries, "digests": self._digests}
        body = json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode()
        try:
            if not real_folder(self.folder, self.root) or private_folder(self.root) is None:
                return  # a committed link: never write through it
            self.folder.mkdir(exist_ok=True)
            write_atomic(self.path, f"{self._mac(body)}\n{body.decode()}")
            self._prune_old_layout()
        except OSError:
            pass  # a read-only checkout validates without a cache

    def _prune_old_layout(self) -> None:
        """Remove the file-per-entry cache of claimledger 0.2 (``cache/ab/<64 hex>.json``):
        only regular files of that name in real folders of two hexadecimal digits."""
        for folder in self.folder.iterdir():
            if not _OLD_FOLDER.fullmatch(folder.name) or not stat.S_ISDIR(os.lstat(folder).st_mode):
                continue
            for entry in folder.iterdir():
                if _OLD_ENTRY.fullmatch(entry.name) and file_stamp(entry) is not None:
                    entry.unlink()
            with contextlib.suppress(OSError):
                folder.rmdir()  # only if nothing else is in it
