"""Table-driven tests for kgextract.ingest.dateline (releases invented for the tests)."""

from __future__ import annotations

import pytest

from kgextract.ingest.dateline import Dateline, find_dateline

BODY = "\n\nThe partners agreed to work together on ports, customs and training."


@pytest.mark.parametrize("text, place, region, date, date_text", [
    # inline datelines
    ("Forum closes\n\nLIMA, 9 October. The forum of 8-9 October 2017 closed.",
     "LIMA", None, "2017-10-09", "9 October"),
    ("Accord signed\n\nNAIROBI, 2 March (Office for Outer Space Affairs) \u2014 The office "
     "and Kenya signed an accord on 2 March 2016.",
     "NAIROBI", None, "2016-03-02", "2 March"),
    ("OSLO, 12 May (City Press Office) -The centre opened in May 2015.",
     "OSLO", None, "2015-05-12", "12 May"),
    ("Acme names CFO\n\nPALO ALTO, Calif., Feb. 8, 2016 /PRNewswire/ -- Acme today named "
     "a new CFO.",
     "PALO ALTO", "Calif.", "2016-02-08", "Feb. 8, 2016"),
    ("Kyoto, June 4, 2018 \u2013 The university opened a lab.",
     "Kyoto", None, "2018-06-04", "June 4, 2018"),
    ("HANOI, Aug. 3 (Xinhua) -- Talks on 3 August 2019 went well.",
     "HANOI", None, "2019-08-03", "Aug. 3"),
    ("Plant opens\nCHENGDU, China \u2013 May 9, 2015 \u2013 The plant opened.",
     "CHENGDU", "China", "2015-05-09", "May 9, 2015"),
    ("Board change\n\nGREEN BAY, Wis., Sept. 30, 2021 (GLOBE NEWSWIRE) -- A change.",
     "GREEN BAY", "Wis.", "2021-09-30", "Sept. 30, 2021"),
    ("SAN JOSE, Costa Rica, 14 April 2013 \u2014 Ministers met.",
     "SAN JOSE", "Costa Rica", "2013-04-14", "14 April 2013"),
    ("WASHINGTON, D.C., March 1, 2012 -- The agency said.",
     "WASHINGTON, D.C.", None, "2012-03-01", "March 1, 2012"),
    ("Rio de Janeiro, 20 June 2012: The summit opened.",
     "Rio de Janeiro", None, "2012-06-20", "20 June 2012"),
    # header date lines, with and without a place line directly above
    ("Travel note\n\nPress Statement\nJane Roe\nDeputy Spokesperson\nBoston, MA\n"
     "May 2, 2013\n\nThe Secretary will travel to Oslo, May 5 to May 7." ,
     "Boston", "MA", "2013-05-02", "May 2, 2013"),
    ("Travel note\n\nWashington, DC\nMay 2, 2013\n\nThe Secretary will travel.",
     "Washington, DC", None, "2013-05-02", "May 2, 2013"),
    ("Travel note\nGENEVA\n5 December 2023\n\nThe talks ended.",
     "GENEVA", None, "2023-12-05", "5 December 2023"),
    ("Campus News\n\nMarch 3, 2001\n\nThe dean retired.", None, None, "2001-03-03",
     "March 3, 2001"),
    ("Published: August 2, 2022\n\nThe lab named a director.", None, None,
     "2022-08-02", "August 2, 2022"),
    ("Title\n\nDate: 08 Jun. 2020\n" + BODY, None, None, "2020-06-08", "08 Jun. 2020"),
    ("Title\n\nReleased on Monday, 3 June 2019 10:30 CET\n" + BODY, None, None,
     "2019-06-03", "Monday, 3 June 2019"),
    ("Title\nTime:December 1, 2010\n" + BODY, None, None, "2010-12-01", "December 1, 2010"),
    ("Title\n\nNews release | 11 November 2021\n\nMADRID (Agency News) \u2013 The agency "
     "met on 11 November.", "MADRID", None, "2021-11-11", "11 November 2021"),
    # an inline date without a year takes it from the header line, nearest year
    ("2 January 2017\n\nTitle\n\nVIENNA, 30 December (City Press Office) - A note.",
     "VIENNA", None, "2016-12-30", "30 December"),
    # the inline dateline wins over a different header date
    ("Posted: 6 May 2014\n\nROME, 5 May. The board met.", "ROME", None, "2014-05-05",
     "5 May"),
])
def test_find_dateline(text, place, region, date, date_text):
    d = find_dateline(text)
    assert d is not None
    assert (d.place, d.region, d.date.start if d.date else None, d.date_text) == (
        place, region, date, date_text)
    assert d.date.precision == "day" and d.date.end is None
    if place is not None:
        assert text[d.place_start:d.place_end] == place
    if region is not None:
        assert text[d.region_start:d.region_end] == region
    assert text[d.date_start:d.date_end] == date_text


