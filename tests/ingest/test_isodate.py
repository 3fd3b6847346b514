"""Metadata dates to ISO 8601."""

from __future__ import annotations

import pytest

from kgextract.ingest.isodate import iso_date


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2024-03-05", "2024-03-05"),
        ("2024-03-05T23:30:00-05:00", "2024-03-05"),
        ("2024/3/5", "2024-03-05"),
        ("20240305", "2024-03-05"),
        ("March 5, 2024", "2024-03-05"),
        ("Tuesday, March 5, 2024", "2024-03-05"),
        ("5 March 2024", "2024-03-05"),
        ("5th Sept. 2024", "2024-09-05"),
        ("Tue, 05 Mar 2024 10:00:00 GMT", "2024-03-05"),
        ("2024-02-30", None),
        ("03/05/2024", None),
        ("Smarch 5, 2024", None),
        ("", None),
        (None, None),
    ],
)
def test_iso_date(value, expected):
    assert iso_date(value) == expected
