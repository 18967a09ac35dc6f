"""Partial dates: ``2022``, ``2022-03`` or ``2022-03-14``.

Fact-checkers often know only the year or month a remark was made, so a date
is a range of days. Comparisons are about what is *certain*: one partial date
is definitely before another only when its last possible day is before the
other's first.

>>> d = PartialDate.parse("2016-10")
>>> str(d), d.first, d.last
('2016-10', datetime.date(2016, 10, 1), datetime.date(2016, 10, 31))
>>> PartialDate.parse("2016-10-12").definitely_after(PartialDate.parse("2016-10"))
False
>>> PartialDate.parse("2016-11-01").definitely_after(PartialDate.parse("2016-10"))
True
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re

import attrs

__all__ = ["PartialDate"]

# ASCII digits only: ``\d`` also matches Arabic-Indic and other digits, so
# "٢٠١٦" was accepted and written back as "2016".
_PATTERN = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


@attrs.frozen(order=False)
class PartialDate:
    """A calendar date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    def __attrs_post_init__(self) -> None:
        if self.day is not None and self.month is None:
            raise ValueError("a day needs a month")
        # Raises ValueError for 2016-02-30 and the like.
        _dt.date(self.year, self.month or 1, self.day or 1)

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; raise ValueError otherwise.

        >>> PartialDate.parse("2016-13")
        Traceback (most recent call last):
        ...
        ValueError: not a valid date: '2016-13' (expected YYYY, YYYY-MM or YYYY-MM-DD)
        """
        match = _PATTERN.fullmatch(text)
        if match is None:
            raise ValueError(f"not a valid date: {text!r} (expected YYYY, YYYY-MM or YYYY-MM-DD)")
        year, month, day = (int(g) if g else None for g in match.groups())
        assert year is not None
        try:
            return cls(year, month, day)
        except ValueError:
            raise ValueError(
                f"not a valid date: {text!r} (expected YYYY, YYYY-MM or YYYY-MM-DD)"
            ) from None

    @property
    def precision(self) -> str:
        """``"year"``, ``"month"`` or ``"day"``."""
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    @property
    def first(self) -> _dt.date:
        """The earliest day this date can be."""
        return _dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def last(self) -> _dt.date:
        """The latest day this date can be."""
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return _dt.date(self.year, month, day)

    def definitely_after(self, other: PartialDate) -> bool:
        """True when every day this date can be falls after every day ``other`` can be."""
        return self.first > other.last

    def sort_key(self) -> tuple[int, int, int]:
        """Order by first possible day, less precise first on ties."""
        return (self.year, self.month or 0, self.day or 0)

    def __str__(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