def test_dateline_without_any_year():
    text = "Title\n\nLIMA, 9 October (Agency) \u2014 The partners met. No year is given."
    d = find_dateline(text)
    assert (d.place, d.date, d.date_text) == ("LIMA", None, "9 October")
    assert find_dateline(text, year=2017).date.start == "2017-10-09"


def test_year_argument_is_the_last_resort():
    text = "LIMA, 9 October. The forum of 8-9 October 2015 closed."
    assert find_dateline(text, year=2017).date.start == "2015-10-09"


def test_place_without_date():
    d = find_dateline("Title\n\nGENOA (Port News) \u2013 The port reopened.")
    assert d == Dateline(place="GENOA", place_start=7, place_end=12,
                         agency="Port News", agency_start=14, agency_end=23)


@pytest.mark.parametrize("text, place, region, agency", [
    # a wire byline closing its line, or followed by the wire's underscore
    ("LYON, France (AP)", "LYON", "France", "AP"),
    ("LYON, France (AP) _ The mayor opened the bridge.", "LYON", "France", "AP"),
    ("SPRINGFIELD (AP)\nThe mayor opened the bridge.", "SPRINGFIELD", None, "AP"),
    # the agency after an inline date
    ("Lyon, 3 May (Xinhua) -- The mayor opened the bridge.", "Lyon", None, "Xinhua"),
    # an editor's note in brackets before the dateline
    ("(Text) Lyon, 3 May (Xinhua) -- The mayor opened the bridge.", "Lyon", None, "Xinhua"),
    # a capitalised place with a region alone on its line: a dateline without its date
    ("SPRINGFIELD, Ill.\nThe mayor opened the bridge.", "SPRINGFIELD", "Ill", None),
])
def test_wire_datelines(text, place, region, agency):
    d = find_dateline(text)
    assert (d.place, d.region, d.agency) == (place, region, agency)


@pytest.mark.parametrize("text", [
    "Springfield, Ill.\nThe mayor opened the bridge.",  # not in capitals: a line of prose
    "ACME, the maker of widgets, said so.",
])
def test_bare_place_line_needs_capitals_and_region_alone(text):
    assert find_dateline(text) is None


@pytest.mark.parametrize("text", [
    # a body sentence naming a city and a date is not a dateline
    "The minister visited Paris on 5 May 2019 and met the mayor.",
    "Title\n\nThe minister visited Paris, 5 May 2019, for talks.",
    "Title\n\nGeneva, the city of peace, hosted the event on 4 December 2023.",
    "Title\n\nIn Paris, 5 May 2019 was a busy day.",
    "Title\n\nSecretary Roe will travel to Berlin, Germany, April 13 to April 15.",
    # a range or a bare year on its own line is not a release date
    "Title\n\n4-5 December 2023\n\nThe workshop met.",
    "Title\n\n2019\n\nAnnual review.",
    # a dated line far below the opening is ignored
    "Title\n\n" + "The partners met again. " * 30 + "\n\nROME, 5 May 2014 - Notes.",
    # no date, no dateline
    "Acme names CEO\n\nAcme Ltd today named a new chief executive.",
    "",
    # a labelled line that is not a publication label
    "Title\n\nLast updated: 6 May 2014\n\nText.",
    # a title-like line with an agency is not a place
    "Annual Meeting (AM) \u2013 Day 1\n\nThe meeting opened.",
])
def test_not_a_dateline(text):
    assert find_dateline(text) is None


