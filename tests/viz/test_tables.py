"""DataFrames of entities, relations with evidence, roles, events and SPARQL rows."""

from __future__ import annotations

import pandas as pd
import pytest
from rdflib import Dataset, URIRef

from kgextract.errors import KgextractError
from kgextract.rdf import to_rdf
from kgextract.rdf.namespaces import KGX_ID
from kgextract.rdf.serialize import write_rdf
from kgextract.viz.tables import (
    edges_frame,
    entities_frame,
    event_connections,
    events_frame,
    find_node,
    nodes_frame,
    organization_people,
    query_frame,
    relations_frame,
    roles_frame,
    saved_queries,
)

from .conftest import EVIL, SENTENCE

ROLES_RQ = """
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?person ?role ?organization WHERE {
  ?m org:member/rdfs:label ?person ; org:role/rdfs:label ?role .
  OPTIONAL { ?m org:organization/rdfs:label ?organization }
} ORDER BY ?person ?role ?organization
"""


def test_entities_frame(results):
    df = entities_frame(results)
    assert len(df) == sum(len(r.entities) for r in results)
    row = df.set_index("key").loc["person/ann-lee"]
    assert (row["type"], row["name"], row["aliases"], row["doc_id"]) == ("Person", "Ann Lee", "Ms. Lee", "tricky")


def test_relations_frame_carries_the_best_evidence(results):
    df = relations_frame(results)
    assert len(df) == sum(len(r.relations) for r in results)
    acme = df[(df.predicate == "hasRole") & (df.organization == "Acme")].iloc[0]
    assert (acme.subject, acme.object, acme.sentence, acme.extractor) == ("Ann Lee", "CEO", SENTENCE, "kgx.test.v1")
    dated = df[df.predicate == "datePublished"]
    assert dated[["subject", "object"]].values.tolist()[-1] == ["DOC", "2024-03"]
    assert dated.sentence.isna().all()


def test_relations_frame_all_evidence(results):
    df = relations_frame(results, all_evidence=True)
    acme = df[(df.predicate == "hasRole") & (df.organization == "Acme")]
    assert acme.extractor.tolist() == ["kgx.test.v1", "kgx.other.v1"]


def test_graph_frames(graph):
    nodes = nodes_frame(graph).set_index("key")
    assert nodes.loc["person/evil", "label"] == EVIL
    assert nodes.loc["person/ann-lee", "degree"] == 2
    edges = edges_frame(graph)
    beta = edges[(edges.predicate == "hasRole") & (edges.organization == 'Beta "Co" <b>&amp;</b>')]
    assert beta[["source", "target"]].values.tolist() == [["Ann Lee", "CEO"]]
    assert beta.sentence.tolist() == [SENTENCE]


def test_roles_events_and_people(graph):
    roles = roles_frame(graph)
    assert ["Ann Lee", "CEO", "Acme"] in roles.values.tolist()
    events = events_frame(graph).set_index("event")
    assert events.loc["Disarmament Conference", "funders"] == "Government of the Republic of Korea"
    links = event_connections(graph)
    assert set(links.how) == {"attendee", "organizer", "funder", "sponsor"}
    people = organization_people(graph, "organization/beta-co")
    assert sorted(people[["person", "roles"]].values.tolist()) == sorted([["Ann Lee", "CEO"], [EVIL, ""]])
    assert find_node(graph, "ms. lee") == "person/ann-lee"
    with pytest.raises(KeyError):
        find_node(graph, "nobody")


def test_query_frame_with_parameters(results):
    ds = to_rdf(results)
    df = query_frame(ds, ROLES_RQ)
    assert df.columns.tolist() == ["person", "role", "organization"]
    assert ["Ann Lee", "CEO", "Acme"] in df.values.tolist()
    only = query_frame(ds, ROLES_RQ, person="Izumi Nakamitsu")
    assert only.organization.tolist() == ["United Nations Office for Disarmament Affairs"]
    iri = query_frame(ds, "SELECT ?p WHERE { ?p a ?t }", t=URIRef("https://schema.org/Place"))
    assert iri.p.tolist() == ["place/geneva"]


def test_query_frame_types_and_named_graphs(tmp_path, results):
    path = write_rdf(to_rdf(results), tmp_path / "g.trig")
    ds = Dataset()
    ds.parse(path, format="trig")  # no default_union: query_frame takes the union itself
    q = ("PREFIX kgx: <https://w3id.org/kgextract/ontology#> "
         "SELECT ?c ?s WHERE { ?a kgx:confidence ?c ; kgx:startOffset ?s } ORDER BY ?s")
    df = query_frame(ds, q)
    assert len(df) > 0
    assert pd.api.types.is_float_dtype(df.c) and pd.api.types.is_integer_dtype(df.s)
    doc = query_frame(ds, "SELECT ?d WHERE { ?d <https://schema.org/identifier> 'tricky' }")
    assert doc.d.tolist() == ["doc/tricky"]
    assert str(KGX_ID) not in "".join(doc.d)


def test_query_frame_error_names_the_query(results):
    with pytest.raises(KgextractError, match=r"E122.*'broken'"):
        query_frame(to_rdf(results), "SELEC nothing", label="broken")


def test_saved_queries(tmp_path):
    (tmp_path / "b.rq").write_text("SELECT * WHERE { ?s ?p ?o }", encoding="utf-8")
    (tmp_path / "a.rq").write_text("ASK { ?s ?p ?o }", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a query", encoding="utf-8")
    assert list(saved_queries(tmp_path)) == ["a", "b"]
    assert saved_queries(tmp_path / "missing") == {}


@pytest.mark.parametrize("name", sorted(saved_queries()) or ["<none>"])
def test_every_packaged_query_runs(results, name):
    """The notebook runs each ``kgextract/store/queries/*.rq`` through query_frame."""
    if name == "<none>":
        pytest.skip("kgextract/store/queries holds no .rq files yet")
    df = query_frame(to_rdf(results), saved_queries()[name], label=name)
    assert df.columns.size > 0
