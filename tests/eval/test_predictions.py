"""Reading predicted RDF (docs/rdf-design.md) back into the gold structure."""

import hashlib
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, Namespace, URIRef

from kgextract.eval.gold import GoldDocument, load_gold_dir
from kgextract.eval.predictions import graph_to_prediction, load_prediction_dir, read_prediction
from kgextract.eval.score import score_document
from kgextract.rdf.namespaces import KGX, KGX_ID, ORG, PROV, RDF, RDFS, SDO, SKOS, TIME, bind_prefixes

# A plain namespace: the closed rdflib.XSD makes pytest's doctest collector warn.
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
SHARED_DEV = Path(__file__).resolve().parents[3] / "shared" / "eval" / "dev"
DATE_TYPES = {10: XSD.date, 7: XSD.gYearMonth, 4: XSD.gYear}


def iri(key: str) -> URIRef:
    return KGX_ID[key]


def sha(*parts) -> str:
    return hashlib.sha1("|".join(map(str, parts)).encode()).hexdigest()[:16]


def small_dataset() -> Dataset:
    """One document in its named graph, written the way the extractor writes it."""
    ds = Dataset()
    g = ds.graph(iri("graph/d1"))
    bind_prefixes(g)
    doc, ann, usg = iri("doc/d1"), iri("person/ann-lee"), iri("role/ceo")
    acme = iri("organization/acme")
    geneva, summit = iri("place/geneva"), iri("event/summit")
    g.add((doc, RDF.type, SDO.NewsArticle))
    g.add((doc, SDO.identifier, Literal("d1")))
    g.add((doc, SDO.datePublished, Literal("2024-01-05", datatype=XSD.date)))
    g.add((doc, SDO.locationCreated, geneva))
    g.add((doc, SDO.headline, Literal("Acme at the summit")))
    for node, cls, label, alts in [
        (ann, SDO.Person, "Ann Lee", ["Ms. Lee"]),
        (usg, ORG.Role, "CEO", []),
        (acme, SDO.Organization, "Acme Corporation", ["Acme"]),
        (geneva, SDO.Place, "Geneva", []),
        (summit, SDO.Event, "Acme Summit", []),
    ]:
        g.add((node, RDF.type, cls))
        g.add((node, RDFS.label, Literal(label)))
        for alt in alts:
            g.add((node, SKOS.altLabel, Literal(alt)))
        g.add((node, PROV.wasDerivedFrom, doc))
        g.add((doc, SDO.mentions, node))
    m_role = iri(f"membership/{sha('person/ann-lee', 'role/ceo', 'organization/acme')}")
    g.add((m_role, RDF.type, ORG.Membership))
    g.add((m_role, ORG.member, ann))
    g.add((m_role, ORG.role, usg))
    g.add((m_role, ORG.organization, acme))
    g.add((ann, ORG.memberOf, acme))
    g.add((summit, SDO.location, geneva))
    g.add((summit, SDO.startDate, Literal("2024-01", datatype=XSD.gYearMonth)))
    g.add((summit, SDO.organizer, acme))
    agent = iri("extractor/kgx.roles.v1")
    g.add((agent, RDF.type, KGX.Extractor))
    g.add((agent, RDFS.label, Literal("kgx.roles.v1")))
    for key, (s, p, o), start in [("a1", (m_role, ORG.role, usg), 0),
                                  ("a2", (ann, RDF.type, SDO.Person), 0),
                                  ("a3", (summit, SDO.organizer, acme), 40)]:
        a = iri(f"assertion/{key}")
        g.add((a, RDF.type, KGX.Assertion))
        g.add((a, RDF.subject, s))
        g.add((a, RDF.predicate, p))
        g.add((a, RDF.object, o))
        g.add((a, KGX.sentence, Literal(f"Sentence {key}.")))
        g.add((a, KGX.startOffset, Literal(start)))
        g.add((a, KGX.endOffset, Literal(start + 7)))
        g.add((a, KGX.confidence, Literal("0.85", datatype=XSD.decimal)))
        g.add((a, PROV.wasAttributedTo, agent))
        if p == RDF.type:
            g.add((a, KGX.mentionText, Literal("Ms. Lee")))
    return ds


