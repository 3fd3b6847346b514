"""Read the extractor's RDF back into the gold structure, with its evidence.

The mapping follows ``docs/rdf-design.md``: typed nodes are entities
(``rdfs:label`` the name, ``skos:altLabel`` the aliases), ``schema:`` triples
and ``org:`` memberships are relations, the ``schema:NewsArticle`` node is
``DOC``, and ``kgx:Assertion`` nodes only supply evidence for the report.
A membership's ``org:memberDuring`` interval and ``kgx:status`` become the
``start``, ``end`` and ``status`` of its ``hasRole`` relation (of its
``memberOf`` relation when it has no role), and an event's ``kgx:`` class
(``kgx:Meeting``, ``kgx:Visit``, ...) its ``event_type``.

>>> from rdflib import Graph, Literal
>>> from rdflib.namespace import XSD
>>> g = Graph()
>>> art, ev = KGX_ID["doc/d1"], KGX_ID["event/summit"]
>>> g.add((art, RDF.type, SDO.NewsArticle))
<Graph ...>
>>> g.add((ev, RDF.type, SDO.Event))
<Graph ...>
>>> g.add((ev, SDO.startDate, Literal("2024-05", datatype=XSD.gYearMonth)))
<Graph ...>
>>> pred = graph_to_prediction(g, "d1").document
>>> [(e.id, e.type.value) for e in pred.entities], [(r.s, r.p.value, r.o) for r in pred.relations]
([('event/summit', 'Event')], [('event/summit', 'startDate', '2024-05')])
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field
from rdflib import BNode, ConjunctiveGraph, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from kgextract.errors import Errors, KgextractError, Warnings
from kgextract.eval.gold import GoldDocument, GoldEntity, GoldRelation
from kgextract.models import DOC, DocumentError, EntityType, EventType, MembershipStatus, Predicate
from kgextract.rdf.mapping import CLASSES
from kgextract.rdf.namespaces import KGX, KGX_ID, ORG, PROV, RDF, RDFS, SDO, SKOS, TIME
from kgextract.rdf.serialize import read_extensions

__all__ = [
    "FORMATS",
    "EvidenceRecord",
    "RelationEvidence",
    "Prediction",
    "graph_to_prediction",
    "read_prediction",
    "load_prediction_dir",
]

#: Prediction file extensions (the formats kgextract writes) and their rdflib parser
#: names, in order of preference: formats that keep the per-document graphs first.
FORMATS = {ext: fmt.rdflib_name for ext, fmt in sorted(read_extensions(written=True).items(),
                                                       key=lambda item: not item[1].keeps_graphs)}

# The classes of the RDF mapping, read back: one source for type <-> class.
_TYPES: dict[Node, EntityType] = {cls: etype for etype, cls in CLASSES.items()}
_EVENT_CLASSES: dict[Node, EventType] = {KGX[kind.value]: kind for kind in EventType}
_TYPES.update(dict.fromkeys(_EVENT_CLASSES, EntityType.EVENT))
_TYPE_ORDER = list(EntityType)
_STATUS = {KGX[status.value]: status for status in MembershipStatus}
_INSTANT_VALUES = (TIME.inXSDDate, TIME.inXSDgYearMonth, TIME.inXSDgYear)
_SCHEMA_PREDICATES: dict[Node, Predicate] = {
    SDO[p.value]: p for p in Predicate if p not in (Predicate.HAS_ROLE, Predicate.MEMBER_OF)
}
_HTTP_SCHEMA = "http://schema.org/"


class _Model(BaseModel):
    # defer_build: each validator is built at its first use, not at import (start-up of the command line)
    model_config = ConfigDict(extra="forbid", defer_build=True)


class EvidenceRecord(_Model):
    """One ``kgx:Assertion``: where a triple (or a mention) was read."""

    sentence: str | None = None
    start: int | None = None
    end: int | None = None
    confidence: float | None = None
    extractor: str | None = None
    mention: str | None = None


class RelationEvidence(_Model):
    """The evidence for one predicted relation, in the gold structure's terms."""

    s: str
    p: Predicate
    o: str
    evidence: list[EvidenceRecord] = Field(default_factory=list)


class Prediction(_Model):
    """A prediction file read back: the document plus evidence and problems."""

    document: GoldDocument
    source: str | None = None
    relation_evidence: list[RelationEvidence] = Field(default_factory=list)
    entity_evidence: dict[str, list[EvidenceRecord]] = Field(default_factory=dict)
    problems: list[DocumentError] = Field(default_factory=list)

    def evidence(self, s: str, p: Predicate | str, o: str) -> list[EvidenceRecord]:
        """The evidence records of the relation ``(s, p, o)`` (empty if none)."""
        p = Predicate(p)
        found = (r.evidence for r in self.relation_evidence if (r.s, r.p, r.o) == (s, p, o))
        return next(found, [])


def _union(graph: Graph) -> Graph:
    """All triples of every graph, with http://schema.org/ read as https."""
    # context-aware graphs are the ConjunctiveGraphs (a Dataset is one)
    triples = (q[:3] for q in graph.quads()) if isinstance(graph, ConjunctiveGraph) else graph
    union = Graph()
    for triple in triples:
        union.add(tuple(_https(term) for term in triple))
    return union


