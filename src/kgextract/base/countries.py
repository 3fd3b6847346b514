"""Countries: recognise a country by name or nationality, and name its government.

Country data comes from the project's pinned ISO 3166-1 table
``base/data/countries.v1.txt`` (taken from pycountry's data, so that an update
of a dependency never renames a node); nationality adjectives and common short
forms come from the versioned list ``base/data/demonyms.v2.txt``.

>>> country_name("Belgian")
'Belgium'
>>> government_name("the Republic of Korea")
'Government of the Republic of Korea'
>>> government_name("U.S.")
'Government of the United States'
>>> government_name("the People’s Republic of China")
'Government of China'
>>> government_name("China")
'Government of China'
>>> government_name("Georgian")
'Government of Georgia'
>>> government_name("Vienna") is None
True
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from kgextract.base.gazetteers import demonym_forms, load_rows
from kgextract.base.names import clean_name

__all__ = ["Country", "countries", "country_name", "government_name", "government_long_name",
           "country_record"]

#: The pinned table of ISO 3166-1 countries.
COUNTRY_TABLE = "countries.v1"

_THE_PREFIXES = ("United ", "Republic ", "Russian ", "Democratic ", "Islamic ", "Kingdom ", "Federal ", "State ")


class Country(NamedTuple):
    """One row of the pinned ISO 3166-1 table; ``official_name``/``common_name`` may be empty."""

    alpha_2: str
    alpha_3: str
    numeric: str
    name: str
    official_name: str
    common_name: str


@lru_cache(maxsize=1)
def countries() -> tuple[Country, ...]:
    """Every country of the pinned table, in its order.

    >>> [c.name for c in countries() if c.alpha_2 == "KR"]
    ['Korea, Republic of']
    """
    return tuple(Country(*row) for row in load_rows(COUNTRY_TABLE))


@lru_cache(maxsize=1)
def _index() -> dict[str, Country]:
    # Codes first, then names, as ISO lookups go: the first country to claim a form keeps it.
    index: dict[str, Country] = {}
    for field in Country._fields:
        for country in countries():
            value = getattr(country, field).lower()
            if value:
                index.setdefault(value, country)
    return index


@lru_cache(maxsize=4096)
def country_record(name: str) -> Country | None:
    """The country a code or name stands for (any case), or None.

    >>> country_record("che").name, country_record("Swiss Confederation").alpha_2
    ('Switzerland', 'CH')
    """
    return _index().get(name.lower())


def country_name(text: str) -> str | None:
    """The country a name or nationality adjective stands for, or None."""
    text = clean_name(text).replace("’", "'")  # "People’s Republic of China" as typeset
    mapped = demonym_forms().get(text.lower())
    if mapped:
        return mapped
    record = country_record(text)
    if record is None:
        return None
    return record.common_name or record.name if "," in record.name else record.name


def government_name(text: str) -> str | None:
    """ "Government of <country>" for a country name or nationality, else None."""
    name = country_name(text)
    if name is None:
        return None
    the = "the " if name.startswith(_THE_PREFIXES) or name.endswith(("lands", "pines", "mas")) else ""
    return f"Government of {the}{name}"


def government_long_name(text: str) -> str | None:
    """ "Government of <the country as the text names it>" when the text gives a
    country's name that is longer than its short name, else None.

    >>> government_long_name("the People’s Republic of China")
    "Government of the People's Republic of China"
    >>> government_long_name("Chinese") is None
    True
    """
    own = clean_name(text).replace("\u2019", "'")
    name = country_name(own)
    if name is None or country_record(own) is None or own.lower() == name.lower():
        return None
    the = "the " if own.startswith(_THE_PREFIXES + ("People",)) else ""
    return f"Government of {the}{own}"
