"""The per-user secret that makes claimledger's caches trustworthy.

Caches live in the ledger's folder (``.claimledger/``), which a repository could
also commit. Whatever is read back from them is authenticated (validation's
per-file reports carry an HMAC) or found by a name derived (search indexes) under
this secret, which is kept outside every repository:
``$XDG_CACHE_HOME/claimledger/secret``, else ``~/.cache/claimledger/secret``.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

__all__ = ["cache_secret"]


def cache_secret() -> bytes | None:
    """This user's cache secret, created on first use; None where it cannot be kept."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    path = Path(base) / "claimledger" / "secret"
    try:
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            # O_EXCL: of two processes starting at once, one creates the secret; the other
            # may find it not yet written, and then works without a cache this once.
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as handle:
                handle.write(secrets.token_bytes(32))
        secret = path.read_bytes()
    except FileExistsError:
        try:
            secret = path.read_bytes()
        except OSError:
            return None
    except OSError:
        return None
    return secret if len(secret) == 32 else None
