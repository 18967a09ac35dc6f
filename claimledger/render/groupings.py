"""How the claims section may be grouped (``render --group-by``); a story is a claim file.

>>> GROUPINGS
('speaker', 'story', 'topic', 'source', 'date')
"""

from __future__ import annotations

from typing import Literal, get_args

__all__ = ["GROUPINGS", "GroupBy"]

GroupBy = Literal["speaker", "story", "topic", "source", "date"]
GROUPINGS: tuple[GroupBy, ...] = get_args(GroupBy)
