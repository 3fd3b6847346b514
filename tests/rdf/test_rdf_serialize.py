"""Serializers: every format round-trips hostile strings, output is byte-stable, writes are atomic."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic

import kgextract.rdf.serialize as ser
from kgextract.base.names import entity_key
from kgextract.errors import KgextractError
from kgextract.models import Document, DocumentResult, Entity, Evidence, Mention, Relation
from kgextract.rdf import to_graph, to_rdf
from kgextract.rdf.serialize import FORMATS, format_for_path, get_format, serialize, union_graph, write_rdf

from .conftest import make_result

HOSTILE_TEXT = [
    'quote " double "" triple """ end"',
    "single ' and backslash \\ and \\n literal",
    "newline\nand\r\nreturns\rtab\t",
    "controls \x00\x01\x08\x0b\x0c\x1b\x1f\x7f\x85",
    "separators \u2028\u2029 bom \ufeff nonchar \ufffe\uffff",
    "markup <b>&amp;</b> {braces} |pipe| ^caret^ `tick`",
    "unicode 李小龙 हिन्दी مدينة\u200f 😀 e\u0301",
    "",
    " ",
    "trailing backslash \\",
    'ends with quote"',
    "@prefix x: <y> . # not a comment",
    '{"@id": "json"}',
]


def hostile_results() -> list[DocumentResult]:
    results = []
    for i, text in enumerate(HOSTILE_TEXT):
        name = f"{text} #{i}"
        ent = Entity(key=entity_key("Person", name), type="Person", name=name, aliases=[text, name + "!"],
                     mentions=[Mention(text=text, start=0, end=len(text), sentence=text)])
        raw = Entity(key=f"organization/{text}|{i}", type="Organization", name=f"Org {i} {text}")
        rel = Relation(subject=ent.key, predicate="memberOf", object=raw.key, evidence=[
            Evidence(doc_id=f"doc {text} {i}", sentence=text, start=0, end=1, confidence=0.5,
                     extractor=f"rule {text}")])
        doc = Document(id=f"doc {text} {i}", text=text, title=text, publisher=text, source=text,
                       url=f"https://example.org/{text}")
        results.append(DocumentResult(document=doc, entities=[ent, raw], relations=[rel]))
    return results


def parse(data: bytes, fmt: str) -> Dataset:
    ds = Dataset()
    ds.parse(data=data, format={"json-ld": "json-ld", "nquads": "nquads"}.get(fmt, fmt))
    return ds


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_hostile_strings_round_trip(fmt):
    ds = to_rdf(hostile_results())
    back = parse(serialize(ds, fmt), fmt)
    assert isomorphic(union_graph(back), union_graph(ds))


@pytest.mark.parametrize("fmt", ["trig", "nquads"])
def test_named_graphs_are_kept(fmt):
    ds = to_rdf(hostile_results() + [make_result()])
    back = parse(serialize(ds, fmt), fmt)
    want = {g.identifier: g for g in ds.graphs() if len(g)}
    got = {g.identifier: g for g in back.graphs() if len(g)}
    assert set(got) == set(want)
    for name, graph in want.items():
        assert isomorphic(got[name], graph)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_output_is_byte_identical(fmt):
    a = serialize(to_rdf(hostile_results() + [make_result()]), fmt)
    b = serialize(to_rdf(hostile_results() + [make_result()]), fmt)
    assert a == b


def test_output_is_byte_identical_across_processes():
    # rdflib keeps named graphs in a set whose order follows the string hash seed.
    script = textwrap.dedent("""
        import hashlib
        from kgextract.rdf.serialize import FORMATS, serialize
        from kgextract.rdf import to_rdf
        from kgextract.models import Document, DocumentResult
        ds = to_rdf([DocumentResult(document=Document(id=f"d{i}", text=str(i))) for i in range(12)])
        print(" ".join(hashlib.sha1(serialize(ds, f)).hexdigest() for f in sorted(FORMATS)))
    """)
    outs = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        outs.add(subprocess.run([sys.executable, "-c", script], env=env, check=True,
                                capture_output=True, text=True).stdout)
    assert len(outs) == 1


def test_nquads_is_one_sorted_line_per_quad():
    ds = to_rdf(hostile_results())
    lines = serialize(ds, "nquads").decode("utf-8").split("\n")
    assert lines[-1] == "" and lines[:-1] == sorted(lines[:-1])
    assert len(lines) - 1 == len(set(ds.quads((None, None, None, None))))
    for line in lines[:-1]:
        assert "\r" not in line and "\x00" not in line and "\u2028" not in line


