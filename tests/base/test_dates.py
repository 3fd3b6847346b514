"""Table-driven tests for kgextract.base.dates (sentences written for the tests)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kgextract.base.dates import DateValue, date_at_start, find_dates, infer_year, normalize_date

REF = dt.date(2019, 4, 10)


def D(start, end=None, precision="day"):  # noqa: N802 - table shorthand
    return DateValue(start, end, precision)


@pytest.mark.parametrize("text, expected", [
    # single days, day first
    ("7 March 2018", D("2018-03-07")),
    ("07 Mar. 2018", D("2018-03-07")),
    ("7th of March 2018", D("2018-03-07")),
    ("the 7th of March, 2018", D("2018-03-07")),
    ("Wednesday, 7 March 2018", D("2018-03-07")),
    ("Wed 7 March 2018", D("2018-03-07")),
    ("on 7 March 2018.", D("2018-03-07")),
    # single days, month first
    ("March 7, 2018", D("2018-03-07")),
    ("March 7 2018", D("2018-03-07")),
    ("Mar. 7, 2018", D("2018-03-07")),
    ("Sept. 9, 2020", D("2020-09-09")),
    ("Sep 9th, 2020", D("2020-09-09")),
    ("SEPT. 9, 2020", D("2020-09-09")),
    ("Friday, November 6, 2015", D("2015-11-06")),
    # numeric
    ("2018-03-07", D("2018-03-07")),
    ("2018/03/07", D("2018-03-07")),
    ("03/07/2018", D("2018-03-07")),          # US month/day/year
    ("27/03/2018", D("2018-03-27")),          # first number over 12: day first
    # leap days
    ("29 February 2020", D("2020-02-29")),
    # ranges
    ("9-11 October 2017", D("2017-10-09", "2017-10-11")),
    ("9\u201311 October 2017", D("2017-10-09", "2017-10-11")),
    ("9 \u2014 11 October 2017", D("2017-10-09", "2017-10-11")),
    ("from 9 to 11 October 2017", D("2017-10-09", "2017-10-11")),
    ("between 9 and 12 October 2017", D("2017-10-09", "2017-10-12")),
    ("9 and 10 October 2017", D("2017-10-09", "2017-10-10")),
    ("October 9-11, 2017", D("2017-10-09", "2017-10-11")),
    ("October 9 through 11, 2017", D("2017-10-09", "2017-10-11")),
    ("October 30-November 1, 2017", D("2017-10-30", "2017-11-01")),
    ("October 30 to November 1, 2017", D("2017-10-30", "2017-11-01")),
    ("30 October - 1 November 2017", D("2017-10-30", "2017-11-01")),
    ("28 December - 3 January 2018", D("2017-12-28", "2018-01-03")),
    ("28 December 2017 - 3 January 2018", D("2017-12-28", "2018-01-03")),
    ("December 28, 2017 to January 3, 2018", D("2017-12-28", "2018-01-03")),
    ("31 January and 1 February 2017", D("2017-01-31", "2017-02-01")),
    ("9-9 October 2017", D("2017-10-09")),    # a one-day "range"
    # months and years
    ("October 2017", D("2017-10", precision="month")),
    ("Oct. 2017", D("2017-10", precision="month")),
    ("October of 2017", D("2017-10", precision="month")),
    ("in October 2017", D("2017-10", precision="month")),
    ("mid-October 2017", D("2017-10", precision="month")),
    ("2017-10", D("2017-10", precision="month")),
    ("September-October 2017", D("2017-09", "2017-10", "month")),
    ("2017", D("2017", precision="year")),
    ("in 2017", D("2017", precision="year")),
    ("since 1987", D("1987", precision="year")),
    ("mid-2017", D("2017", precision="year")),
    ("early 2017", D("2017", precision="year")),
    ("by the end of 2017", D("2017", precision="year")),
    ("2015-2017", D("2015", "2017", "year")),
    ("2015 to 2017", D("2015", "2017", "year")),
])
def test_normalize_without_reference(text, expected):
    assert normalize_date(text) == expected
    # a reference changes nothing when the text gives the year
    assert normalize_date(text, reference=REF) == expected


@pytest.mark.parametrize("text", [
    "", "two-day", "a two-day meeting", "10-year term", "this year", "next week",
    "last month", "nearly 16 years", "16 years", "today", "the fifth of May",
    "1000", "3000", "12.5", "4:30 p.m.", "31 April 2018", "30 February 2018",
    "29 February 2019", "13/13/2018", "2018-13-01", "12 to 9 October 2017",
    "2017-2015", "9 and 12 October 2017", "March and June 2018",
    "9 October", "October 9", "October", "9 to 11 October", "Volume 52, No. 9",
    "May", "Ambassador", "2018-03-07T10:00",
])
def test_not_a_date_without_reference(text):
    assert normalize_date(text) is None


@pytest.mark.parametrize("text, reference, expected", [
    ("9 October", dt.date(2017, 10, 20), D("2017-10-09")),
    ("October 9", dt.date(2017, 10, 20), D("2017-10-09")),
    ("on 9 October", dt.date(2017, 10, 20), D("2017-10-09")),
    # the year that puts the date nearest to the reference
    ("3 January", dt.date(2016, 12, 30), D("2017-01-03")),
    ("30 December", dt.date(2017, 1, 2), D("2016-12-30")),
    ("15 June", dt.date(2017, 1, 2), D("2017-06-15")),
    ("29 February", dt.date(2019, 3, 1), D("2020-02-29")),
    ("April 13 to April 15", dt.date(2011, 4, 11), D("2011-04-13", "2011-04-15")),
    ("9 to 11 October", dt.date(2017, 10, 1), D("2017-10-09", "2017-10-11")),
    ("December 30 - January 2", dt.date(2017, 12, 1), D("2017-12-30", "2018-01-02")),
    ("December", dt.date(2018, 1, 15), D("2017-12", precision="month")),
    ("mid-December", dt.date(2018, 1, 15), D("2017-12", precision="month")),
    ("today", dt.date(2018, 3, 7), D("2018-03-07")),
    ("yesterday", dt.date(2018, 3, 1), D("2018-02-28")),
    ("tomorrow", dt.date(2018, 12, 31), D("2019-01-01")),
    # explicit years win over the reference
    ("9 October 2015", dt.date(2017, 10, 20), D("2015-10-09")),
])
def test_normalize_with_reference(text, reference, expected):
    assert normalize_date(text, reference=reference) == expected


@pytest.mark.parametrize("text, year, expected", [
    ("3 January", 2017, D("2017-01-03")),
    ("28 December - 3 January", 2017, D("2017-12-28", "2018-01-03")),
    ("3 January 2015", 2017, D("2015-01-03")),
])
def test_normalize_with_year(text, year, expected):
    assert normalize_date(text, year=year, reference=dt.date(2000, 1, 1)) == expected


@pytest.mark.parametrize("text, reference, expected", [
    ("this year", dt.date(2018, 1, 1), None),
    ("two-day", dt.date(2018, 1, 1), None),
    ("nearly 16 years", dt.date(2018, 1, 1), None),
])
def test_not_a_date_with_reference(text, reference, expected):
    assert normalize_date(text, reference=reference) is expected


@pytest.mark.parametrize("text, expected", [
    ("The board met on 7 March 2018 in Oslo.", [("7 March 2018", "2018-03-07", None)]),
    ("Talks ran from 9 to 11 October 2017, then paused.",
     [("9 to 11 October 2017", "2017-10-09", "2017-10-11")]),
    ("It opened on October 30-November 1, 2017 and closed in 2018.",
     [("October 30-November 1, 2017", "2017-10-30", "2017-11-01"), ("2018", "2018", None)]),
    ("Held between 9 and 12 October 2017.",
     [("9 and 12 October 2017", "2017-10-09", "2017-10-12")]),
    ("LIMA, 9 October (Agency) -", [("9 October", None, None)]),
    ("Shares may 5 times rise; we march 3 miles.", []),     # lower-case month words
    ("A 10-year plan worth 2,000 euros, 4:30 p.m.", []),
    ("In May 2012 and in May.", [("May 2012", "2012-05", None)]),
])
def test_find_dates(text, expected):
    got = [(m.text, m.value.start if m.value else None, m.value.end if m.value else None)
           for m in find_dates(text)]
    assert got == expected
    for m in find_dates(text):
        assert text[m.start:m.end] == m.text


def test_find_dates_without_ranges_splits_them():
    got = [m.text for m in find_dates("from 9 to 11 October 2017", ranges=False)]
    assert got == ["11 October 2017"]


def test_find_dates_relative_words_need_a_reference():
    text = "The fund was launched today."
    assert find_dates(text) == []
    (m,) = find_dates(text, reference=dt.date(2018, 3, 7))
    assert (m.text, m.value) == ("today", D("2018-03-07"))


@pytest.mark.parametrize("text, expected", [
    ("LIMA, 9 October. The forum of 8-9 October 2017 closed.", 2017),
    ("Met on 1 May 2016, 2 June 2017 and 3 July 2017.", 2017),   # most frequent
    ("Met on 1 May 2016 and 3 July 2017.", 2016),                # tie: first
    ("Released October 2014; the plan dates from 1998 and 2001.", 2014),
    ("Founded in 1998, it met on 9 October.", None),             # bare years ignored
    ("No dates at all.", None),
])
def test_infer_year(text, expected):
    assert infer_year(text) == expected


def test_date_value_is_frozen():
    value = D("2018-03-07")
    with pytest.raises(AttributeError):
        value.start = "2019-01-01"
    assert value.year == 2018


# --- the fast paths give what the plain scan gives ------------------------------------------------

_OPENINGS = st.lists(st.sampled_from([
    "5", "05", "31", "3rd", "2023", "1999", "December", "Dec.", "dec", "Sept.", "May", "may", "Monday,", "Tues",
    "mid-", "mid", "early", "late", "the", "end", "beginning", "of", "start", "middle", "to", "and", "through",
    "-", "\u2013", ",", ".", "/", "12/05/2023", "2023-12-05", "today", "Mass", "Jan", "ſunday", "Tomorrow",
    "between", "On", "x", "\u00a0", " ", "  ", "\n",
]), max_size=14).map(" ".join)


def _plain_scan(text, reference=None):
    """find_dates with the patterns as written, without the look-ahead guards."""
    import re as _re

    from kgextract.base import dates

    plain = [(kind, _re.compile(_re.sub(r"^\(\?=\[[^\]]*\]\)", "", p.pattern), p.flags)) for kind, p in dates._SCAN]
    saved = dates._SCAN
    dates._SCAN = plain
    try:
        return dates.find_dates(text, reference=reference)
    finally:
        dates._SCAN = saved


@settings(max_examples=300, deadline=None)
@given(_OPENINGS)
def test_the_guarded_patterns_find_what_the_plain_ones_find(text):
    assert find_dates(text, reference=REF) == _plain_scan(text, reference=REF)


@settings(max_examples=300, deadline=None)
@given(_OPENINGS, st.booleans())
def test_date_at_start_is_the_first_date_when_it_opens_the_text(text, ranges):
    found = find_dates(text, reference=REF, ranges=ranges)
    expected = found[0] if found and found[0].start == 0 else None
    assert date_at_start(text, reference=REF, ranges=ranges) == expected


@pytest.mark.parametrize("text, expected", [
    ("5 December 2023 at 10:00", "5 December 2023"),
    ("December 5, 2023", "December 5, 2023"),
    ("Wednesday, 6 December", "Wednesday, 6 December"),
    ("Talks on 5 December 2023", None),
    ("", None),
])
def test_date_at_start_reads_only_the_opening(text, expected):
    m = date_at_start(text)
    assert (m.text if m else None) == expected
