"""kgx_roles: job titles as Role mentions, widened over their qualifiers."""

from __future__ import annotations

import pytest

from kgextract.nlp.extensions import MENTIONS
from kgextract.nlp.roles import ABBREVIATIONS, expand_abbreviation


def roles(nlp, text):
    doc = nlp(text)  # keep the Doc alive while its span group is read
    return [s.text for s in doc.spans[MENTIONS] if s.label_ == "Role"]


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    pytest.param("President John Doe welcomed the guests.", ["President"], id="bare"),
    pytest.param("Jane Roe, Executive Vice President of Acme Corp, spoke first.",
                 ["Executive Vice President"], id="modifiers-before"),
    pytest.param("Jane Roe was named interim CFO of Acme Corp.", ["interim CFO"], id="modifier-abbreviation"),
    pytest.param("John Doe, High Representative for Disarmament Affairs, opened the session.",
                 ["High Representative for Disarmament Affairs"], id="for-remit"),
    pytest.param("Jane Roe, Ambassador to Japan, attended the dinner.", ["Ambassador to Japan"], id="to-country"),
    pytest.param("John Doe, Chairman of the Board of Directors of Acme Corp, spoke.",
                 ["Chairman of the Board of Directors"], id="of-the-board"),
    pytest.param("Jane Roe, chief financial officer of Acme Corp, said so.",
                 ["chief financial officer"], id="of-org-not-in-title"),
    pytest.param("John Doe, president and chief executive officer of Acme Corp, spoke.",
                 ["president", "chief executive officer"], id="coordination-split"),
    pytest.param("John Doe, Ambassador for Security Affairs and Special Adviser to the Minister, spoke.",
                 ["Ambassador for Security Affairs", "Special Adviser to the Minister"],
                 id="remit-stops-at-next-title"),
])
def test_role_spans(nlp, text, expected):
    assert roles(nlp, text) == expected


@pytest.mark.model
def test_title_does_not_eat_the_holder(nlp):
    doc = nlp("Foreign Minister Jane Roe met the delegation.")
    assert [(s.text, s.label_) for s in doc.spans[MENTIONS] if s.label_ != "Event"] == [
        ("Foreign Minister", "Role"), ("Jane Roe", "Person")]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The ministers agreed on a general debate.",
    "Jane Roe will direct the new film.",
])
def test_words_used_otherwise_are_not_titles(nlp, text):
    assert roles(nlp, text) == []


@pytest.mark.parametrize("title, expected", [
    ("CEO", "chief executive officer"),
    ("interim CFO", "interim chief financial officer"),
    ("Senior VP", "Senior vice president"),
    ("chief executive officer", "chief executive officer"),
    ("Director-General", "Director-General"),
])
def test_expand_abbreviation(title, expected):
    assert expand_abbreviation(title) == expected


