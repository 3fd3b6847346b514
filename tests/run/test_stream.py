"""The streamed N-Quads of a corpus are the bytes of the in-memory graph."""

from __future__ import annotations

import pytest

from kgextract.models import DocumentResult, Evidence, Mention, Relation
from kgextract.rdf.corpus import corpus_graph
from kgextract.rdf.serialize import serialize
from kgextract.run.stream import write_nquads

from builders import entity, evidence, result


def ev(doc_id: str, start: int) -> Evidence:
    return evidence(doc_id, start, confidence=0.7, extractor="kgx.t.v1")


def results() -> list[DocumentResult]:
    a = result("a", text="GENEVA, 4 May 2024 ...", source="in/a.txt", entities=[
        entity("person/izumi-nakamitsu", "Izumi Nakamitsu", aliases=["Ms. Nakamitsu"],
               mentions=[Mention(text="Ms. Izumi Nakamitsu", start=20, end=39, sentence="s")]),
        entity("role/envoy", "Envoy"),
        entity("organization/unoda", "UNODA"),
        entity("place/geneva", "GENEVA"),
        entity("place/switzerland", "Switzerland")], relations=[
        Relation(subject="person/izumi-nakamitsu", predicate="hasRole", object="role/envoy",
                 organization="organization/unoda", evidence=[ev("a", 20)]),
        Relation(subject="place/geneva", predicate="containedInPlace", object="place/switzerland"),
        Relation(subject="DOC", predicate="datePublished", object="2024-05-04")])
    b = result("b", text="VIENNA ...", title="Talks", entities=[
        entity("person/nakamitsu", "Nakamitsu"),
        entity("organization/unoda", "UN Office for Disarmament Affairs"),
        entity("place/vienna", "Vienna")], relations=[
        Relation(subject="person/nakamitsu", predicate="memberOf", object="organization/unoda",
                 evidence=[ev("b", 0), ev("b", 9)]),
        Relation(subject="DOC", predicate="locationCreated", object="place/vienna")])
    c = result("c", text="x")
    return [a, b, c]


@pytest.mark.parametrize("spill", [1, 7, 100_000])
def test_streamed_nquads_equal_the_in_memory_graph(tmp_path, spill):
    out = tmp_path / "g.nq"
    stats = write_nquads(results, out, spill_lines=spill, work_dir=tmp_path)
    expected = corpus_graph(results())
    assert out.read_bytes() == serialize(expected.dataset, "nquads")
    assert (stats.documents, stats.merges, stats.links) == (3, len(expected.merges), len(expected.links))
    assert stats.merges >= 1 and stats.links == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.nq"]  # no runs or temporary files left
