"""Map extraction results to RDF, as specified in ``docs/rdf-design.md``.

One named graph per document (``kgxid:graph/<doc id>``) holds everything
derived from that document: the article node, the entities it mentions,
its relations, and one PROV-O assertion per relation evidence and per entity
mention. Entities are shared across documents through their key.

>>> from kgextract.models import Document, DocumentResult, Entity, Relation
>>> res = DocumentResult(
...     document=Document(id="d1", text="Ann Lee, CEO of Acme."),
...     entities=[Entity(key="person/ann-lee", type="Person", name="Ann Lee"),
...               Entity(key="organization/acme", type="Organization", name="Acme")],
...     relations=[Relation(subject="person/ann-lee", predicate="memberOf",
...                         object="organization/acme")])
>>> ds = document_graphs([res])
>>> q = "SELECT ?name WHERE { ?p org:memberOf ?o . ?p rdfs:label ?name }"
>>> [str(row.name) for row in ds.query(q)]
['Ann Lee']
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from decimal import Decimal
from functools import lru_cache

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from kgextract.graph.merge import MergedEntity, checked_relations, date_kind, merge_entities
from kgextract.models import DOC, DocumentResult, EntityType, Evidence, Predicate, Relation
from kgextract.rdf.iri import (
    assertion_iri,
    document_iri,
    entity_iri,
    extractor_iri,
    graph_iri,
    instant_iri,
    interval_iri,
    membership_iri,
)
from kgextract.rdf.namespaces import KGX, ORG, PROV, RDF, RDFS, SDO, SKOS, TIME, XSD, bind_prefixes
from kgextract.rdf.nquads import TripleBuffer, nquads_bytes

__all__ = ["document_graphs", "to_nquads", "map_document", "CLASSES", "text_literal", "date_literal"]

#: The RDF class of each entity type.
CLASSES: dict[EntityType, URIRef] = {
    EntityType.PERSON: SDO.Person,
    EntityType.ORGANIZATION: SDO.Organization,
    EntityType.PLACE: SDO.Place,
    EntityType.EVENT: SDO.Event,
    EntityType.ROLE: ORG.Role,
}

_SURROGATE = re.compile("[\ud800-\udfff]")
# an absolute IRI that every RDF syntax (and parser) takes: no white space of any kind, no controls
_SAFE_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:[^\s\x00-\x20\x7f-\x9f\ud800-\udfff<>\"{}|\\^`]+")


def text_literal(text: str) -> Literal:
    """A plain string literal that every serializer can write.

    Quotes, newlines and control characters are kept (the serializers escape
    them); lone surrogates, which no UTF-8 file can hold, become U+FFFD.

    >>> text_literal('say "hi"\\n')
    rdflib.term.Literal('say "hi"\\n')
    >>> text_literal("bad \\udc80")
    rdflib.term.Literal('bad \ufffd')
    """
    return Literal(_SURROGATE.sub("\ufffd", text))


def date_literal(value: str) -> Literal:
    """An ISO 8601 value as ``xsd:date``, ``xsd:gYearMonth`` or ``xsd:gYear``.

    >>> date_literal("2023-12").datatype
    rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#gYearMonth')
    """
    kind = date_kind(value)
    if kind is None:
        raise ValueError(f"not an ISO 8601 date: {value!r}")
    return Literal(value, datatype=XSD[kind])


@lru_cache(maxsize=1024)  # confidences are rounded: a few hundred values at most
def _decimal(x: float) -> Literal:
    return Literal(format(Decimal(repr(float(x))), "f"), datatype=XSD.decimal)


@lru_cache(maxsize=1 << 14)  # character offsets: most releases are shorter than this
def _integer(n: int) -> Literal:
    # what Literal(n) gives, without its type inference
    return Literal(str(int(n)), datatype=XSD.integer)


class _Terms:
    """Every term the mapping writes, looked up once: rdflib resolves ``NS.term`` anew on each access,
    which cost more than a third of the mapping's time."""

    type, subject, predicate, object = RDF.type, RDF.subject, RDF.predicate, RDF.object
    Assertion, sentence, confidence = KGX.Assertion, KGX.sentence, KGX.confidence
    start, end = KGX.startOffset, KGX.endOffset
    attributed_to, derived_from = PROV.wasAttributedTo, PROV.wasDerivedFrom
    Extractor, SoftwareAgent, label, alt_label = KGX.Extractor, PROV.SoftwareAgent, RDFS.label, SKOS.altLabel
    mentions, mention_text = SDO.mentions, KGX.mentionText
    NewsArticle, identifier, content_hash, headline = SDO.NewsArticle, SDO.identifier, KGX.contentHash, SDO.headline
    url, publisher, source_path, date_published = SDO.url, SDO.publisher, KGX.sourcePath, SDO.datePublished
    Membership, member, role, organization, member_of = (ORG.Membership, ORG.member, ORG.role, ORG.organization,
                                                          ORG.memberOf)
    member_during, Interval, Instant, has_beginning, has_end = (ORG.memberDuring, TIME.Interval, TIME.Instant,
                                                                TIME.hasBeginning, TIME.hasEnd)
    status = KGX.status
    #: the OWL-Time property of an instant, by the XSD type of its value
    in_xsd = {"date": TIME.inXSDDate, "gYearMonth": TIME.inXSDgYearMonth, "gYear": TIME.inXSDgYear}


