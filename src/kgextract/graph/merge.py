"""Merge entities across documents and check relations before they enter a graph.

Both outputs (the NetworkX graph and the RDF) use these helpers, so they
agree on labels, aliases, date values and which relations are kept.

>>> from kgextract.models import Document, DocumentResult, Entity
>>> a = DocumentResult(document=Document(id="a", text=""), entities=[
...     Entity(key="person/nakamitsu", type="Person", name="Nakamitsu")])
>>> b = DocumentResult(document=Document(id="b", text=""), entities=[
...     Entity(key="person/nakamitsu", type="Person", name="Izumi Nakamitsu",
...            aliases=["Ms. Nakamitsu"])])
>>> ent = merge_entities([a, b])["person/nakamitsu"]
>>> ent.label, ent.aliases, ent.documents
('Izumi Nakamitsu', ['Nakamitsu', 'Ms. Nakamitsu'], ['a', 'b'])
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from kgextract.errors import Warnings
from kgextract.models import DOC, DocumentResult, EntityType, Relation

__all__ = ["MergedEntity", "choose_label", "merge_entities", "date_kind", "checked_relations"]

logger = logging.getLogger("kgextract")

_DATE_RE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


@dataclass
class MergedEntity:
    """One entity key seen in one or more documents."""

    key: str
    type: EntityType
    label: str
    aliases: list[str] = field(default_factory=list)
    alt_types: list[EntityType] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    confidence: float = 0.0


def choose_label(names: Iterable[str]) -> str:
    """The label among several canonical names: the longest; ties: the smallest.

    >>> choose_label(["UNODA", "Office for Disarmament", "Office for Disarmamenu"])
    'Office for Disarmament'
    """
    return min(names, key=lambda n: (-len(n), n))


def _add(seq: list, item) -> None:
    if item not in seq:
        seq.append(item)


def merge_entities(results: Iterable[DocumentResult]) -> dict[str, MergedEntity]:
    """Merge the entities of all documents by key, in first-seen order.

    The label follows :func:`choose_label` over the canonical names; every
    other name and every alias (first-seen order, no repeats, never the label
    itself) becomes an alias.
    """
    names: dict[str, list[str]] = {}
    others: dict[str, list[str]] = {}
    merged: dict[str, MergedEntity] = {}
    for res in results:
        for ent in res.entities:
            m = merged.get(ent.key)
            if m is None:
                m = merged[ent.key] = MergedEntity(ent.key, ent.type, ent.name)
                names[ent.key], others[ent.key] = [], []
            _add(names[ent.key], ent.name)
            for alias in ent.aliases:
                _add(others[ent.key], alias)
            for t in ent.alt_types:
                if t != m.type:
                    _add(m.alt_types, t)
            _add(m.documents, res.document.id)
            m.confidence = max(m.confidence, ent.confidence)
    for key, m in merged.items():
        m.label = choose_label(names[key])
        for name in names[key] + others[key]:
            if name != m.label:
                _add(m.aliases, name)
    return merged


def date_kind(value: str) -> str | None:
    """The XSD type of an ISO 8601 date value, or ``None`` when it is not one.

    >>> [date_kind(v) for v in ["2023-12-04", "2023-12", "2023", "2023-13", "4 Dec"]]
    ['date', 'gYearMonth', 'gYear', None, None]
    """
    m = _DATE_RE.fullmatch(value)
    if not m:
        return None
    year, month, day = m.groups()
    if day is not None:
        try:
            date.fromisoformat(value)
        except ValueError:
            return None
        return "date"
    if month is not None:
        return "gYearMonth" if 1 <= int(month) <= 12 else None
    return "gYear"


def checked_relations(
    result: DocumentResult, known: Iterable[str] | dict
) -> Iterator[Relation]:
    """Yield the relations of ``result`` that can enter a graph.

    A relation is left out, with a logged warning, when its subject or
    (entity) object is neither ``DOC`` nor a key in ``known``, or when its
    date value is not ISO 8601. A ``hasRole`` organization that is not known
    is dropped (the relation stays).

    >>> from kgextract.models import Document, Relation
    >>> res = DocumentResult(document=Document(id="d", text=""), relations=[
    ...     Relation(subject="DOC", predicate="datePublished", object="2024-05-01"),
    ...     Relation(subject="DOC", predicate="datePublished", object="May 2024")])
    >>> [r.object for r in checked_relations(res, known={})]
    ['2024-05-01']
    """
    doc_id = result.document.id

    def ok(key: str, rel: Relation) -> bool:
        if key == DOC or key in known:
            return True
        logger.warning(Warnings.W070.format(predicate=rel.predicate.value, doc_id=doc_id, key=key))
        return False

    for rel in result.relations:
        if not ok(rel.subject, rel):
            continue
        if rel.predicate.takes_date:
            if date_kind(rel.object) is None:
                logger.warning(
                    Warnings.W071.format(value=rel.object, predicate=rel.predicate.value,
                                         doc_id=doc_id)
                )
                continue
        elif not ok(rel.object, rel):
            continue
        if rel.organization is not None and not ok(rel.organization, rel):
            rel = rel.model_copy(update={"organization": None})
        yield rel
