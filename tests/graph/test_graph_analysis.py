"""Helpers over the NetworkX graph: roles, participants, events table."""

from __future__ import annotations

from kgextract.graph.analysis import event_participants, events_table, roles_by_organization
from kgextract.graph.build import to_networkx
from kgextract.models import Entity, Relation

from .conftest import ACME, BETA, EVENT, GENEVA, R2, P, R, doc


def graph():
    rels = [
        Relation(subject=P, predicate="hasRole", object=R, organization=ACME),
        Relation(subject=P, predicate="hasRole", object=R2),
        Relation(subject=EVENT, predicate="location", object=GENEVA, confidence=0.9),
        Relation(subject=EVENT, predicate="location", object="place/lausanne", confidence=0.5),
        Relation(subject=EVENT, predicate="startDate", object="2023-12-04"),
        Relation(subject=EVENT, predicate="startDate", object="2023-12"),
        Relation(subject=EVENT, predicate="endDate", object="2023-12-05"),
        Relation(subject=EVENT, predicate="organizer", object=ACME),
        Relation(subject=EVENT, predicate="funder", object=BETA),
        Relation(subject=EVENT, predicate="funder", object=ACME),
        Relation(subject=EVENT, predicate="sponsor", object=BETA),
        Relation(subject=EVENT, predicate="attendee", object=P),
        Relation(subject=EVENT, predicate="attendee", object=BETA),
    ]
    res = doc("d1", rels)
    res.entities += [Entity(key="place/lausanne", type="Place", name="Lausanne"),
                     Entity(key="event/empty", type="Event", name="Empty Meeting")]
    return to_networkx([res])


def test_roles_by_organization():
    G = graph()
    assert roles_by_organization(G) == [(P, R, ACME), (P, R2, None)]
    assert roles_by_organization(G, labels=True) == [("Ann Lee", "CEO", "Acme"), ("Ann Lee", "Chair", None)]


def test_event_participants():
    G = graph()
    assert event_participants(G) == {"event/empty": [], EVENT: [BETA, P]}
    assert event_participants(G, labels=True) == {"Empty Meeting": [], "Summit": ["Beta", "Ann Lee"]}


def test_events_table():
    rows = events_table(graph())
    assert rows == [
        {"event": "event/empty", "place": None, "start": None, "end": None, "organizer": None,
         "funders": [], "sponsors": []},
        {"event": EVENT, "place": GENEVA, "start": "2023-12", "end": "2023-12-05",
         "organizer": ACME, "funders": [ACME, BETA], "sponsors": [BETA]},
    ]
    labelled = events_table(graph(), labels=True)[1]
    assert labelled["place"] == "Geneva" and labelled["funders"] == ["Acme", "Beta"]
