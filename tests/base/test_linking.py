"""Places linked offline to ISO 3166 and GeoNames, only when the name is unambiguous."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kgextract.base.linking import (
    geonames_iri,
    link_entities,
    link_name,
    wikidata_ids,
    wikidata_iri,
)
from kgextract.models import Relation
from kgextract.rdf.corpus import corpus_graph

from builders import entity, result

QUERIES = Path(__file__).parent / "queries"


@pytest.mark.parametrize("name, kind, geonames, iso", [
    ("Switzerland", "country", 2658434, "CH"),
    ("the Republic of Korea", "country", 1835841, "KR"),
    ("Korea", "country", 1835841, "KR"),          # settled by the project's demonyms list
    ("U.S.", "country", 6252001, "US"),
    ("Seoul", "city", 1835848, "KR"),              # one city of that name
    ("GENEVA", "city", 2660646, "CH"),             # Geneva, Illinois is far smaller
    ("Genf", "city", 2660646, "CH"),               # an alternate name
    ("Asia", "continent", 6255147, None),
    ("Congo", None, None, None),                   # two countries
    ("Springfield", None, None, None),             # many towns, none dominant
    ("Downtown", None, None, None),                # not a place name
    ("Palais des Nations", None, None, None),
])
def test_link_name(name, kind, geonames, iso):
    link = link_name(name)
    if kind is None:
        assert link is None
    else:
        assert (link.kind, link.geonames, link.iso if kind != "continent" else None) == (kind, geonames, iso)


def test_context_settles_a_shared_city_name_and_names_must_agree():
    a = result("a", [entity("place/geneva", "Geneva"), entity("place/united-states", "United States"),
                     entity("place/paris", "Paris")],
               [Relation(subject="place/geneva", predicate="containedInPlace", object="place/united-states")])
    b = result("b", [entity("place/paris", "Paris, Texas"), entity("place/vienna", "Vienna")])
    links = {ln.key: ln for ln in link_entities([a, b])}
    assert links["place/geneva"].geonames == 4893591 and links["place/geneva"].rule == "kgx.link.city.context.v1"
    assert "place/paris" not in links  # "Paris" and "Paris, Texas" disagree
    assert links["place/vienna"].iso == "AT"


def test_links_in_rdf_are_queryable():
    res = result("a", [entity("place/geneva", "Geneva"), entity("place/switzerland", "Switzerland"),
                       entity("organization/geneva", "Geneva")])
    ds = corpus_graph([res]).dataset
    rows = [tuple(map(str, r)) for r in ds.query((QUERIES / "links.rq").read_text())]
    assert rows == [("Geneva", geonames_iri(2660646), "None"), ("Switzerland", geonames_iri(2658434), "CH"),
                    ("Switzerland", wikidata_iri("Q39"), "CH")]


def test_every_iso_country_has_one_wikidata_item():
    from kgextract.base.countries import countries

    ids = wikidata_ids()
    assert set(ids) == {c.alpha_2 for c in countries()}
    assert len(set(ids.values())) == len(ids)  # no two countries share an item
    assert all(re.fullmatch(r"Q[1-9]\d*", q) for q in ids.values())


def test_only_countries_get_a_wikidata_link():
    assert link_name("Japan").same_as == [geonames_iri(1861060), wikidata_iri("Q17")]
    city = link_name("Geneva")
    assert city.kind == "city" and city.same_as == [geonames_iri(2660646)]
