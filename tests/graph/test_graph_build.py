"""The NetworkX MultiDiGraph: nodes, attributes, parallel edges, merged evidence."""

from __future__ import annotations

import logging

import networkx as nx

from kgextract.graph.build import to_networkx
from kgextract.models import Relation

from .conftest import ACME, BETA, EVENT, GENEVA, R2, P, R, doc, ev


def test_parallel_edges_of_different_predicates_are_kept():
    rels = [Relation(subject=EVENT, predicate=p, object=ACME, evidence=[ev("d1", i)])
            for i, p in enumerate(["organizer", "funder", "sponsor", "attendee"])]
    G = to_networkx([doc("d1", rels)])
    assert isinstance(G, nx.MultiDiGraph)
    assert sorted(G[EVENT][ACME]) == ["attendee", "funder", "organizer", "sponsor"]
    assert G.number_of_edges(EVENT, ACME) == 4
    for key, data in G[EVENT][ACME].items():
        assert data["predicate"] == key
        assert data["evidence"][0]["start"] == ["organizer", "funder", "sponsor", "attendee"].index(key)


def test_same_relation_from_two_documents_is_one_edge():
    r1 = Relation(subject=EVENT, predicate="location", object=GENEVA, confidence=0.6,
                  evidence=[ev("d1", 0, "kgx.events.v1", 0.6)])
    r2 = Relation(subject=EVENT, predicate="location", object=GENEVA, confidence=0.8,
                  evidence=[ev("d2", 10, "kgx.events.v1", 0.8)])
    G = to_networkx([doc("d1", [r1]), doc("d2", [r2, r2])])
    assert G.number_of_edges(EVENT, GENEVA) == 1
    data = G.edges[EVENT, GENEVA, "location"]
    assert data["confidence"] == 0.8
    assert data["documents"] == ["d1", "d2"]
    assert [e["doc_id"] for e in data["evidence"]] == ["d1", "d2"]  # no repeats
    assert data["evidence"][1] == {"doc_id": "d2", "sentence": "sentence of d2", "start": 10,
                                   "end": 15, "confidence": 0.8, "extractor": "kgx.events.v1"}
    assert "organization" not in data


def test_node_attributes():
    G = to_networkx([doc("d1", []), doc("d2", [], person_name="Ann B. Lee")])
    person = G.nodes[P]
    assert person["type"] == "Person"
    assert person["label"] == "Ann B. Lee"  # the longest name across documents
    assert person["aliases"] == ["Ann Lee", "Ms. Lee"]
    assert person["documents"] == ["d1", "d2"]
    assert G.nodes[ACME]["alt_types"] == ["Place"]
    assert G.nodes["doc/d1"] == {"type": "Document", "label": "Title d1", "aliases": [],
                                 "documents": ["d1"]}


def test_dates_and_document_nodes():
    rels = [Relation(subject=EVENT, predicate="startDate", object="2023-12-04"),
            Relation(subject="DOC", predicate="datePublished", object="2023-12-04"),
            Relation(subject="DOC", predicate="locationCreated", object=GENEVA)]
    G = to_networkx([doc("d1", rels)])
    assert G.nodes["date/2023-12-04"] == {"type": "Date", "label": "2023-12-04", "aliases": [],
                                          "documents": ["d1"]}
    assert set(G.predecessors("date/2023-12-04")) == {EVENT, "doc/d1"}
    assert list(G["doc/d1"][GENEVA]) == ["locationCreated"]


def test_has_role_keeps_its_organization():
    rels = [Relation(subject=P, predicate="hasRole", object=R, organization=ACME),
            Relation(subject=P, predicate="hasRole", object=R2),
            Relation(subject=P, predicate="memberOf", object=ACME)]
    G = to_networkx([doc("d1", rels)])
    assert G.edges[P, R, "hasRole"]["organization"] == ACME
    assert G.edges[P, R2, "hasRole"]["organization"] is None
    assert list(G[P][ACME]) == ["memberOf"]


def test_has_role_in_two_organizations_gives_two_edges():
    a = Relation(subject=P, predicate="hasRole", object=R, organization=ACME)
    b = Relation(subject=P, predicate="hasRole", object=R, organization=BETA)
    none = Relation(subject=P, predicate="hasRole", object=R, evidence=[ev("d3", 0)])
    G = to_networkx([doc("d1", [a]), doc("d2", [b]), doc("d3", [none])])
    assert sorted(G[P][R]) == ["hasRole", f"hasRole|{BETA}"]
    assert G.edges[P, R, "hasRole"]["organization"] == ACME
    assert G.edges[P, R, "hasRole"]["documents"] == ["d1", "d3"]  # no organization: merged
    assert G.edges[P, R, f"hasRole|{BETA}"]["predicate"] == "hasRole"


def test_bad_relations_are_left_out(caplog):
    rels = [Relation(subject=EVENT, predicate="organizer", object="organization/ghost"),
            Relation(subject=EVENT, predicate="startDate", object="December")]
    with caplog.at_level(logging.WARNING, logger="kgextract"):
        G = to_networkx([doc("d1", rels)])
    assert G.number_of_edges() == 0
    assert "organization/ghost" not in G
    assert [r.message[:6] for r in caplog.records] == ["[W070]", "[W071]"]


def test_deterministic():
    rels = [Relation(subject=EVENT, predicate="location", object=GENEVA, evidence=[ev("d1", 0)])]
    a, b = to_networkx([doc("d1", rels)]), to_networkx([doc("d1", rels)])
    assert list(a.nodes(data=True)) == list(b.nodes(data=True))
    assert list(a.edges(keys=True, data=True)) == list(b.edges(keys=True, data=True))
