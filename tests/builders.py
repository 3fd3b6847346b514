"""Hand-made extraction results for tests: one builder for each record, used by every suite.

A test that needs a ``DocumentResult`` without running spaCy builds it
here, so a change to the models (a new required field, a renamed one) is
made once. The type of an entity comes from its key's prefix, as the
extractor mints keys (``person/ann-lee`` is a Person).

>>> r = result("d1", [entity("person/ann-lee", "Ann Lee"), entity("organization/acme", "Acme")],
...            [Relation(subject="person/ann-lee", predicate="memberOf", object="organization/acme",
...                      evidence=[evidence("d1", 0, 7)])], title="Ann joins Acme")
>>> r.document.id, [e.type.value for e in r.entities], r.relations[0].evidence[0].extractor
('d1', ['Person', 'Organization'], 'kgx.test.v1')
"""

from __future__ import annotations

from collections.abc import Iterable

from kgextract.models import (
    Document,
    DocumentResult,
    Entity,
    EntityType,
    Evidence,
    Mention,
    Relation,
)

__all__ = ["Relation", "entity", "evidence", "result", "type_of"]

#: The extractor name of evidence made by hand.
TEST_EXTRACTOR = "kgx.test.v1"


def type_of(key: str) -> EntityType:
    """The entity type a key's prefix names (``place/geneva`` -> Place)."""
    return EntityType(key.split("/", 1)[0].capitalize())


def evidence(doc_id: str = "d", start: int = 0, end: int | None = None, *, sentence: str = "s",
             confidence: float = 0.9, extractor: str = TEST_EXTRACTOR) -> Evidence:
    """Evidence in ``doc_id`` at ``start``..``end`` (default: four characters on)."""
    return Evidence(doc_id=doc_id, sentence=sentence, start=start, end=start + 4 if end is None else end,
                    confidence=confidence, extractor=extractor)


def entity(key: str, name: str, *aliases: str, mention: bool = False, **fields) -> Entity:
    """An entity typed by its key's prefix; ``mention=True`` adds a mention of ``name`` at 0."""
    if mention:
        fields.setdefault("mentions", [Mention(text=name, start=0, end=len(name))])
    fields.setdefault("type", type_of(key))
    given = fields.pop("aliases", [])
    return Entity(key=key, name=name, aliases=list(aliases) or list(given), **fields)


def result(doc_id: str = "d", entities: Iterable[Entity] = (), relations: Iterable[Relation] = (), *,
           text: str = "x", **document) -> DocumentResult:
    """A document (``text`` and any other ``Document`` field by name) with its entities and relations."""
    return DocumentResult(document=Document(id=doc_id, text=text, **document), entities=list(entities),
                          relations=list(relations))
