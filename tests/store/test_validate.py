"""SHACL validation of files and stores, and the extractor's real output."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from kgextract.errors import KgextractError
from kgextract.rdf import to_graph, to_rdf
from kgextract.rdf.serialize import write_rdf
from kgextract.store.oxigraph import write_results
from kgextract.store.validate import (
    SHAPES_ENV,
    find_shapes,
    validate_file,
    validate_graph,
    validate_store,
)

from .conftest import doc1, doc2

pytest.importorskip("pyshacl")

REPO = Path(__file__).resolve().parents[2]
ANN = URIRef("https://w3id.org/kgextract/id/person/ann-lee")
LABEL = URIRef("http://www.w3.org/2000/01/rdf-schema#label")
MEMBER = URIRef("http://www.w3.org/ns/org#member")
MEMBERSHIP = URIRef("http://www.w3.org/ns/org#Membership")
TYPE = URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


def test_shapes_come_from_the_checkout():
    assert find_shapes() == REPO / "ontologies" / "shapes.ttl"


def test_shapes_from_the_environment(tmp_path, monkeypatch):
    copy = tmp_path / "my-shapes.ttl"
    copy.write_text((REPO / "ontologies" / "shapes.ttl").read_text())
    monkeypatch.setenv(SHAPES_ENV, str(copy))
    assert find_shapes() == copy
    with pytest.raises(KgextractError, match="E103"):
        find_shapes(tmp_path / "missing.ttl")


def test_the_mapping_conforms(tmp_path):
    report = validate_graph(to_graph([doc1(), doc2()]))
    assert report.conforms and report.findings == []
    path = write_rdf(to_rdf([doc1(), doc2()]), tmp_path / "kg.trig")
    assert validate_file(path).conforms
    write_results(tmp_path / "kg", [doc1(), doc2()])
    assert validate_store(tmp_path / "kg").conforms


def test_violations_name_focus_path_and_message():
    g = to_graph([doc1(), doc2()])
    g.add((ANN, LABEL, Literal("Ann Lee-Roy")))  # a second label
    broken = URIRef("https://w3id.org/kgextract/id/membership/broken")
    g.add((broken, TYPE, MEMBERSHIP))  # no member, no role, no organization
    report = validate_graph(g)
    assert not report.conforms
    found = {(f.focus, f.path, f.message) for f in report.violations}
    assert ("kgxid:person/ann-lee", "rdfs:label",
            "An entity needs exactly one rdfs:label (string).") in found
    assert ("kgxid:membership/broken", "org:member",
            "A membership has exactly one org:member, a schema:Person.") in found
    shapes = {f.shape for f in report.violations}
    assert {"kgxsh:EntityShape", "kgxsh:MembershipShape"} <= shapes


def test_warnings_do_not_fail(tmp_path):
    g = to_graph([doc1()])
    doc = URIRef("https://w3id.org/kgextract/id/doc/d1")
    g.add((doc, URIRef("https://schema.org/datePublished"),
           Literal("2023-12-06", datatype=URIRef("http://www.w3.org/2001/XMLSchema#date"))))
    report = validate_graph(g)
    assert report.conforms
    assert [(f.severity, f.focus, f.message) for f in report.findings] == [
        ("Warning", "kgxid:doc/d1", "More than one publication date.")]


def extract_to_trig(corpus: Path, out: Path) -> Path:
    from typer.testing import CliRunner

    import kgextract.cli.extract  # noqa: F401 - registers the command
    from kgextract.cli.app import app

    res = CliRunner().invoke(app, ["extract", str(corpus), "-o", str(out), "-f", "trig", "-q"])
    assert res.exit_code in (0, 3), res.output  # 3: finished, with warnings
    return out


@pytest.mark.model
def test_what_extract_writes_for_the_corpus_conforms(tmp_path):
    report = validate_file(extract_to_trig(REPO / "corpus", tmp_path / "corpus.trig"))
    assert report.conforms, report.violations


@pytest.mark.model
@pytest.mark.shared
def test_what_extract_writes_for_the_shared_corpus_conforms(tmp_path):
    shared = REPO.parent / "shared" / "corpus"
    if not shared.is_dir():
        pytest.skip("../shared/corpus is absent")
    report = validate_file(extract_to_trig(shared, tmp_path / "shared.trig"))
    assert report.conforms, report.violations
