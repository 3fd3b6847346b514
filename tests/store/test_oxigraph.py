"""Loading files and writing results into an on-disk Oxigraph store."""

from __future__ import annotations

import logging
import subprocess
import sys
from decimal import Decimal

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kgextract.errors import KgextractError
from kgextract.rdf import to_rdf
from kgextract.rdf.iri import graph_iri
from kgextract.rdf.serialize import write_rdf
from kgextract.store.oxigraph import (
    load_files,
    open_store,
    write_dataset,
    write_results,
    writer_active,
)
from kgextract.store.union import rebuild_union

from .conftest import doc1, doc2

DECIMAL = URIRef("http://www.w3.org/2001/XMLSchema#decimal")


def quads(store_dir) -> set[str]:
    with open_store(store_dir, read_only=True) as store:
        return {str(q) for q in store}


def named_quads(store_dir) -> set[str]:
    with open_store(store_dir, read_only=True) as store:
        return {str(q) for q in store if isinstance(q.graph_name, ox.NamedNode)}


def assert_union(store_dir) -> None:
    """The default graph holds each triple of the named graphs, and nothing else."""
    with open_store(store_dir, read_only=True) as store:
        named = {str(q.triple) for q in store if isinstance(q.graph_name, ox.NamedNode)}
        default = {str(q.triple) for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())}
    assert default == named


def canonical(g: Graph) -> Graph:
    """Oxigraph stores xsd:decimal in canonical form ("1.0" -> "1"); do the same."""
    out = Graph()
    for s, p, o in g:
        if isinstance(o, Literal) and o.datatype == DECIMAL:
            o = Literal(format(Decimal(str(o)).normalize(), "f"), datatype=DECIMAL)
        out.add((s, p, o))
    return out


def graph_in_store(store_dir, doc_id: str) -> Graph:
    with open_store(store_dir, read_only=True) as store:
        name = ox.NamedNode(str(graph_iri(doc_id)))
        triples = [q.triple for q in store.quads_for_pattern(None, None, None, name)]
    payload = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
    return canonical(Graph().parse(data=payload, format="nt"))


def graph_in(ds: Dataset, doc_id: str) -> Graph:
    g = Graph()
    for triple in ds.graph(graph_iri(doc_id)):
        g.add(triple)
    return canonical(g)


def test_write_results_is_idempotent(tmp_path):
    n = write_results(tmp_path / "kg", [doc1(), doc2()])
    first = quads(tmp_path / "kg")
    assert n == len(named_quads(tmp_path / "kg")) > 50
    assert write_results(tmp_path / "kg", [doc1(), doc2()]) == n
    assert quads(tmp_path / "kg") == first
    assert_union(tmp_path / "kg")


def test_write_results_replaces_only_the_documents_given(tmp_path):
    store = tmp_path / "kg"
    write_results(store, [doc1(), doc2()])
    before_d2 = graph_in_store(store, "d2")
    write_results(store, [doc1(with_summit=False)])
    assert isomorphic(graph_in_store(store, "d1"), graph_in(to_rdf([doc1(with_summit=False)]), "d1"))
    assert isomorphic(graph_in_store(store, "d2"), before_d2)
    assert not any("event/summit" in q for q in quads(store))
    assert any("person/ann-lee" in q for q in quads(store))
    assert_union(store)
    write_results(store, [doc2()])  # shared triples stay while a graph holds them
    assert_union(store)


def test_store_matches_to_rdf(tmp_path):
    write_results(tmp_path / "kg", [doc1(), doc2()])
    ds = to_rdf([doc1(), doc2()])
    for doc_id in ("d1", "d2"):
        assert isomorphic(graph_in_store(tmp_path / "kg", doc_id), graph_in(ds, doc_id))


@pytest.mark.parametrize("fmt", ["trig", "nquads", "json-ld", "turtle"])
def test_load_every_output_format(tmp_path, fmt, caplog):
    ext = {"trig": ".trig", "nquads": ".nq", "json-ld": ".jsonld", "turtle": ".ttl"}[fmt]
    path = write_rdf(to_rdf([doc1(), doc2()], across=False, linking=False), tmp_path / f"kg{ext}", fmt)
    with caplog.at_level(logging.WARNING, logger="kgextract"):
        counts = load_files(tmp_path / "kg", [path])
    with open_store(tmp_path / "kg", read_only=True) as store:
        graphs = sorted(g.value for g in store.named_graphs())
    assert counts == {path.name: len(named_quads(tmp_path / "kg")) or len(quads(tmp_path / "kg"))}
    if fmt in ("trig", "nquads"):
        assert graphs == [str(graph_iri("d1")), str(graph_iri("d2"))]
        assert not caplog.records
        assert_union(tmp_path / "kg")
    else:  # turtle and our JSON-LD hold the union only
        assert graphs == []
        assert ("W091" in caplog.text) == (fmt == "turtle")


def test_load_into_a_named_graph_and_replace(tmp_path):
    path = write_rdf(to_rdf([doc2()]), tmp_path / "d2.ttl", "turtle")
    load_files(tmp_path / "kg", [path], graph="urn:kg:d2")
    with open_store(tmp_path / "kg", read_only=True) as store:
        assert [g.value for g in store.named_graphs()] == ["urn:kg:d2"]
    n = len(named_quads(tmp_path / "kg"))
    path.write_text("<urn:a> <urn:b> <urn:c> .\n")
    load_files(tmp_path / "kg", [path], graph="urn:kg:d2")
    assert len(named_quads(tmp_path / "kg")) == 1 < n
    assert_union(tmp_path / "kg")
    load_files(tmp_path / "kg", [path], graph="urn:kg:other", replace=False)
    assert len(named_quads(tmp_path / "kg")) == 2
    assert_union(tmp_path / "kg")