_T = _Terms()
#: ``schema:<predicate>`` of the predicates written as they are
_SDO_PREDICATES: dict[Predicate, URIRef] = {
    p: SDO[p.value] for p in Predicate if p not in (Predicate.HAS_ROLE, Predicate.MEMBER_OF)}


class _DocumentMapper:
    """Writes the triples of one document into its named graph."""

    def __init__(self, g: Graph | TripleBuffer, res: DocumentResult, entities: dict[str, MergedEntity],
                 role_pairs: set[tuple[str, str]], confidence: dict[URIRef, float]):
        self.g, self.res, self.entities, self.role_pairs = g, res, entities, role_pairs
        self.doc = document_iri(res.document.id)
        self.confidence = confidence  # assertion -> its confidence, shared by all documents
        self.agents: dict[str, URIRef] = {}
        self.texts: dict[str, Literal] = {}

    def node(self, key: str) -> URIRef:
        return self.doc if key == DOC else entity_iri(key)

    def document(self, has_date: bool) -> None:
        g, doc, d, t = self.g, self.doc, self.res.document, _T
        g.add((doc, t.type, t.NewsArticle))
        g.add((doc, t.identifier, text_literal(d.id)))
        g.add((doc, t.content_hash, Literal(hashlib.sha256(
            d.text.encode("utf-8", "surrogatepass")).hexdigest())))
        if d.title:
            g.add((doc, t.headline, text_literal(d.title)))
        if d.url:
            url = URIRef(d.url) if _SAFE_URL.fullmatch(d.url) else None
            g.add((doc, t.url, url or Literal(_SURROGATE.sub("\ufffd", d.url),
                                                 datatype=XSD.anyURI)))
        if d.publisher:
            g.add((doc, t.publisher, text_literal(d.publisher)))
        if d.source:
            g.add((doc, t.source_path, text_literal(d.source)))
        if not has_date and d.date and date_kind(d.date):
            g.add((doc, t.date_published, date_literal(d.date)))

    def entity_nodes(self) -> None:
        g, t, doc_id = self.g, _T, self.res.document.id
        for ent in self.res.entities:
            merged = self.entities[ent.key]
            e, cls = entity_iri(ent.key), CLASSES[merged.type]
            g.add((e, t.type, cls))
            g.add((e, t.label, self.text(merged.label)))
            for name in [ent.name, *ent.aliases]:
                if name != merged.label:
                    g.add((e, t.alt_label, self.text(name)))
            g.add((e, t.derived_from, self.doc))
            g.add((self.doc, t.mentions, e))
            for m in ent.mentions:
                a = self.assertion((e, t.type, cls), doc_id, m.start, m.end, m.sentence, ent.confidence, m.source)
                g.add((a, t.mention_text, self.text(m.text)))
            if ent.event_type is not None and merged.type is EntityType.EVENT:
                kind = (e, t.type, KGX[ent.event_type.value])  # kgx:Meeting ... rdfs:subClassOf schema:Event
                g.add(kind)
                if ent.event_type_evidence is not None:
                    self.evidence(kind, ent.event_type_evidence)

    def assertion(self, triple, doc_id: str, start: int, end: int, sentence: str,
                  confidence: float, extractor: str) -> URIRef:
        g, (s, p, o), t = self.g, triple, _T
        a = assertion_iri(s, p, o, doc_id, start, end)
        agent = self.agents.get(extractor)
        if agent is None:  # one description per extractor and document
            agent = self.agents[extractor] = extractor_iri(extractor)
            g.add((agent, t.type, t.Extractor))
            g.add((agent, t.type, t.SoftwareAgent))
            g.add((agent, t.label, self.text(extractor)))
        g.add((a, t.attributed_to, agent))
        if a in self.confidence:  # same span read twice: one node, best confidence
            if confidence > self.confidence[a]:
                self.confidence[a] = confidence
                g.set((a, t.confidence, _decimal(confidence)))
            return a
        self.confidence[a] = confidence
        g.add((a, t.type, t.Assertion))
        g.add((a, t.subject, s))
        g.add((a, t.predicate, p))
        g.add((a, t.object, o))
        g.add((a, t.derived_from, self.doc if doc_id == self.res.document.id else document_iri(doc_id)))
        if sentence:
            g.add((a, t.sentence, self.text(sentence)))
        g.add((a, t.start, _integer(start)))
        g.add((a, t.end, _integer(end)))
        g.add((a, t.confidence, _decimal(confidence)))
        return a

    def text(self, value: str) -> Literal:
        """``text_literal``, once per distinct text of the document (sentences recur)."""
        lit = self.texts.get(value)
        if lit is None:
            lit = self.texts[value] = text_literal(value)
        return lit

    def relation(self, rel: Relation) -> None:
        g, s, t = self.g, self.node(rel.subject), _T
        pred = rel.predicate
        m = None
        triple: tuple[Node, Node, Node]
        if pred is Predicate.HAS_ROLE:
            m = membership_iri(rel.subject, rel.object, rel.organization)
            role = self.node(rel.object)
            g.add((m, t.type, t.Membership))
            g.add((m, t.member, s))
            g.add((m, t.role, role))
            if rel.organization:
                g.add((m, t.organization, self.node(rel.organization)))
            triple = (m, t.role, role)
        elif pred is Predicate.MEMBER_OF:
            o = self.node(rel.object)
            triple = (s, t.member_of, o)
            g.add(triple)
            if (rel.subject, rel.object) not in self.role_pairs:
                m = membership_iri(rel.subject, None, rel.object)  # qualified below: no title holds the dates
                g.add((m, t.type, t.Membership))
                g.add((m, t.member, s))
                g.add((m, t.organization, o))
        else:
            value = date_literal(rel.object) if pred.takes_date else self.node(rel.object)
            triple = (s, _SDO_PREDICATES[pred], value)
            g.add(triple)
        for ev in rel.evidence:
            self.evidence(triple, ev)
        if m is not None:
            self.qualifiers(m, rel)

    def qualifiers(self, m: URIRef, rel: Relation) -> None:
        """``org:memberDuring`` (a ``time:Interval`` between ``time:Instant``s) and ``kgx:status``
        of a membership, each triple with the evidence of the qualifier it states."""
        g, t = self.g, _T
        evidence = rel.qualifier_evidence
        if rel.start or rel.end:
            interval = interval_iri(m, rel.start, rel.end)
            g.add((m, t.member_during, interval))
            g.add((interval, t.type, t.Interval))
            for field, prop, value in (("start", t.has_beginning, rel.start), ("end", t.has_end, rel.end)):
                kind = date_kind(value) if value else None
                if value is None or kind is None:
                    continue
                instant = instant_iri(value)
                g.add((instant, t.type, t.Instant))
                g.add((instant, t.in_xsd[kind], date_literal(value)))
                triple = (interval, prop, instant)
                g.add(triple)
                for ev in evidence.get(field, []):
                    self.evidence(triple, ev)
        if rel.status is not None:
            triple = (m, t.status, KGX[rel.status.value])
            g.add(triple)
            for ev in evidence.get("status", []):
                self.evidence(triple, ev)

    def evidence(self, triple: tuple[Node, Node, Node], ev: Evidence) -> None:
        self.assertion(triple, ev.doc_id, ev.start, ev.end, ev.sentence, ev.confidence,
                       ev.extractor)


