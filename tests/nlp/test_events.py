"""kgx_events: named events, event phrases and event verbs as Event mentions."""

from __future__ import annotations

import pytest

from kgextract.nlp.extensions import MENTIONS

pytestmark = pytest.mark.model


def events(nlp, text):
    doc = nlp(text)  # keep the Doc alive while its span group is read
    return [(s.text, s.kb_id_) for s in doc.spans[MENTIONS] if s.label_ == "Event"]


@pytest.mark.parametrize("text, expected", [
    pytest.param("The Global Water Summit took place in Berlin.",
                 [("Global Water Summit", "named:summit")], id="named"),
    pytest.param("The International Conference on Urban Mobility took place in Lisbon.",
                 [("International Conference on Urban Mobility", "named:conference")], id="named-with-connector"),
    pytest.param("The 5th International Widget Conference opened in Oslo.",
                 [("5th International Widget Conference", "named:conference")], id="ordinal-number"),
    pytest.param("The NATO Foreign Ministerial meeting took place in Brussels.",
                 [("NATO Foreign Ministerial meeting", "named:meeting")], id="lower-case-head"),
    pytest.param("The Conference brought together experts from 30 countries.",
                 [("Conference", "phrase:conference")], id="capitalised-back-reference"),
    pytest.param("The handover ceremony took place on Friday.",
                 [("handover ceremony", "phrase:ceremony")], id="phrase"),
    pytest.param("The annual meeting of shareholders took place in Oslo.",
                 [("annual meeting of shareholders", "phrase:meeting")], id="phrase-with-of"),
    pytest.param("Jane Roe will travel to Berlin next week. John Doe visited Tokyo in May.",
                 [("travel", "verb:visit"), ("visited", "verb:visit")], id="verbs"),
    pytest.param("Foreign Minister Jane Roe met Prime Minister John Doe in Oslo.",
                 [("met", "verb:meeting")], id="met"),
])
def test_event_mentions(nlp, text, expected):
    assert events(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "Any future meeting will be announced.",
    "The meetings were productive.",
    "The Nordic Council adopted the budget.",
    "The price will meet expectations.",
])
def test_not_events(nlp, text):
    assert events(nlp, text) == []


def test_named_event_replaces_the_pieces_the_model_found(nlp):
    doc = nlp("The Summit on Responsible Robotics in Seoul (RR Summit) brought together 2,000 people.")
    labels = [(s.text, s.label_) for s in doc.spans[MENTIONS]]
    assert labels == [("Summit on Responsible Robotics", "Event"), ("Seoul", "Place"), ("RR Summit", "Event")]


def test_named_event_and_its_short_name_are_one_event(run):
    facts = run("The Summit on Responsible Robotics in Seoul (RR Summit) brought together 2,000 people.")
    (event,) = facts.entities("Event")
    assert event.name == "Summit on Responsible Robotics"
    assert "RR Summit" in event.aliases
    assert ("summit on responsible robotics", "location", "seoul") in facts.triples


def test_date_tagged_event_by_the_model_is_not_an_event(run):
    # the small model tags "9 September 2024" EVENT here
    facts = run("The Summit on Responsible Robotics took place in Seoul on 9 September 2024.")
    assert facts.names("Event") == ["summit on responsible robotics"]
    assert ("summit on responsible robotics", "startDate", "2024-09-09") in facts.triples


@pytest.mark.parametrize("text, expected", [
    pytest.param("The Northwind Bank and the Clearwater Institute signed a memorandum of understanding.",
                 [("signed", "verb:signing")], id="signed-agreement"),
    pytest.param("The partnership agreement was signed in Porto.", [("signed", "verb:signing")], id="passive-signing"),
    pytest.param("Signed by Jane Roe and John Doe, the accord opens new markets.",
                 [("Signed", "verb:signing")], id="preposed-signed-by"),
    pytest.param("Foreign Minister Jane Roe was received by Mayor John Doe.",
                 [("received", "verb:meeting")], id="received-by"),
    pytest.param("Jane Roe inaugurated the new office.", [("inaugurated", "verb:inauguration")], id="inaugurated"),
    pytest.param("A delegation of the Northwind Bank visited Oslo.", [("visited", "verb:visit")], id="group-subject"),
    pytest.param("The signing ceremony took place in Porto.", [("signing ceremony", "phrase:signing")],
                 id="signing-ceremony-is-a-signing"),
])
def test_trigger_shapes(nlp, text, expected):
    assert events(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "The two banks agreed to sign a partnership next year.",
    "Jane Roe signed the guest book.",
    "The proposal was received by the board.",
    "The Pacific Trade Summit is hosted by the Pacific Trade Council.",
])
def test_trigger_shapes_that_are_not_events(nlp, text):
    assert not [s for s, kind in events(nlp, text) if kind.startswith("verb:")]


def test_launching_a_product_is_not_an_event(nlp):
    assert not [k for _, k in events(nlp, "Acme launched its new phone in Oslo.") if k.startswith("verb:")]


@pytest.mark.parametrize("text", [
    "Jane Roe has signed more than 40 agreements with partner universities.",
    "The bank signed several partnerships last year.",
])
def test_a_record_of_signings_is_no_event(nlp, text):
    assert not [k for _, k in events(nlp, text) if k.startswith("verb:")]


@pytest.mark.parametrize("text, expected", [
    pytest.param("Acme Corp and Beta Ltd signed a definitive agreement under which Acme will acquire Beta.", [],
                 id="acquisition-deal"),
    pytest.param("Acme Corp and Beta Ltd signed a merger agreement.", [], id="merger"),
    pytest.param("Acme Corp and Beta Ltd signed a partnership agreement.", [("signed", "verb:signing")],
                 id="partnership"),
])
def test_deals_are_no_signings(nlp, text, expected):
    assert [(t, k) for t, k in events(nlp, text) if k.startswith("verb:")] == expected
