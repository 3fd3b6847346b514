"""Small graphs built by hand for the viz tests: the sample release, plus a
release whose names and sentences try to break out of HTML and XML."""

from __future__ import annotations

import pytest

from kgextract.graph import to_networkx
from kgextract.graph.examples import sample_results
from kgextract.models import (
    DocumentResult,
    EventType,
    Evidence,
    MembershipStatus,
    Relation,
)

from builders import entity, evidence, result

EVIL = "</script><script>window.__pwned=1</script><!-- & \u2028"
EVIL_KEY = "person/evil"
ACME, BETA, CEO = "organization/acme", "organization/beta-co", "role/ceo"
SENTENCE = 'Ann Lee, CEO of Acme and of Beta "Co" </script><img src=x onerror="window.__pwned=1">.'


def _ev(start: int, confidence: float, extractor: str = "kgx.test.v1") -> Evidence:
    return evidence("tricky", start, sentence=SENTENCE, confidence=confidence, extractor=extractor)


def tricky_result() -> DocumentResult:
    """A person with one role in two organizations, and a hostile name."""
    ents = [
        entity("person/ann-lee", "Ann Lee", "Ms. Lee"),
        entity(CEO, "CEO"),
        entity(ACME, "Acme"),
        entity(BETA, 'Beta "Co" <b>&amp;</b>'),
        entity(EVIL_KEY, EVIL),
    ]
    rels = [
        Relation(subject="person/ann-lee", predicate="hasRole", object=CEO, organization=ACME,
                 confidence=0.9, evidence=[_ev(0, 0.9), _ev(9, 0.7, "kgx.other.v1")]),
        Relation(subject="person/ann-lee", predicate="hasRole", object=CEO, organization=BETA,
                 confidence=0.8, evidence=[_ev(20, 0.8)]),
        Relation(subject=EVIL_KEY, predicate="memberOf", object=BETA, confidence=0.5,
                 evidence=[_ev(30, 0.5)]),
        Relation(subject="DOC", predicate="datePublished", object="2024-03"),
    ]
    return result("tricky", ents, rels, text=SENTENCE, title="A <tricky> release")


def all_results() -> list[DocumentResult]:
    return [*sample_results(), tricky_result()]


@pytest.fixture
def results() -> list[DocumentResult]:
    return all_results()


@pytest.fixture
def graph(results):
    return to_networkx(results)


def typed_results() -> list[DocumentResult]:
    """The sample release with its event typed, a second typed event, and a dated membership."""
    (sample,) = sample_results()[:1]
    ents = [e.model_copy(update={"event_type": EventType.CONFERENCE}) if e.type.value == "Event" else e
            for e in sample.entities]
    ents.append(entity("event/talks", "talks", event_type="Meeting"))
    rels = [r.model_copy(update={"start": "2024-07-01", "status": MembershipStatus.FUTURE})
            if r.predicate.value == "hasRole" else r
            for r in sample.relations]
    rels.append(Relation(subject="event/talks", predicate="attendee", object=ACME if any(
        e.key == ACME for e in ents) else next(e.key for e in ents if e.type.value == "Organization")))
    return [sample.model_copy(update={"entities": ents, "relations": rels})]
