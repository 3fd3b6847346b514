"""Countries and their governments (kgextract.resolve.countries)."""

from __future__ import annotations

import pytest

from kgextract.resolve.countries import country_name, government_name


@pytest.mark.parametrize("text, expected", [
    ("Norway", "Norway"),
    ("Norwegian", "Norway"),
    ("Belgian", "Belgium"),
    ("Lyon", None),
    ("Acme Corp", None),
])
def test_country_name(text, expected):
    assert country_name(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Norway", "Government of Norway"),
    ("Norwegian", "Government of Norway"),
    ("the Netherlands", "Government of the Netherlands"),
    ("United Kingdom", "Government of the United Kingdom"),
    ("Philippines", "Government of the Philippines"),
    ("Vienna", None),
])
def test_government_name(text, expected):
    assert government_name(text) == expected
