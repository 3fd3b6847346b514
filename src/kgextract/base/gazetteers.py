"""Load the versioned word lists in ``kgextract/base/data``.

Each list is a UTF-8 text file ``<name>.txt`` with one entry a line; ``#``
starts a comment, blank lines are skipped, inner white space is collapsed and
entries keep their case (lists are lower case unless case matters). A
sectioned list holds lines ``<section>: entry entry ...``. Names carry their
version (``titles.v1``); a change of content that changes behaviour is a new
file (``titles.v3``) beside the old one.

>>> "secretary-general" in load_list("titles.v1")
True
>>> sorted(load_sections("event_verbs.v1"))
['attendee', 'funder', 'organizer', 'sponsor']
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from importlib.resources import files

from kgextract.errors import Errors, KgextractError

__all__ = ["TITLES", "TITLE_MODIFIERS", "EVENT_NOUNS", "EVENT_KINDS", "BODY_WORDS", "PORTFOLIOS", "DEMONYMS",
           "available", "demonym_forms", "portfolio_words", "load_list", "load_rows", "load_sections"]

#: The list of nationality adjectives and short country forms in use ("Georgian = Georgia").
DEMONYMS = "demonyms.v2"
#: The title list in use (roles, person-name prefixes, dateline checks).
TITLES = "titles.v3"
#: The words that qualify a base title ("Acting Deputy", "Under") in use.
TITLE_MODIFIERS = "title_modifiers.v2"
#: The head nouns of events ("summit", "signing ceremony") in use.
EVENT_NOUNS = "event_nouns.v2"
#: How event heads behave (strong, talk, party, spoken, session, self_run), in sections.
EVENT_KINDS = "event_kinds.v1"
#: Words for bodies and the people who stand for them, in sections.
BODY_WORDS = "body_words.v1"
#: The remits a title names after "of|for" ("Minister of the Interior"), in sections.
PORTFOLIOS = "portfolios.v2"

_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.\-]*")


def _data_dir():
    return files("kgextract.base") / "data"


def available() -> list[str]:
    """The names of the gazetteers shipped with the package, sorted.

    >>> "honorifics.v1" in available()
    True
    """
    return sorted(p.name[:-4] for p in _data_dir().iterdir()
                  if p.name.endswith(".txt"))


def _lines(name: str) -> list[tuple[int, str]]:
    """(line number, content) of the non-comment, non-blank lines."""
    if not _NAME.fullmatch(name) or name.endswith(".txt"):
        raise KgextractError(Errors.E042.format(name=name))
    path = _data_dir() / f"{name}.txt"
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError as err:
        raise KgextractError(Errors.E040.format(
            name=name, options=", ".join(available()) or "(none)")) from err
    out = []
    for number, line in enumerate(raw.splitlines(), start=1):
        line = " ".join(unicodedata.normalize("NFC", line).split("#", 1)[0].split())
        if line:
            out.append((number, line))
    return out


@cache
def load_list(name: str) -> frozenset[str]:
    """The entries of the list ``<name>.txt`` (cached).

    Raises ``KgextractError`` [E040] when no such list exists.

    >>> "mr." in load_list("honorifics.v1")
    True
    >>> load_list("no_such_list.v1")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kgextract.errors.KgextractError: [E040] No gazetteer named 'no_such_list.v1'...
    """
    return frozenset(line for _, line in _lines(name))


@lru_cache(maxsize=1)
def demonym_forms() -> dict[str, str]:
    """Nationality adjectives and short forms, lower case, mapped to their country (``DEMONYMS``).

    >>> demonym_forms()["belgian"]
    'Belgium'
    """
    forms = (line.partition(" = ") for line in load_list(DEMONYMS))
    return {form.strip(): country.strip() for form, _, country in forms}


@lru_cache(maxsize=1)
def portfolio_words() -> frozenset[str]:
    """Every word of ``PORTFOLIOS``, whatever its section: the words a title's remit is made of.

    >>> {"interior", "research", "foreign"} <= portfolio_words()
    True
    """
    return frozenset().union(*load_sections(PORTFOLIOS).values())


@cache
def load_rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of the table ``<name>.txt`` in file order: cells split at ``|`` (cached).

    >>> next(row for row in load_rows("countries.v1") if row[0] == "CH")[:4]
    ('CH', 'CHE', '756', 'Switzerland')
    """
    return tuple(tuple(cell.strip() for cell in line.split("|")) for _, line in _lines(name))


@cache
def load_sections(name: str) -> dict[str, frozenset[str]]:
    """The sections of ``<name>.txt``: ``{section: entries}`` (cached).

    A section may span several lines; its entries are merged. Entries are
    separated by white space. Raises ``KgextractError`` [E041] on a line
    without ``section:``. The returned dict is shared: do not modify it.

    >>> "convene" in load_sections("event_verbs.v1")["organizer"]
    True
    """
    merged: dict[str, set[str]] = {}
    for number, line in _lines(name):
        key, sep, rest = line.partition(":")
        key = key.strip()
        if not sep or not key or " " in key:
            raise KgextractError(Errors.E041.format(name=name, line=number, text=line))
        merged.setdefault(key, set()).update(rest.split())
    return {key: frozenset(values) for key, values in merged.items()}
