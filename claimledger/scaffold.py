"""Files a new ledger starts with, shared by this repository and ``claimledger init``.

Corpus texts are the sources' bytes, pinned by sha256 in their metadata. A
checkout that converts line endings (``core.autocrlf=true``, the default of Git
for Windows) would change those bytes and fail every CL008 check, so a
ledger's ``.gitattributes`` marks its corpus as not text: Git stores and checks
it out byte for byte.

>>> print(gitattributes("sources"), end="")
# Corpus texts are pinned by sha256: keep their bytes exactly (no line-ending conversion).
sources/** -text
>>> GITATTRIBUTES == gitattributes("corpus")
True
"""

from __future__ import annotations

__all__ = ["GITATTRIBUTES", "gitattributes"]


def gitattributes(corpus: str = "corpus") -> str:
    """The ``.gitattributes`` for a ledger whose corpus folder is ``corpus`` (relative, POSIX)."""
    folder = corpus.strip("/")
    return (
        "# Corpus texts are pinned by sha256: keep their bytes exactly "
        "(no line-ending conversion).\n"
        f"{folder}/** -text\n"
    )


#: The ``.gitattributes`` of a ledger with the default layout.
GITATTRIBUTES = gitattributes()