def test_reloading_a_trig_file_updates_its_documents(tmp_path):
    path = tmp_path / "kg.trig"
    write_rdf(to_rdf([doc1(), doc2()]), path, "trig")
    load_files(tmp_path / "kg", [path])
    write_rdf(to_rdf([doc1(with_summit=False)]), path, "trig")
    load_files(tmp_path / "kg", [path])
    text = quads(tmp_path / "kg")
    assert not any("event/summit" in q for q in text)
    assert any("event/workshop" in q for q in text)


def test_a_bad_file_changes_nothing(tmp_path):
    good = write_rdf(to_rdf([doc2()]), tmp_path / "good.nq", "nquads")
    bad = tmp_path / "bad.trig"
    bad.write_text("<urn:g> { <urn:a> <urn:b> . }")
    with pytest.raises(KgextractError, match=r"\[E092\] Cannot read .*bad.trig' as TriG"):
        load_files(tmp_path / "kg", [bad])
    load_files(tmp_path / "kg", [good])
    before = quads(tmp_path / "kg")
    with pytest.raises(KgextractError, match="E092"):
        load_files(tmp_path / "kg", [bad])
    assert quads(tmp_path / "kg") == before


def test_unknown_extension(tmp_path):
    (tmp_path / "x.txt").write_text("hello")
    with pytest.raises(KgextractError, match=r"\[E093\].*Supported extensions: \.ttl, \.trig"):
        load_files(tmp_path / "kg", [tmp_path / "x.txt"])


def test_missing_store_read_only(tmp_path):
    with pytest.raises(KgextractError, match=r"\[E090\] The store .*does not exist"):
        with open_store(tmp_path / "nothing", read_only=True):
            pass


def test_a_second_writer_is_refused_and_the_lock_is_released(tmp_path):
    with open_store(tmp_path / "kg") as store:
        assert writer_active(tmp_path / "kg")
        with pytest.raises(KgextractError, match=r"\[E091\] The store .* is in use"):
            write_results(tmp_path / "kg", [doc2()])
        with pytest.raises(KgextractError, match="E091"):  # no reader beside a writer
            with open_store(tmp_path / "kg", read_only=True):
                pass
    assert not writer_active(tmp_path / "kg")
    with pytest.raises(RuntimeError, match="closed"):
        len(store)
    assert write_results(tmp_path / "kg", [doc2()]) > 0  # released after the block
    with open_store(tmp_path / "kg", read_only=True) as one, \
            open_store(tmp_path / "kg", read_only=True) as two:  # readers may share
        assert len(one) == len(two) > 0


def test_a_writer_in_another_process_is_seen(tmp_path):
    write_results(tmp_path / "kg", [doc2()])
    code = ("import sys, time, pyoxigraph as ox; s = ox.Store(sys.argv[1]); print('ready', flush=True); "
            "sys.stdin.readline()")
    proc = subprocess.Popen([sys.executable, "-c", code, str(tmp_path / "kg")],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "ready"
        assert writer_active(tmp_path / "kg")
        with pytest.raises(KgextractError, match="E091"):
            with open_store(tmp_path / "kg", read_only=True):
                pass
    finally:
        proc.communicate("\n", timeout=30)
    assert not writer_active(tmp_path / "kg")


def test_bulk_load_and_rebuild_union(tmp_path):
    path = write_rdf(to_rdf([doc1(), doc2()], across=False, linking=False), tmp_path / "kg.nq", "nquads")
    counts = load_files(tmp_path / "bulk", [path], bulk=True)
    load_files(tmp_path / "tx", [path])
    assert quads(tmp_path / "bulk") == quads(tmp_path / "tx")
    assert counts[path.name] == len(named_quads(tmp_path / "tx"))
    assert_union(tmp_path / "bulk")
    with open_store(tmp_path / "bulk") as store:
        store.add(ox.Quad(ox.NamedNode("urn:stray"), ox.NamedNode("urn:p"), ox.Literal("x")))
        store.clear_graph(ox.DefaultGraph())
        assert rebuild_union(store) > 0
        store.add(ox.Quad(ox.NamedNode("urn:stray"), ox.NamedNode("urn:p"), ox.Literal("x")))
        rebuild_union(store, clean=True)
    assert_union(tmp_path / "bulk")


def test_write_dataset_keeps_the_corpus_graph(tmp_path):
    from kgextract.rdf.corpus import corpus_graph

    graph = corpus_graph([doc1(), doc2()])
    n = write_dataset(tmp_path / "kg", graph.dataset)
    with open_store(tmp_path / "kg", read_only=True) as store:
        names = sorted(g.value.rsplit("/", 1)[1] for g in store.named_graphs())
    assert n == len(named_quads(tmp_path / "kg"))
    assert {"d1", "d2"} <= set(names) <= {"d1", "d2", "corpus"}
    assert_union(tmp_path / "kg")
    write_dataset(tmp_path / "kg", graph.dataset)  # idempotent
    assert len(named_quads(tmp_path / "kg")) == n
