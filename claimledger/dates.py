"""Dates as sources give them: exact, partial, uncertain, approximate or bounded.

Every date field takes the library and archive standard for such dates, EDTF
(Extended Date/Time Format, ISO 8601-2; parsed by the ``edtf`` package): a day
``2016-10-12``, a month ``2016-10`` or a year ``2016``; uncertain ``2022-03?``,
approximate ``2022~`` or both ``2022%``; unspecified digits ``201X``; an
interval ``2016-10-12/2016-10-13`` (some day within it), with an open bound
``2019/..`` ("2019 or later") or ``../2019``, or one of a set
``[2016-10-12,2016-10-13]``. Times of day and sets of several dates (``{…}``)
are refused: a remark or a publication is one day, however well known.

Whatever its form, a date is a range of days it can be, from :attr:`~PartialDate.first`
to :attr:`~PartialDate.last` (an open bound is :data:`datetime.date.min` or
``max``; uncertain and approximate dates are widened as the ``edtf`` package pads
them). Comparisons come in two strengths: *definitely* (every day one can be is
after every day the other can be) and *possibly* (some day is).

>>> d = PartialDate.parse("2016-10")
>>> str(d), d.first, d.last
('2016-10', datetime.date(2016, 10, 1), datetime.date(2016, 10, 31))
>>> PartialDate.parse("2016-10-12").definitely_after(PartialDate.parse("2016-10"))
False
>>> PartialDate.parse("2016-10-12").possibly_after(PartialDate.parse("2016-10"))
True
>>> PartialDate.parse("2016-11-01").definitely_after(PartialDate.parse("2016-10"))
True
>>> PartialDate.parse("2019/..").describe(), PartialDate.parse("2016-10-12/2016-10-13").describe()
('2019 or later', '12 or 13 October 2016')
"""

from __future__ import annotations

import calendar
import datetime as _dt
import functools
import math
import re
import time
from typing import Any

import attrs

__all__ = ["PartialDate"]

# ASCII digits only: ``\d`` also matches Arabic-Indic and other digits, so
# "٢٠١٦" was accepted and written back as "2016".
_PLAIN = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
# Only the characters EDTF dates use reach the parser, which takes some 0.1 s a
# string: anything else is refused at once.
_EDTF_CHARS = re.compile(r"[0-9X?~%/.\-\[\]{}, ]{4,80}")
_QUALIFIED = re.compile(r"([0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?)([?~%])")
_EXPECTED = (
    "expected an EDTF date: YYYY, YYYY-MM or YYYY-MM-DD, uncertain 2022-03?, approximate 2022~, "
    "or an interval such as 2019/.. or 2016-10-12/2016-10-13"
)
_QUALIFIER_WORDS = {"?": "{} (uncertain)", "~": "about {}", "%": "about {} (uncertain)"}


def _invalid(text: str, why: str = "") -> ValueError:
    return ValueError(f"not a valid date: {text!r}{why} ({_EXPECTED})")


