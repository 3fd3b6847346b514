"""The SHACL shapes parse, accept the mapping's output and reject broken graphs."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

from kgextract.graph.examples import sample_results
from kgextract.models import DocumentResult, Mention, Relation
from kgextract.rdf import to_graph
from kgextract.rdf.iri import document_iri, entity_iri
from kgextract.rdf.namespaces import KGX, ORG, RDF, RDFS, SDO, XSD

from builders import entity, evidence, result

SHAPES = Path(__file__).resolve().parents[2] / "ontologies" / "shapes.ttl"
SH = "http://www.w3.org/ns/shacl#"


def test_shapes_parse():
    g = Graph().parse(SHAPES, format="turtle")
    assert len(set(g.subjects(RDF.type, URIRef(SH + "NodeShape")))) >= 10


def full_result() -> DocumentResult:
    """Every predicate, memberships with and without roles, mentions and evidence."""
    p, r, o, o2 = "person/ann", "role/ceo", "organization/acme", "organization/acme-group"
    e, pl, pl2 = "event/summit", "place/geneva", "place/switzerland"
    ev = evidence("d", 0, 3, confidence=1.0, extractor="x")
    ents = [entity(p, "Ann", mentions=[Mention(text="Ann", start=0, end=3)]),
            entity(r, "CEO"), entity(o, "Acme"),
            entity(o2, "Acme Group"),
            entity(e, "Summit"), entity(pl, "Geneva"),
            entity(pl2, "Switzerland")]
    rels = [Relation(subject=p, predicate="hasRole", object=r, organization=o, evidence=[ev]),
            Relation(subject=p, predicate="memberOf", object=o2, evidence=[ev]),
            Relation(subject=o, predicate="parentOrganization", object=o2, evidence=[ev]),
            Relation(subject=o, predicate="location", object=pl),
            Relation(subject=pl, predicate="containedInPlace", object=pl2),
            Relation(subject=e, predicate="location", object=pl),
            Relation(subject=e, predicate="startDate", object="2024-05-01", evidence=[ev]),
            Relation(subject=e, predicate="endDate", object="2024-05"),
            Relation(subject=e, predicate="organizer", object=p),
            Relation(subject=e, predicate="organizer", object=o),
            Relation(subject=e, predicate="funder", object=o2),
            Relation(subject=e, predicate="sponsor", object=o),
            Relation(subject=e, predicate="attendee", object=p),
            Relation(subject=e, predicate="attendee", object=o2),
            Relation(subject="DOC", predicate="datePublished", object="2024"),
            Relation(subject="DOC", predicate="locationCreated", object=pl)]
    return result("d", ents, rels, text="Ann", title="t", url="https://x.org/")


def validate(g: Graph):
    pyshacl = pytest.importorskip("pyshacl")
    conforms, report, text = pyshacl.validate(g, shacl_graph=str(SHAPES), shacl_graph_format="turtle")
    return conforms, text


@pytest.mark.parametrize("results", [sample_results(), [full_result()]], ids=["sample", "full"])
def test_mapping_output_conforms(results):
    conforms, text = validate(to_graph(results))
    assert conforms, text


def _break_label(g):
    g.remove((entity_iri("person/ann"), RDFS.label, None))


def _two_labels(g):
    g.add((entity_iri("person/ann"), RDFS.label, Literal("Annie")))


def _string_date(g):
    g.set((entity_iri("event/summit"), SDO.startDate, Literal("2024-05-01")))


def _confidence_too_high(g):
    a = next(g.subjects(RDF.type, KGX.Assertion))
    g.set((a, KGX.confidence, Literal("1.5", datatype=XSD.decimal)))


def _negative_offset(g):
    a = next(g.subjects(RDF.type, KGX.Assertion))
    g.set((a, KGX.startOffset, Literal(-1)))


def _membership_two_members(g):
    m = next(g.subjects(RDF.type, ORG.Membership))
    g.add((m, ORG.member, entity_iri("organization/acme")))


def _location_not_a_place(g):
    g.add((entity_iri("event/summit"), SDO.location, entity_iri("organization/acme")))


def _funder_a_person(g):
    g.add((entity_iri("event/summit"), SDO.funder, entity_iri("person/ann")))


def _no_identifier(g):
    g.remove((document_iri("d"), SDO.identifier, None))


def _untyped_role(g):
    m = next(g.subjects(ORG.role, None))
    g.set((m, ORG.role, entity_iri("place/geneva")))


@pytest.mark.parametrize("breakage", [
    _break_label, _two_labels, _string_date, _confidence_too_high, _negative_offset,
    _membership_two_members, _location_not_a_place, _funder_a_person, _no_identifier, _untyped_role,
])
def test_shapes_catch_contract_breaches(breakage):
    g = to_graph([full_result()])
    breakage(g)
    conforms, text = validate(g)
    assert not conforms


def qualified_result() -> DocumentResult:
    """A membership with start, end and status, and a typed event (roles in time)."""
    ev = evidence("q", 0, 1, confidence=0.8, extractor="kgx.tenure.start.v1")
    ents = [entity("person/ann", "Ann"),
            entity("role/ceo", "CEO"),
            entity("organization/acme", "Acme"),
            entity("event/talks", "talks", event_type="Meeting", event_type_evidence=ev)]
    rels = [Relation(subject="person/ann", predicate="hasRole", object="role/ceo", organization="organization/acme",
                     start="2024-07-01", end="2025", status="future",
                     qualifier_evidence={"start": [ev], "status": [ev]}),
            Relation(subject="person/ann", predicate="memberOf", object="organization/acme", end="2019-05",
                     status="former")]
    return result("q", ents, rels, text="Ann")


def test_qualified_output_conforms():
    conforms, text = validate(to_graph([qualified_result()]))
    assert conforms, text


def _two_values(g):
    from rdflib.namespace import TIME
    instant = next(g.subjects(RDF.type, TIME.Instant))
    g.add((instant, TIME.inXSDgYear, Literal("2024", datatype=XSD.gYear)))


def _bad_status(g):
    m = next(g.subjects(KGX.status, None))
    g.set((m, KGX.status, KGX.Meeting))


def _typed_event_not_an_event(g):
    g.remove((entity_iri("event/talks"), RDF.type, SDO.Event))


@pytest.mark.parametrize("breakage", [_two_values, _bad_status, _typed_event_not_an_event])
def test_shapes_catch_qualifier_breaches(breakage):
    g = to_graph([qualified_result()])
    breakage(g)
    conforms, _ = validate(g)
    assert not conforms
