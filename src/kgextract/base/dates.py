"""Normalise English date expressions of press releases to ISO 8601 values.

Values are ``YYYY-MM-DD`` (day), ``YYYY-MM`` (month) or ``YYYY`` (year), as the
annotation guide writes them; a range has an ``end`` of the same precision.

Rules:

* Day-month ("5 December 2023", "5th of Dec. 2023", "Monday, 3 June 2019"),
  month-day ("July 18, 2023", "Sept. 12, 2019"), ISO ("2023-12-05"), US
  numeric ``m/d/yyyy`` ("12/05/2023"; read ``d/m/yyyy`` only when the first
  number is over 12), month-year ("December 2023", "mid-December 2023") and
  year ("2024", "in 2024", "mid-2024", "early 2024").
* Ranges: "4-5 December 2023" (any dash), "from 13 to 15 April 2011",
  "April 30-May 2, 2019", "30 November - 2 December 2022", "April 13 to
  April 15", "March-April 2020", "2020-2024". "and" joins a range only after
  "between" or when the two values are consecutive ("4 and 5 December").
  A range whose end precedes its start is rejected.
* A date without a year takes one from ``reference``: the year that puts the
  date nearest to the reference ("3 January" with reference 2016-12-30 gives
  2017-01-03); on a tie the reference's own year wins. Without a reference
  such a date has no ISO value (``None``). In a range only the end may carry
  the year; the start takes it, or the year before when that would put the
  start after the end ("30 December - 2 January 2023").
* "today", "yesterday" and "tomorrow" resolve against ``reference`` (None
  without one). Other relative phrases ("this year", "next week"), durations
  ("nearly 16 years", "two-day"), word ordinals ("the fifth of May"), two-digit
  years and ``d.m.yyyy`` are not dates here: ``None``.
* Years are 1800-2199. In running text (``find_dates``) a month name must be
  capitalised ("may" is a verb) and a bare month is not a date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from kgextract.base.chars import dash_table

__all__ = ["DateMatch", "DateValue", "Precision", "MONTH_NAMES", "RELATIVE_PERIOD", "WEEKDAYS", "find_dates",
           "date_at_start", "infer_year", "normalize_date", "relative_period"]

#: Month names, lower case, January first (index + 1 is the month's number).
MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
               "october", "november", "december")
#: Weekday names, lower case, Monday first (the index is ``date.weekday()``).
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

Precision = Literal["day", "month", "year"]


@dataclass(frozen=True, slots=True)
class DateValue:
    """An ISO 8601 date value, or a range of two with one precision.

    >>> DateValue("2023-12-04", "2023-12-05").year
    2023
    """

    start: str
    end: str | None = None
    precision: Precision = "day"

    @property
    def year(self) -> int:
        """The year of ``start``."""
        return int(self.start[:4])


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date expression found in a text: its span and its value.

    ``value`` is None when the expression is a date but has no year to place it
    (e.g. "5 December" without a reference date).
    """

    text: str
    start: int
    end: int
    value: DateValue | None


# --- the grammar ------------------------------------------------------------

_SPACES = "\u00a0\u2002\u2003\u2007\u2009\u200a\u202f"
# One character for one: offsets in the translated text are those of the input.
_TRANSLATE = {**dash_table("-"), **str.maketrans({c: " " for c in _SPACES})}

_MONTHS = {name[:3]: i for i, name in enumerate(MONTH_NAMES, start=1)}
_MON = (r"(?:jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|"
        r"jun(?:e|\.)?|jul(?:y|\.)?|aug(?:ust|\.)?|sep(?:tember|t\.?|\.)?|"
        r"oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)(?![a-z])")
_WEEKDAY = (r"(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
            r"mon\.?|tues?\.?|wed\.?|thu(?:rs?)?\.?|fri\.?|sat\.?|sun\.?)(?:,\s*|\s+))?")
_QUAL = (r"(?:(?:mid|early|late)(?:\s*-\s*|\s+)|(?:the\s+)?(?:end|beginning|start|"
         r"middle)\s+of\s+)?")
_SEP = r"(?P<sep>\s*-\s*|\s+(?:to|through|thru|until|till|and)\s+)"
_DM = r"(?:\s+of)?\s+"          # 5 December, 5th of December
_MY = r"(?:,?\s+|\s+of\s+)"     # December 2023, December, 2023, December of 2023
_MD = r"\s+"                    # July 18, Sept. 18
_DY = r",?\s+"                  # July 18, 2023


def _d(n: int) -> str:
    return rf"(?<![\w:/.,])(?P<d{n}>0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?!\w)"


def _m(n: int) -> str:
    return rf"(?<![\w])(?P<m{n}>{_MON})"