def test_entities_and_relations_from_rdf():
    pred = graph_to_prediction(small_dataset(), "d1")
    doc = pred.document
    assert [(e.id, e.type.value, e.name, e.aliases) for e in doc.entities] == [
        ("event/summit", "Event", "Acme Summit", []),
        ("organization/acme", "Organization", "Acme Corporation", ["Acme"]),
        ("person/ann-lee", "Person", "Ann Lee", ["Ms. Lee"]),
        ("place/geneva", "Place", "Geneva", []),
        ("role/ceo", "Role", "CEO", []),
    ]
    assert {(r.s, r.p.value, r.o) for r in doc.relations} == {
        ("DOC", "datePublished", "2024-01-05"),
        ("DOC", "locationCreated", "place/geneva"),
        ("person/ann-lee", "hasRole", "role/ceo"),
        ("person/ann-lee", "memberOf", "organization/acme"),
        ("event/summit", "location", "place/geneva"),
        ("event/summit", "startDate", "2024-01"),
        ("event/summit", "organizer", "organization/acme"),
    }
    assert pred.problems == []


def test_evidence_is_collected_per_relation_and_entity():
    pred = graph_to_prediction(small_dataset(), "d1")
    (role_ev,) = pred.evidence("person/ann-lee", "hasRole", "role/ceo")
    assert (role_ev.sentence, role_ev.start, role_ev.end) == ("Sentence a1.", 0, 7)
    assert (role_ev.confidence, role_ev.extractor) == (0.85, "kgx.roles.v1")
    assert pred.evidence("event/summit", "organizer", "organization/acme")[0].start == 40
    assert pred.evidence("event/summit", "location", "place/geneva") == []
    assert pred.entity_evidence["person/ann-lee"][0].mention == "Ms. Lee"


def test_role_less_membership_gives_no_has_role():
    ds = Dataset()
    g = ds.graph(iri("graph/d1"))
    ann, acme, m = iri("person/ann-lee"), iri("organization/acme"), iri("membership/x")
    g.add((ann, RDF.type, SDO.Person))
    g.add((acme, RDF.type, SDO.Organization))
    g.add((ann, ORG.memberOf, acme))
    g.add((m, RDF.type, ORG.Membership))
    g.add((m, ORG.member, ann))
    g.add((m, ORG.organization, acme))
    rels = [(r.s, r.p.value, r.o) for r in graph_to_prediction(ds, "d1").document.relations]
    assert rels == [("person/ann-lee", "memberOf", "organization/acme")]


def test_http_schema_org_is_read_as_https():
    g = Graph()
    g.add((iri("person/x"), RDF.type, URIRef("http://schema.org/Person")))
    g.add((iri("doc/d1"), RDF.type, URIRef("http://schema.org/NewsArticle")))
    g.add((iri("doc/d1"), URIRef("http://schema.org/datePublished"), Literal("2024")))
    doc = graph_to_prediction(g, "d1").document
    assert [e.type.value for e in doc.entities] == ["Person"]
    assert [(r.s, r.o) for r in doc.relations] == [("DOC", "2024")]


def test_identifier_mismatch_warns():
    g = Graph()
    g.add((iri("doc/x"), RDF.type, SDO.NewsArticle))
    g.add((iri("doc/x"), SDO.identifier, Literal("x")))
    g.add((iri("doc/x"), SDO.datePublished, Literal("2024")))
    pred = graph_to_prediction(g, "d1")
    assert [p.code for p in pred.problems] == ["W051"]
    assert pred.document.relations[0].s == "DOC"


@pytest.mark.parametrize(("ext", "fmt"), [(".ttl", "turtle"), (".trig", "trig"), (".nq", "nquads"),
                                          (".jsonld", "json-ld"), (".json-ld", "json-ld")])
def test_every_format_reads_the_same(tmp_path, ext, fmt):
    ds = small_dataset()
    graph = ds if fmt in ("trig", "nquads") else _union(ds)  # quads formats keep named graphs
    data = graph.serialize(format=fmt)
    path = tmp_path / f"d1{ext}"
    path.write_text(data, encoding="utf-8")
    assert read_prediction(path).document == graph_to_prediction(ds, "d1").document


def _union(ds: Dataset) -> Graph:
    g = Graph()
    for s, p, o, _ in ds.quads():
        g.add((s, p, o))
    return g