@pytest.mark.parametrize("above", [
    "Deputy Spokesperson",      # a title, not a place
    "Campus Report",            # a newsletter name
    "Press Statement",
    "Title",                    # a one-word title line: no region, no capitals
])
def test_line_above_header_date_must_look_like_a_place(above):
    d = find_dateline(f"Title\n{above}\nMay 2, 2013\n\nText.")
    assert d.place is None and d.date.start == "2013-05-02"


# --- issue 13, shape 4: datelines and date lines the first rules missed ---------------------------

@pytest.mark.parametrize("text, place, more, date, date_text", [
    # several places
    ("Merger agreed\n\nOSLO, Norway and DENVER, June 4, 2024 (NORDWIRE) -- The two firms merged.",
     "OSLO", ["DENVER"], "2024-06-04", "June 4, 2024"),
    ("Survey ends\n\nTROMSO / LIMA, 4 June 2015 \u2014 The joint survey ended.",
     "TROMSO", ["LIMA"], "2015-06-04", "4 June 2015"),
    ("Merger agreed\n\nOSLO, Norway, and DENVER, Colo., June 4, 2024 -- The two firms merged.",
     "OSLO", ["DENVER"], "2024-06-04", "June 4, 2024"),
    ("Survey ends\n\nTROMSO, Norway / LIMA, Peru, 4 June 2015 \u2014 The joint survey ended.",
     "TROMSO", ["LIMA"], "2015-06-04", "4 June 2015"),
    # "and" inside a region is not a second place
    ("PORT LOUIS, Trinidad and Tobago, 4 June 2015 - The port reopened.",
     "PORT LOUIS", [], "2015-06-04", "4 June 2015"),
    # the date before the place
    ("Survey ends\n\n4 June 2015, Bergen \u2013 The joint survey of the fjords ended today.",
     "Bergen", [], "2015-06-04", "4 June 2015"),
    # a wire service in brackets before the dateline; the lead's weekday fixes the guessed year
    ("Deal signed\n\n(NORDPRESS) - OSLO, MAY 4 - The two agencies on Friday signed a deal that "
     "extends the pact of March 2017.", "OSLO", [], "2018-05-04", "MAY 4"),
    # a region in square brackets, a country in round brackets
    ("Lima [Peru], 9 October 2017 (Andina): The forum closed.", "Lima", [], "2017-10-09",
     "9 October 2017"),
    ("Title\n\nLima (Peru), June 4, 2024 - Acme said.", "Lima", [], "2024-06-04", "June 4, 2024"),
    # a numeric day-first date in an inline dateline
    ("Title\n\nOslo, 04.06.2015 \u2013 Acme today announced a plant.", "Oslo", [], "2015-06-04", "04.06.2015"),
    # a month-first date before the place; several places joined by "&"
    ("Title\n\nJune 4, 2024 -- Oslo, Norway -- Acme today announced a plant.", "Oslo", [], "2024-06-04",
     "June 4, 2024"),
    ("Title\n\nSAO PAULO & RIO DE JANEIRO, June 4, 2024 -- Acme said.", "SAO PAULO", ["RIO DE JANEIRO"],
     "2024-06-04", "June 4, 2024"),
    # a place in capitals before a dash, the date on a header line
    ("FOR IMMEDIATE RELEASE - MARCH 3, 1997\n\nHeadline here\n\nSALEM - The governor today named a "
     "new director of the state water board, who starts next month.", "SALEM", [], "1997-03-03",
     "MARCH 3, 1997"),
    # a title-case place before a colon, on the line after a numeric header date
    ("03.02.2016 9:15\n\nTurku:  The port authority signed a five-year agreement with its Estonian "
     "counterpart.", "Turku", [], "2016-02-03", "03.02.2016"),
])
def test_issue13_datelines(text, place, more, date, date_text):
    d = find_dateline(text)
    assert d is not None
    assert (d.place, [text[a:b] for a, b in d.more_places],
            d.date.start if d.date else None, d.date_text) == (place, more, date, date_text)
    assert text[d.place_start:d.place_end] == place


