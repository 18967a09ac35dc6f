"""A module whose import leaves a mark: proof that a ``!!python/module`` or
``!!python/name`` tag was (or, for claimledger, was not) acted on.

Importing it does nothing unless ``CLAIMLEDGER_PAYLOAD_MARKER`` names a file.
"""

from __future__ import annotations

import os
from pathlib import Path

_marker = os.environ.get("CLAIMLEDGER_PAYLOAD_MARKER")
if _marker:
    Path(_marker).write_text("imported\n")


def touch(path: str) -> None:
    """Create ``path``: what an ``!!python/object/apply`` payload would run."""
    Path(path).write_text("executed\n")
