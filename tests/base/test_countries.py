"""Countries and their governments (kgextract.base.countries)."""

from __future__ import annotations

import pytest

from kgextract.base.countries import country_name, government_name


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


def test_country_names_come_from_the_pinned_table_only():
    """IRIs are minted from these names: they must not move when a dependency is updated."""
    import subprocess
    import sys

    code = ("import sys, kgextract.base.countries as c, kgextract.base.linking as l;"
            "print(c.government_name('Turkey')); l.link_name('Turkey');"
            "print('pycountry' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split("\n")[:2] == ["Government of Türkiye", "False"]


def test_the_pinned_table_is_whole():
    from kgextract.base.countries import countries

    rows = countries()
    assert len(rows) == len({c.alpha_2 for c in rows}) == len({c.alpha_3 for c in rows}) >= 249
    assert all(len(c.alpha_2) == 2 and len(c.alpha_3) == 3 and c.numeric.isdigit() for c in rows)