def _y(n: int) -> str:
    return rf"(?<![\w$£€.,/:])(?P<y{n}>(?:1[89]|2[01])\d\d)(?!\w)(?![.,]\d)"


# The letters the optional openings and the months start with (any case).
_WEEKDAY_FIRST, _QUAL_FIRST, _MONTH_FIRST = "fmstw", "belmst", "adfjmnos"


def _opening(first: str, pattern: str) -> str:
    """``pattern`` behind a look-ahead for the characters its matches can start with.

    A pattern that opens with an optional word (a weekday, "mid", "the end of")
    is otherwise tried in full at every position of a text; the look-ahead turns
    most positions away at their first character and changes no match.
    """
    return f"(?=[{first}])" + pattern


_PATTERNS: list[tuple[str, str]] = [   # (kind, regex); order breaks ties
    ("iso", r"(?<![\w/.-])(?P<y1>\d{4})-(?P<m1>\d\d)-(?P<d1>\d\d)(?![\w-])"),
    ("iso", r"(?<![\w/.-])(?P<y1>\d{4})/(?P<m1>\d\d)/(?P<d1>\d\d)(?![\w/])"),
    ("us", r"(?<![\w/.-])(?P<m1>\d{1,2})/(?P<d1>\d{1,2})/(?P<y1>\d{4})(?![\w/])"),
    ("date", _d(1) + _DM + _m(1) + _MY + _y(1) + _SEP + _d(2) + _DM + _m(2) + _MY + _y(2)),
    ("date", _d(1) + _DM + _m(1) + _SEP + _d(2) + _DM + _m(2) + f"(?:{_MY}{_y(2)})?"),
    ("date", _d(1) + _SEP + _d(2) + _DM + _m(2) + f"(?:{_MY}{_y(2)})?"),
    ("date", _opening("0-9" + _WEEKDAY_FIRST, _WEEKDAY + _d(1) + _DM + _m(1) + f"(?:{_MY}{_y(1)})?")),
    ("date", _m(1) + _MD + _d(1) + _DY + _y(1) + _SEP + _m(2) + _MD + _d(2) + _DY + _y(2)),
    ("date", _m(1) + _MD + _d(1) + _SEP + _m(2) + _MD + _d(2) + f"(?:{_DY}{_y(2)})?"),
    ("date", _m(1) + _MD + _d(1) + _SEP + _d(2) + f"(?:{_DY}{_y(2)})?"),
    ("date", _opening(_MONTH_FIRST + _WEEKDAY_FIRST, _WEEKDAY + _m(1) + _MD + _d(1) + f"(?:{_DY}{_y(1)})?")),
    ("date", _m(1) + _MY + _y(1) + _SEP + _m(2) + _MY + _y(2)),
    ("date", _m(1) + _SEP + _m(2) + _MY + _y(2)),
    ("date", _opening(_MONTH_FIRST + _QUAL_FIRST, _QUAL + _m(1) + _MY + _y(1))),
    ("date", _y(1) + _SEP + _y(2)),
    ("date", _opening("12" + _QUAL_FIRST, _QUAL + _y(1))),
    ("rel", r"\b(?P<rel>today|yesterday|tomorrow)\b"),
]
# Only for a whole expression given to normalize_date, never in running text.
_WHOLE_ONLY: list[tuple[str, str]] = [
    ("iso", r"(?P<y1>\d{4})-(?P<m1>\d\d)"),
    ("date", _QUAL + _m(1)),
]
_FLAGS = re.IGNORECASE
_SCAN = [(kind, re.compile(p, _FLAGS)) for kind, p in _PATTERNS]
_WHOLE = _SCAN + [(kind, re.compile(p, _FLAGS)) for kind, p in _WHOLE_ONLY]
_PREFIX = re.compile(r"(?:on|in|from|since|between|during|by|until|till|as\s+of|"
                     r"effective|dated|of|the)\s+", _FLAGS)
_ANCHOR = re.compile(rf"\d{{4}}|(?<![\w]){_MON}", _FLAGS)
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+\Z", _FLAGS)
_INVALID = object()


def _month(text: str | None) -> int | None:
    if text is None:
        return None
    return int(text) if text.isdigit() else _MONTHS[text[:3].lower()]


def _int(text: str | None) -> int | None:
    return None if text is None else int(text)


def _consecutive(a: tuple, b: tuple, precision: str) -> bool:
    """Whether ``b`` follows ``a`` at once: (y, m, d) tuples, year maybe None."""
    (y1, m1, d1), (y2, m2, d2) = a, b
    if precision == "year":
        return y2 == y1 + 1
    if precision == "month":
        return m2 == m1 % 12 + 1
    if m1 == m2:
        return d2 == d1 + 1
    last = calendar.monthrange(y1 or 2001, m1)[1]   # no year: 28 February counts
    return m2 == m1 % 12 + 1 and d2 == 1 and d1 >= last