def test_turtle_and_jsonld_write_the_union(result):
    ds = to_rdf([result])
    for fmt in ("turtle", "json-ld"):
        g = Graph().parse(data=serialize(ds, fmt), format=fmt)
        assert isomorphic(g, to_graph([result]))


def test_a_plain_graph_is_accepted():
    g = Graph()
    g.add((URIRef("http://ex.org/a"), URIRef("http://ex.org/p"), Literal("x")))
    for fmt in FORMATS:
        back = parse(serialize(g, fmt), fmt)
        assert isomorphic(union_graph(back), g)


def test_registry():
    assert {name: f.extension for name, f in FORMATS.items()} == {
        "turtle": ".ttl", "trig": ".trig", "nquads": ".nq", "json-ld": ".jsonld"}
    assert format_for_path("out/x.TTL").name == "turtle"
    assert format_for_path("x.nq").name == "nquads"
    assert get_format("trig").media_type == "application/trig"


def test_unknown_format(result):
    with pytest.raises(KgextractError, match=r"^\[E002\] Unknown output format 'ttl2'. "
                       r"Available: turtle, trig, nquads, json-ld\.$"):
        serialize(to_rdf([result]), "ttl2")
    with pytest.raises(KgextractError, match=r"\[E002\] Unknown output format '.xml'"):
        format_for_path("graph.xml")


def test_write_rdf(tmp_path, result):
    ds = to_rdf([result])
    for name, fmt in FORMATS.items():
        path = write_rdf(ds, tmp_path / f"graph{fmt.extension}")
        assert path.read_bytes() == serialize(ds, name)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "graph.jsonld", "graph.nq", "graph.trig", "graph.ttl"]
    out = write_rdf(ds, tmp_path / "explicit.data", format="trig")
    assert out.read_bytes() == serialize(ds, "trig")


def test_write_rdf_keeps_the_old_file_when_serialisation_fails(tmp_path, result, monkeypatch):
    path = tmp_path / "graph.ttl"
    path.write_bytes(b"old content")

    def broken(ds):
        raise RuntimeError("serializer exploded")

    monkeypatch.setitem(FORMATS, "turtle", ser.Format("turtle", ".ttl", "text/turtle", broken))
    with pytest.raises(RuntimeError):
        write_rdf(to_rdf([result]), path)
    assert path.read_bytes() == b"old content"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]


def test_write_rdf_keeps_the_old_file_when_writing_fails(tmp_path, result, monkeypatch):
    path = tmp_path / "graph.nq"
    path.write_bytes(b"old content")

    def no_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(ser.os, "replace", no_replace)
    with pytest.raises(KgextractError, match=r"^\[E070\] Cannot write the graph to"):
        write_rdf(to_rdf([result]), path)
    assert path.read_bytes() == b"old content"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.nq"]


def test_write_rdf_into_a_missing_folder(tmp_path, result):
    with pytest.raises(KgextractError, match=r"\[E070\]"):
        write_rdf(to_rdf([result]), tmp_path / "missing" / "graph.ttl")


def test_write_rdf_keeps_the_file_mode(tmp_path, result):
    path = tmp_path / "graph.ttl"
    path.write_bytes(b"")
    path.chmod(0o640)
    write_rdf(to_rdf([result]), path)
    assert path.stat().st_mode & 0o777 == 0o640


def test_lone_surrogates_become_replacement_characters():
    bad = "broken \udc80 text"
    res = DocumentResult(document=Document(id="d", text=bad, title=bad),
                         entities=[Entity(key="person/x", type="Person", name=bad, aliases=[bad + "!"])])
    ds = to_rdf([res])
    for fmt in FORMATS:
        back = union_graph(parse(serialize(ds, fmt), fmt))
        assert Literal("broken \ufffd text") in set(back.objects())


def test_every_reader_reads_the_one_format_registry(monkeypatch):
    """A format registered once is known to the store's loader and the eval/viz readers."""
    from kgextract.eval import predictions
    from kgextract.rdf.serialize import READ_FORMATS, read_extensions
    from kgextract.store.oxigraph import RDF_EXTENSIONS

    assert set(RDF_EXTENSIONS) == set(read_extensions()) >= set(read_extensions(written=True))
    assert set(predictions.FORMATS) == set(read_extensions(written=True))
    assert list(predictions.FORMATS)[:2] == [".trig", ".nq"]  # the formats that keep per-document graphs
    assert RDF_EXTENSIONS[".owl"].name == "RDF/XML" and READ_FORMATS["rdf-xml"].writer is None
    assert ".json" not in predictions.FORMATS  # gold files and reports in a predictions folder
