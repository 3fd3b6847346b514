"""A tiny hand-made extraction result, for examples and quick experiments.

In the manner of networkx's small named graphs: one press release with a
person holding a role in an organization, and an event with a place,
dates, an organizer, a funder, a sponsor and an attendee.

>>> [res.document.id for res in sample_results()]
['sample-2023-12-05']
"""

from __future__ import annotations

from kgextract.models import Document, DocumentResult, Entity, Evidence, Mention, Relation

__all__ = ["sample_results"]

_S1 = ("GENEVA, 5 December 2023 - Ms. Izumi Nakamitsu, Under-Secretary-General of the "
       "United Nations Office for Disarmament Affairs (UNODA), opened the Disarmament "
       "Conference in Geneva on 4 December 2023.")
_S2 = ("The Conference, organized by UNODA, was funded by the Government of the "
       "Republic of Korea and supported by Acme.")
_TEXT = f"{_S1} {_S2}"


def _ev(phrase: str, extractor: str, confidence: float = 0.9) -> Evidence:
    start = _TEXT.index(phrase)
    sentence = _S1 if start < len(_S1) else _S2
    return Evidence(doc_id="sample-2023-12-05", sentence=sentence, start=start,
                    end=start + len(phrase), confidence=confidence, extractor=extractor)


def sample_results() -> list[DocumentResult]:
    """Return a one-document extraction result (a fresh copy each call).

    >>> res = sample_results()[0]
    >>> sorted(e.type.value for e in res.entities)
    ['Event', 'Organization', 'Organization', 'Organization', 'Person', 'Place', 'Role']
    """
    ents = [
        Entity(key="person/izumi-nakamitsu", type="Person", name="Izumi Nakamitsu",
               aliases=["Ms. Izumi Nakamitsu"],
               mentions=[Mention(text="Ms. Izumi Nakamitsu", start=26, end=45, sentence=_S1)]),
        Entity(key="role/under-secretary-general", type="Role", name="Under-Secretary-General"),
        Entity(key="organization/united-nations-office-for-disarmament-affairs",
               type="Organization", name="United Nations Office for Disarmament Affairs",
               aliases=["UNODA"]),
        Entity(key="organization/government-of-the-republic-of-korea", type="Organization",
               name="Government of the Republic of Korea"),
        Entity(key="organization/acme", type="Organization", name="Acme"),
        Entity(key="place/geneva", type="Place", name="Geneva", aliases=["GENEVA"]),
        Entity(key="event/disarmament-conference", type="Event", name="Disarmament Conference",
               aliases=["the Conference"]),
    ]
    p, r = "person/izumi-nakamitsu", "role/under-secretary-general"
    unoda = "organization/united-nations-office-for-disarmament-affairs"
    ev, geneva = "event/disarmament-conference", "place/geneva"
    korea = "organization/government-of-the-republic-of-korea"
    rels = [
        Relation(subject=p, predicate="hasRole", object=r, organization=unoda,
                 evidence=[_ev("Under-Secretary-General of the", "kgx.roles.v1")]),
        Relation(subject=p, predicate="memberOf", object=unoda,
                 evidence=[_ev("Nakamitsu, Under-Secretary-General of the United",
                               "kgx.roles.v1")]),
        Relation(subject=ev, predicate="location", object=geneva,
                 evidence=[_ev("Conference in Geneva", "kgx.events.v1")]),
        Relation(subject=ev, predicate="startDate", object="2023-12-04"),
        Relation(subject=ev, predicate="organizer", object=unoda),
        Relation(subject=ev, predicate="funder", object=korea),
        Relation(subject=ev, predicate="sponsor", object="organization/acme"),
        Relation(subject=ev, predicate="attendee", object=p, confidence=0.6),
        Relation(subject="DOC", predicate="datePublished", object="2023-12-05"),
        Relation(subject="DOC", predicate="locationCreated", object=geneva),
    ]
    doc = Document(id="sample-2023-12-05", text=_TEXT, title="Disarmament Conference opens")
    return [DocumentResult(document=doc, entities=ents, relations=rels)]
