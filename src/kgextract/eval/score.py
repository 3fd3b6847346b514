"""The scorer of the annotation guide: entity matching, relation matching, P/R/F1.

Entities are matched one-to-one per type (or alt type) by name, as a maximum
matching that prefers canonical-name matches over alias matches (and, in the
relaxed variant, exact over token-containment matches). Unmatched events are
then paired when they share at least two relations. Relations match on the
predicate and the matched subject and object (or the same date value, or
``DOC``); a gold relation's ``alt`` objects are accepted too. Membership
qualifiers (start, end, status) and event types are scored apart, as the
guide's ``q:`` keys: a qualifier matches when its person and role (or
organization) are the matched entities and its value is equal.

>>> gold = GoldDocument(id="d", entities=[{"id": "p1", "type": "Person", "name": "Ann Lee",
...     "aliases": ["Ms. Lee"]}], relations=[{"s": "DOC", "p": "datePublished", "o": "2024-01-05"}])
>>> pred = GoldDocument(id="d", entities=[{"id": "x", "type": "Person", "name": "Lee"},
...     {"id": "y", "type": "Person", "name": "Ann Lee"}],
...     relations=[{"s": "DOC", "p": "datePublished", "o": "2024-01-05"}])
>>> score = score_document(gold, pred)
>>> score.entities.tp, score.entities.fp, score.relations.f1
(1, 1, 1.0)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

import networkx as nx
from pydantic import BaseModel, ConfigDict, Field, computed_field

from kgextract.base.normalize import name_tokens, normalize_name
from kgextract.eval.gold import GoldDocument, GoldEntity, GoldRelation
from kgextract.models import DOC, EntityType, Predicate

__all__ = [
    "Counts",
    "EntityLink",
    "RelationLink",
    "Qualifier",
    "QUALIFIER_KEYS",
    "qualifiers",
    "DocumentScore",
    "CorpusScore",
    "match_entities",
    "match_relations",
    "score_document",
    "score_corpus",
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Counts(_Model):
    """True positives, false positives, false negatives; P/R/F1 are 0.0 when undefined.

    >>> Counts(tp=3, fp=1, fn=2).f1
    0.6666666666666666
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @computed_field  # type: ignore[prop-decorator]  # pydantic's documented form; mypy rejects any decorator on a property
    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @computed_field  # type: ignore[prop-decorator]  # pydantic's documented form; mypy rejects any decorator on a property
    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @computed_field  # type: ignore[prop-decorator]  # pydantic's documented form; mypy rejects any decorator on a property
    @property
    def f1(self) -> float:
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn) if self.tp else 0.0

    def __add__(self, other: Counts) -> Counts:
        return Counts(tp=self.tp + other.tp, fp=self.fp + other.fp, fn=self.fn + other.fn)


class EntityLink(_Model):
    """A gold entity matched to a predicted one, and how."""

    gold: str
    pred: str
    how: Literal["name", "alias", "relaxed", "event"]


class RelationLink(_Model):
    """A gold relation matched to a predicted one; ``alt`` when via an alt object."""

    gold: GoldRelation
    pred: GoldRelation
    alt: bool = False


def _total(counts: Iterable[Counts]) -> Counts:
    return sum(counts, Counts())


def _merge(dicts: Iterable[dict[str, Counts]], order: list[str]) -> dict[str, Counts]:
    merged: dict[str, Counts] = {}
    for counts in dicts:
        for key, value in counts.items():
            merged[key] = merged.get(key, Counts()) + value
    rank = {key: i for i, key in enumerate(order)}
    return dict(sorted(merged.items(), key=lambda kv: (rank.get(kv[0], len(rank)), kv[0])))


_TYPES = [t.value for t in EntityType]
_PREDICATES = [p.value for p in Predicate]

#: The ``q:`` keys of the guide, by the membership field they score (``event_type`` last).
QUALIFIER_KEYS = {"start": "q:roleStart", "end": "q:roleEnd", "status": "q:roleStatus",
                  "event_type": "q:eventType"}
_Q_KEYS = list(QUALIFIER_KEYS.values())


class Qualifier(_Model):
    """One ``q:`` fact: a membership's start, end or status, or an event's type.

    ``s`` is the person (or the event), ``o`` the role or organization (``None``
    for an event type), ``alt`` the relation's other acceptable objects.
    """

    key: str
    s: str
    o: str | None = None
    alt: list[str] = Field(default_factory=list)
    value: str


