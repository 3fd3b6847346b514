"""Every saved query against the small two-document graph: expected rows, in order.

Each case runs in Oxigraph (the store) and in rdflib (the same bound SPARQL
text over ``to_rdf``), so the shipped queries stay portable.
"""

from __future__ import annotations

import re

import pytest

from kgextract.rdf import to_rdf
from kgextract.store.bind import query_variables
from kgextract.store.queries import get_query, saved_queries
from kgextract.store.results import prepare, select_rows

from .conftest import S1, TEXT1, doc1, doc2

# Cells that join several values with "; " in no fixed order: compared as sets.
MULTI = {"places", "startDate", "endDate", "organizers", "funders", "sponsors", "events"}


def norm(row: dict) -> dict:
    out = {}
    for key, value in row.items():
        if value in ("", None):
            continue  # an empty GROUP_CONCAT is "" in rdflib, unbound in Oxigraph
        if key in MULTI:
            value = frozenset(value.split("; "))
        elif key == "confidence":
            value = float(value)
        out[key] = value
    return out


def at(phrase: str) -> dict:
    start = TEXT1.index(phrase)
    return {"start": str(start), "end": str(start + len(phrase))}


SUMMIT_ROW = {"eventLabel": "Summit", "places": {"Geneva"}, "startDate": {"2023-12-04"},
              "endDate": {"2023-12-05"}, "organizers": {"Acme"},
              "funders": {"Government of Korea"}, "sponsors": {"Acme Group"}}
WORKSHOP_ROW = {"eventLabel": "Workshop", "places": {"Switzerland"}, "startDate": {"2024-03"},
                "organizers": {"Cy Dee"}}
ROLES = [{"personLabel": "Bob Roy", "roleLabel": "Chair"},
         {"organizationLabel": "Acme", "personLabel": "Ann Lee", "roleLabel": "CEO"},
         {"organizationLabel": "Acme Group", "personLabel": "Bob Roy"}]
ATTEND = [("Summit", "Government of Korea", "Organization"), ("Summit", "Ann Lee", "Person"),
          ("Summit", "Bob Roy", "Person"), ("Workshop", "Ann Lee", "Person"),
          ("Workshop", "Bob Roy", "Person")]
ATTEND = [dict(zip(("eventLabel", "attendeeLabel", "attendeeType"), r, strict=True)) for r in ATTEND]
TIMELINE = [{"start": "2023-12-04", "end": "2023-12-05", "eventLabel": "Summit", "places": {"Geneva"}},
            {"start": "2024-03", "eventLabel": "Workshop", "places": {"Switzerland"}}]
PAIRS = [{"personA": "Ann Lee", "personB": "Bob Roy", "sharedEvents": "2",
          "events": {"Summit", "Workshop"}},
         {"personA": "Ann Lee", "personB": "Cy Dee", "sharedEvents": "1", "events": {"Workshop"}},
         {"personA": "Bob Roy", "personB": "Cy Dee", "sharedEvents": "1", "events": {"Workshop"}}]
PLACES = [{"placeLabel": "Geneva", "organizationLabel": "Acme", "basedIn": "Geneva"},
          {"placeLabel": "Switzerland", "organizationLabel": "Acme", "basedIn": "Geneva"}]
ACME_DOCS = [{"entityLabel": "Acme", "entityType": "Organization", "document": "d1",
              "published": "2023-12-05", "headline": "Summit opens"},
             {"entityLabel": "Acme", "entityType": "Organization", "document": "d2",
              "published": "2024-03-01"}]
LOCATION_EVIDENCE = {"subjectLabel": "Summit", "predicateName": "location", "objectLabel": "Geneva",
                     "document": "d1", "sentence": S1, **at("the Summit in Geneva"),
                     "confidence": 0.7, "extractor": "kgx.events.v1"}
ROLE_EVIDENCE = {"subjectLabel": "Ann Lee", "predicateName": "hasRole", "objectLabel": "CEO",
                 "document": "d1", "sentence": S1, **at("CEO of Acme"), "confidence": 0.8,
                 "extractor": "kgx.roles.v1"}
MENTION_EVIDENCE = {"subjectLabel": "Ann Lee", "predicateName": "type", "objectLabel": "Person",
                    "document": "d1", "sentence": S1, "start": "26", "end": "37",
                    "confidence": 1.0, "extractor": "ner"}
DOCS = [{"document": "d1", "published": "2023-12-05", "datelinePlace": "Geneva",
         "headline": "Summit opens", "entities": "10"},
        {"document": "d2", "published": "2024-03-01", "entities": "6"}]

APPOINTMENTS = [
    {"when": "2023-06-01", "change": "takes up", "personLabel": "Ann Lee", "roleLabel": "CEO",
     "organizationLabel": "Acme", "start": "2023-06-01"},
    {"when": "2023-11-30", "change": "leaves", "personLabel": "Bob Roy", "roleLabel": "Chair",
     "start": "2015", "end": "2023-11-30", "status": "former"},
    {"when": "2024-01", "change": "takes up", "personLabel": "Bob Roy", "organizationLabel": "Acme Group",
     "start": "2024-01", "status": "future"},
]
BY_TYPE = [{"eventType": "Conference", "eventLabel": "Summit", "start": "2023-12-04", "places": {"Geneva"}},
           {"eventType": "Meeting", "eventLabel": "Workshop", "start": "2024-03", "places": {"Switzerland"}}]

