"""Stories: the claims of one claim file, titled and ordered by the configuration.

A ledger's claim files already follow its stories (a briefing, the reactions to
it, a debate), so a story is a claim file: its key is the file's path in the
claims folder without ``.yaml``. ``[tool.claimledger.stories]`` gives each a
title, in the order the rendered ledger shows them; a file it does not name
follows, titled by its key, in key order.

>>> from pathlib import Path
>>> from claimledger.check import validate
>>> from claimledger.config import discover
>>> from claimledger.render.labels import Anchors
>>> from claimledger.resolved import resolve
>>> ledger = resolve(validate(discover(Path("tests/render/ledger"))).ledger)
>>> stories = Stories(ledger, Anchors())
>>> [(story.key, story.anchor) for story in stories.ordered()]
[('briefing', 'story-briefing'), ('debate', 'story-debate')]
"""

from __future__ import annotations

import functools
from pathlib import PurePosixPath

from claimledger.render.labels import Anchors
from claimledger.render.views import StoryRef
from claimledger.resolved import ResolvedLedger

__all__ = ["Stories", "story_key", "story_keys", "untitled"]


# A claim file holds many claims: each path's key is worked out once.
@functools.lru_cache(maxsize=1 << 14)
def story_key(path: str, claims_folder: str) -> str:
    """The story key of a claim file given as shown (relative to the ledger root).

    >>> story_key("claims/2016/briefing.yaml", "claims")
    '2016/briefing'
    >>> story_key("briefing.yml", ".")
    'briefing'
    """
    file = PurePosixPath(path)
    if claims_folder not in ("", ".") and file.is_relative_to(claims_folder):
        file = file.relative_to(claims_folder)
    return str(file.with_suffix("")) if file.suffix in (".yaml", ".yml") else str(file)


def story_keys(ledger: ResolvedLedger) -> list[str]:
    """The story key of each claim of the ledger, in order (``""``: where it was written
    is not known)."""
    config = ledger.config
    root = config.root
    folder = (
        config.claims_dir.relative_to(root).as_posix()
        if config.claims_dir.is_relative_to(root)
        else ""
    )
    return [
        "" if claim.location is None else story_key(claim.location.path, folder)
        for claim in ledger.claims
    ]


def untitled(ledger: ResolvedLedger) -> tuple[str, ...]:
    """Keys of ``[tool.claimledger.stories]`` that name no claim file (a typo, a file renamed)."""
    keys = set(story_keys(ledger))
    return tuple(key for key in ledger.config.stories if key not in keys)


class Stories:
    """The story of each claim (by its index in the ledger) and the stories in order."""

    def __init__(self, ledger: ResolvedLedger, anchors: Anchors) -> None:
        config = ledger.config
        keys = story_keys(ledger)
        configured = [key for key in config.stories if key in set(keys)]
        rest = sorted(set(keys) - set(configured))
        self._stories = {
            key: StoryRef(key, config.stories.get(key, key), anchors.take(key, "story-"))
            for key in (*configured, *rest)
        }
        self._keys = keys

    def of(self, index: int) -> StoryRef:
        return self._stories[self._keys[index]]

    def ordered(self) -> tuple[StoryRef, ...]:
        return tuple(self._stories.values())