def qualifiers(doc: GoldDocument) -> list[Qualifier]:
    """The ``q:`` facts of a document: every qualifier of a membership, every event type.

    >>> doc = GoldDocument(id="d", entities=[{"id": "e1", "type": "Event", "name": "talks",
    ...     "event_type": "Meeting"}], relations=[{"s": "p1", "p": "memberOf", "o": "o1",
    ...     "end": "2019", "status": "former"}])
    >>> [(q.key, q.value) for q in qualifiers(doc)]
    [('q:roleEnd', '2019'), ('q:roleStatus', 'former'), ('q:eventType', 'Meeting')]
    """
    found = [Qualifier(key=QUALIFIER_KEYS[field], s=rel.s, o=rel.o, alt=rel.alt, value=value)
             for rel in doc.relations if rel.p.is_membership
             for field, value in rel.qualifiers.items()]
    found += [Qualifier(key=QUALIFIER_KEYS["event_type"], s=ent.id, value=ent.event_type.value)
              for ent in doc.entities if ent.event_type is not None]
    return found


class DocumentScore(_Model):
    """The matching of one document and its counts."""

    doc_id: str
    relaxed: bool = False
    entity_links: list[EntityLink] = Field(default_factory=list)
    missed_entities: list[str] = Field(default_factory=list)
    spurious_entities: list[str] = Field(default_factory=list)
    relation_links: list[RelationLink] = Field(default_factory=list)
    missed_relations: list[GoldRelation] = Field(default_factory=list)
    spurious_relations: list[GoldRelation] = Field(default_factory=list)
    entities_by_type: dict[str, Counts] = Field(default_factory=dict)
    relations_by_predicate: dict[str, Counts] = Field(default_factory=dict)
    missed_qualifiers: list[Qualifier] = Field(default_factory=list)
    spurious_qualifiers: list[Qualifier] = Field(default_factory=list)
    qualifiers_by_key: dict[str, Counts] = Field(default_factory=dict)

    @computed_field  # type: ignore[prop-decorator]  # pydantic's documented form; mypy rejects any decorator on a property
    @property
    def entities(self) -> Counts:
        return _total(self.entities_by_type.values())

    @computed_field  # type: ignore[prop-decorator]  # pydantic's documented form; mypy rejects any decorator on a property
    @property
    def relations(self) -> Counts:
        return _total(self.relations_by_predicate.values())

    @computed_field  # type: ignore[prop-decorator]  # pydantic's documented form; mypy rejects any decorator on a property
    @property
    def qualifiers(self) -> Counts:
        return _total(self.qualifiers_by_key.values())


class CorpusScore(_Model):
    """Per-document scores and their micro-averaged totals."""

    relaxed: bool = False
    documents: list[DocumentScore] = Field(default_factory=list)

    @computed_field  # type: ignore[prop-decorator]  # pydantic's documented form; mypy rejects any decorator on a property
    @property
    def entities_by_type(self) -> dict[str, Counts]:
        return _merge((d.entities_by_type for d in self.documents), _TYPES)

    @computed_field  # type: ignore[prop-decorator]  # pydantic's documented form; mypy rejects any decorator on a property
    @property
    def relations_by_predicate(self) -> dict[str, Counts]:
        return _merge((d.relations_by_predicate for d in self.documents), _PREDICATES)

    @computed_field  # type: ignore[prop-decorator]  # pydantic's documented form; mypy rejects any decorator on a property
    @property
    def qualifiers_by_key(self) -> dict[str, Counts]:
        return _merge((d.qualifiers_by_key for d in self.documents), _Q_KEYS)

    @computed_field  # type: ignore[prop-decorator]  # pydantic's documented form; mypy rejects any decorator on a property
    @property
    def entities(self) -> Counts:
        return _total(d.entities for d in self.documents)

    @computed_field  # type: ignore[prop-decorator]  # pydantic's documented form; mypy rejects any decorator on a property
    @property
    def relations(self) -> Counts:
        return _total(d.relations for d in self.documents)

    @computed_field  # type: ignore[prop-decorator]  # pydantic's documented form; mypy rejects any decorator on a property
    @property
    def qualifiers(self) -> Counts:
        return _total(d.qualifiers for d in self.documents)


def _max_matching(edges: dict[tuple, int]) -> dict:
    """Maximum-cardinality matching of maximum weight; ``{left: right}``."""
    graph = nx.Graph()
    for (left, right), weight in edges.items():
        graph.add_edge(("L", left), ("R", right), weight=weight)
    pairs = (sorted(pair) for pair in nx.max_weight_matching(graph, maxcardinality=True))
    return {left[1]: right[1] for left, right in pairs}


class _Names:
    def __init__(self, ent: GoldEntity):
        self.canonical = normalize_name(ent.name)
        self.all = {normalize_name(n) for n in ent.names} - {""}
        self.tokens = {n: name_tokens(n) for n in self.all}


def _contains(a: frozenset, b: frozenset) -> bool:
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    return len(shorter) >= 2 and shorter <= longer


