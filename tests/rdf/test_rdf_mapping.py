"""The RDF mapping, checked with the SPARQL questions of the annotation guide."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from rdflib import Dataset, Literal, URIRef
from rdflib.compare import isomorphic

from kgextract.models import Document, Relation
from kgextract.rdf import to_graph, to_rdf
from kgextract.rdf.iri import document_iri, entity_iri, graph_iri
from kgextract.rdf.namespaces import KGX, ORG, PROV, RDF, RDFS, SDO, SKOS, XSD
from kgextract.rdf.serialize import serialize

from .conftest import (
    DOC_ID,
    EVENT,
    GENEVA,
    KOREA,
    SENTENCE,
    UNODA,
    P,
    R,
    evidence,
    make_result,
)
from builders import entity
from builders import result as build_result  # "result" is the fixture here

QUERIES = Path(__file__).parent / "queries"
UNODA_NAME = "United Nations Office for Disarmament Affairs"
KOREA_NAME = "Government of the Republic of Korea"


def rows(graph, name: str) -> list[tuple]:
    result = graph.query((QUERIES / f"{name}.rq").read_text(encoding="utf-8"))
    return [tuple(None if v is None else str(v) for v in row) for row in result]


CASES = [
    ("member_of", [("Izumi Nakamitsu", UNODA_NAME)]),
    ("roles", [("Izumi Nakamitsu", "Under-Secretary-General", UNODA_NAME)]),
    ("event_dates", [
        ("Disarmament Conference", "end", "2023-12", "gYearMonth"),
        ("Disarmament Conference", "start", "2023-12-04", "date"),
        ("REAIM Summit", "start", "2024", "gYear"),
    ]),
    ("full_dates", [("Disarmament Conference", "2023-12-04")]),
    ("names", [("Izumi Nakamitsu", "Ms. Izumi Nakamitsu"), ("Izumi Nakamitsu", "Nakamitsu")]),
    ("event_facts", [
        ("Disarmament Conference", "attendee", KOREA_NAME),
        ("Disarmament Conference", "attendee", "Izumi Nakamitsu"),
        ("Disarmament Conference", "funder", KOREA_NAME),
        ("Disarmament Conference", "location", "Geneva"),
        ("Disarmament Conference", "organizer", UNODA_NAME),
        ("Disarmament Conference", "sponsor", "Acme"),
    ]),
    ("document", [(DOC_ID, "2023-12-05", "date", "Geneva")]),
    ("evidence", [(DOC_ID, SENTENCE, "60", "80", "0.7", "kgx.events.v1")]),
    ("role_evidence", [("Izumi Nakamitsu", "Under-Secretary-General", "21", "44", "kgx.roles.v1")]),
    ("mentions", [("Izumi Nakamitsu", "Ms. Izumi Nakamitsu", "0", "19")]),
]


@pytest.mark.parametrize("name, expected", CASES, ids=[c[0] for c in CASES])
def test_guide_questions_on_dataset(result, name, expected):
    assert rows(to_rdf([result]), name) == expected


@pytest.mark.parametrize("name, expected", CASES, ids=[c[0] for c in CASES])
def test_guide_questions_on_union_graph(result, name, expected):
    assert rows(to_graph([result]), name) == expected


def test_every_query_file_is_tested():
    assert {p.stem for p in QUERIES.glob("*.rq")} == {name for name, _ in CASES}


def test_types(result):
    g = to_graph([result])
    expected = {P: SDO.Person, R: ORG.Role, UNODA: SDO.Organization, GENEVA: SDO.Place,
                EVENT: SDO.Event}
    for key, cls in expected.items():
        assert set(g.objects(entity_iri(key), RDF.type)) == {cls}
    doc = document_iri(DOC_ID)
    assert (doc, RDF.type, SDO.NewsArticle) in g


def test_exactly_one_label_per_entity(result):
    g = to_graph([result])
    for ent in result.entities:
        assert list(g.objects(entity_iri(ent.key), RDFS.label)) == [Literal(ent.name)]


def test_document_node(result):
    g = to_graph([result])
    doc = document_iri(DOC_ID)
    assert g.value(doc, SDO.identifier) == Literal(DOC_ID)
    assert g.value(doc, SDO.headline) == Literal("Conference opens")
    assert g.value(doc, SDO.url) == URIRef("https://example.org/press/1")
    assert g.value(doc, SDO.publisher) == Literal("UNODA")
    assert g.value(doc, KGX.sourcePath) == Literal("corpus/unrcpd.txt")
    assert len(str(g.value(doc, KGX.contentHash))) == 64
    assert set(g.objects(doc, SDO.mentions)) == {entity_iri(e.key) for e in result.entities}
    assert (entity_iri(P), PROV.wasDerivedFrom, doc) in g


def test_one_named_graph_per_document(result):
    other = make_result()
    other.document = Document(id="second", text="x")
    ds = to_rdf([result, other], across=False, linking=False)
    names = {g.identifier for g in ds.graphs() if len(g)}
    assert names == {graph_iri(DOC_ID), graph_iri("second")}
    # the same key in two documents is the same IRI, in both graphs
    for doc_id in (DOC_ID, "second"):
        assert (entity_iri(P), RDF.type, SDO.Person) in ds.graph(graph_iri(doc_id))
    assert len(set(to_graph([result, other]).subjects(RDF.type, SDO.Person))) == 1


def test_memberships():
    ents = [entity(P, "Ann"), entity(R, "CEO"),
            entity(UNODA, "Acme"),
            entity(KOREA, "Korea")]
    rels = [Relation(subject=P, predicate="hasRole", object=R, organization=UNODA),
            Relation(subject=P, predicate="memberOf", object=UNODA),
            Relation(subject=P, predicate="memberOf", object=KOREA)]
    g = to_graph([build_result("d", text="", entities=ents, relations=rels)])
    memberships = set(g.subjects(RDF.type, ORG.Membership))
    assert len(memberships) == 2
    by_org = {g.value(m, ORG.organization): m for m in memberships}
    assert g.value(by_org[entity_iri(UNODA)], ORG.role) == entity_iri(R)
    assert g.value(by_org[entity_iri(KOREA)], ORG.role) is None  # memberOf only: no role
    assert set(g.objects(entity_iri(P), ORG.memberOf)) == {entity_iri(UNODA), entity_iri(KOREA)}


def test_role_without_organization():
    ents = [entity(P, "Ann"), entity(R, "CEO")]
    rels = [Relation(subject=P, predicate="hasRole", object=R)]
    g = to_graph([build_result("d", text="", entities=ents, relations=rels)])
    (m,) = g.subjects(RDF.type, ORG.Membership)
    assert g.value(m, ORG.member) == entity_iri(P)
    assert g.value(m, ORG.organization) is None
    assert not list(g.objects(None, ORG.memberOf))


def test_cross_document_label_rule():
    def doc(doc_id: str, name: str, aliases=()):
        ent = entity(P, name, aliases=list(aliases))
        return build_result(doc_id, text="", entities=[ent])

    results = [doc("a", "Nakamitsu", ["Ms. Nakamitsu"]), doc("b", "Izumi Nakamitsu"),
               doc("c", "Izumi Nakamitsx")]
    ds, g = to_rdf(results), to_graph(results)
    # longest name; ties broken by the lexicographically smallest
    assert list(g.objects(entity_iri(P), RDFS.label)) == [Literal("Izumi Nakamitsu")]
    assert set(g.objects(entity_iri(P), SKOS.altLabel)) == {
        Literal("Nakamitsu"), Literal("Ms. Nakamitsu"), Literal("Izumi Nakamitsx")}
    # every named graph carries the same single label
    for doc_id in "abc":
        labels = list(ds.graph(graph_iri(doc_id)).objects(entity_iri(P), RDFS.label))
        assert labels == [Literal("Izumi Nakamitsu")]


def test_date_literals_are_typed(result):
    g = to_graph([result])
    assert g.value(entity_iri(EVENT), SDO.startDate) == Literal("2023-12-04", datatype=XSD.date)
    assert g.value(entity_iri(EVENT), SDO.endDate) == Literal("2023-12", datatype=XSD.gYearMonth)
    assert g.value(document_iri(DOC_ID), SDO.datePublished).datatype == XSD.date


def test_document_date_is_a_fallback_for_date_published():
    res = build_result("d", text="", date="2024-01-02")
    g = to_graph([res])
    assert g.value(document_iri("d"), SDO.datePublished) == Literal("2024-01-02", datatype=XSD.date)
    res.relations.append(Relation(subject="DOC", predicate="datePublished", object="2024-01"))
    g = to_graph([res])
    assert list(g.objects(document_iri("d"), SDO.datePublished)) == [
        Literal("2024-01", datatype=XSD.gYearMonth)]


def test_every_evidence_and_mention_is_an_assertion(result):
    g = to_graph([result])
    n_evidence = sum(len(r.evidence) for r in result.relations)
    n_mentions = sum(len(e.mentions) for e in result.entities)
    assert len(set(g.subjects(RDF.type, KGX.Assertion))) == n_evidence + n_mentions
    for a in g.subjects(RDF.type, KGX.Assertion):
        s, p, o = (g.value(a, x) for x in (RDF.subject, RDF.predicate, RDF.object))
        assert (s, p, o) in g, "an assertion is evidence for a triple of the graph"
        assert g.value(a, PROV.wasDerivedFrom) == document_iri(DOC_ID)
        agent = g.value(a, PROV.wasAttributedTo)
        assert {KGX.Extractor, PROV.SoftwareAgent} <= set(g.objects(agent, RDF.type))
        assert g.value(a, KGX.confidence).datatype == XSD.decimal


def test_same_span_from_two_extractors_is_one_assertion(result):
    rel = result.relations[2]  # location
    rel.evidence.append(evidence(60, 80, 0.95, "kgx.other.v1"))
    g = to_graph([result])
    (a,) = g.subjects(RDF.predicate, SDO.location)
    assert list(g.objects(a, KGX.confidence)) == [Literal("0.95", datatype=XSD.decimal)]
    assert len(set(g.objects(a, PROV.wasAttributedTo))) == 2


def test_bad_references_and_dates_are_left_out(result, caplog):
    result.relations += [
        Relation(subject=EVENT, predicate="organizer", object="organization/unknown"),
        Relation(subject=EVENT, predicate="endDate", object="5 December"),
        Relation(subject=EVENT, predicate="endDate", object="2023-02-30"),
    ]
    with caplog.at_level(logging.WARNING, logger="kgextract"):
        g = to_graph([result])
    assert [r.message[:6] for r in caplog.records] == ["[W070]", "[W071]", "[W071]"]
    assert list(g.objects(entity_iri(EVENT), SDO.endDate)) == [Literal("2023-12", datatype=XSD.gYearMonth)]
    assert len(list(g.objects(entity_iri(EVENT), SDO.organizer))) == 1


def test_to_graph_is_the_union(result):
    ds = to_rdf([result])
    union = to_graph([result])
    assert len(union) == len({q[:3] for q in ds.quads((None, None, None, None))})
    assert isomorphic(union, to_graph([make_result()]))


def test_deterministic(result):
    assert isomorphic(to_graph([result]), to_graph([make_result()]))
    a = {q for q in to_rdf([result]).quads((None, None, None, None))}
    b = {q for q in to_rdf([make_result()]).quads((None, None, None, None))}
    assert a == b


def test_empty_input():
    ds = to_rdf([])
    assert isinstance(ds, Dataset) and len(to_graph([])) == 0



@pytest.mark.parametrize("fmt", ["trig", "turtle", "nquads", "json-ld"])
def test_the_scorer_reads_the_mapping_back(result, fmt):
    predictions = pytest.importorskip("kgextract.eval.predictions")
    from kgextract.rdf.serialize import serialize

    back = Dataset()
    back.parse(data=serialize(to_rdf([result]), fmt), format=fmt)
    pred = predictions.graph_to_prediction(back, DOC_ID).document
    got = {(r.s, r.p.value, r.o) for r in pred.relations}
    assert got == {(r.subject, r.predicate.value, r.object) for r in result.relations}
    names = {e.id: (e.type.value, e.name, set(e.aliases)) for e in pred.entities}
    assert names == {e.key: (e.type.value, e.name, set(e.aliases)) for e in result.entities}


@pytest.mark.parametrize("url", ["https://example.org/a\u00a0b", "urn:x\u2028y", "http://example.org/\u0085"])
def test_a_url_with_unicode_white_space_or_controls_is_kept_as_a_literal(url):
    res = build_result("d", text="x", url=url)
    value = to_graph([res]).value(document_iri("d"), SDO.url)
    assert isinstance(value, Literal) and value.datatype == XSD.anyURI and str(value) == url


def test_n_quads_of_a_url_literal_parse_back():
    res = build_result("d", text="x", url="A:\u00a0")
    written = to_rdf([res])
    ds = Dataset()
    ds.parse(data=serialize(written, "nquads"), format="nquads")
    assert sorted(ds.quads()) == sorted(written.quads())
