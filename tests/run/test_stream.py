"""The streamed N-Quads of a corpus are the bytes of the in-memory graph."""

from __future__ import annotations

import pytest

from kgextract.models import Document, DocumentResult, Entity, Evidence, Mention, Relation
from kgextract.rdf.corpus import corpus_graph
from kgextract.rdf.serialize import serialize
from kgextract.run.stream import write_nquads


def ev(doc_id: str, start: int) -> Evidence:
    return Evidence(doc_id=doc_id, sentence="s", start=start, end=start + 4, confidence=0.7, extractor="kgx.t.v1")


def results() -> list[DocumentResult]:
    a = DocumentResult(document=Document(id="a", text="GENEVA, 4 May 2024 ...", source="in/a.txt"), entities=[
        Entity(key="person/izumi-nakamitsu", type="Person", name="Izumi Nakamitsu", aliases=["Ms. Nakamitsu"],
               mentions=[Mention(text="Ms. Izumi Nakamitsu", start=20, end=39, sentence="s")]),
        Entity(key="role/envoy", type="Role", name="Envoy"),
        Entity(key="organization/unoda", type="Organization", name="UNODA"),
        Entity(key="place/geneva", type="Place", name="GENEVA"),
        Entity(key="place/switzerland", type="Place", name="Switzerland")], relations=[
        Relation(subject="person/izumi-nakamitsu", predicate="hasRole", object="role/envoy",
                 organization="organization/unoda", evidence=[ev("a", 20)]),
        Relation(subject="place/geneva", predicate="containedInPlace", object="place/switzerland"),
        Relation(subject="DOC", predicate="datePublished", object="2024-05-04")])
    b = DocumentResult(document=Document(id="b", text="VIENNA ...", title="Talks"), entities=[
        Entity(key="person/nakamitsu", type="Person", name="Nakamitsu"),
        Entity(key="organization/unoda", type="Organization", name="UN Office for Disarmament Affairs"),
        Entity(key="place/vienna", type="Place", name="Vienna")], relations=[
        Relation(subject="person/nakamitsu", predicate="memberOf", object="organization/unoda",
                 evidence=[ev("b", 0), ev("b", 9)]),
        Relation(subject="DOC", predicate="locationCreated", object="place/vienna")])
    c = DocumentResult(document=Document(id="c", text="x"))
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