def _nearest_year(month: int, day: int | None, reference: dt.date) -> int | None:
    """The year that puts (month, day) nearest to reference; ties: its own year."""
    best = None
    for year in (reference.year, reference.year - 1, reference.year + 1):
        if day is None:
            distance = abs((year * 12 + month) - (reference.year * 12 + reference.month))
        else:
            try:
                distance = abs((dt.date(year, month, day) - reference).days)
            except ValueError:   # 29 February
                continue
        if best is None or distance < best[0]:
            best = (distance, year)
    return None if best is None else best[1]


def _iso(year: int, month: int | None, day: int | None) -> str:
    if day is not None:
        assert month is not None   # a day comes with its month
        return dt.date(year, month, day).isoformat()   # ValueError if invalid
    return f"{year:04d}-{month:02d}" if month is not None else f"{year:04d}"


def _resolve(groups: dict, kind: str, reference: dt.date | None,
             year: int | None, allow_and: bool):
    """A DateValue, None (no year to place it) or _INVALID (not a date)."""
    if kind == "rel":
        if reference is None:
            return None
        shift = {"today": 0, "yesterday": -1, "tomorrow": 1}[groups["rel"].lower()]
        return DateValue((reference + dt.timedelta(days=shift)).isoformat())
    d1, d2 = _int(groups.get("d1")), _int(groups.get("d2"))
    m1, m2 = _month(groups.get("m1")), _month(groups.get("m2"))
    y1, y2 = _int(groups.get("y1")), _int(groups.get("y2"))
    if kind == "us":
        assert m1 is not None and d1 is not None   # the pattern has both groups
        if m1 > 12 and d1 <= 12:
            m1, d1 = d1, m1
    is_range = groups.get("sep") is not None
    if is_range:
        m1, m2 = m1 or m2, m2 or m1
    precision: Precision = "day" if d1 else "month" if m1 else "year"
    for m, d in ((m1, d1), (m2, d2)):
        if m is not None and not 1 <= m <= 12:
            return _INVALID
        if d is not None:
            assert m is not None   # every pattern with a day has its month
            if d > calendar.monthrange(2000, m)[1]:
                return _INVALID
    if (is_range and groups["sep"].strip().lower() == "and" and not allow_and
            and not _consecutive((y1, m1, d1), (y2, m2, d2), precision)):
        return _INVALID
    if precision != "year":
        # a day comes with its month, and both ends of a range have one (above)
        assert m1 is not None and (m2 is not None or not is_range)
        if y1 is None and y2 is None:
            if year is not None:
                y1 = year
            elif reference is not None:
                y1 = _nearest_year(m1, d1, reference)
            if y1 is None:
                return None
            y2 = (y1 + 1 if m2 < m1 else y1) if is_range and m2 is not None else None
        elif y1 is None:
            assert y2 is not None and m2 is not None   # only a range gives y2 alone
            y1 = y2 - 1 if m1 > m2 else y2   # only a month wrap crosses a year
    # every pattern without month and day has its year; a range has its second
    assert y1 is not None and (y2 is not None or not is_range)
    try:
        start = _iso(y1, m1, d1)
        end = _iso(y2, m2, d2) if y2 is not None and is_range else None
    except ValueError:
        return _INVALID
    if end is not None and end <= start:
        return DateValue(start, None, precision) if end == start else _INVALID
    return DateValue(start, end, precision)


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_TRANSLATE)
    return " ".join(text.split()).strip(" .,;:!?()[]")


def normalize_date(text: str, *, reference: dt.date | None = None,
                   year: int | None = None) -> DateValue | None:
    """The ISO value of a whole date expression, or None if it is not one.

    ``reference`` (e.g. the release date) places a date without a year and
    resolves "today"; ``year``, when given, is used instead for a date without
    a year. See the module docstring for the rules.

    >>> normalize_date("4–5 December 2023")
    DateValue(start='2023-12-04', end='2023-12-05', precision='day')
    >>> normalize_date("Jan. 5, 2017").start
    '2017-01-05'
    >>> normalize_date("3 January", reference=dt.date(2016, 12, 30)).start
    '2017-01-03'
    >>> normalize_date("nearly 16 years") is None
    True
    """
    s = _clean(text)
    allow_and = False
    while m := _PREFIX.match(s):
        allow_and = allow_and or m.group().lower().startswith("between")
        s = s[m.end():]
    for kind, pattern in _WHOLE:
        if (m := pattern.fullmatch(s)) is not None:
            value = _resolve(m.groupdict(), kind, reference, year, allow_and)
            if value is not _INVALID:
                return value
    return None