@pytest.mark.parametrize("text, date, date_text", [
    # numeric day-first date lines, with a trailing label or a time
    ("Title\n\n04.06.2015 - Press release\n\nThe port reopened.", "2015-06-04", "04.06.2015"),
    ("Title\n\n15-05-2005 News Release 05/25\n\nThe port reopened.", "2005-05-15", "15-05-2005"),
    ("11.01.2017 6:37\n\nThe port reopened.", "2017-01-11", "11.01.2017"),
    # a date line in brackets, alone or opening the body
    ("Ports sign two deals\n(13 March 2021)\n\nThe port signed two deals.", "2021-03-13",
     "13 March 2021"),
    ("Title\n\n(29 January 2019) \u2014 The port signed two deals.", "2019-01-29", "29 January 2019"),
    # a sign-off date at the end of a release with no date in its opening
    ("Title: talks in Lima, 4 to 6 May 2011\n\nThe minister will visit Lima.\n\n. . . . .\n\n"
     "3 MAY 2011", "2011-05-03", "3 MAY 2011"),
])
def test_issue13_date_lines(text, date, date_text):
    d = find_dateline(text)
    assert (d.date.start, d.date_text) == (date, date_text)
    assert text[d.date_start:d.date_end] == date_text


@pytest.mark.parametrize("text", [
    # a date line without a year in a release that never states one
    "Title\n\nLIMA [Peru], 9 October (Andina): The forum closed.",
    # the lead's weekday fits neither the guessed year nor the next
    "(NORDPRESS) - OSLO, MAY 4 - The agencies on Monday signed a deal that extends the pact of March 2017.",
])
def test_issue13_no_year_no_date(text):
    d = find_dateline(text)
    assert d.place in ("LIMA", "OSLO") and d.date is None


@pytest.mark.parametrize("text", [
    # a short capitalised headline before a dash is not a place
    "ACME WINS - Board approves plan\n\nThe board approved the plan.",
    # a title-case word before a colon is a place only right after a header date line
    "Title\n\nTurku:  The port authority signed a five-year agreement with its Estonian counterpart.",
    # a numeric date inside running text is not a date line
    "Title\n\nThe port reopened on 04.06.2015 after repairs to the quay.",
    # the last lines hold a date range, not a sign-off date
    "Title\n\nThe minister will visit Lima.\n\n4-6 May 2011",
])
def test_issue13_not_a_dateline(text):
    assert find_dateline(text) is None


def test_issue13_dateline_after_a_long_dash_in_a_line():
    text = ("FOR IMMEDIATE RELEASE Monday, May 2, 2016\n\nAcme Names New Chief--Jo Roe to Start June 1"
            "--Nordwire \u2014 Turku, May 2, 2016The board of Acme named a chief.")
    d = find_dateline(text)
    assert (d.place, d.date.start, d.agency) == ("Turku", "2016-05-02", "Nordwire")


def test_issue13_a_dash_in_a_title_is_no_dateline():
    assert find_dateline("Acme Names New Chief \u2014 Jo Roe to Start June 1\n\nThe board met.") is None


@pytest.mark.parametrize("text", [
    "PHOTO - A view of the new terminal that the port authority opened to ships and ferries this spring.",
    "04.06.2015\n\nBackground: The port authority signed a five-year agreement with its Estonian counterpart.",
    "ABOUT ACME - Acme is a maker of widgets and gadgets for ports, ships and ferries around the world.",
])
def test_issue13_line_openers_are_not_places(text):
    d = find_dateline(text)
    assert d is None or d.place is None
