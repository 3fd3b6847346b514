"""containedInPlace, organization location and parentOrganization through the extraction path."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, expected", [
    pytest.param("The Global Water Summit took place in Berlin, Germany, on 4 May 2023.",
                 {("berlin", "containedInPlace", "germany")}, id="city-comma-country"),
    pytest.param("Jane Roe visited Acme Corp's factory in Nairobi, Kenya, on Monday.",
                 {("nairobi", "containedInPlace", "kenya")}, id="city-comma-country-mid-sentence"),
    pytest.param("The meeting took place at the Grand Hotel in Oslo on 5 May 2023.",
                 {("grand hotel", "containedInPlace", "oslo")}, id="venue-in-city"),
])
def test_contained_in_place(run, text, expected):
    facts = run(text)
    assert {t for t in facts.triples if t[1] == "containedInPlace"} == expected


def test_list_of_places_is_not_containment(run):
    facts = run("The delegation will travel to Berlin, Paris and Madrid in June 2024.")
    assert {t for t in facts.triples if t[1] == "containedInPlace"} == set()


@pytest.mark.parametrize("text, expected", [
    pytest.param("The Geneva-based Globex Industries announced a new partnership with Acme Corp.",
                 ("globex industries", "location", "geneva"), id="x-based"),
    pytest.param("Acme Robotics Ltd, headquartered in Geneva, announced a new partnership.",
                 ("acme robotics ltd", "location", "geneva"), id="headquartered-in"),
    pytest.param("The World Widget Organization, headquartered in Geneva, announced a new partnership.",
                 ("world widget organization", "location", "geneva"), id="headquartered-in-the"),
])
def test_organization_location(run, text, expected):
    facts = run(text)
    assert {t for t in facts.triples if t[1] == "location"} == {expected}


@pytest.mark.parametrize("text, expected", [
    pytest.param("Acme Corp's Research Board met in Oslo on Monday.",
                 ("research board", "parentOrganization", "acme corp"), id="possessive"),
    pytest.param("Globex Software Inc., a subsidiary of Acme Corp, opened a new office in Dublin.",
                 ("globex software inc", "parentOrganization", "acme corp"), id="a-subsidiary-of"),
    pytest.param("Northwind Bank, a subsidiary of Acme Holdings, opened a new office in Dublin.",
                 ("northwind bank", "parentOrganization", "acme holdings"), id="a-subsidiary-of-holdings"),
    pytest.param("The Globex Foundation, a unit of Acme Corp, opened a new office in Dublin.",
                 ("globex foundation", "parentOrganization", "acme corp"), id="a-unit-of"),
])
def test_parent_organization(run, text, expected):
    facts = run(text)
    assert {t for t in facts.triples if t[1] == "parentOrganization"} == {expected}


# --- known gaps: the lead fixes these (src/kgextract/relations/places.py, nlp/entity_fixes.py) ---

@pytest.mark.parametrize("text, expected", [
    ("The ceremony was held at the Nobel Peace Center in Oslo.", ("nobel peace center", "oslo")),
    ("The meeting took place at the Palais des Congrès in Paris on 5 May 2023.", ("palais des congrès", "paris")),
])
def test_org_tagged_venue_in_city(run, text, expected):
    facts = run(text)
    venue, city = expected
    assert (venue, "containedInPlace", city) in facts.triples


def test_x_based_with_untagged_city(run):
    facts = run("The Lyon-based Acme Corp announced a new partnership with Globex Industries.")
    assert ("acme corp", "location", "lyon") in facts.triples


@pytest.mark.parametrize("text, expected", [
    ("Jane Roe chairs Acme's Research Board, which meets twice a year.", ("research board", "acme")),
    ("Globex Industries' Research Council published its annual report.",
     ("research council", "globex industries")),
])
def test_possessive_inside_one_org_span(run, text, expected):
    facts = run(text)
    child, parent = expected
    assert (child, "parentOrganization", parent) in facts.triples
