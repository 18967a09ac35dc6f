from __future__ import annotations

import datetime as dt

import pytest

from claimledger.dates import PartialDate


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("2016", dt.date(2016, 1, 1), dt.date(2016, 12, 31)),
        ("2016-02", dt.date(2016, 2, 1), dt.date(2016, 2, 29)),
        ("2016-10-12", dt.date(2016, 10, 12), dt.date(2016, 10, 12)),
    ],
)
def test_parse_gives_a_range_of_days(text: str, first: dt.date, last: dt.date) -> None:
    date = PartialDate.parse(text)
    assert (date.first, date.last) == (first, last)
    assert str(date) == text


@pytest.mark.parametrize("text", ["16", "2016-1", "2016-13", "2016-02-30", "2016-10-12T00", ""])
def test_parse_refuses_what_is_not_a_date(text: str) -> None:
    with pytest.raises(ValueError, match="not a valid date"):
        PartialDate.parse(text)


def test_definitely_after_compares_what_is_certain() -> None:
    oct12 = PartialDate.parse("2016-10-12")
    assert not oct12.definitely_after(PartialDate.parse("2016"))
    assert not PartialDate.parse("2016").definitely_after(oct12)
    assert PartialDate.parse("2017").definitely_after(oct12)
    assert PartialDate.parse("2016-10-13").definitely_after(oct12)


def test_sort_key_orders_less_precise_first() -> None:
    dates = [PartialDate.parse(t) for t in ("2016-10-12", "2016", "2016-10")]
    assert [str(d) for d in sorted(dates, key=PartialDate.sort_key)] == [
        "2016",
        "2016-10",
        "2016-10-12",
    ]
