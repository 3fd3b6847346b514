"""Normalise the dates found in metadata (HTML meta tags, JSON Lines fields).

>>> iso_date("2024-03-05T10:00:00Z"), iso_date("March 5, 2024"), iso_date("soon")
('2024-03-05', '2024-03-05', None)
"""

from __future__ import annotations

import re
from datetime import date
from email.utils import parsedate_to_datetime

__all__ = ["iso_date"]

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"),
            ("april", "apr"), ("may",), ("june", "jun"), ("july", "jul"),
            ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
            ("november", "nov"), ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_YMD = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d])")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})(?:T|$)")
_MDY = re.compile(r"(?:[A-Za-z]+,?\s+)?([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")
_DMY = re.compile(r"(?:[A-Za-z]+,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})")


def iso_date(value: str | None) -> str | None:
    """Return ``value`` as an ISO 8601 date (``YYYY-MM-DD``), or ``None``.

    Understands ISO dates and datetimes, ``YYYYMMDD``, RFC 2822 dates and
    English month-name dates. Ambiguous numeric dates (``03/05/2024``) give
    ``None``.

    >>> iso_date("Tue, 05 Mar 2024 10:00:00 GMT"), iso_date("5th Mar. 2024")
    ('2024-03-05', '2024-03-05')
    """
    if not value:
        return None
    value = value.strip()
    if match := _YMD.match(value) or _COMPACT.match(value):
        return _make(*(int(part) for part in match.groups()))
    if match := _MDY.fullmatch(value):
        month, day, year = match.groups()
        return _make(int(year), _MONTHS.get(month.lower(), 0), int(day))
    if match := _DMY.fullmatch(value):
        day, month, year = match.groups()
        return _make(int(year), _MONTHS.get(month.lower(), 0), int(day))
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def _make(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None