def test_load_prediction_dir(tmp_path):
    ds = small_dataset()
    (tmp_path / "d1.ttl").write_text(_union(ds).serialize(format="turtle"), encoding="utf-8")
    (tmp_path / "d1.nq").write_text(ds.serialize(format="nquads"), encoding="utf-8")
    (tmp_path / "d2.ttl").write_text("this is @@ not turtle", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("ignored", encoding="utf-8")
    preds = load_prediction_dir(tmp_path)
    assert list(preds) == ["d1", "d2"]
    assert [p.code for p in preds["d1"].problems] == ["W050"]
    assert preds["d1"].source.endswith("d1.nq")
    assert [p.code for p in preds["d2"].problems] == ["E006"]
    assert preds["d2"].document == GoldDocument(id="d2")


def gold_to_graph(gold: GoldDocument) -> Graph:
    """Write a gold document as the extractor would (entities, relations, memberships)."""
    g = Graph()
    node = {e.id: iri(f"{e.type.value.lower()}/{e.id}") for e in gold.entities}
    node["DOC"] = iri(f"doc/{gold.id}")
    g.add((node["DOC"], RDF.type, SDO.NewsArticle))
    g.add((node["DOC"], SDO.identifier, Literal(gold.id)))
    for e in gold.entities:
        g.add((node[e.id], RDF.type, ORG.Role if e.type.value == "Role" else SDO[e.type.value]))
        if e.event_type is not None:
            g.add((node[e.id], RDF.type, KGX[e.event_type.value]))
        g.add((node[e.id], RDFS.label, Literal(e.name)))
        for alias in e.aliases:
            g.add((node[e.id], SKOS.altLabel, Literal(alias)))
    for i, r in enumerate(gold.relations):
        s = node[r.s]
        if r.p.value == "hasRole" or r.qualifiers:
            m = iri(f"membership/{i}")
            g.add((m, RDF.type, ORG.Membership))
            g.add((m, ORG.member, s))
            g.add((m, ORG.role if r.p.value == "hasRole" else ORG.organization, node[r.o]))
            add_qualifiers(g, m, r)
        if r.p.value == "memberOf":
            g.add((s, ORG.memberOf, node[r.o]))
        elif r.p.value != "hasRole":
            o = node.get(r.o) or Literal(r.o, datatype=DATE_TYPES[len(r.o)])
            g.add((s, SDO[r.p.value], o))
    return g


def add_qualifiers(g: Graph, membership: URIRef, rel) -> None:
    """``org:memberDuring`` and ``kgx:status`` as the guide's RDF contract writes them."""
    instants = {10: TIME.inXSDDate, 7: TIME.inXSDgYearMonth, 4: TIME.inXSDgYear}
    if rel.start or rel.end:
        interval = URIRef(f"{membership}/during")
        g.add((membership, ORG.memberDuring, interval))
        g.add((interval, RDF.type, TIME.Interval))
        for value, edge in ((rel.start, TIME.hasBeginning), (rel.end, TIME.hasEnd)):
            if value:
                instant = URIRef(f"{interval}/{edge.fragment}")
                g.add((interval, edge, instant))
                g.add((instant, instants[len(value)],
                       Literal(value, datatype=DATE_TYPES[len(value)])))
    if rel.status is not None:
        g.add((membership, KGX.status, KGX[rel.status.value]))


def test_qualifiers_and_event_types_are_read_from_rdf():
    gold = GoldDocument.model_validate({"id": "d1", "entities": [
        {"id": "p1", "type": "Person", "name": "Ana Ruiz"},
        {"id": "r1", "type": "Role", "name": "chief financial officer"},
        {"id": "o1", "type": "Organization", "name": "Corvex"},
        {"id": "e1", "type": "Event", "name": "Lisbon signing", "event_type": "Signing"}],
        "relations": [
            {"s": "p1", "p": "hasRole", "o": "r1", "start": "2024-07", "status": "future"},
            {"s": "p1", "p": "memberOf", "o": "o1", "end": "2019"}]})
    pred = graph_to_prediction(gold_to_graph(gold), "d1").document
    quals = {(r.p.value, r.start, r.end, r.status and r.status.value) for r in pred.relations}
    assert quals == {("hasRole", "2024-07", None, "future"), ("memberOf", None, "2019", None)}
    assert [e.event_type.value for e in pred.entities if e.event_type] == ["Signing"]
    assert score_document(gold, pred).qualifiers.f1 == 1.0


@pytest.mark.shared
@pytest.mark.skipif(not SHARED_DEV.is_dir(), reason="../shared/eval/dev is absent")
def test_dev_gold_written_as_rdf_scores_perfectly():
    for doc_id, gold in load_gold_dir(SHARED_DEV).items():
        pred = graph_to_prediction(gold_to_graph(gold), doc_id).document
        score = score_document(gold, pred)
        assert (score.entities.f1, score.relations.f1) == (1.0, 1.0), doc_id
        assert score.qualifiers.fp + score.qualifiers.fn == 0, doc_id


def test_the_reader_knows_every_class_the_mapping_writes():
    from kgextract.eval.predictions import _TYPES
    from kgextract.models import EntityType
    from kgextract.rdf.mapping import CLASSES

    assert {_TYPES[cls] for cls in CLASSES.values()} == set(EntityType)
