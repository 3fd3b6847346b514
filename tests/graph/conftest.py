"""Small extraction results built by hand for the NetworkX tests."""

from __future__ import annotations

from kgextract.models import DocumentResult, Entity, Evidence, Relation

from builders import entity, evidence, result

P, R, R2 = "person/ann-lee", "role/ceo", "role/chair"
ACME, BETA, EVENT, GENEVA = "organization/acme", "organization/beta", "event/summit", "place/geneva"


def ev(doc_id: str, start: int, extractor: str = "kgx.test.v1", confidence: float = 0.9) -> Evidence:
    return evidence(doc_id, start, start + 5, sentence=f"sentence of {doc_id}", confidence=confidence,
                    extractor=extractor)


def entities(person_name: str = "Ann Lee") -> list[Entity]:
    return [
        entity(P, person_name, "Ms. Lee"),
        entity(R, "CEO"),
        entity(R2, "Chair"),
        entity(ACME, "Acme", alt_types=["Place"]),
        entity(BETA, "Beta"),
        entity(EVENT, "Summit"),
        entity(GENEVA, "Geneva"),
    ]


def doc(doc_id: str, relations: list[Relation], person_name: str = "Ann Lee") -> DocumentResult:
    return result(doc_id, entities(person_name), relations, text="", title=f"Title {doc_id}")