@attrs.frozen(order=False)
class PartialDate:
    """A date as precise as the sources make it: EDTF text and the range of days it can be."""

    #: The date as written (EDTF).
    text: str
    #: The earliest day it can be (``date.min`` when open).
    first: _dt.date = attrs.field(eq=False)
    #: The latest day it can be (``date.max`` when open).
    last: _dt.date = attrs.field(eq=False)
    #: ``(year, month, day)`` of a plain calendar date, as far as known; ``None`` for an
    #: uncertain, approximate or bounded one.
    plain: tuple[int, int | None, int | None] | None = attrs.field(default=None, eq=False)

    @classmethod
    def of(cls, year: int, month: int | None = None, day: int | None = None) -> PartialDate:
        """A plain date known to the year, the month or the day.

        >>> str(PartialDate.of(2016, 10))
        '2016-10'
        """
        if day is not None and month is None:
            raise ValueError("a day needs a month")
        # Raises ValueError for 2016-02-30 and the like.
        first = _dt.date(year, month or 1, day or 1)
        last_month = month or 12
        last = _dt.date(year, last_month, day or calendar.monthrange(year, last_month)[1])
        text = f"{year:04d}" + (f"-{month:02d}" if month else "") + (f"-{day:02d}" if day else "")
        return cls(text, first, last, (year, month, day))

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse an EDTF date; raise ValueError, saying what is expected, otherwise.

        >>> PartialDate.parse("2016-13")
        Traceback (most recent call last):
        ...
        ValueError: not a valid date: '2016-13' (expected an EDTF date: YYYY, YYYY-MM or \
YYYY-MM-DD, uncertain 2022-03?, approximate 2022~, or an interval such as 2019/.. or \
2016-10-12/2016-10-13)
        """
        match = _PLAIN.fullmatch(text)
        if match is not None:
            year, month, day = (int(g) if g else None for g in match.groups())
            assert year is not None
            try:
                return cls.of(year, month, day)
            except ValueError:
                # Months 21-41 are EDTF's seasons and quarters; the rest is not a date.
                if not (month and 21 <= month <= 41 and day is None):
                    raise _invalid(text) from None
        if not _EDTF_CHARS.fullmatch(text):
            raise _invalid(text)
        first, last = _edtf_bounds(text)
        return cls(text, first, last)

    @property
    def open_start(self) -> bool:
        return self.first == _dt.date.min

    @property
    def open_end(self) -> bool:
        return self.last == _dt.date.max

    def definitely_after(self, other: PartialDate) -> bool:
        """True when every day this date can be falls after every day ``other`` can be."""
        return self.first > other.last

    def possibly_after(self, other: PartialDate) -> bool:
        """True when some day this date can be falls after some day ``other`` can be."""
        return self.last > other.first

    def definitely_before(self, other: PartialDate) -> bool:
        """True when every day this date can be falls before every day ``other`` can be."""
        return other.definitely_after(self)

    def possibly_before(self, other: PartialDate) -> bool:
        """True when some day this date can be falls before some day ``other`` can be."""
        return other.possibly_after(self)

    def sort_key(self) -> tuple[int, int]:
        """Order by first possible day; on ties the less precise (longer) range first."""
        return (self.first.toordinal(), -self.last.toordinal())

    def describe(self) -> str:
        """The date in words, as a reader should take it.

        >>> [PartialDate.parse(t).describe() for t in ("2016", "2016-10", "2016-10-12")]
        ['2016', 'October 2016', '12 October 2016']
        >>> [PartialDate.parse(t).describe() for t in ("2022-03?", "2022~", "../2019")]
        ['March 2022 (uncertain)', 'about 2022', '2019 or earlier']
        >>> PartialDate.parse("2016-10-12/2016-11-03").describe()
        'between 12 October 2016 and 3 November 2016'
        """
        if self.plain is not None:
            return _plain_words(self.plain)
        qualified = _QUALIFIED.fullmatch(self.text)
        if qualified:
            return _QUALIFIER_WORDS[qualified.group(2)].format(_words(qualified.group(1)))
        start, sep, end = self.text.partition("/")
        if sep:
            return _interval_words(start, end) or self._bounds_words()
        if self.text.startswith("["):
            members = [m.strip() for m in self.text.strip("[]").split(",")]
            if all(_PLAIN.fullmatch(m) for m in members) and ".." not in self.text:
                return _one_of_words(members)
        return self._bounds_words()

    def _bounds_words(self) -> str:
        first, last = _day_words(self.first, "first"), _day_words(self.last, "last")
        if self.open_start:
            return f"{last} or earlier (EDTF {self.text})"
        if self.open_end:
            return f"{first} or later (EDTF {self.text})"
        return f"between {first} and {last} (EDTF {self.text})"

    def __str__(self) -> str:
        return self.text


def _plain_words(parts: tuple[int, int | None, int | None]) -> str:
    year, month, day = parts
    if month is None:
        return f"{year:04d}"
    name = calendar.month_name[month]
    return f"{name} {year:04d}" if day is None else f"{day} {name} {year:04d}"


def _day_words(day: _dt.date, end: str) -> str:
    """A range's end in words, as a year or month when the range starts or ends with one."""
    last_of_month = calendar.monthrange(day.year, day.month)[1]
    if end == "first" and day.day == 1:
        return _plain_words(
            (day.year, None, None) if day.month == 1 else (day.year, day.month, None)
        )
    if end == "last" and day.day == last_of_month:
        return _plain_words(
            (day.year, None, None) if day.month == 12 else (day.year, day.month, None)
        )
    return _plain_words((day.year, day.month, day.day))