def _https(term):
    if isinstance(term, URIRef) and term.startswith(_HTTP_SCHEMA):
        return SDO[term[len(_HTTP_SCHEMA):]]
    return term


def _node_id(node) -> str:
    if isinstance(node, Literal):
        return str(node).strip()
    if isinstance(node, BNode):
        return f"_:{node}"
    text = str(node)
    return text[len(KGX_ID):] if text.startswith(str(KGX_ID)) and len(text) > len(KGX_ID) else text


def _entities(g: Graph) -> list[GoldEntity]:
    types: dict = {}
    for cls, etype in _TYPES.items():
        for node in g.subjects(RDF.type, cls):
            types.setdefault(node, set()).add(etype)
    entities = []
    for node, found in types.items():
        ordered = sorted(found, key=_TYPE_ORDER.index)
        labels = sorted({str(x).strip() for x in g.objects(node, RDFS.label)} - {""})
        name = min(labels, key=lambda x: (-len(x), x)) if labels else ""
        names = set(labels) | {str(x).strip() for x in g.objects(node, SKOS.altLabel)}
        kinds = sorted((_EVENT_CLASSES[c] for c in g.objects(node, RDF.type) if c in _EVENT_CLASSES),
                       key=list(EventType).index)
        entities.append(GoldEntity(id=_node_id(node), type=ordered[0], name=name,
                                   aliases=sorted(names - {name, ""}), alt_types=ordered[1:],
                                   event_type=kinds[0] if kinds else None))
    return sorted(entities, key=lambda e: e.id)


def _instant(g: Graph, instant) -> str | None:
    values = (g.value(instant, prop) for prop in _INSTANT_VALUES) if instant is not None else ()
    return next((str(v).strip() for v in values if v is not None), None)


def _membership_qualifiers(g: Graph, membership) -> dict[str, str]:
    """``start``, ``end`` and ``status`` of one ``org:Membership``, where the RDF gives them."""
    found: dict[str, str] = {}
    status = g.value(membership, KGX.status)
    if status in _STATUS:
        found["status"] = _STATUS[status].value
    for interval in sorted(g.objects(membership, ORG.memberDuring)):  # type: ignore[type-var]  # rdflib's terms order; typed as Node
        for key, prop in (("start", TIME.hasBeginning), ("end", TIME.hasEnd)):
            value = _instant(g, g.value(interval, prop))
            if value is not None:
                found.setdefault(key, value)
    return found


def _as_int(value) -> int | None:
    try:
        return int(str(value))
    except (TypeError, ValueError):
        return None


def _as_float(value) -> float | None:
    try:
        return float(str(value))
    except (TypeError, ValueError):
        return None


def _record(g: Graph, node) -> EvidenceRecord:
    agent = g.value(node, PROV.wasAttributedTo)
    extractor = None
    if agent is not None:
        label = g.value(agent, RDFS.label)
        extractor = str(label) if label is not None else str(agent).rstrip("/").rsplit("/", 1)[-1]
    text = {key: g.value(node, prop) for key, prop in
            (("sentence", KGX.sentence), ("mention", KGX.mentionText))}
    return EvidenceRecord(
        sentence=None if text["sentence"] is None else str(text["sentence"]),
        start=_as_int(g.value(node, KGX.startOffset)),
        end=_as_int(g.value(node, KGX.endOffset)),
        confidence=_as_float(g.value(node, KGX.confidence)),
        extractor=extractor,
        mention=None if text["mention"] is None else str(text["mention"]),
    )