def document_graphs(results: Iterable[DocumentResult]) -> Dataset:
    """Map extraction results to an ``rdflib.Dataset``, one named graph per document.

    This is the per-document step of :func:`kgextract.rdf.to_rdf`, the one path
    from results to RDF: call that (with ``across=False, linking=False`` for the
    per-document graphs alone) rather than this.

    The dataset's default graph is the union of the named graphs, so SPARQL
    over it answers the annotation guide's questions directly.

    >>> from kgextract.models import Document, DocumentResult, Relation
    >>> res = DocumentResult(document=Document(id="d1", text="GENEVA, 5 December 2023"),
    ...     relations=[Relation(subject="DOC", predicate="datePublished", object="2023-12-05")])
    >>> ds = document_graphs([res])
    >>> sorted(str(c.identifier) for c in ds.graphs() if len(c))
    ['https://w3id.org/kgextract/id/graph/d1']
    >>> q = "SELECT ?d WHERE { ?a a schema:NewsArticle ; schema:datePublished ?d }"
    >>> [row.d.datatype.split("#")[1] for row in ds.query(q)]
    ['date']
    """
    ds = Dataset(default_union=True)
    bind_prefixes(ds)
    _map_all(results, lambda res: ds.graph(graph_iri(res.document.id)))
    return ds


