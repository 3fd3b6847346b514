"""RDF back to NetworkX, and the GraphML / GEXF / Cytoscape JSON exports."""

from __future__ import annotations

import json

import networkx as nx
import pytest

from kgextract.errors import KgextractError
from kgextract.rdf import to_rdf
from kgextract.rdf.serialize import write_rdf
from kgextract.viz.export import (
    EXPORT_FORMATS,
    export_graph,
    export_text,
    rdf_to_networkx,
    read_graph,
    scalar_graph,
    write_text_atomic,
)

from .conftest import ACME, BETA, CEO, EVIL, EVIL_KEY


def _edge_set(G):
    return {(u, v, k) for u, v, k in G.edges(keys=True)}


def _evidence(d):
    return sorted(json.dumps(e, sort_keys=True) for e in d["evidence"])


def test_rdf_round_trip_matches_the_fresh_graph(results, graph):
    back = rdf_to_networkx(to_rdf(results))
    assert set(back.nodes) == set(graph.nodes)
    assert _edge_set(back) == _edge_set(graph)
    for n, d in graph.nodes(data=True):
        got = back.nodes[n]
        assert (got["type"], got["label"]) == (d["type"], d["label"]), n
        assert sorted(got["aliases"]) == sorted(d["aliases"]), n
        assert got["documents"] == sorted(d["documents"]), n
    for u, v, k, d in graph.edges(keys=True, data=True):
        got = back.edges[u, v, k]
        assert got["predicate"] == d["predicate"]
        assert got.get("organization") == d.get("organization")
        assert _evidence(got) == _evidence(d), (u, v, k)
        if d["evidence"]:
            assert got["confidence"] == max(e["confidence"] for e in d["evidence"])


def test_a_role_in_two_organizations_gives_two_edges(results):
    G = rdf_to_networkx(to_rdf(results))
    edges = G.get_edge_data("person/ann-lee", CEO)
    assert sorted(d["organization"] for d in edges.values()) == [ACME, BETA]
    assert "hasRole" in edges and len(edges) == 2


def test_hostile_names_survive(results):
    G = rdf_to_networkx(to_rdf(results))
    assert G.nodes[EVIL_KEY]["label"] == EVIL


@pytest.mark.parametrize("ext", [".ttl", ".trig", ".nq", ".jsonld"])
def test_read_graph_reads_every_output_format(tmp_path, results, graph, ext):
    path = write_rdf(to_rdf(results), tmp_path / f"g{ext}")
    G = read_graph(path)
    assert _edge_set(G) == _edge_set(graph)
    assert G.nodes["doc/tricky"]["label"] == "A <tricky> release"


def test_read_graph_errors(tmp_path):
    with pytest.raises(KgextractError, match="E004"):
        read_graph(tmp_path / "missing.ttl")
    with pytest.raises(KgextractError, match="E121.*folder"):
        read_graph(tmp_path)
    (tmp_path / "g.csv").write_text("a,b\n")
    with pytest.raises(KgextractError, match=r"E121.*unknown extension '\.csv'"):
        read_graph(tmp_path / "g.csv")
    (tmp_path / "bad.ttl").write_text("this is not turtle <<<")
    with pytest.raises(KgextractError, match="E121"):
        read_graph(tmp_path / "bad.ttl")


def test_scalar_graph_serializes_lists_and_drops_none(graph):
    H = scalar_graph(graph)
    for _, d in H.nodes(data=True):
        assert all(isinstance(v, str | int | float) for v in d.values())
    d = H.edges["person/ann-lee", CEO, "hasRole"]
    assert json.loads(d["evidence"])[0]["extractor"] == "kgx.test.v1"
    date_edge = H.edges["doc/tricky", "date/2024-03", "datePublished"]
    assert "organization" not in date_edge


def test_graphml_reads_back(graph):
    back = nx.parse_graphml(export_text(graph, "graphml"), force_multigraph=True)
    assert back.number_of_nodes() == graph.number_of_nodes()
    assert back.number_of_edges() == graph.number_of_edges()
    assert back.nodes[EVIL_KEY]["label"] == EVIL
    assert json.loads(back.nodes["person/ann-lee"]["aliases"]) == ["Ms. Lee"]
    (edge,) = [d for u, v, d in back.edges(data=True) if d["predicate"] == "memberOf"
               and u == EVIL_KEY]
    assert json.loads(edge["evidence"])[0]["sentence"].endswith('onerror="window.__pwned=1">.')


def test_gexf_reads_back_and_is_deterministic(graph):
    text = export_text(graph, "gexf")
    assert "lastmodifieddate" not in text and text == export_text(graph, "gexf")
    back = nx.read_gexf(__import__("io").BytesIO(text.encode()))
    assert back.number_of_edges() == graph.number_of_edges()
    assert back.nodes[EVIL_KEY]["label"] == EVIL
    assert back.nodes["place/geneva"]["type"] == "Place"


def test_cytoscape_json_reads_back(graph):
    data = json.loads(export_text(graph, "cytoscape-json"))
    back = nx.cytoscape_graph(data)
    assert back.is_multigraph() and back.is_directed()
    assert _edge_set(back) == _edge_set(graph)
    node = next(n for n in data["elements"]["nodes"] if n["data"]["id"] == EVIL_KEY)
    assert node["data"]["name"] == EVIL


def test_unknown_format_lists_the_options(graph):
    with pytest.raises(KgextractError, match="E120.*graphml, gexf, cytoscape-json"):
        export_text(graph, "dot")
    assert sorted(EXPORT_FORMATS) == ["cytoscape-json", "gexf", "graphml"]


def test_export_is_atomic(tmp_path, graph):
    out = export_graph(graph, tmp_path / "g.graphml", "graphml")
    assert [p.name for p in tmp_path.iterdir()] == ["g.graphml"]
    assert out.read_text(encoding="utf-8").startswith("<?xml")
    with pytest.raises(KgextractError, match="E070"):
        write_text_atomic(tmp_path / "no-such-dir" / "g.gexf", "x")
    with pytest.raises(KgextractError):
        export_graph(graph, out, "dot")  # a failure leaves the old file as it was
    assert out.read_text(encoding="utf-8").startswith("<?xml")
