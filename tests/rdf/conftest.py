"""Small extraction results built by hand for the RDF tests."""

from __future__ import annotations

import pytest

from kgextract.models import DocumentResult, Evidence, Mention, Relation

from builders import entity
from builders import evidence as build_evidence
from builders import result as build_result

DOC_ID = "unrcpd-2023-12-05"
P, R, UNODA = "person/izumi-nakamitsu", "role/under-secretary-general", "organization/unoda"
KOREA, ACME, UNRCPD = "organization/korea", "organization/acme", "organization/unrcpd"
EVENT, SUMMIT = "event/conference", "event/summit"
GENEVA, SWISS = "place/geneva", "place/switzerland"
SENTENCE = 'Ms. Izumi Nakamitsu, Under-Secretary-General of UNODA, "opened" the Conference.'


def evidence(start: int, end: int, confidence: float = 0.9, extractor: str = "kgx.test.v1",
             doc_id: str = DOC_ID, sentence: str = SENTENCE) -> Evidence:
    return build_evidence(doc_id, start, end, sentence=sentence, confidence=confidence, extractor=extractor)


def make_result() -> DocumentResult:
    """A release: a person with a role in an organization, and an event."""
    ents = [
        entity(P, "Izumi Nakamitsu", "Ms. Izumi Nakamitsu", "Nakamitsu",
               mentions=[Mention(text="Ms. Izumi Nakamitsu", start=0, end=19, sentence=SENTENCE)]),
        entity(R, "Under-Secretary-General"),
        entity(UNODA, "United Nations Office for Disarmament Affairs", "UNODA"),
        entity(UNRCPD, "UNRCPD"),
        entity(KOREA, "Government of the Republic of Korea"),
        entity(ACME, "Acme"),
        entity(EVENT, "Disarmament Conference", "the Conference"),
        entity(SUMMIT, "REAIM Summit"),
        entity(GENEVA, "Geneva"),
        entity(SWISS, "Switzerland"),
    ]
    rels = [
        Relation(subject=P, predicate="hasRole", object=R, organization=UNODA,
                 evidence=[evidence(21, 44, 0.8, "kgx.roles.v1")]),
        Relation(subject=P, predicate="memberOf", object=UNODA, evidence=[evidence(21, 52)]),
        Relation(subject=EVENT, predicate="location", object=GENEVA,
                 evidence=[evidence(60, 80, 0.7, "kgx.events.v1")]),
        Relation(subject=EVENT, predicate="startDate", object="2023-12-04"),
        Relation(subject=EVENT, predicate="endDate", object="2023-12"),
        Relation(subject=SUMMIT, predicate="startDate", object="2024"),
        Relation(subject=EVENT, predicate="organizer", object=UNODA),
        Relation(subject=EVENT, predicate="funder", object=KOREA),
        Relation(subject=EVENT, predicate="sponsor", object=ACME),
        Relation(subject=EVENT, predicate="attendee", object=P),
        Relation(subject=EVENT, predicate="attendee", object=KOREA),
        Relation(subject=UNRCPD, predicate="parentOrganization", object=UNODA),
        Relation(subject=GENEVA, predicate="containedInPlace", object=SWISS),
        Relation(subject="DOC", predicate="datePublished", object="2023-12-05"),
        Relation(subject="DOC", predicate="locationCreated", object=GENEVA),
    ]
    return build_result(DOC_ID, ents, rels, text="GENEVA, 5 December 2023 - " + SENTENCE, title="Conference opens",
                        url="https://example.org/press/1", publisher="UNODA", source="corpus/unrcpd.txt")


@pytest.fixture
def result() -> DocumentResult:
    return make_result()
