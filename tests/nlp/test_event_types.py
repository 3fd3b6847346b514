"""Event types (kgx.event.types.v1): every Event gets Meeting, Visit, Conference, Signing,
Ceremony or Other, read from its mentions' words (``nlp.event_types``).

Table-driven: an invented sentence in, the (event name, type) facts out.
"""

from __future__ import annotations

import pytest

from kgextract.models import EventType
from kgextract.nlp.event_types import classify_words


@pytest.mark.parametrize("words, expected", [
    (["working", "lunch"], EventType.MEETING),
    (["courtesy", "call"], EventType.MEETING),
    (["state", "visit"], EventType.VISIT),
    (["mission", "to", "chad"], EventType.VISIT),
    (["air", "policing", "mission"], EventType.OTHER),
    (["annual", "summit"], EventType.CONFERENCE),
    (["training", "course"], EventType.CONFERENCE),
    (["signing", "ceremony"], EventType.SIGNING),
    (["memorandum"], EventType.SIGNING),
    (["meeting", "on", "the", "agreement"], EventType.MEETING),
    (["opening", "ceremony"], EventType.CEREMONY),
    (["memorial", "service"], EventType.CEREMONY),
    (["presidential", "election"], EventType.OTHER),
])
def test_classify_words(words, expected):
    assert classify_words(words) is expected


@pytest.mark.model
@pytest.mark.parametrize("text, name, expected", [
    pytest.param("GENEVA, 3 May 2024. Jane Roe met John Doe in Geneva on 2 May 2024 to discuss trade.",
                 None, EventType.MEETING, id="verb-met"),
    pytest.param("OSLO, 3 May 2024. Jane Roe will travel to Berlin and Rome next week.",
                 None, EventType.VISIT, id="verb-travel"),
    pytest.param("OSLO, 3 May 2024. The Nordic Water Forum will be held in Bergen on 5 June 2024.",
                 "nordic water forum", EventType.CONFERENCE, id="named-forum"),
    pytest.param("OSLO, 3 May 2024. Acme Corp and Globex held a signing ceremony for their joint venture "
                 "agreement in Oslo on 2 May 2024.", None, EventType.SIGNING, id="signing-beats-ceremony"),
    pytest.param("OSLO, 3 May 2024. The opening ceremony of the new Acme plant took place in Bergen "
                 "on 2 May 2024.", None, EventType.CEREMONY, id="ceremony-phrase"),
])
def test_event_types(run, text, name, expected):
    events = run(text).entities("Event")
    assert events, "no event found"
    if name is not None:
        events = [e for e in events if name in e.name.lower()]
    assert {e.event_type for e in events} == {expected}
    for e in events:
        ev = e.event_type_evidence
        assert ev is not None and ev.extractor == "kgx.event.types.v1"
        assert 0 <= ev.start < ev.end <= len(text)


def test_every_event_is_typed(run):
    text = ("PARIS, 4 March 2025. The Acme Foundation organized the Hidden Rivers Campaign in Lyon "
            "from 1 to 3 March 2025.")
    for e in run(text).entities("Event"):
        assert e.event_type is not None


@pytest.mark.model
def test_a_ceremony_later_called_a_signing_ceremony_is_a_signing(run):
    text = ("LYON, 6 March 2025. On 5 March, Acme Corp signed a supply contract with Globex Industries in a "
            "ceremony at the Lyon town hall. The signing ceremony was hosted by the Lyon Chamber of Commerce.")
    kinds = {e.event_type for e in run(text).entities("Event")}
    assert EventType.SIGNING in kinds and EventType.CEREMONY not in kinds