def _name_weight(g: _Names, p: _Names, relaxed: bool) -> tuple[int, str] | None:
    if p.canonical and p.canonical == g.canonical:
        return 6, "name"
    if p.canonical in g.all or g.canonical in p.all:
        return 5, "alias"
    if p.all & g.all:
        return 4, "alias"
    if relaxed:
        if p.canonical and g.canonical and _contains(p.tokens[p.canonical], g.tokens[g.canonical]):
            return 2, "relaxed"
        if any(_contains(a, b) for a in p.tokens.values() for b in g.tokens.values()):
            return 1, "relaxed"
    return None


def _end(value: str, ids: set[str],
         mapping: dict[str, str] | None = None) -> tuple[str, str] | None:
    """The comparable form of a relation end; ``None`` for an unmatched entity."""
    if value == DOC:
        return ("doc", DOC)
    if value in ids:
        if mapping is None:
            return ("id", value)
        return ("id", mapping[value]) if value in mapping else None
    return ("val", value.strip())


def _relation_pairs(gold: GoldDocument, pred: GoldDocument, gold_rels: list[GoldRelation],
                    pred_rels: list[GoldRelation],
                    mapping: dict[str, str]) -> list[tuple[int, int, bool]]:
    """Index pairs ``(gold, pred, via alt)`` of a maximum relation matching."""
    gold_ids, pred_ids = gold.entity_ids, pred.entity_ids
    index: dict[tuple, list[tuple[int, bool]]] = {}
    for i, rel in enumerate(gold_rels):
        subject = _end(rel.s, gold_ids)
        for k, obj in enumerate([rel.o, *rel.alt]):
            index.setdefault((rel.p, subject, _end(obj, gold_ids)), []).append((i, k > 0))
    edges: dict[tuple[int, int], int] = {}
    for j, rel in enumerate(pred_rels):
        key = (rel.p, _end(rel.s, pred_ids, mapping), _end(rel.o, pred_ids, mapping))
        for i, alt in index.get(key, []):
            edges[i, j] = max(edges.get((i, j), 0), 1 if alt else 2)
    return [(i, j, edges[i, j] == 1) for i, j in sorted(_max_matching(edges).items())]


def _event_links(gold: GoldDocument, pred: GoldDocument,
                 links: list[EntityLink]) -> list[EntityLink]:
    mapping = {link.pred: link.gold for link in links}
    matched = set(mapping.values())
    g_events = [e for e in gold.entities if e.id not in matched and EntityType.EVENT in e.types]
    p_events = [e for e in pred.entities if e.id not in mapping and EntityType.EVENT in e.types]
    edges: dict[tuple[str, str], int] = {}
    for ge in g_events:
        g_rels = [r for r in gold.relations if ge.id in (r.s, r.o)]
        for pe in p_events:
            p_rels = [r for r in pred.relations if pe.id in (r.s, r.o)]
            shared = len(_relation_pairs(gold, pred, g_rels, p_rels, {**mapping, pe.id: ge.id}))
            if shared >= 2:
                edges[ge.id, pe.id] = shared
    return [EntityLink(gold=g, pred=p, how="event") for g, p in _max_matching(edges).items()]


def match_entities(gold: GoldDocument, pred: GoldDocument,
                   relaxed: bool = False) -> list[EntityLink]:
    """Match predicted to gold entities one-to-one (names first, then events).

    >>> gold = GoldDocument(id="d", entities=[{"id": "o1", "type": "Organization",
    ...     "name": "United Nations", "aliases": ["UN"]}])
    >>> pred = GoldDocument(id="d", entities=[
    ...     {"id": "org/un", "type": "Organization", "name": "UN"}])
    >>> [(l.gold, l.pred, l.how) for l in match_entities(gold, pred)]
    [('o1', 'org/un', 'alias')]
    """
    g_names = {e.id: _Names(e) for e in gold.entities}
    p_names = {e.id: _Names(e) for e in pred.entities}
    edges: dict[tuple[str, str], int] = {}
    how: dict[tuple[str, str], str] = {}
    for g in gold.entities:
        for p in pred.entities:
            if not g.types & p.types:
                continue
            found = _name_weight(g_names[g.id], p_names[p.id], relaxed)
            if found:
                edges[g.id, p.id] = 2 * found[0] + (p.type == g.type)
                how[g.id, p.id] = found[1]
    links = [EntityLink(gold=g, pred=p, how=how[g, p]) for g, p in _max_matching(edges).items()]
    links += _event_links(gold, pred, links)
    order = {e.id: i for i, e in enumerate(gold.entities)}
    return sorted(links, key=lambda link: order[link.gold])