CASES = [
    ("appointments", {}, APPOINTMENTS),
    ("appointments", {"person": ["bob roy"]}, APPOINTMENTS[1:]),
    ("appointments", {"organization": ["ACME corp"]}, APPOINTMENTS[:1]),
    ("appointments", {"from": ["2023-07"], "to": ["2023"]}, APPOINTMENTS[1:2]),
    ("events_by_type", {}, BY_TYPE),
    ("events_by_type", {"type": ["signing"]}, []),
    ("events_by_type", {"type": ["MEETING"]}, BY_TYPE[1:]),
    ("people_roles", {}, ROLES),
    ("people_roles", {"organization": ["acme corp"]}, ROLES[1:2]),
    ("people_roles", {"person": ["ms. lee"]}, ROLES[1:2]),
    ("people_roles", {"person": ["Ann Lee", "Bob Roy"]}, ROLES),
    ("events", {}, [SUMMIT_ROW, WORKSHOP_ROW]),
    ("events", {"event": ["the summit"]}, [SUMMIT_ROW]),
    ("attendance", {}, ATTEND),
    ("attendance", {"attendee": ["Bob Roy"]}, [ATTEND[2], ATTEND[4]]),
    ("attendance", {"event": ["WORKSHOP"]}, ATTEND[3:]),
    ("organizations_by_place", {}, PLACES),
    ("organizations_by_place", {"place": ["switzerland"]}, PLACES[1:]),
    ("timeline", {}, TIMELINE),
    ("timeline", {"from": ["2024"]}, TIMELINE[1:]),
    ("timeline", {"to": ["2023"]}, TIMELINE[:1]),
    ("timeline", {"from": ["2023-12-05"], "to": ["2024-03"]}, TIMELINE[1:]),
    ("co_attendees", {}, PAIRS),
    ("co_attendees", {"person": ["cy dee"]}, PAIRS[1:]),
    ("mentions", {"name": ["ACME corp"]}, ACME_DOCS),
    ("mentions", {"name": ["nobody"]}, []),
    ("evidence", {"subject": ["Summit"], "predicate": ["location"]}, [LOCATION_EVIDENCE]),
    ("evidence", {"predicate": ["<https://schema.org/location>"]}, [LOCATION_EVIDENCE]),
    ("evidence", {"subject": ["ms. lee"], "predicate": ["hasRole"]}, [ROLE_EVIDENCE]),
    ("evidence", {"subject": ["Ann Lee"], "predicate": ["type"]}, [MENTION_EVIDENCE]),
    ("evidence", {"object": ["ceo"]}, [ROLE_EVIDENCE]),
    ("evidence", {"object": ["GENEVA"]}, [LOCATION_EVIDENCE]),
    ("documents", {}, DOCS),
    ("documents", {"place": ["geneva"]}, DOCS[:1]),
    ("organization_units", {}, [{"parentLabel": "Acme Group", "unitLabel": "Acme"}]),
    ("organization_units", {"organization": ["acme"]}, []),
]


def expected(rows):
    return [norm({k: "; ".join(sorted(v)) if isinstance(v, set) else str(v) for k, v in r.items()})
            for r in rows]


@pytest.fixture(scope="module")
def dataset():
    return to_rdf([doc1(), doc2()])


@pytest.mark.parametrize(("name", "params", "rows"), CASES,
                         ids=[f"{c[0]}-{'-'.join(c[1]) or 'all'}" for c in CASES])
def test_saved_query_in_oxigraph(store_dir, name, params, rows):
    assert [norm(r) for r in select_rows(store_dir, name, params)] == expected(rows)


@pytest.mark.parametrize(("name", "params", "rows"), CASES,
                         ids=[f"{c[0]}-{'-'.join(c[1]) or 'all'}" for c in CASES])
def test_saved_query_in_rdflib(dataset, name, params, rows):
    text, _ = prepare(name, params)
    got = [norm({str(k): str(v) for k, v in r.asdict().items()}) for r in dataset.query(text)]
    assert got == expected(rows)


def test_every_saved_query_is_tested():
    assert {c[0] for c in CASES} == set(saved_queries())
    assert len(saved_queries()) >= 8


@pytest.mark.parametrize("name", sorted(saved_queries()))
def test_header_documents_the_parameters(name):
    q = get_query(name)
    assert q.text.startswith("# ") and q.summary.endswith(".")
    optional = set(re.findall(r"!BOUND\(\?(\w+)\)", q.text))
    assert set(q.params) == optional, "every parameter is documented and optional"
    assert all(q.params.values())
    assert set(q.params) <= set(query_variables(q.text))