def to_nquads(results: Iterable[DocumentResult]) -> bytes:
    """``serialize(document_graphs(results), "nquads")``, the same bytes, made without an rdflib store.

    >>> from kgextract.graph.examples import sample_results
    >>> from kgextract.rdf.serialize import serialize
    >>> to_nquads(sample_results()) == serialize(document_graphs(sample_results()), "nquads")
    True
    """
    graphs: list[TripleBuffer] = []

    def graph(res: DocumentResult) -> TripleBuffer:
        graphs.append(TripleBuffer(graph_iri(res.document.id)))
        return graphs[-1]

    _map_all(results, graph)
    return nquads_bytes(q for g in graphs for q in g.quads())


def _map_all(results: Iterable[DocumentResult], graph_of) -> None:
    """Map each result into the graph ``graph_of(result)`` gives, with the corpus-wide tables."""
    results = list(results)
    entities = merge_entities(results)
    checked = [list(checked_relations(res, entities)) for res in results]
    role_pairs = {
        (rel.subject, rel.organization)
        for rels in checked
        for rel in rels
        if rel.predicate is Predicate.HAS_ROLE and rel.organization
    }
    confidence: dict[URIRef, float] = {}
    for res, rels in zip(results, checked, strict=True):
        map_document(graph_of(res), res, entities, role_pairs, rels, confidence)


def map_document(graph: Graph | TripleBuffer, res: DocumentResult, entities: dict[str, MergedEntity],
                 role_pairs: set[tuple[str, str]], relations: list[Relation] | None = None,
                 confidence: dict[URIRef, float] | None = None) -> None:
    """Write the triples of one document into ``graph``, as :func:`document_graphs` does for each.

    ``entities`` is the corpus-wide table of :func:`merge_entities` (labels
    are chosen over every document), ``role_pairs`` the (person,
    organization) pairs of the corpus's ``hasRole`` relations, ``relations``
    the document's :func:`checked_relations` when already computed. Mapping
    documents one at a time keeps a corpus's graph out of memory.
    """
    rels = list(checked_relations(res, entities)) if relations is None else relations
    mapper = _DocumentMapper(graph, res, entities, role_pairs, {} if confidence is None else confidence)
    has_date = any(r.subject == DOC and r.predicate is Predicate.DATE_PUBLISHED for r in rels)
    mapper.document(has_date)
    mapper.entity_nodes()
    for rel in rels:
        mapper.relation(rel)