#: A period named from the reader's "now": "last month", "this year", "next year"; "later" or
#: "earlier" may stand before it ("later this year") and is not part of ``which``/``unit``.
RELATIVE_PERIOD = re.compile(r"\b(?:(?:later|earlier)\s+)?(?P<which>last|this|next)\s+(?P<unit>month|year)\b",
                             re.IGNORECASE)


def relative_period(match: re.Match, reference: dt.date) -> DateValue:
    """The month or year a ``RELATIVE_PERIOD`` match names, seen from ``reference``.

    >>> relative_period(RELATIVE_PERIOD.search("he left last month"), dt.date(2024, 1, 9))
    DateValue(start='2023-12', end=None, precision='month')
    >>> relative_period(RELATIVE_PERIOD.search("later this year"), dt.date(2024, 1, 9)).start
    '2024'
    """
    step = {"last": -1, "this": 0, "next": 1}[match["which"].lower()]
    if match["unit"].lower() == "year":
        return DateValue(start=f"{reference.year + step:04d}", precision="year")
    month = reference.year * 12 + reference.month - 1 + step
    return DateValue(start=f"{month // 12:04d}-{month % 12 + 1:02d}", precision="month")


def find_dates(text: str, *, reference: dt.date | None = None,
               ranges: bool = True) -> list[DateMatch]:
    """The date expressions in running text, left to right, not overlapping.

    Where expressions overlap, the one that starts first wins, then the
    longest. With ``ranges=False`` each end of a range is found on its own.

    >>> [(m.text, m.value.start) for m in find_dates("Held on 4-5 December 2023.")]
    [('4-5 December 2023', '2023-12-04')]
    >>> find_dates("GENEVA, 5 December.")[0].value is None
    True
    """
    out: list[DateMatch] = []
    for start, _, _, end, value in sorted(_candidates(text, reference, ranges, at_start=False), key=lambda f: f[:3]):
        if not out or start >= out[-1].end:
            out.append(DateMatch(text[start:end], start, end, value))
    return out


def date_at_start(text: str, *, reference: dt.date | None = None, ranges: bool = True) -> DateMatch | None:
    """The date expression ``text`` opens with: ``find_dates(text)[0]`` when that starts at 0, else None.

    Only the opening is read, so a long text costs no more than a short one.

    >>> date_at_start("5 December 2023: talks open").text
    '5 December 2023'
    >>> date_at_start("Talks open on 5 December 2023") is None
    True
    """
    found = min(_candidates(text, reference, ranges, at_start=True), key=lambda f: f[:3], default=None)
    if found is None:
        return None
    start, _, _, end, value = found
    return DateMatch(text[start:end], start, end, value)


def _candidates(text: str, reference: dt.date | None, ranges: bool, at_start: bool) -> list[tuple]:
    """``(start, start - end, pattern order, end, value)`` of every date match (at 0 only, ``at_start``)."""
    s = text.translate(_TRANSLATE)
    found = []
    # every pattern but today/yesterday/tomorrow needs a month name or four digits in a row
    anchored = _ANCHOR.search(s) is not None
    for order, (kind, pattern) in enumerate(_SCAN):
        if (kind == "rel" and reference is None) or (not ranges and "sep" in pattern.groupindex):
            continue
        if kind != "rel" and not anchored:
            continue
        # a scan's first match at 0 is the anchored match: nothing else can start there
        matches = (pattern.match(s),) if at_start else pattern.finditer(s)
        for m in matches:
            if m is None or any(m.group(g) and m.group(g)[0].islower()
                                for g in ("m1", "m2") if g in pattern.groupindex):
                continue
            allow_and = bool(_BETWEEN_BEFORE.search(s[max(0, m.start() - 12):m.start()]))
            value = _resolve(m.groupdict(), kind, reference, None, allow_and)
            if value is not _INVALID:
                found.append((m.start(), m.start() - m.end(), order, m.end(), value))
    return found


@lru_cache(maxsize=8)  # a release's dateline and its reference date may both ask for it
def infer_year(text: str) -> int | None:
    """The year a text makes clear: the most frequent year of its dates that
    have a month (ties: the first seen); None when none has one.

    Bare years ("in 2024", "since 1994") do not count: they often name the past
    or the future rather than the time of the release.

    >>> infer_year("GENEVA, 5 December. It met on 4-5 December 2023 after the 2019 talks.")
    2023
    >>> infer_year("Founded in 1998.") is None
    True
    """
    years = [m.value.year for m in find_dates(text)
             if m.value is not None and m.value.precision != "year"]
    if not years:
        return None
    counts = Counter(years)
    top = max(counts.values())
    return next(y for y in years if counts[y] == top)
