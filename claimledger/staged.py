"""What a commit will contain: the git index written out as a folder, to validate.

The pre-commit hook must check what is being committed, not what happens to be
on disk: an untracked corpus file must not let a broken commit pass, an
untracked broken file must not block a good one, and a commit that only
deletes a cited document must fail. So ``claimledger validate --staged`` reads
the index with two plumbing commands and writes the ledger's part of it, blob
by blob, into a temporary folder, which is then validated like any ledger.

The repository may be hostile, and so may its ``.git/config``. Only
``git ls-files --stage`` and ``git cat-file --batch`` run: neither applies
filters, textconv drivers, external diff or hooks. Configuration that could
still run a program or reach the network is overridden on the command line
(``core.fsmonitor``, which ``ls-files`` would otherwise run to refresh the
index; ``protocol.allow=never`` and ``GIT_NO_LAZY_FETCH``, so a partial clone's
missing blob is an error, not a fetch through a configured transport), and no
pager or prompt is used. ``GIT_DIR`` and ``GIT_INDEX_FILE`` are honoured, so
``git commit -a`` and ``git commit PATH`` (which commit a temporary index) are
checked as committed.

Symbolic links in the index are written as links, so the loader refuses those
that leave the ledger as it would on disk; submodules are skipped; a blob over
the size limit becomes a sparse file of its size, so the loader reports it
without the blob being read.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

import attrs

from claimledger.parse import MAX_BYTES
from claimledger.safe_read import real_folder

__all__ = ["GIT_SAFETY", "StagedError", "staged_tree"]

#: Configuration overrides for every git command run on a repository we do not trust.
GIT_SAFETY = (
    "-c", "core.fsmonitor=false",
    "-c", "core.untrackedCache=false",
    "-c", "core.hooksPath=/dev/null",
    "-c", "protocol.allow=never",
    "-c", "core.pager=cat",
)  # fmt: skip
_ENV = {
    "GIT_NO_LAZY_FETCH": "1",
    "GIT_OPTIONAL_LOCKS": "0",  # never write the index back (a refresh would)
    "GIT_TERMINAL_PROMPT": "0",
    "GIT_PAGER": "cat",
    "PAGER": "cat",
    "GIT_EXTERNAL_DIFF": "",
}
_LINK, _GITLINK = "120000", "160000"


class StagedError(Exception):
    """The index cannot be read (not a repository, a conflict, git missing)."""


@attrs.frozen
class _Entry:
    mode: str
    blob: str
    path: PurePosixPath


def _git(args: list[str], cwd: Path, stdin: bytes | None = None) -> bytes:
    try:
        result = subprocess.run(
            ["git", *GIT_SAFETY, *args],
            cwd=cwd,
            input=stdin,
            capture_output=True,
            env={**os.environ, **_ENV},
            check=False,
        )
    except OSError as exc:
        raise StagedError(f"cannot run git: {exc.strerror or exc}") from None
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise StagedError(f"git {args[0]}: {message[-1] if message else 'failed'}")
    return result.stdout


def _entries(root: Path, prefix: PurePosixPath) -> list[_Entry]:
    listed = _git(["ls-files", "--stage", "-z", "--full-name"], root)
    entries = []
    for record in listed.split(b"\0"):
        if not record:
            continue
        info, _, name = record.partition(b"\t")
        mode, blob, stage = info.decode().split()
        path = PurePosixPath(os.fsdecode(name))
        if stage != "0":
            raise StagedError(f"{path}: unresolved merge conflict")
        if path.is_absolute() or {"..", ".", ""} & set(path.parts):
            raise StagedError(f"{path}: not a path inside the repository")
        if mode == _GITLINK or not path.is_relative_to(prefix):
            continue
        entries.append(_Entry(mode, blob, path.relative_to(prefix)))
    return entries


def _sizes(top: Path, entries: list[_Entry]) -> dict[str, int]:
    request = "".join(f"{e.blob}\n" for e in entries).encode()
    sizes = {}
    for line in _git(["cat-file", "--batch-check"], top, request).decode().splitlines():
        blob, kind, size = line.split()
        if kind != "blob":
            raise StagedError(f"object {blob} is a {kind}, not a blob")
        sizes[blob] = int(size)
    return sizes


def _contents(top: Path, blobs: list[str]) -> dict[str, bytes]:
    if not blobs:
        return {}
    output = _git(["cat-file", "--batch"], top, "".join(f"{b}\n" for b in blobs).encode())
    contents, at = {}, 0
    while at < len(output):
        header_end = output.index(b"\n", at)
        blob, _, size = output[at:header_end].decode().split()
        start = header_end + 1
        contents[blob] = output[start : start + int(size)]
        at = start + int(size) + 1
    return contents


def _write(folder: Path, entries: list[_Entry], top: Path) -> None:
    sizes = _sizes(top, entries)
    small = sorted({e.blob for e in entries if sizes[e.blob] <= MAX_BYTES})
    contents = _contents(top, small)
    # Links last, and never written through: a crafted index holding a link "claims"
    # and a file "claims/x.yaml" must not write outside the snapshot.
    for entry in sorted(entries, key=lambda e: e.mode == _LINK):
        target = folder.joinpath(*entry.path.parts)
        if not real_folder(target.parent, folder):
            raise StagedError(f"{entry.path}: its folder is a symbolic link in the index")
        target.parent.mkdir(parents=True, exist_ok=True)
        if entry.mode == _LINK:
            target.symlink_to(os.fsdecode(contents.get(entry.blob, b"")))
        elif entry.blob in contents:
            target.write_bytes(contents[entry.blob])
        else:
            with target.open("wb") as handle:  # the loader refuses it by its size alone
                handle.truncate(sizes[entry.blob])


@contextlib.contextmanager
def staged_tree(root: Path) -> Iterator[Path]:
    """The index's version of the ledger at ``root`` (on disk), as a temporary folder."""
    root = root.resolve()
    top_text = _git(["rev-parse", "--show-toplevel"], root).decode().strip()
    top = Path(top_text).resolve()
    if not root.is_relative_to(top):
        raise StagedError(f"{root} is not inside the repository at {top}")
    prefix = PurePosixPath(root.relative_to(top).as_posix())
    entries = _entries(root, prefix)
    folder = Path(tempfile.mkdtemp(prefix="claimledger-staged-"))
    try:
        snapshot = folder / "ledger"
        snapshot.mkdir()
        _write(snapshot, entries, top)
        yield snapshot
    finally:
        shutil.rmtree(folder, ignore_errors=True)