def graph_to_prediction(graph: Graph, doc_id: str, source: str | None = None) -> Prediction:
    """Convert the RDF of one document (a Graph or the union of a Dataset) to a Prediction.

    The ``schema:NewsArticle`` whose ``schema:identifier`` is ``doc_id`` (or,
    if none has it, every article) stands for ``DOC``. See the module example.
    """
    g = _union(graph)
    problems: list[DocumentError] = []
    articles = set(g.subjects(RDF.type, SDO.NewsArticle))
    docs = {a for a in articles if str(g.value(a, SDO.identifier) or "") == doc_id} or articles
    found = sorted({str(i) for a in docs for i in g.objects(a, SDO.identifier)} - {doc_id})
    if found:
        message = Warnings.W051.format(path=source or doc_id, found=", ".join(found), doc_id=doc_id)
        problems.append(DocumentError(source=source or doc_id, code="W051", level="warning",
                                      message=message))

    def conv(node) -> str:
        return DOC if node in docs else _node_id(node)

    relations: set[tuple[str, Predicate, str]] = set()
    qualified: dict[tuple[str, Predicate, str], dict[str, str]] = {}
    for prop, pred in _SCHEMA_PREDICATES.items():
        relations.update((conv(s), pred, conv(o)) for s, o in g.subject_objects(prop))
    for membership in sorted(set(g.subjects(ORG.member, None))):  # type: ignore[type-var]  # rdflib's terms order; typed as Node
        roles = sorted(g.objects(membership, ORG.role))  # type: ignore[type-var]  # as above
        qualifiers = _membership_qualifiers(g, membership)
        for person in g.objects(membership, ORG.member):
            keys = [(conv(person), Predicate.HAS_ROLE, conv(role)) for role in roles]
            relations.update(keys)
            if not roles:
                keys = [(conv(person), Predicate.MEMBER_OF, conv(org))
                        for org in g.objects(membership, ORG.organization)]
            for key in keys if qualifiers else ():
                for field, value in qualifiers.items():
                    qualified.setdefault(key, {}).setdefault(field, value)
    relations.update((conv(s), Predicate.MEMBER_OF, conv(o))
                     for s, o in g.subject_objects(ORG.memberOf))

    rel_evidence: dict[tuple[str, Predicate, str], list[EvidenceRecord]] = {}
    ent_evidence: dict[str, list[EvidenceRecord]] = {}
    for node in g.subjects(RDF.type, KGX.Assertion):
        s, p, o = (g.value(node, prop) for prop in (RDF.subject, RDF.predicate, RDF.object))
        if s is None or p is None or o is None:
            continue
        if p == RDF.type:
            ent_evidence.setdefault(conv(s), []).append(_record(g, node))
            continue
        if p == ORG.role:
            keys = [(conv(m), Predicate.HAS_ROLE, conv(o)) for m in g.objects(s, ORG.member)]
        elif p == ORG.memberOf:
            keys = [(conv(s), Predicate.MEMBER_OF, conv(o))]
        elif p in _SCHEMA_PREDICATES:
            keys = [(conv(s), _SCHEMA_PREDICATES[p], conv(o))]
        else:
            continue
        for key in keys:
            rel_evidence.setdefault(key, []).append(_record(g, node))

    def order(records: list[EvidenceRecord]) -> list[EvidenceRecord]:
        return sorted(records,
                      key=lambda r: (-(r.confidence or 0.0), r.start or 0, r.sentence or ""))

    document = GoldDocument(
        id=doc_id,
        entities=_entities(g),
        relations=[GoldRelation(s=s, p=p, o=o, **qualified.get((s, p, o), {}))
                   for s, p, o in sorted(relations)],
    )
    return Prediction(
        document=document,
        source=source,
        relation_evidence=[RelationEvidence(s=s, p=p, o=o, evidence=order(recs))
                           for (s, p, o), recs in sorted(rel_evidence.items())],
        entity_evidence={key: order(recs) for key, recs in sorted(ent_evidence.items())},
        problems=problems,
    )


def _doc_id(path: Path) -> str:
    return path.name[: -len(path.suffix)] if path.suffix else path.name


def read_prediction(path: str | Path, doc_id: str | None = None) -> Prediction:
    """Parse one prediction file (format from its extension) into a Prediction.

    ``doc_id`` defaults to the file name without its extension. Raises
    ``KgextractError`` (E006) when the file cannot be read as RDF.
    """
    path = Path(path)
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise KgextractError(Errors.E006.format(
            path=path, err=f"unknown extension '{path.suffix}' (expected {', '.join(FORMATS)})"))
    dataset = Dataset()
    try:
        dataset.parse(source=str(path), format=fmt)
    except Exception as err:  # noqa: BLE001 - rdflib parsers raise many kinds
        raise KgextractError(Errors.E006.format(path=path, err=err)) from err
    return graph_to_prediction(dataset, doc_id or _doc_id(path), source=str(path))


def load_prediction_dir(path: str | Path) -> dict[str, Prediction]:
    """Read every prediction file of a folder, keyed (and sorted) by document id.

    A file that cannot be parsed gives an empty prediction carrying the E006
    error in ``problems``; several files for one document give W050.
    """
    path = Path(path)
    if not path.exists():
        raise KgextractError(Errors.E004.format(path=path))
    if not path.is_dir():
        raise KgextractError(Errors.E051.format(path=path, options=", ".join(FORMATS)))
    by_id: dict[str, list[Path]] = {}
    for file in sorted(path.iterdir()):
        if file.is_file() and file.suffix.lower() in FORMATS:
            by_id.setdefault(_doc_id(file), []).append(file)
    predictions: dict[str, Prediction] = {}
    for doc_id, files in sorted(by_id.items()):
        files.sort(key=lambda f: (list(FORMATS).index(f.suffix.lower()), f.name))
        problems = []
        if len(files) > 1:
            problems.append(DocumentError(
                source=str(files[0]), code="W050", level="warning",
                message=Warnings.W050.format(doc_id=doc_id, paths=", ".join(f.name for f in files),
                                             used=files[0].name)))
        try:
            pred = read_prediction(files[0], doc_id)
        except KgextractError as err:
            error = DocumentError(source=str(files[0]), code="E006", message=str(err))
            pred = Prediction(document=GoldDocument(id=doc_id), source=str(files[0]),
                              problems=[error])
        pred.problems[:0] = problems
        predictions[doc_id] = pred
    return predictions
