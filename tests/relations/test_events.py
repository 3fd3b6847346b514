"""Event arguments through the whole extraction path: agents, place, dates, attendees."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model

SUMMIT_AGENTS = ("The Global Water Summit was organized by the Blue Planet Foundation, funded by Northwind Bank "
                 "and supported by the Clearwater Institute.")


@pytest.mark.parametrize("text, expected", [
    pytest.param(SUMMIT_AGENTS, {
        ("global water summit", "organizer", "blue planet foundation"),
        ("global water summit", "funder", "northwind bank"),
        ("global water summit", "sponsor", "clearwater institute"),
    }, id="organized-funded-supported-by"),
    pytest.param("The Pacific Trade Summit will take place in Auckland from 3 to 5 June 2024. "
                 "The Summit is hosted by the Pacific Trade Council.",
                 {("pacific trade summit", "organizer", "pacific trade council")}, id="hosted-by-back-reference"),
])
def test_event_agents(run, text, expected):
    facts = run(text)
    agents = {t for t in facts.triples if t[1] in ("organizer", "funder", "sponsor")}
    assert agents == expected


@pytest.mark.parametrize("text, event, place, start, end", [
    pytest.param("The International Conference on Urban Mobility took place in Lisbon on 4-5 May 2023.",
                 "international conference on urban mobility", "lisbon", "2023-05-04", "2023-05-05",
                 id="day-range"),
    pytest.param("The Pacific Trade Summit will take place in Auckland from 3 to 5 June 2024.",
                 "pacific trade summit", "auckland", "2024-06-03", "2024-06-05", id="from-to"),
    pytest.param("The Global Ocean Conference was held in Lisbon on 12 March 2024.",
                 "global ocean conference", "lisbon", "2024-03-12", None, id="one-day-no-end-date"),
    pytest.param("The Global Water Summit took place in Berlin, Germany, on 4 May 2023.",
                 "global water summit", "berlin", "2023-05-04", None, id="city-before-country"),
])
def test_event_place_and_dates(run, text, event, place, start, end):
    facts = run(text)
    assert (event, "location", place) in facts.triples
    assert (event, "startDate", start) in facts.triples
    ends = {o for s, p, o in facts.triples if s == event and p == "endDate"}
    assert ends == ({end} if end else set())


@pytest.mark.parametrize("text, venue", [
    ("The meeting took place at the Grand Hotel in Oslo on 5 May 2023.", "grand hotel"),
    ("The meeting took place at the Palais des Congrès in Paris on 5 May 2023.", "palais des congrès"),
])
def test_venue_beats_the_city_as_location(run, text, venue):
    facts = run(text)
    assert {(p, o) for s, p, o in facts.triples if s == "meeting"} == {
        ("location", venue), ("startDate", "2023-05-05")}
    assert facts.entity("Place", venue)


@pytest.mark.parametrize("text, event, people", [
    pytest.param("The Nordic Energy Forum took place in Oslo on 4-5 May 2023. "
                 "The Forum gathered 200 participants, including Jane Roe and John Doe.",
                 "nordic energy forum", {"jane roe", "john doe"}, id="participants-including"),
    pytest.param("The Global Ocean Conference was held in Lisbon on 12 March 2024, "
                 "with participants including Jane Roe and Peter Smith.",
                 "global ocean conference", {"jane roe", "peter smith"}, id="with-participants-including"),
    pytest.param("The International Conference on Urban Mobility opened in Lisbon on 4 May 2023. "
                 "Speakers at the Conference included Jane Roe and Peter Smith.",
                 "international conference on urban mobility", {"jane roe", "peter smith"}, id="speakers-included"),
])
def test_attendees(run, text, event, people):
    facts = run(text)
    assert {o for s, p, o in facts.triples if s == event and p == "attendee"} == people


def test_meeting_verb_is_an_event_with_its_participants(run):
    facts = run("Foreign Minister Jane Roe met Prime Minister John Doe in Oslo on 3 April 2024.")
    (event,) = facts.entities("Event")
    name = event.name.casefold()
    assert {(p, o) for s, p, o in facts.triples if s == name} >= {
        ("attendee", "jane roe"), ("attendee", "john doe"), ("location", "oslo"), ("startDate", "2024-04-03")}


@pytest.mark.parametrize("text, event, alias", [
    ("The International Conference on Urban Mobility took place in Lisbon on 4-5 May 2023. "
     "The Conference brought together experts from 30 countries.",
     "International Conference on Urban Mobility", "Conference"),
    ("The Pacific Trade Summit will take place in Auckland from 3 to 5 June 2024. "
     "The Summit is hosted by the Pacific Trade Council.", "Pacific Trade Summit", "Summit"),
])
def test_back_reference_merges_with_the_named_event(run, text, event, alias):
    facts = run(text)
    (ev,) = facts.entities("Event")
    assert ev.name == event
    assert alias in ev.aliases
    assert len(ev.mentions) == 2


def test_facts_of_the_back_reference_go_to_the_named_event(run):
    facts = run("The Nordic Energy Forum took place in Oslo on 4-5 May 2023. "
                "The Forum gathered 200 participants, including Jane Roe and John Doe.")
    (ev,) = facts.entities("Event")
    assert {r.subject for r in facts.result.relations} == {ev.key}


def test_unnamed_event_without_facts_is_dropped(run):
    facts = run("Jane Roe said the ceremony was moving.")
    assert facts.entities("Event") == []


def _of_the_one_event(facts, predicate):
    (event,) = facts.entities("Event")
    name = event.name.casefold()
    return {o for s, p, o in facts.triples if s == name and p == predicate}


@pytest.mark.parametrize("text, parties", [
    pytest.param("The Northwind Bank and the Clearwater Institute signed a memorandum of understanding in Lisbon "
                 "on 3 May 2023.", {"northwind bank", "clearwater institute"}, id="subjects-sign"),
    pytest.param("OSLO, 8 May 2024 -- The Northwind Bank and the Clearwater Institute signed a partnership "
                 "agreement in Oslo.", {"northwind bank", "clearwater institute"}, id="subject-after-dateline"),
    pytest.param("The Northwind Bank signed a memorandum of understanding with the Clearwater Institute.",
                 {"northwind bank", "clearwater institute"}, id="mou-with"),
    pytest.param("Jane Roe signed the agreement on behalf of the Northwind Bank.",
                 {"jane roe", "northwind bank"}, id="on-behalf-of"),
    pytest.param("Signed by Jane Roe and John Doe, the accord opens new markets for farmers.",
                 {"jane roe", "john doe"}, id="preposed-signed-by"),
    pytest.param("Foreign Minister Jane Roe was received by Mayor John Doe in Porto on 3 May 2023.",
                 {"jane roe", "john doe"}, id="received-by"),
    pytest.param("Jane Roe met with the Shura Council in Riyadh on 3 May 2023.",
                 {"jane roe", "shura council"}, id="met-with-a-body"),
    pytest.param("Jane Roe met the Northwind Bank delegation in Oslo on 3 May 2023.",
                 {"jane roe", "northwind bank"}, id="a-delegations-organization"),
])
def test_parties_are_attendees(run, text, parties):
    assert _of_the_one_event(run(text), "attendee") == parties


def test_one_signing_however_often_stated(run):
    facts = run("The Northwind Bank signed a memorandum of understanding with the Clearwater Institute in Porto "
                "on 3 May 2023. Jane Roe and John Doe signed the memorandum at the Grand Hotel.")
    assert _of_the_one_event(facts, "attendee") == {"northwind bank", "clearwater institute", "jane roe", "john doe"}


def test_signing_ceremony_and_signed_are_one_event(run):
    facts = run("The Minister hosted the Signing Ceremony for the Trade Agreement between Northland and Southland "
                "in Porto on 3 May 2023. Jane Roe signed the agreement on behalf of the Northwind Bank.")
    (event,) = facts.entities("Event")
    assert event.name.startswith("Signing Ceremony for the Trade Agreement")
    assert "signed" in event.aliases
    assert ("attendee", "northwind bank") in {(p, o) for s, p, o in facts.triples}


@pytest.mark.parametrize("text, predicate, agent", [
    pytest.param("Jane Roe visited Oslo on 3 May 2023 at the invitation of the Northwind Bank.",
                 "organizer", "northwind bank", id="at-the-invitation-of"),
    pytest.param("The Nordic Water Forum took place in Oslo with support from the Northwind Bank.",
                 "sponsor", "northwind bank", id="with-support-from"),
    pytest.param("The Nordic Water Forum, which was organized by the Clearwater Institute, took place in Oslo.",
                 "organizer", "clearwater institute", id="which-was-organized-by"),
    pytest.param("The spring session of the Northwind Council took place in Oslo on 3 May 2023. "
                 "The Northwind Council adopted its budget.", "organizer", "northwind council", id="a-bodys-session"),
])
def test_agents_by_noun_phrase(run, text, predicate, agent):
    assert agent in _of_the_one_event(run(text), predicate)


@pytest.mark.parametrize("text, start, end", [
    pytest.param("OSLO, 8 May 2024 -- The Northwind Bank and the Clearwater Institute signed a partnership "
                 "agreement in Oslo on Friday.", "2024-05-03", None, id="past-weekday"),
    pytest.param("LISBON, 8 May 2024 -- Jane Roe will meet John Doe in Porto on Friday.",
                 "2024-05-10", None, id="future-weekday"),
    pytest.param("BERGEN, 8 May 2024 -- The Nordic Water Forum opened in Bergen on Monday and ended yesterday.",
                 "2024-05-06", "2024-05-07", id="ended-yesterday"),
    pytest.param("OSLO, 10 May 2024 -- The Nordic Water Forum took place in Oslo from Monday to Wednesday.",
                 "2024-05-06", "2024-05-08", id="weekday-range"),
    pytest.param("PORTO, 30 January 2021 -- The two colleges signed a memorandum of understanding today, "
                 "28 January 2021, in Porto.", "2021-01-28", None, id="spelled-out-date-beats-today"),
    pytest.param("OSLO, 8 May 2024 -- The Nordic Water Forum took place in Bergen last year.",
                 "2023", None, id="last-year"),
    pytest.param("OSLO, 8 May 2024 -- The Nordic Water Forum will take place in Bergen next month.",
                 "2024-06", None, id="next-month"),
])
def test_relative_dates(run, text, start, end):
    facts = run(text)
    assert _of_the_one_event(facts, "startDate") == {start}
    assert _of_the_one_event(facts, "endDate") == ({end} if end else set())


@pytest.mark.parametrize("text, parties", [
    pytest.param("In Oslo, Jane Roe will meet senior officials from the Northwind Bank and the Clearwater Institute "
                 "on 3 May 2023.", {"jane roe", "northwind bank", "clearwater institute"}, id="officials-from"),
    pytest.param("On 3 May 2023, the Clearwater Institute held a cooperation agreement signing ceremony with the "
                 "Northwind University in Oslo.", {"clearwater institute", "northwind university"}, id="held-with"),
    pytest.param("Jane Roe, the Director General of the Clearwater Institute, arrived in Porto on 2 May 2023. "
                 "The Director General signed a memorandum of understanding with the Northwind Bank.",
                 {"jane roe", "clearwater institute", "northwind bank"}, id="bare-title-is-the-person"),
])
def test_more_parties(run, text, parties):
    facts = run(text)
    bodies = set(facts.names("Organization")) & parties
    (event,) = {s for s, p, o in facts.triples if p == "attendee" and o in bodies}  # one event has the bodies
    assert {o for s, p, o in facts.triples if s == event and p == "attendee"} == parties


def test_a_trip_to_two_cities_is_one_visit(run):
    facts = run("Jane Roe will visit Seoul and Busan from 3 to 6 May 2024. In Seoul, she will meet John Doe. "
                "She will also visit two schools. Jane Roe will travel to Busan on 5 May 2024.")
    (event,) = facts.entities("Event")
    assert {o for s, p, o in facts.triples if p == "location"} >= {"seoul"}
    assert ("attendee", "john doe") in {(p, o) for s, p, o in facts.triples}


def test_place_named_after_city_of(run):
    facts = run("In the southern city of Puebla, Jane Roe inaugurated a new clinic on 3 May 2023.")
    assert _of_the_one_event(facts, "location") == {"puebla"}


def test_an_event_that_only_dates_something_has_no_attendees(run):
    facts = run("The annual general meeting took place in Oslo on 3 May 2023. "
                "Jane Roe and John Doe were re-elected until the end of the next annual general meeting.")
    assert not {o for s, p, o in facts.triples if p == "attendee"}


def test_one_session_named_two_ways(run):
    facts = run("The Nordic Water Council's 12th Session opened in Geneva on 3 May 2023. "
                "Jane Roe addressed the 12th Session of the Nordic Water Council.")
    (event,) = facts.entities("Event")
    assert event.name == "12th Session of the Nordic Water Council"
    assert "12th Session" in event.aliases
    assert ("organizer", "nordic water council") in {(p, o) for s, p, o in facts.triples}


def test_signers_bodies_are_parties(run):
    facts = run("Jane Roe, President of the Northwind Club, and John Doe, President of the Clearwater Club, "
                "signed the agreement in Oslo on 3 May 2023.")
    assert _of_the_one_event(facts, "attendee") == {"jane roe", "john doe", "northwind club", "clearwater club"}


def test_mou_after_a_dateline_is_a_signing_between_its_parties(run):
    facts = run("New Delhi [India], November 9 (NWS): An MoU between the Northwind University and the Clearwater "
                "University was signed at the Grand Hotel on Thursday, an official release said.")
    assert {"northwind university", "clearwater university"} <= _of_the_one_event(facts, "attendee")
    assert "mou" not in facts.names("Organization")


@pytest.mark.parametrize("text", [
    pytest.param("Jane Roe and John Doe discussed cooperation in training, research and concluding a "
                 "twinning contract between the Northwind Club and the Clearwater Club.", id="gerund-topic"),
])
def test_no_signing(run, text):
    assert not [e for e in run(text).entities("Event") if e.name == "signing"]


def test_a_visited_building_is_no_attendee(run):
    facts = run("Jane Roe visited the Nordic Science Centre in Oslo on 3 May 2023.")
    assert "nordic science centre" not in {o for s, p, o in facts.triples if p == "attendee"}


def test_speakers_at_an_event_attended_it(run):
    facts = run("GENEVA, 30 September 2022 -- Jane Roe said during the handover ceremony that the job was done. "
                "Speaking at the same ceremony, John Doe said he was proud.")
    assert _of_the_one_event(facts, "attendee") == {"jane roe", "john doe"}


def test_annual_and_numbered_session_are_one(run):
    facts = run("The Nordic Council opened its annual Council session in Oslo today. "
                "In a message to the 73rd Council session, Jane Roe congratulated the Council.")
    (event,) = facts.entities("Event")
    assert {event.name, *event.aliases} == {"annual Council session", "73rd Council session"}


def test_a_length_in_days_gives_the_end_date(run):
    facts = run("Jane Roe began a three-day visit to Oslo on 3 May 2023.")
    assert _of_the_one_event(facts, "endDate") == {"2023-05-05"}


def test_launching_a_portal_is_an_event(run):
    facts = run("OSLO, 8 May 2024 -- The Northwind Bank will launch its new data portal in Oslo on Friday.")
    assert _of_the_one_event(facts, "startDate") == {"2024-05-10"}
    assert _of_the_one_event(facts, "location") == {"oslo"}


def test_hosted_by_after_a_bracketed_short_name(run):
    facts = run("The accord was signed in the margins of the spring session of the Nordic Water Board (NWB) "
                "hosted by the Clearwater Institute on 4 May 2023.")
    assert ("organizer", "clearwater institute") in {(p, o) for s, p, o in facts.triples
                                                     if s.startswith("spring session")}


@pytest.mark.parametrize("text", [
    pytest.param("The Nordic Water Forum took place in Oslo on 3 May 2023. The Forum was attended by the Northwind "
                 "Bank, the Clearwater Institute and representatives of the Baltic Fund.", id="attended-by"),
    pytest.param("The Northwind Bank, the Clearwater Institute and the Baltic Fund took part in the Nordic Water "
                 "Forum in Oslo on 3 May 2023.", id="took-part-in"),
])
def test_bodies_that_attended(run, text):
    assert _of_the_one_event(run(text), "attendee") == {"northwind bank", "clearwater institute", "baltic fund"}


def test_a_signing_on_another_day_is_another_signing(run):
    facts = run("ROME, 6 July 2023 -- The Northwind Bank and the Clearwater Institute signed a cooperation "
                "agreement on 6 July 2023. Jane Roe and John Doe had signed a joint statement in April 2022.")
    events = facts.entities("Event")
    assert len(events) == 2
    people = {r.object for r in facts.result.relations if r.predicate.value == "attendee"
              and r.object in {e.key for e in facts.entities("Person")}}
    (subject,) = {r.subject for r in facts.result.relations if r.object in people}
    assert {r.object for r in facts.result.relations if r.subject == subject and r.predicate.value == "startDate"} \
        == {"2022-04"}


def test_a_visit_by_someone(run):
    facts = run("The three-day visit by Jane Roe to Oslo began on 3 May 2023.")
    assert "jane roe" in _of_the_one_event(facts, "attendee")


def test_a_meeting_with_its_own_participants_after_a_signing(run):
    facts = run("The Northwind Club signed a cooperation agreement with the Clearwater Club in Oslo on 3 May 2023. "
                "Following the signing ceremony, a meeting was held between John Doe, Vice President of the "
                "Northwind Club, and the Clearwater Club delegation.")
    meeting = facts.entity("Event", "meeting").name.casefold()
    assert {o for s, p, o in facts.triples if s == meeting and p == "attendee"} == {"john doe", "clearwater club"}


@pytest.mark.parametrize("text, person", [
    pytest.param("Jane Roe met the Minister of the Interior, Mr. John Doe, in Oslo on 3 May 2023.", "john doe",
                 id="title-then-name"),
    pytest.param("The State visit of President Jane Roe took place in Oslo in June 2022.", "jane roe",
                 id="visit-of"),
])
def test_the_person_met_or_visiting(run, text, person):
    assert person in _of_the_one_event(run(text), "attendee")


def test_where_clause_gives_the_trips_place(run):
    facts = run("Jane Roe travelled to Oslo on 3 May 2023, where she signed an agreement with the Northwind Bank.")
    signing = next(s for s, p, o in facts.triples if p == "attendee" and o == "northwind bank")
    assert (signing, "location", "oslo") in facts.triples


def test_since_dates_another_time(run):
    facts = run("Jane Roe arrived in Oslo for an official visit. The official visit is her second visit since 2003.")
    assert not {o for s, p, o in facts.triples if p == "startDate"}


@pytest.mark.parametrize("text, people", [
    pytest.param("The Northwind Bank and the Clearwater Institute signed a memorandum of understanding in Porto "
                 "on 3 May 2023 in the presence of Jane Roe and John Doe.",
                 {"jane roe", "john doe"}, id="in-the-presence-of"),
    pytest.param("The Northwind Bank and the Clearwater Institute signed a memorandum of understanding in Porto "
                 "on 3 May 2023. On this occasion, Jane Roe and John Doe exchanged the documents.",
                 {"jane roe", "john doe"}, id="on-this-occasion-exchanged"),
    pytest.param("The Northwind Bank and the Clearwater Institute signed a memorandum of understanding in Porto "
                 "on 3 May 2023. On this occasion Jane Roe and John Doe were present.",
                 {"jane roe", "john doe"}, id="on-this-occasion-present"),
    pytest.param("The Baltic Water Forum took place in Riga on 3 May 2023. Jane Roe and John Doe were present "
                 "at the forum.", {"jane roe", "john doe"}, id="present-at"),
    pytest.param("The Baltic Water Forum opened in Riga on 3 May 2023. Dignitaries attending the Baltic Water "
                 "Forum include Northwind Bank President Jane Roe and John Doe.",
                 {"jane roe", "john doe"}, id="dignitaries-attending-include"),
])
def test_people_present_are_attendees(run, text, people):
    attendees = {o for s, p, o in run(text).triples if p == "attendee"}
    assert people <= attendees
    assert "northwind bank" not in attendees or "signed" in text  # a title's body is not there itself


def test_an_events_bracketed_short_name_is_the_event(run):
    facts = run("The Baltic Water Forum (BWF-3) opened in Riga on 3 May 2023. Ministers attending BWF-3 "
                "include Jane Roe and John Doe.")
    (event,) = facts.entities("Event")
    assert {o for s, p, o in facts.triples if p == "attendee"} == {"jane roe", "john doe"}
    assert {s for s, p, o in facts.triples if p == "attendee"} == {event.name.casefold()}


def test_on_another_occasion_is_no_reference(run):
    facts = run("The Northwind Bank and the Clearwater Institute signed a memorandum of understanding in Porto "
                "on 3 May 2023. Jane Roe spoke on the occasion of her birthday.")
    assert "jane roe" not in {o for s, p, o in facts.triples if p == "attendee"}


@pytest.mark.parametrize("text, event, organizer", [
    pytest.param("The Speaker Jane Roe led the delegates on a guided tour of the Parliament building on 3 May 2023.",
                 "guided tour of the parliament building", "jane roe", id="led-on-a-tour"),
    pytest.param("Jane Roe arrived in Bergen on 3 May 2023. She hosted a dinner at the Lakeside Cultural Centre.",
                 "dinner", "jane roe", id="hosted-a-dinner-pronoun"),
    pytest.param("The Northwind Bank launched a new lending platform in Oslo on 4 May 2023.",
                 "launch", "northwind bank", id="launched"),
    pytest.param("Mayor John Doe inaugurated the new office of the Clearwater Institute on 5 May 2023.",
                 "inauguration", "john doe", id="inaugurated"),
    pytest.param("The Clearwater Institute held a signing ceremony with the Northwind Bank in Oslo on 5 May 2023.",
                 "signing ceremony", "clearwater institute", id="held-a-ceremony-with"),
])
def test_organizer_of_what_one_gives(run, text, event, organizer):
    facts = run(text)
    assert {o for s, p, o in facts.triples if p == "organizer"} == {organizer}
    assert event in {s for s, p, o in facts.triples if p == "organizer"}


def test_holding_talks_with_someone_is_meeting_them(run):
    facts = run("Jane Roe held a meeting with John Doe in Bergen on 6 May 2023.")
    assert not {o for s, p, o in facts.triples if p == "organizer"}
    assert {"jane roe", "john doe"} <= {o for s, p, o in facts.triples if p == "attendee"}


@pytest.mark.parametrize("text, event", [
    pytest.param("John Doe will attend a memorial service for Ambassador Ann Lee in Oslo on 4 May 2023.",
                 "memorial service", id="memorial-service"),
    pytest.param("The Clearwater Institute will host a gala dinner in Oslo on 4 May 2023.", "gala dinner",
                 id="gala-dinner"),
])
def test_multi_word_event_nouns(run, text, event):
    facts = run(text)
    (found,) = facts.entities("Event")
    assert found.name.casefold().startswith(event)
    assert (found.name.casefold(), "startDate", "2023-05-04") in facts.triples


def test_a_working_group_is_no_occurrence(run):
    facts = run("The working group of the Clearwater Institute published its report in Oslo on 4 May 2023.")
    assert facts.entities("Event") == []


def test_among_the_speakers_were(run):
    facts = run("The Baltic Water Forum took place in Riga on 3 May 2023. Among the speakers were Jane Roe and "
                "John Doe.")
    assert _of_the_one_event(facts, "attendee") == {"jane roe", "john doe"}


def test_an_event_phrase_ends_before_its_relative_clause(run):
    facts = run("Jane Roe opened the annual meeting of the Nordic diplomats, which gathers 40 ambassadors, in Oslo "
                "on 6 January 2024.")
    (event,) = facts.entities("Event")
    assert event.name.casefold() == "annual meeting of the nordic diplomats"


def test_a_nationality_adjective_does_not_make_another_sitting(run):
    facts = run("The XII Annual Meeting of Ambassadors and Consuls opened in Oslo on 6 January 2024.\n\n"
                "At the opening of the Annual Meeting of Norwegian Ambassadors and Consuls, Foreign Minister "
                "Jane Roe spoke about trade.")
    (event,) = facts.entities("Event")
    assert (event.name.casefold(), "attendee", "jane roe") in facts.triples


@pytest.mark.parametrize("text, organizer", [
    pytest.param("The Baltic Water Commission (BWC) opened the 12th Commission session in Riga on 3 May 2023.",
                 "baltic water commission", id="the-kind-word-names-the-one-body"),
    pytest.param("Jane Roe spoke at the spring session of the UN Coastal Standards Board for Fisheries in Riga on "
                 "3 May 2023. The UN Coastal Standards Board for Fisheries meets twice a year.",
                 "un coastal standards board for fisheries", id="body-name-the-model-cut"),
])
def test_a_bodys_session_is_organized_by_it(run, text, organizer):
    facts = run(text)
    assert organizer in {o for s, p, o in facts.triples if p == "organizer"}


def test_a_session_named_by_a_kind_two_bodies_share_has_no_organizer(run):
    facts = run("The Baltic Water Commission and the Nordic Energy Commission met in Riga. The 12th Commission "
                "session opened in Riga on 3 May 2023.")
    assert not {o for s, p, o in facts.triples if p == "organizer"}


def test_a_message_to_an_event_is_taking_part(run):
    facts = run("The Baltic Water Forum opened in Riga on 3 May 2023. In a video message to the Baltic Water "
                "Forum, Foreign Minister Jane Roe congratulated the organizers.")
    assert "jane roe" in _of_the_one_event(facts, "attendee")


@pytest.mark.parametrize("text, start", [
    pytest.param("Jane Roe spoke at the spring 2023 session of the Baltic Water Board hosted by the Nordic Fund in "
                 "Riga on 4-5 April 2023.", "2023-04-04", id="the-day-beats-the-year"),
    pytest.param("Jane Roe chaired the annual general meeting of Northwind Bank in Oslo. The annual general "
                 "meeting approved the accounts for the financial year 2023.", None,
                 id="a-financial-year-is-no-event-date"),
])
def test_event_start_date(run, text, start):
    facts = run(text)
    assert {o for s, p, o in facts.triples if p == "startDate"} == ({start} if start else set())



def test_a_fronted_place_covers_conjoined_events(run):
    facts = run("In the city of Puebla, Jane Roe opened a new office and signed a cooperation agreement with the "
                "Northwind Bank.")
    signing = next(s for s, p, o in facts.triples if p == "attendee" and o == "northwind bank")
    assert (signing, "location", "puebla") in facts.triples


@pytest.mark.parametrize("text", [
    pytest.param("The Northwind Bank and the Clearwater Institute signed two agreements during the 5th Nordic Trade "
                 "Meeting, held in Bergen, Norway.", id="during"),
    pytest.param("Jane Roe met the Northwind Bank delegation on the sidelines of the Nordic Trade Conference in "
                 "Bergen in May 2023.", id="on-the-sidelines-of"),
])
def test_an_event_inside_another_takes_its_place(run, text):
    facts = run(text)
    inner = next(s for s, p, o in facts.triples if p == "attendee" and o == "northwind bank")
    assert (inner, "location", "bergen") in facts.triples


def test_an_event_at_another_is_not_framed_by_it(run):
    facts = run("The visit follows her election at the 12th Nordic Trade Conference in Bergen. Jane Roe visited "
                "the Northwind Bank on 3 May 2023.")
    assert not {s for s, p, o in facts.triples if p == "location" and o == "bergen"} - {"12th nordic trade conference"}


def test_the_host_of_a_dinner_the_delegates_are_invited_to(run):
    facts = run("The Speaker Ann Lee will host the delegates to a dinner at the Lakeside Cultural Centre in Kampala.")
    assert ("dinner", "organizer", "ann lee") in facts.triples
    assert ("dinner", "location", "lakeside cultural centre") in facts.triples
