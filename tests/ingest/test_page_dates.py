"""Dates from the page: a release without a dated dateline takes the page's publication date,
and its provenance names the page-metadata rule; a dated dateline still wins."""

from __future__ import annotations

import pytest
from rdflib import Literal
from rdflib import namespace as ns

from kgextract.ingest import read_document
from kgextract.models import DOC, DocumentResult, Predicate
from kgextract.rdf import to_rdf, union_graph
from kgextract.rdf.iri import document_iri, extractor_iri
from kgextract.rdf.namespaces import SDO

from .pages import RELEASE_PAGE

pytestmark = pytest.mark.model


def _extract(extractor, path) -> DocumentResult:
    (result,) = list(extractor.process([read_document(path)]))
    assert isinstance(result, DocumentResult), result
    return result


def _date_relations(result: DocumentResult):
    return [r for r in result.relations if r.subject == DOC and r.predicate == Predicate.DATE_PUBLISHED]


def test_page_metadata_date_becomes_date_published_with_its_provenance(extractor, write):
    result = _extract(extractor, write("coo.html", RELEASE_PAGE))
    (published,) = _date_relations(result)
    assert published.object == "2025-02-11"
    assert [ev.extractor for ev in published.evidence] == ["kgx.document.meta.v1"]
    g = union_graph(to_rdf([result]))
    doc = document_iri("coo")
    assert (doc, SDO.datePublished, Literal("2025-02-11", datatype=ns.XSD.date)) in g
    statements = [a for a in g.subjects(ns.RDF.subject, doc)
                  if (a, ns.RDF.predicate, SDO.datePublished) in g]
    assert statements and all(
        (a, ns.PROV.wasAttributedTo, extractor_iri("kgx.document.meta.v1")) in g for a in statements)


def test_a_dated_dateline_wins_over_the_page_metadata(extractor, write):
    page = RELEASE_PAGE.replace(
        "<p>Harbourline Energy today announced",
        "<p>ABERDEEN, Scotland, 10 February 2025 - Harbourline Energy today announced")
    result = _extract(extractor, write("coo.html", page))
    assert result.document.date == "2025-02-11"
    (published,) = _date_relations(result)
    assert published.object == "2025-02-10"
    assert [ev.extractor for ev in published.evidence] == ["kgx.document.v2"]


def test_no_date_anywhere_gives_no_date_published(extractor, write):
    page = RELEASE_PAGE.replace(
        '<meta property="article:published_time" content="2025-02-11T08:30:00+00:00">', "")
    result = _extract(extractor, write("coo.html", page))
    assert result.document.date is None
    assert _date_relations(result) == []


