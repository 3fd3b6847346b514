"""Countries: recognise a country by name or nationality, and name its government.

Country data comes from pycountry (ISO 3166, shipped with the package);
nationality adjectives and common short forms come from the versioned list
``nlp/data/demonyms.v1.txt``.

>>> country_name("Belgian")
'Belgium'
>>> government_name("the Republic of Korea")
'Government of the Republic of Korea'
>>> government_name("U.S.")
'Government of the United States'
>>> government_name("Vienna") is None
True
"""

from __future__ import annotations

from functools import lru_cache

import pycountry

from kgextract.nlp.gazetteers import load_list
from kgextract.resolve.names import clean_name

__all__ = ["country_name", "government_name", "government_long_name", "country_record"]

_THE_PREFIXES = ("United ", "Republic ", "Russian ", "Democratic ", "Islamic ", "Kingdom ", "Federal ", "State ")


@lru_cache(maxsize=1)
def _forms() -> dict[str, str]:
    out = {}
    for line in load_list("demonyms.v1"):
        form, _, name = line.partition(" = ")
        out[form.strip()] = name.strip()
    return out


@lru_cache(maxsize=4096)
def country_record(name: str):
    """The pycountry record for a country name, or None."""
    try:
        return pycountry.countries.lookup(name)
    except LookupError:
        return None


def country_name(text: str) -> str | None:
    """The country a name or nationality adjective stands for, or None."""
    text = clean_name(text)
    mapped = _forms().get(text.lower())
    if mapped:
        return mapped
    record = country_record(text)
    if record is None:
        return None
    return getattr(record, "common_name", None) or record.name if "," in record.name else record.name


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
