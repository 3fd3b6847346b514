"""RDF of roles in time and event types: org:memberDuring with OWL-Time instants, kgx:status,
kgx: event classes; both writers agree byte for byte, the evaluator reads it all back."""

from __future__ import annotations

from rdflib import Literal
from rdflib.namespace import TIME, XSD

from kgextract.eval.predictions import graph_to_prediction
from kgextract.models import DocumentResult, Relation
from kgextract.rdf import to_graph, to_rdf
from kgextract.rdf.iri import entity_iri, instant_iri
from kgextract.rdf.mapping import to_nquads
from kgextract.rdf.namespaces import KGX, ORG, RDF, SDO
from kgextract.rdf.serialize import serialize

from builders import entity, evidence
from builders import result as build_result  # "result" is a helper here

EV = evidence("d1", 21, 34, sentence="Ann will become CEO on 1 July 2024.", confidence=0.8,
               extractor="kgx.tenure.start.v1")


def result() -> DocumentResult:
    ents = [entity("person/ann", "Ann"),
            entity("role/ceo", "CEO"),
            entity("organization/acme", "Acme"),
            entity("organization/globex", "Globex"),
            entity("event/talks-d1-0", "talks", event_type="Meeting",
                   event_type_evidence=EV.model_copy(update={"extractor": "kgx.event.types.v1"}))]
    rels = [Relation(subject="person/ann", predicate="hasRole", object="role/ceo",
                     organization="organization/acme", start="2024-07-01", status="future",
                     qualifier_evidence={"start": [EV], "status": [EV]}),
            Relation(subject="person/ann", predicate="memberOf", object="organization/acme"),
            Relation(subject="person/ann", predicate="memberOf", object="organization/globex",
                     start="2010", end="2015-03", status="former")]
    return build_result("d1", text="Ann will become CEO on 1 July 2024.", entities=ents, relations=rels)


def test_contract_triples():
    g = to_graph([result()])
    q = """SELECT ?start ?status WHERE { ?m org:member ?p ; org:role ?r ; kgx:status ?status ;
             org:memberDuring [ a time:Interval ; time:hasBeginning [ time:inXSDDate ?start ] ] }"""
    rows = [(str(r.start), r.status) for r in g.query(q, initNs={"time": TIME, "kgx": KGX, "org": ORG})]
    assert rows == [("2024-07-01", KGX.future)]
    assert (instant_iri("2015-03"), TIME.inXSDgYearMonth, Literal("2015-03", datatype=XSD.gYearMonth)) in g
    assert (instant_iri("2010"), TIME.inXSDgYear, Literal("2010", datatype=XSD.gYear)) in g
    talks = entity_iri("event/talks-d1-0")
    assert {(talks, RDF.type, SDO.Event), (talks, RDF.type, KGX.Meeting)} <= set(g)


def test_no_blank_nodes_and_same_bytes_from_both_writers():
    fast = to_nquads([result()])
    assert fast == serialize(to_rdf([result()]), "nquads")
    assert b"_:" not in fast
    assert fast == to_nquads([result()])  # and again: deterministic


def test_qualifiers_have_provenance():
    g = to_graph([result()])
    stated = {(s, p) for a in g.subjects(RDF.type, KGX.Assertion)
              for s, p in [(g.value(a, RDF.subject), g.value(a, RDF.predicate))]}
    assert any(p == TIME.hasBeginning for _, p in stated)
    assert any(p == KGX.status for _, p in stated)
    assert (entity_iri("event/talks-d1-0"), RDF.type) in stated


def test_the_evaluator_reads_the_qualifiers_back():
    pred = graph_to_prediction(to_graph([result()]), "d1").document
    quals = {(r.s, r.p.value, r.o): r.qualifiers for r in pred.relations if r.qualifiers}
    assert quals == {("person/ann", "hasRole", "role/ceo"): {"start": "2024-07-01", "status": "future"},
                     ("person/ann", "memberOf", "organization/globex"):
                         {"start": "2010", "end": "2015-03", "status": "former"}}
    (talks,) = [e for e in pred.entities if e.type.value == "Event"]
    assert talks.event_type.value == "Meeting"
