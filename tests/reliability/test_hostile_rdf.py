"""Hostile names, texts and ids through the RDF mapping and every output format.

Whatever strings the models hold, every serialization parses again and
gives back the same graph (``rdflib.compare.isomorphic`` of the union
graph; TriG and N-Quads also keep the same named graphs, each isomorphic).
"""

from __future__ import annotations

import io
import logging

import pytest
from hypothesis import HealthCheck, example, given, settings
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kgextract.models import Document, DocumentResult, Entity, Evidence, Relation
from kgextract.rdf import to_rdf
from kgextract.rdf.serialize import FORMATS, serialize, union_graph, write_rdf

from .hostile import results

#: Our format name -> rdflib's parser name.
PARSERS = {"turtle": "turtle", "trig": "trig", "nquads": "nquads", "json-ld": "json-ld"}
QUAD_FORMATS = {"trig", "nquads"}


def parse(data: bytes, fmt: str) -> Dataset:
    ds = Dataset()
    ds.parse(io.BytesIO(data), format=PARSERS[fmt])
    return ds


def named_graphs(ds: Dataset) -> dict[URIRef, Graph]:
    out = {}
    for g in ds.graphs():
        if g.identifier != DATASET_DEFAULT_GRAPH_ID and len(g):
            out[g.identifier] = g
    return out


def assert_round_trips(ds: Dataset, fmt: str) -> None:
    data = serialize(ds, fmt)
    data.decode("utf-8")  # strict: no lone surrogates made it into the file
    back = parse(data, fmt)
    assert isomorphic(union_graph(back), union_graph(ds)), f"{fmt} does not round-trip"
    if fmt in QUAD_FORMATS:
        want, got = named_graphs(ds), named_graphs(back)
        assert sorted(got) == sorted(want)
        for name, graph in want.items():
            assert isomorphic(got[name], graph), f"{fmt}: named graph {name} differs"
    assert serialize(ds, fmt) == data, f"{fmt} is not deterministic"


def test_formats_under_test_are_all_registered():
    assert set(PARSERS) == set(FORMATS)


TRICKY = DocumentResult(
    document=Document(id='a"b<c>\\d\n\x00\u202e', text="x\ud800", title='"""\'\'\'\\',
                      url="http://a b/<x>", date="2023-12", publisher="\u2028"),
    entities=[Entity(key='person/"}|^`\\', type="Person", name='"\n"\r\\u0041',
                     aliases=["\x1b[31mred", "\u200f\u202b", "A" * 20_000]),
              Entity(key="", type="Place", name="\ufeff")],
    relations=[Relation(subject='person/"}|^`\\', predicate="location", object="",
                        evidence=[Evidence(doc_id='a"b<c>\\d\n\x00\u202e', sentence="\x85\x7f",
                                           start=0, end=5, confidence=0.1, extractor="}>")])])


@pytest.mark.parametrize("fmt", sorted(PARSERS))
def test_a_known_hostile_result_round_trips(fmt):
    assert_round_trips(to_rdf([TRICKY]), fmt)


@settings(deadline=None, max_examples=25, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.data_too_large])
@given(results())
@example([TRICKY])
def test_hostile_results_round_trip_in_every_format(docs):
    logging.getLogger("kgextract").disabled = True  # W070/W071 for relations left out are expected
    try:
        ds = to_rdf(docs)
    finally:
        logging.getLogger("kgextract").disabled = False
    for fmt in PARSERS:
        assert_round_trips(ds, fmt)


@settings(deadline=None, max_examples=5, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(results(max_documents=2))
def test_hostile_results_written_atomically_parse_from_disk(tmp_path_factory, docs):
    folder = tmp_path_factory.mktemp("out")
    ds = to_rdf(docs)
    for fmt in PARSERS:
        path = write_rdf(ds, folder / f"g{FORMATS[fmt].extension}", fmt)
        assert isomorphic(union_graph(parse(path.read_bytes(), fmt)), union_graph(ds))
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"g{FORMATS[f].extension}" for f in PARSERS)
