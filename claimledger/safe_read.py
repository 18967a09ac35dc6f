"""Read a file of an untrusted ledger: a regular file, bounded, never through a link that leaves it.

Every byte claimledger reads from a ledger comes through :func:`read_regular`:
the loader's YAML and corpus texts, the reporter's context lines, the cache's
entries and the templates. A ledger may hold a FIFO (opening it for reading
would hang), a device (``/dev/zero`` never ends) or a link to any file on the
machine (``/proc/self/environ``); none of them is read.

>>> import tempfile, pathlib
>>> root = pathlib.Path(tempfile.mkdtemp())
>>> _ = (root / "a.yaml").write_text("claims: []\\n")
>>> read_regular(root / "a.yaml", root, limit=100)
b'claims: []\\n'
>>> (root / "env").symlink_to("/proc/self/environ")
>>> read_regular(root / "env", root, limit=100)
Traceback (most recent call last):
...
claimledger.safe_read.OutsideLedger: file resolves outside the ledger (a symbolic link?)
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

__all__ = [
    "MAX_FILE_BYTES",
    "OutsideLedger",
    "TooLarge",
    "UnsafeFile",
    "inside",
    "read_regular",
    "real_folder",
]

#: The largest file of a ledger that is read (claim files, registries, corpus texts).
MAX_FILE_BYTES = 10 * 1024 * 1024

_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


class UnsafeFile(OSError):
    """A file that is not read: it leaves the ledger, or it is not a regular file."""


class OutsideLedger(UnsafeFile):
    """A file whose real path leaves the ledger."""


class TooLarge(UnsafeFile):
    """A regular file over the size limit; ``size`` is its size in bytes."""

    def __init__(self, message: str, size: int) -> None:
        super().__init__(message)
        self.size = size


def inside(path: Path, root: Path) -> Path:
    """``path`` with every link resolved, or :class:`UnsafeFile` if that leaves ``root``.

    Raises OSError for a missing file and RuntimeError (before Python 3.13) for a
    loop of links.
    """
    real = path.resolve(strict=True)
    if not real.is_relative_to(root.resolve()):
        raise OutsideLedger("file resolves outside the ledger (a symbolic link?)")
    return real


def read_regular(path: Path, root: Path | None, *, limit: int) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them.

    With a ``root``, the file's real path must lie inside it (links that stay
    inside are followed). The file is opened without following a last link and
    without blocking, then checked with ``fstat`` on the open descriptor, so a
    file swapped for a link or a FIFO between the check and the read is refused.
    """
    real = inside(path, root) if root is not None else path
    fd = os.open(real, _FLAGS | (_NOFOLLOW if root is not None else 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise UnsafeFile("not a regular file (a FIFO, a device or a folder?)")
        if info.st_size > limit:
            raise TooLarge(f"file is {info.st_size} bytes, over the limit", info.st_size)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(limit + 1)
    finally:
        os.close(fd)
    if len(data) > limit:  # grew after fstat
        raise TooLarge(f"file is over {limit} bytes", len(data))
    return data


def real_folder(folder: Path, root: Path) -> bool:
    """Whether ``folder`` and every folder between it and ``root`` is a real folder, no link.

    For folders claimledger writes into (its cache): a repository that commits
    ``.claimledger`` as a link to another place must not have us write there.
    """
    try:
        relative = folder.relative_to(root)
    except ValueError:
        return False
    current = root
    for part in relative.parts:
        current = current / part
        try:
            mode = os.lstat(current).st_mode
        except FileNotFoundError:
            return True  # the rest will be created by us, as real folders
        except OSError:
            return False
        if not stat.S_ISDIR(mode):
            return False
    return True
