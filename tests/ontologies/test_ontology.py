"""The OWL ontology parses, declares every KGX term, and covers every term the mapping writes."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import OWL, Graph, URIRef

from kgextract.graph.examples import sample_results
from kgextract.rdf import to_graph
from kgextract.rdf.namespaces import KGX, ORG, PROV, RDF, RDFS, SDO, SKOS, XSD

ONTOLOGY = Path(__file__).resolve().parents[2] / "ontologies" / "kgextract.ttl"
ONTOLOGY_IRI = URIRef("https://w3id.org/kgextract/ontology")
KGX_TERMS = {KGX[name] for name in dir(KGX)}
DECLARATIONS = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty,
                OWL.NamedIndividual}


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ONTOLOGY, format="turtle")


def test_ontology_header(onto):
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in onto
    assert onto.value(ONTOLOGY_IRI, OWL.versionInfo) is not None
    assert onto.value(ONTOLOGY_IRI, RDFS.comment) is not None


def test_every_kgx_term_is_declared(onto):
    assert len(KGX_TERMS) == 23
    for term in sorted(KGX_TERMS):
        kinds = set(onto.objects(term, RDF.type)) & DECLARATIONS
        assert kinds, f"{term} is not declared"
        assert onto.value(term, RDFS.label) is not None, term
        assert onto.value(term, RDFS.comment) is not None, term
        assert onto.value(term, RDFS.isDefinedBy) == ONTOLOGY_IRI, term


def test_no_kgx_term_outside_the_closed_namespace(onto):
    used = {t for t in onto.all_nodes() if isinstance(t, URIRef) and t.startswith(str(KGX))}
    assert used == KGX_TERMS


def test_class_hierarchy(onto):
    assert set(onto.objects(KGX.Assertion, RDFS.subClassOf)) == {RDF.Statement, PROV.Entity}
    assert set(onto.objects(KGX.Extractor, RDFS.subClassOf)) == {PROV.SoftwareAgent}


def test_properties_have_domains_and_ranges(onto):
    for prop in onto.subjects(RDF.type, OWL.DatatypeProperty):
        if prop in KGX_TERMS:
            assert onto.value(prop, RDFS.domain) is not None, prop
            rng = onto.value(prop, RDFS.range)
            assert rng is not None, prop
            assert str(rng).startswith(str(XSD)) or onto.value(rng, OWL.onDatatype) is not None
    assert onto.value(KGX.mergedInto, RDFS.domain) == KGX.EntityMerge


def test_external_terms_document_their_usage(onto):
    schema_classes = [SDO.Person, SDO.Organization, SDO.Place, SDO.Event, SDO.NewsArticle]
    schema_props = [SDO[p] for p in ("location", "startDate", "endDate", "organizer", "funder",
                                     "sponsor", "attendee", "parentOrganization", "containedInPlace",
                                     "datePublished", "locationCreated")]
    others = [ORG.Membership, ORG.member, ORG.role, ORG.organization, ORG.memberOf, ORG.Role,
              SKOS.altLabel, PROV.wasDerivedFrom, PROV.wasAttributedTo]
    for term in schema_classes + schema_props + others:
        assert onto.value(term, RDFS.comment) is not None, term
        assert onto.value(term, RDFS.isDefinedBy) is not None, term
    for prop in schema_props:
        assert onto.value(prop, SDO.domainIncludes) is not None, prop
        assert onto.value(prop, SDO.rangeIncludes) is not None, prop


def test_every_term_the_mapping_writes_is_described(onto):
    g = to_graph(sample_results(), across=False, linking=False)  # the per-document mapping
    used = set(g.predicates()) | set(g.objects(None, RDF.type))
    described = {t for t in onto.subjects() if isinstance(t, URIRef)}
    assert used - described - {RDF.type, RDF.subject, RDF.predicate, RDF.object} == set()


def test_every_term_of_roles_in_time_is_described(onto):
    from .test_shapes import qualified_result

    g = to_graph([qualified_result()])
    used = set(g.predicates()) | set(g.objects(None, RDF.type))
    described = {t for t in onto.subjects() if isinstance(t, URIRef)}
    assert used - described - {RDF.type, RDF.subject, RDF.predicate, RDF.object} == set()
