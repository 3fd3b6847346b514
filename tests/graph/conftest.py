"""Small extraction results built by hand for the NetworkX tests."""

from __future__ import annotations

from kgextract.models import Document, DocumentResult, Entity, Evidence, Relation

P, R, R2 = "person/ann-lee", "role/ceo", "role/chair"
ACME, BETA, EVENT, GENEVA = "organization/acme", "organization/beta", "event/summit", "place/geneva"


def ev(doc_id: str, start: int, extractor: str = "kgx.test.v1", confidence: float = 0.9) -> Evidence:
    return Evidence(doc_id=doc_id, sentence=f"sentence of {doc_id}", start=start, end=start + 5,
                    confidence=confidence, extractor=extractor)


def entities(person_name: str = "Ann Lee") -> list[Entity]:
    return [
        Entity(key=P, type="Person", name=person_name, aliases=["Ms. Lee"]),
        Entity(key=R, type="Role", name="CEO"),
        Entity(key=R2, type="Role", name="Chair"),
        Entity(key=ACME, type="Organization", name="Acme", alt_types=["Place"]),
        Entity(key=BETA, type="Organization", name="Beta"),
        Entity(key=EVENT, type="Event", name="Summit"),
        Entity(key=GENEVA, type="Place", name="Geneva"),
    ]


def doc(doc_id: str, relations: list[Relation], person_name: str = "Ann Lee") -> DocumentResult:
    return DocumentResult(document=Document(id=doc_id, text="", title=f"Title {doc_id}"),
                          entities=entities(person_name), relations=relations)
