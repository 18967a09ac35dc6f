"""How the claims section may be grouped (``render --group-by``).

>>> GROUPINGS
('speaker', 'topic', 'source', 'date')
"""

from __future__ import annotations

from typing import Literal, get_args

__all__ = ["GROUPINGS", "GroupBy"]

GroupBy = Literal["speaker", "topic", "source", "date"]
GROUPINGS: tuple[GroupBy, ...] = get_args(GroupBy)
