"""Write outputs safely: atomically, only where asked, never over what claimledger did not write.

:func:`write_atomic` replaces a regular file so that readers see the old content
or the new, never half of it. The text goes to a file in the same folder (same
filesystem, so the rename is atomic), is flushed to disk, then renamed over the
target. Where the system allows, the file is *anonymous* (``O_TMPFILE``) until
it is complete: a run killed at any point (even by SIGKILL) leaves nothing
behind but, at worst, a name that exists for the microseconds between linking
and renaming. That name is made in the ledger's ``.claimledger/`` folder
(ignored by git) when it is on the same filesystem.

:func:`write_output` is what ``render``, ``export``, ``schema`` and ``import``
use. The rules, for a ledger that may be hostile:

- never into a version-control folder (``.git``, ``.hg``, ``.svn``, ...), and
  paths from configuration (:func:`check_configured_output`) stay inside the
  ledger, outside any hidden folder;
- an existing regular file is replaced only if claimledger generated it
  (``owned`` recognises its header) or ``force`` is given;
- a symbolic link is followed to its target, and the target is checked by the
  same rules;
- a device or a FIFO (``/dev/null``, ``/dev/stdout``, a pipe) is written in
  place, never replaced by a regular file;
- every failed write raises ``OSError``; nothing is half-written over the old file.

>>> import tempfile, pathlib
>>> target = pathlib.Path(tempfile.mkdtemp()) / "LEDGER.md"
>>> write_atomic(target, "# Ledger\\n")
>>> target.read_text()
'# Ledger\\n'
>>> mine = lambda head: head.startswith("<!-- Generated")
>>> write_output(target, "# Mine\\n", owned=mine)  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
claimledger.atomic.OutputRefused: ... was not written by claimledger; give --force to replace it
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

__all__ = [
    "VCS_FOLDERS",
    "OutputRefused",
    "check_configured_output",
    "check_output",
    "private_folder",
    "write_atomic",
    "write_output",
]

#: Folders whose content a tool runs (git hooks, ``core.fsmonitor``): never written into.
VCS_FOLDERS = frozenset({".git", ".hg", ".svn", ".bzr", "_darcs", "CVS", ".jj", ".pijul"})
#: How much of an existing file ``owned`` is shown.
HEAD_BYTES = 4096


class OutputRefused(Exception):
    """An output that claimledger will not write (a usage error, exit 2)."""


def _in_vcs_folder(path: Path) -> bool:
    return any(part in VCS_FOLDERS for part in path.parts[:-1]) or path.name in VCS_FOLDERS


def check_configured_output(path: Path, root: Path) -> None:
    """Refuse an output path from configuration that leaves ``root`` or is in a hidden folder.

    ``path`` and ``root`` are resolved. Raises :class:`OutputRefused`.
    """
    if not path.is_relative_to(root):
        raise OutputRefused(f"{path} is outside the ledger")
    relative = path.relative_to(root)
    if not relative.parts:
        raise OutputRefused(f"{path} is the ledger's folder, not a file")
    hidden = [part for part in relative.parts if part.startswith(".") or part in VCS_FOLDERS]
    if hidden:
        raise OutputRefused(
            f"{relative} is inside the hidden or version-control folder {hidden[0]!r}"
        )


def _anonymous_file(folder: Path) -> int | None:
    """A file descriptor of a nameless file in ``folder``, or None where unsupported."""
    flag = getattr(os, "O_TMPFILE", None)
    if flag is None or not os.path.isdir("/proc/self/fd"):
        return None
    try:
        return os.open(folder, flag | os.O_WRONLY | getattr(os, "O_CLOEXEC", 0), 0o600)
    except OSError as exc:
        if exc.errno in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL, errno.ENOENT):
            return None  # a filesystem without O_TMPFILE: fall back to a named file
        raise


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _link(fd: int, target: Path) -> None:
    # linkat(2) through /proc with AT_SYMLINK_FOLLOW, as open(2) documents for O_TMPFILE.
    # A dir_fd makes Python call linkat (plain link(2) would link the magic link itself).
    proc = os.open("/proc/self/fd", os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.link(str(fd), target, src_dir_fd=proc, follow_symlinks=True)
    finally:
        os.close(proc)


def _link_name(fd: int, folder: Path, scratch: Path | None, name: str) -> str:
    """Give the anonymous file a name from which to rename it over the target:
    in ``scratch`` (git-ignored) when on the same filesystem, else beside the target."""
    with contextlib.suppress(OSError):
        if scratch is not None and os.stat(scratch).st_dev == os.stat(folder).st_dev:
            candidate = scratch / f".{name}.{secrets.token_hex(6)}.tmp"
            _link(fd, candidate)
            return str(candidate)
    candidate = folder / f".{name}.{secrets.token_hex(6)}.tmp"
    _link(fd, candidate)
    return str(candidate)


def private_folder(root: Path, *, create: bool = True) -> Path | None:
    """The ledger's ``.claimledger/`` folder (caches, scratch names), git-ignored, created
    unless ``create`` is false; None if there is none, or if it is not a real folder (a
    committed link is never used)."""
    folder = root / ".claimledger"
    try:
        if os.path.lexists(folder) and not stat.S_ISDIR(os.lstat(folder).st_mode):
            return None
        if not create and not (folder / ".gitignore").is_file():
            return None
        folder.mkdir(exist_ok=True)
        ignore = folder / ".gitignore"
        if not os.path.lexists(ignore):
            write_atomic(ignore, "# claimledger's cache: safe to delete\n*\n")
    except OSError:
        return None
    return folder


def write_atomic(
    path: Path,
    text: str | Iterable[str],
    *,
    encoding: str = "utf-8",
    scratch: Path | None = None,
) -> None:
    """Replace the regular file ``path`` with ``text`` atomically (LF line endings, as given).

    ``text`` may come in pieces (written as they come: an error while they are made
    leaves the file as it was). The file keeps the read and write permissions the user
    gave it (never the execute bits); a new file gets 0644 less the umask's bits.
    """
    path = Path(path)
    pieces = (text,) if isinstance(text, str) else text
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode) & 0o666
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o644 & ~umask
    fd = _anonymous_file(path.parent)
    if fd is None:
        fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        named = True
    else:
        temporary, named = "", False
    try:
        try:
            for piece in pieces:
                _write_all(fd, piece.encode(encoding))
            os.fsync(fd)
            os.fchmod(fd, mode)
            if not named:
                temporary = _link_name(fd, path.parent, scratch, path.name)
        finally:
            os.close(fd)
        os.replace(temporary, path)
    except BaseException:
        if temporary:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
        raise


def _head(path: Path) -> str:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0))
    try:
        return os.read(fd, HEAD_BYTES).decode("utf-8", errors="replace")
    finally:
        os.close(fd)


def _write_in_place(path: Path, data: bytes) -> None:
    # A device or FIFO: written as it is (O_TRUNC is harmless on both), never replaced.
    fd = os.open(path, os.O_WRONLY | getattr(os, "O_CLOEXEC", 0))
    try:
        _write_all(fd, data)
    finally:
        os.close(fd)


def check_output(
    path: Path,
    *,
    owned: Callable[[str], bool] | None = None,
    force: bool = False,
) -> None:
    """Raise :class:`OutputRefused` if :func:`write_output` would refuse ``path``.

    A command with several outputs checks them all before writing any, so that a
    refused second output does not leave the first one written.
    """
    _target(path, owned, force)


def _target(path: Path, owned: Callable[[str], bool] | None, force: bool) -> tuple[Path, str]:
    # Where the text goes and how: "new" (no file yet), "in place" (a device or FIFO)
    # or "replace" (a regular file claimledger may replace).
    path = Path(os.path.abspath(path))
    for _ in range(64):  # as many links as the system itself follows
        if _in_vcs_folder(path):
            raise OutputRefused(f"{path} is inside a version-control folder; not written there")
        try:
            info = os.lstat(path)
        except FileNotFoundError:
            return path, "new"
        if not stat.S_ISLNK(info.st_mode):
            break
        real = path.resolve()  # followed to its target, which the same rules then govern
        if real == path:
            raise OutputRefused(f"{path} is a loop of symbolic links")
        path = real
    else:
        raise OutputRefused(f"{path} is a loop of symbolic links")
    if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode) or stat.S_ISFIFO(info.st_mode):
        return path, "in place"
    if stat.S_ISDIR(info.st_mode):
        raise OutputRefused(f"{path} is a folder")
    if not stat.S_ISREG(info.st_mode):
        raise OutputRefused(f"{path} is not a regular file")
    if force or info.st_size == 0 or (owned is not None and owned(_head(path))):
        return path, "replace"
    raise OutputRefused(
        f"{path} exists and was not written by claimledger; give --force to replace it"
    )


def write_output(
    path: Path,
    text: str | Iterable[str],
    *,
    owned: Callable[[str], bool] | None = None,
    force: bool = False,
    scratch: Path | None = None,
) -> None:
    """Write ``text`` to ``path`` by the rules above.

    ``owned(head)`` says whether an existing file, of which ``head`` is the first
    few kB, was generated by claimledger (and so may be replaced without
    ``force``). Raises :class:`OutputRefused` for an output refused by the rules
    and ``OSError`` for a write that failed.
    """
    target, how = _target(path, owned, force)
    if how == "in place":  # a device or FIFO gets the whole text or nothing
        _write_in_place(target, "".join(text).encode("utf-8"))
    else:
        write_atomic(target, text, scratch=scratch)
