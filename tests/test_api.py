"""The Python API: ``kgextract.extract`` on texts, files and folders, and its conversions."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from pydantic import ValidationError
from rdflib import Dataset, Literal, Namespace, URIRef

import kgextract
from kgextract.api import ExtractionResult
from kgextract.ingest import document_from_text

pytestmark = pytest.mark.model

SDO = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
# plain IRIs: pytest trips over rdflib's closed namespaces (RDFS, XSD) at module level
RDFS_LABEL = URIRef("http://www.w3.org/2000/01/rdf-schema#label")
XSD_DATE = URIRef("http://www.w3.org/2001/XMLSchema#date")

TEXT = ("PARIS, 5 May 2023 - Acme Corp opened a plant. Jane Roe, chief financial officer of Acme Corp, "
        "said the results were strong.")
OTHER = "The Global Water Summit took place in Berlin, Germany, on 4 May 2023."


def people(result: ExtractionResult) -> dict[str, list[str]]:
    return {d.document.id: sorted(e.name for e in d.entities if e.type.value == "Person") for d in result.documents}


def test_extract_text():
    res = kgextract.extract(TEXT)
    assert res.errors == []
    (doc,) = res.documents
    assert doc.document.id == "text"
    assert people(res) == {"text": ["Jane Roe"]}
    assert ("DOC", "datePublished", "2023-05-05") in {(r.subject, r.predicate.value, r.object)
                                                       for r in doc.relations}


def test_extract_list_of_texts_numbers_them():
    res = kgextract.extract([TEXT, OTHER])
    assert [d.document.id for d in res.documents] == ["text-1", "text-2"]


def test_extract_document():
    res = kgextract.extract(document_from_text(TEXT, "release-1"))
    assert [d.document.id for d in res.documents] == ["release-1"]


@pytest.mark.parametrize("as_str", [False, True])
def test_extract_file(tmp_path, as_str):
    path = tmp_path / "acme-2023.txt"
    path.write_text(TEXT, encoding="utf-8")
    res = kgextract.extract(str(path) if as_str else path)
    assert people(res) == {"acme-2023": ["Jane Roe"]}
    assert res.documents[0].document.source == str(path)


def test_extract_folder(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "b.txt").write_text(OTHER, encoding="utf-8")
    (tmp_path / "sub" / "a.md").write_text("# Acme\n\n" + TEXT, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    res = kgextract.extract(tmp_path)
    assert sorted(d.document.id for d in res.documents) == ["a", "b"]
    assert [(Path(e.source).name, e.code) for e in res.errors] == [("empty.txt", "E010")]


def test_a_text_that_names_no_file_is_a_text(tmp_path):
    res = kgextract.extract("no-such-file.txt")
    assert [d.document.id for d in res.documents] == ["text"]


def test_settings_override_the_config():
    low = kgextract.extract(TEXT)
    high = kgextract.extract(TEXT, threshold=0.95)
    assert low.documents[0].relations and not high.documents[0].relations


@pytest.mark.parametrize("settings", [{"threshold": 2.0}, {"batch_size": 0}, {"max_bytes": 0}])
def test_invalid_settings_fail(settings):
    with pytest.raises(ValidationError):
        kgextract.extract(TEXT, **settings)


def test_unknown_setting_fails():
    with pytest.raises((ValidationError, TypeError)):
        kgextract.extract(TEXT, treshold=0.9)


def test_unknown_model_fails():
    with pytest.raises(kgextract.errors.KgextractError, match=r"\[E001\]"):
        kgextract.extract(TEXT, model="xx_no_such_model")


def test_to_networkx():
    res = kgextract.extract([TEXT, OTHER])
    graph = res.to_networkx()
    assert isinstance(graph, nx.MultiDiGraph)
    assert graph.nodes["person/jane-roe"]["type"] == "Person"
    assert graph.nodes["person/jane-roe"]["label"] == "Jane Roe"
    edges = {(u, v, k) for u, v, k in graph.edges(keys=True)}
    assert ("person/jane-roe", "role/chief-financial-officer", "hasRole") in edges
    assert ("person/jane-roe", "organization/acme-corp", "memberOf") in edges
    assert ("place/berlin", "place/germany", "containedInPlace") in edges
    data = graph.get_edge_data("person/jane-roe", "role/chief-financial-officer", "hasRole")
    assert data["organization"] == "organization/acme-corp"
    assert data["evidence"] and 0 <= data["confidence"] <= 1


def test_to_rdf_meets_the_rdf_contract():
    res = kgextract.extract(document_from_text(TEXT, "acme-2023"))
    ds = res.to_rdf()
    assert isinstance(ds, Dataset)
    rows = set(ds.query("""
        PREFIX schema: <https://schema.org/>
        PREFIX org: <http://www.w3.org/ns/org#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?person ?role ?org WHERE {
          ?m a org:Membership ; org:member ?p ; org:role ?r ; org:organization ?o .
          ?p a schema:Person ; rdfs:label ?person ; org:memberOf ?o .
          ?r a org:Role ; rdfs:label ?role .
          ?o a schema:Organization ; rdfs:label ?org .
        }"""))
    assert rows == {(Literal("Jane Roe"), Literal("chief financial officer"), Literal("Acme Corp"))}
    articles = set(ds.query("""
        PREFIX schema: <https://schema.org/>
        SELECT ?id ?date ?place WHERE {
          ?a a schema:NewsArticle ; schema:identifier ?id ; schema:datePublished ?date ;
             schema:locationCreated/<http://www.w3.org/2000/01/rdf-schema#label> ?place .
        }"""))
    assert articles == {(Literal("acme-2023"), Literal("2023-05-05", datatype=XSD_DATE), Literal("PARIS"))}


def test_to_rdf_keeps_one_named_graph_per_document():
    ds = kgextract.extract([TEXT, OTHER]).to_rdf()
    named = {g.identifier for g in ds.graphs() if len(g) and "/graph/" in str(g.identifier)}
    assert len(named) == 2  # one per document; the corpus graph holds merges and links
    labels = {o for _, _, o in ds.triples((None, RDFS_LABEL, None))}
    assert {Literal("Jane Roe"), Literal("Global Water Summit")} <= labels
    assert (None, SDO.containedInPlace, None) in ds
    assert (None, ORG.memberOf, None) in ds