def _words(text: str) -> str:
    return PartialDate.parse(text).describe()


def _interval_words(start: str, end: str) -> str | None:
    """Words for ``start/end`` where each side is plain, qualified or open; else None."""
    known = [s for s in (start, end) if s not in ("", "..")]
    if not all(_PLAIN.fullmatch(s) or _QUALIFIED.fullmatch(s) for s in known):
        return None
    if start in ("", ".."):
        return f"{_words(end)} or earlier" if known else None
    if end in ("", ".."):
        return f"{_words(start)} or later"
    if start == end:
        return _words(start)
    plain = [_PLAIN.fullmatch(s) for s in (start, end)]
    if all(plain) and len(start) == len(end) == 10 and start[:7] == end[:7]:
        return (
            _one_of_words([start, end])
            if int(end[8:]) - int(start[8:]) == 1
            else (f"between {int(start[8:])} and {_words(end)}")
        )
    return f"between {_words(start)} and {_words(end)}"


def _one_of_words(members: list[str]) -> str:
    """``12 or 13 October 2016`` for days of one month, else each in full."""
    if all(len(m) == 10 for m in members) and len({m[:7] for m in members}) == 1:
        days = [str(int(m[8:])) for m in members]
        month = _words(members[0][:7])
        return f"{', '.join(days[:-1])} or {days[-1]} {month}"
    words = [_words(m) for m in members]
    return f"{', '.join(words[:-1])} or {words[-1]}"


@functools.lru_cache(maxsize=1024)
def _edtf_bounds(text: str) -> tuple[_dt.date, _dt.date]:
    """The first and last possible day of an EDTF date, by the ``edtf`` package."""
    # Imported here: building its grammar takes half a second, and plain dates never need it.
    import edtf

    try:
        parsed = edtf.parse_edtf(text)
    except Exception:  # the parser raises several kinds for what it cannot read
        raise _invalid(text) from None
    if isinstance(parsed, edtf.MultipleDates | edtf.DateAndTime):
        raise _invalid(text, ": one date is needed, not several dates or a time")
    try:
        if isinstance(parsed, edtf.Interval):
            first = _day(parsed.lower, "first")
            last = _day(parsed.upper, "last")
        else:
            first, last = _day(parsed, "first"), _day(parsed, "last")
    except (ValueError, OverflowError, TypeError):
        raise _invalid(text) from None
    if first > last:
        raise _invalid(text, ": it ends before it starts")
    return first, last


def _day(part: Any, end: str) -> _dt.date:
    """One end of a parsed date; an open or unknown interval bound is open."""
    import edtf

    if isinstance(part, edtf.UnspecifiedIntervalSection):
        return _dt.date.min if end == "first" else _dt.date.max
    value = part.lower_fuzzy() if end == "first" else part.upper_fuzzy()
    if isinstance(value, float):
        if math.isinf(value):
            return _dt.date.min if value < 0 else _dt.date.max
        raise ValueError("not a day")
    if not isinstance(value, time.struct_time):
        raise TypeError("not a day")
    return _dt.date(value.tm_year, value.tm_mon, value.tm_mday)
