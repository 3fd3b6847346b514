"""A small two-document graph built by hand, and a store holding it."""

from __future__ import annotations

import pytest

from kgextract.models import DocumentResult, Evidence, Mention, Relation
from kgextract.store.oxigraph import write_results

from builders import entity, evidence, result

ANN, BOB, CY = "person/ann-lee", "person/bob-roy", "person/cy-dee"
CEO, CHAIR = "role/ceo", "role/chair"
ACME, GROUP, KOREA = "organization/acme", "organization/acme-group", "organization/korea"
GENEVA, SWISS = "place/geneva", "place/switzerland"
SUMMIT, WORKSHOP = "event/summit", "event/workshop"

S1 = "GENEVA, 5 December 2023 - Ms. Ann Lee, CEO of Acme, opened the Summit in Geneva."
S2 = "The Summit, organized by Acme, was funded by Korea and sponsored by Acme Group."
TEXT1 = f"{S1} {S2}"


def ev(phrase: str, doc_id: str = "d1", text: str = TEXT1, extractor: str = "kgx.test.v1",
       confidence: float = 0.9) -> Evidence:
    start = text.index(phrase)
    sentence = S1 if start < len(S1) else S2
    return evidence(doc_id, start, start + len(phrase), sentence=sentence, confidence=confidence,
                    extractor=extractor)


def doc1(with_summit: bool = True) -> DocumentResult:
    ents = [
        entity(ANN, "Ann Lee", aliases=["Ms. Lee"],
               mentions=[Mention(text="Ms. Ann Lee", start=26, end=37, sentence=S1)]),
        entity(BOB, "Bob Roy"),
        entity(CEO, "CEO"),
        entity(CHAIR, "Chair"),
        entity(ACME, "Acme", aliases=["ACME Corp"]),
        entity(GROUP, "Acme Group"),
        entity(KOREA, "Government of Korea", aliases=["Korea"]),
        entity(GENEVA, "Geneva", aliases=["GENEVA"]),
        entity(SWISS, "Switzerland"),
    ]
    rels = [
        Relation(subject=ANN, predicate="hasRole", object=CEO, organization=ACME,
                 evidence=[ev("CEO of Acme", extractor="kgx.roles.v1", confidence=0.8)],
                 start="2023-06-01"),
        Relation(subject=ANN, predicate="memberOf", object=ACME),
        Relation(subject=BOB, predicate="memberOf", object=GROUP, start="2024-01", status="future"),
        Relation(subject=BOB, predicate="hasRole", object=CHAIR, start="2015", end="2023-11-30",
                 status="former"),
        Relation(subject=ACME, predicate="location", object=GENEVA),
        Relation(subject=ACME, predicate="parentOrganization", object=GROUP),
        Relation(subject=GENEVA, predicate="containedInPlace", object=SWISS),
        Relation(subject="DOC", predicate="datePublished", object="2023-12-05"),
        Relation(subject="DOC", predicate="locationCreated", object=GENEVA),
    ]
    if with_summit:
        ents.append(entity(SUMMIT, "Summit", aliases=["the Summit"],
                           event_type="Conference"))
        rels += [
            Relation(subject=SUMMIT, predicate="location", object=GENEVA,
                     evidence=[ev("the Summit in Geneva", extractor="kgx.events.v1",
                                  confidence=0.7)]),
            Relation(subject=SUMMIT, predicate="startDate", object="2023-12-04"),
            Relation(subject=SUMMIT, predicate="endDate", object="2023-12-05"),
            Relation(subject=SUMMIT, predicate="organizer", object=ACME),
            Relation(subject=SUMMIT, predicate="funder", object=KOREA),
            Relation(subject=SUMMIT, predicate="sponsor", object=GROUP),
            Relation(subject=SUMMIT, predicate="attendee", object=ANN),
            Relation(subject=SUMMIT, predicate="attendee", object=BOB),
            Relation(subject=SUMMIT, predicate="attendee", object=KOREA),
        ]
    return result("d1", ents, rels, text=TEXT1, title="Summit opens")


def doc2() -> DocumentResult:
    ents = [
        entity(ANN, "Ann Lee"),
        entity(BOB, "Bob Roy"),
        entity(CY, "Cy Dee"),
        entity(ACME, "Acme"),
        entity(SWISS, "Switzerland"),
        entity(WORKSHOP, "Workshop", event_type="Meeting"),
    ]
    rels = [
        Relation(subject=WORKSHOP, predicate="startDate", object="2024-03"),
        Relation(subject=WORKSHOP, predicate="location", object=SWISS),
        Relation(subject=WORKSHOP, predicate="organizer", object=CY),
        Relation(subject=WORKSHOP, predicate="attendee", object=ANN),
        Relation(subject=WORKSHOP, predicate="attendee", object=BOB),
        Relation(subject="DOC", predicate="datePublished", object="2024-03-01"),
    ]
    return result("d2", ents, rels, text="Acme staff Ann Lee and Bob Roy at Cy Dee's workshop.")


@pytest.fixture(scope="session")
def store_dir(tmp_path_factory):
    """A store with both documents (shared by the read-only tests: do not write to it)."""
    path = tmp_path_factory.mktemp("store") / "kg"
    write_results(path, [doc1(), doc2()])
    return path