def match_relations(gold: GoldDocument, pred: GoldDocument,
                    links: list[EntityLink]) -> list[RelationLink]:
    """Match predicted to gold relations one-to-one, given the entity links.

    >>> gold = GoldDocument(id="d", relations=[{"s": "DOC", "p": "datePublished", "o": "2024"}])
    >>> len(match_relations(gold, gold, []))
    1
    """
    mapping = {link.pred: link.gold for link in links}
    pairs = _relation_pairs(gold, pred, gold.relations, pred.relations, mapping)
    return _links(gold, pred, pairs)


def _qualifier_pairs(gold_q: list[Qualifier], pred_q: list[Qualifier],
                     mapping: dict[str, str]) -> list[tuple[int, int]]:
    """Index pairs ``(gold, pred)`` of a maximum qualifier matching."""
    edges: dict[tuple[int, int], int] = {}
    for j, p in enumerate(pred_q):
        subject = mapping.get(p.s)
        obj = None if p.o is None else mapping.get(p.o)
        if subject is None or (p.o is not None and obj is None):
            continue
        for i, g in enumerate(gold_q):
            if (g.key, g.s, g.value) != (p.key, subject, p.value):
                continue
            if obj == g.o:
                edges[i, j] = 2
            elif obj in g.alt:
                edges[i, j] = 1
    return sorted(_max_matching(edges).items())


def _links(gold: GoldDocument, pred: GoldDocument,
           pairs: list[tuple[int, int, bool]]) -> list[RelationLink]:
    return [RelationLink(gold=gold.relations[i], pred=pred.relations[j], alt=alt)
            for i, j, alt in pairs]


def _count(keys_tp: Iterable[str], keys_fp: Iterable[str],
           keys_fn: Iterable[str]) -> dict[str, Counts]:
    counts: dict[str, Counts] = {}
    for field, keys in (("tp", keys_tp), ("fp", keys_fp), ("fn", keys_fn)):
        for key in keys:
            entry = counts.setdefault(key, Counts())
            setattr(entry, field, getattr(entry, field) + 1)
    return counts


def score_document(gold: GoldDocument, pred: GoldDocument, relaxed: bool = False) -> DocumentScore:
    """Score one predicted document against its gold document (see module example)."""
    links = match_entities(gold, pred, relaxed)
    gold_linked = {link.gold for link in links}
    pred_linked = {link.pred for link in links}
    missed = [e for e in gold.entities if e.id not in gold_linked]
    spurious = [e for e in pred.entities if e.id not in pred_linked]
    mapping = {link.pred: link.gold for link in links}
    pairs = _relation_pairs(gold, pred, gold.relations, pred.relations, mapping)
    rel_links = _links(gold, pred, pairs)
    g_used, p_used = {i for i, _, _ in pairs}, {j for _, j, _ in pairs}
    missed_rels = [r for i, r in enumerate(gold.relations) if i not in g_used]
    spurious_rels = [r for j, r in enumerate(pred.relations) if j not in p_used]
    types = {e.id: e.type.value for e in gold.entities}
    gold_q, pred_q = qualifiers(gold), qualifiers(pred)
    q_pairs = _qualifier_pairs(gold_q, pred_q, mapping)
    gq_used, pq_used = {i for i, _ in q_pairs}, {j for _, j in q_pairs}
    missed_q = [q for i, q in enumerate(gold_q) if i not in gq_used]
    spurious_q = [q for j, q in enumerate(pred_q) if j not in pq_used]
    return DocumentScore(
        doc_id=gold.id,
        relaxed=relaxed,
        entity_links=links,
        missed_entities=[e.id for e in missed],
        spurious_entities=[e.id for e in spurious],
        relation_links=rel_links,
        missed_relations=missed_rels,
        spurious_relations=spurious_rels,
        entities_by_type=_merge([_count((types[link.gold] for link in links),
                                        (e.type.value for e in spurious),
                                        (e.type.value for e in missed))], _TYPES),
        relations_by_predicate=_merge([_count((link.gold.p.value for link in rel_links),
                                              (r.p.value for r in spurious_rels),
                                              (r.p.value for r in missed_rels))], _PREDICATES),
        missed_qualifiers=missed_q,
        spurious_qualifiers=spurious_q,
        qualifiers_by_key=_merge([_count((gold_q[i].key for i, _ in q_pairs),
                                         (q.key for q in spurious_q),
                                         (q.key for q in missed_q))], _Q_KEYS),
    )


def score_corpus(pairs: Iterable[tuple[GoldDocument, GoldDocument]],
                 relaxed: bool = False) -> CorpusScore:
    """Score (gold, prediction) pairs; totals are micro-averaged over documents.

    >>> gold = GoldDocument(id="d", relations=[{"s": "DOC", "p": "datePublished", "o": "2024"}])
    >>> score_corpus([(gold, GoldDocument(id="d"))]).relations.recall
    0.0
    """
    return CorpusScore(relaxed=relaxed, documents=[score_document(g, p, relaxed) for g, p in pairs])