def test_abbreviations_spell_their_letters():
    for short, long in ABBREVIATIONS.items():
        assert short == "".join(w[0] for w in long.replace("-", " ").split()), (short, long)


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    pytest.param("On Monday, Minister for Foreign Affairs Jane Roe received the visitors.",
                 ["Minister for Foreign Affairs"], id="remit-stops-at-holder"),
    pytest.param("The Director met the Minister of the Interior, Mr. John Doe, on Monday.",
                 ["Director", "Minister of the Interior"], id="portfolio-tagged-as-org"),
    pytest.param("Jane Roe, Vice President of Research and Development at Acme Corp, spoke.",
                 ["Vice President of Research and Development"], id="coordinated-portfolio"),
    pytest.param("John Doe, CEO of Acme Digital, spoke.", ["CEO"], id="portfolio-word-inside-a-name"),
])
def test_title_shapes_v2(nlp, text, expected):
    assert roles(nlp, text) == expected


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    pytest.param("The meeting was opened by the Under-Secretary General, Jane Roe.", ["Under-Secretary General"],
                 id="hyphenated-modifier"),
    pytest.param("He met the Under Secretary for Multilateral Affairs, Ambassador John Doe.",
                 ["Under Secretary for Multilateral Affairs", "Ambassador"], id="under-modifier"),
    pytest.param("Professor Jane Roe, Dean of the Nordic Medical College, signed the agreement.", ["Dean"],
                 id="title-the-model-took-for-a-name"),
    pytest.param("The Honourable John Doe, Minister of National Security, signed the Agreement.",
                 ["Minister of National Security"], id="portfolio-with-adjective"),
    pytest.param("He served on the Juvenile Justice Committee of the Nordic Council.", [],
                 id="title-word-inside-org-name"),
])
def test_title_shapes_v3(nlp, text, expected):
    assert roles(nlp, text) == expected


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    pytest.param("The Director of Outreach, John Doe, thanked the volunteers.",
                 ["Director of Outreach"], id="remit-from-the-remits-section"),
    pytest.param("John Doe, Minister of Forestry and Fisheries, visited the coast.",
                 ["Minister of Forestry and Fisheries"], id="coordinated-remits"),
    pytest.param("Jane Roe, Director of Programmes, presented the plan.",
                 ["Director of Programmes"], id="company-remit-alone"),
])
def test_titles_take_every_portfolio_word(nlp, text, expected):
    """The titles read one portfolio list (portfolios.v2), all of its sections."""
    assert roles(nlp, text) == expected


@pytest.mark.model
def test_signature_line_names_the_holder(nlp):
    doc = nlp("Travel Plans\n\nPress Statement\nJane Roe\nActing Deputy Spokesman\nWashington, DC\n")
    assert [(s.text, s.label_) for s in doc.spans[MENTIONS] if s.label_ in ("Person", "Role")] == [
        ("Jane Roe", "Person"), ("Acting Deputy Spokesman", "Role")]


@pytest.mark.model
@pytest.mark.parametrize("text, body", [
    pytest.param("Jane Roe will meet senior officials from the Prime Minister's Office and the Nordic Drug Agency.",
                 "Prime Minister's Office", id="prime-ministers-office"),
    pytest.param("The President's Council on Fitness met Jane Roe.", "President's Council on Fitness",
                 id="over-the-models-org"),
])
def test_title_with_possessive_body_is_an_organization(nlp, text, body):
    doc = nlp(text)
    assert (body, "Organization") in [(s.text, s.label_) for s in doc.spans[MENTIONS]]
    assert roles(nlp, text) == []


@pytest.mark.model
def test_title_before_a_possessive_is_not_held_here(nlp):
    assert roles(nlp, "John Doe, the President's chief of staff, said no.") == ["chief of staff"]


def test_short_forms_expand():
    assert expand_abbreviation("Gov.") == "Governor"
    assert expand_abbreviation("sen.") == "senator"


@pytest.mark.model
def test_sheikh_before_a_name_is_an_honorific(nlp):
    text = "Sheikh Hamad bin Khalifa Al Thani, President of the Qatar Football Association, signed the agreement."
    assert roles(nlp, text) == ["President"]


@pytest.mark.model
@pytest.mark.parametrize("text, name", [
    pytest.param("Jane Roe studied at Chancellor College in Zomba.", "Chancellor College", id="title-led-name"),
    pytest.param("He served on the Juvenile Justice Committee of the Nordic Council.",
                 "Juvenile Justice Committee of the Nordic Council", id="models-whole-name-kept"),
])
def test_title_word_never_cuts_an_organization_name(nlp, text, name):
    doc = nlp(text)
    assert (name, "Organization") in [(s.text, s.label_) for s in doc.spans[MENTIONS]]
    assert roles(nlp, text) == []


@pytest.mark.model
def test_capitalised_event_after_a_title_is_no_name(nlp):
    doc = nlp("The CEO Summit Meeting opened today.")
    assert not [s for s in doc.spans[MENTIONS] if s.label_ == "Person"]
