"""Roles in time (relations/tenure.py): start, end and status of memberships, read through
the whole extraction path and resolved against the release's date (its dateline).

Each case: an invented release in, the qualifiers of one (person, title) membership out.
"""

from __future__ import annotations

import pytest

from conftest import norm

pytestmark = pytest.mark.model


def qualifiers(facts, person: str, title: str) -> dict:
    """``{field: value}`` of the hasRole (person, title) (the relation must exist; the title may
    keep a word of time before it: "incoming chief financial officer")."""
    for rel in facts.result.relations:
        if rel.predicate.value != "hasRole":
            continue
        subj, obj = facts.result.entity(rel.subject), facts.result.entity(rel.object)
        if norm(person) in {norm(n) for n in [subj.name, *subj.aliases]} and norm(obj.name).split()[-len(title.split()):] == norm(title).split():
            return {f: (v.value if hasattr(v, "value") else v) for f in ("start", "end", "status")
                    if (v := getattr(rel, f)) is not None}
    raise AssertionError(f"no hasRole {person} -> {title} in {sorted(facts.roles)}")


@pytest.mark.parametrize("text, person, title, expected", [
    pytest.param("LONDON, 5 December 2023. Acme Corp appointed Jane Roe chief financial officer, "
                 "effective January 1, 2024.", "jane roe", "chief financial officer",
                 {"start": "2024-01-01", "status": "future"}, id="effective-date-after-release"),
    pytest.param("OSLO, 3 May 2024. Globex Industries appointed John Doe chief executive officer "
                 "with immediate effect.", "john doe", "chief executive officer",
                 {"start": "2024-05-03"}, id="immediate-effect-is-release-date"),
    pytest.param("OSLO, 3 May 2024. John Doe, chief executive officer of Acme Corp, will retire on "
                 "31 March 2025.", "john doe", "chief executive officer",
                 {"end": "2025-03-31"}, id="will-retire-on"),
    pytest.param("OSLO, 3 May 2024. Jane Roe served as chairman of Globex Industries from 2010 to 2015.",
                 "jane roe", "chairman", {"start": "2010", "end": "2015", "status": "former"},
                 id="served-from-to"),
    pytest.param("OSLO, 3 May 2024. John Doe stepped down as president of Acme Corp in March 2024.",
                 "john doe", "president", {"end": "2024-03", "status": "former"}, id="stepped-down-in"),
    pytest.param("OSLO, 3 May 2024. Jane Roe will become chief financial officer of Acme Corp on 1 July 2024.",
                 "jane roe", "chief financial officer", {"start": "2024-07-01", "status": "future"},
                 id="will-become-on"),
    pytest.param("OSLO, 3 May 2024. Incoming chief financial officer Jane Roe met the auditors.",
                 "jane roe", "chief financial officer", {"status": "future"}, id="incoming"),
    pytest.param("OSLO, 3 May 2024. Outgoing president Jane Roe, who retires on 30 June 2024, met the board.",
                 "jane roe", "president", {}, id="outgoing-is-still-held"),
    pytest.param("OSLO, 3 May 2024. Jane Roe succeeded John Doe as chief executive officer of Acme Corp "
                 "in January 2024.", "john doe", "chief executive officer", {"end": "2024-01", "status": "former"},
                 id="succeeded-x-as-ends-x"),
    pytest.param("OSLO, 3 May 2024. Jane Roe succeeded John Doe as chief executive officer of Acme Corp "
                 "in January 2024.", "jane roe", "chief executive officer", {"start": "2024-01"},
                 id="succeeded-x-as-starts-the-subject"),
    pytest.param("OSLO, 3 May 2024. Jane Roe will succeed John Doe as chief executive officer of Acme Corp "
                 "on 1 July 2024.", "jane roe", "chief executive officer", {"start": "2024-07-01", "status": "future"},
                 id="will-succeed-x-as"),
    pytest.param("OSLO, 3 May 2024. Jane Roe will succeed John Doe as chief executive officer of Acme Corp "
                 "on 1 July 2024.", "john doe", "chief executive officer", {"end": "2024-07-01"},
                 id="will-succeed-x-as-ends-x-later"),
    pytest.param("OSLO, 3 May 2024. Acme Corp named Jane Roe chief operating officer. Ms. Roe will "
                 "assume her new duties on 1 June 2024.", "jane roe", "chief operating officer",
                 {"start": "2024-06-01", "status": "future"}, id="assume-duties-next-sentence"),
    pytest.param("OSLO, 3 May 2024. Jane Roe joined Acme Corp as chief technology officer in 2010.",
                 "jane roe", "chief technology officer", {"start": "2010"}, id="joined-in"),
    pytest.param("OSLO, 3 May 2024. Jane Roe has served as president of Globex Industries since 2015.",
                 "jane roe", "president", {"start": "2015"}, id="since"),
    pytest.param("OSLO, 3 May 2024. Jane Roe, Acme Corp's previous director, returned to teaching.",
                 "jane roe", "director", {"status": "former"}, id="previous-title"),
    pytest.param("OSLO, 3 May 2024. Jane Roe was president of Globex Industries.",
                 "jane roe", "president", {"status": "former"}, id="was-title"),
    pytest.param("OSLO, 3 May 2024. Jane Roe is president of Globex Industries.",
                 "jane roe", "president", {}, id="is-title-held"),
    pytest.param("OSLO, 3 May 2024. Vice President Jane Roe held a meeting with the delegation.",
                 "jane roe", "vice president", {}, id="held-a-meeting-is-not-a-past-post"),
    pytest.param("Acme Corp appointed Jane Roe chief financial officer with immediate effect.",
                 "jane roe", "chief financial officer", {}, id="no-release-date-no-immediate-start"),
])
def test_tenure(run, text, person, title, expected):
    assert qualifiers(run(text), person, title) == expected


def test_qualifiers_carry_evidence(run):
    text = "OSLO, 3 May 2024. Jane Roe will become chief financial officer of Acme Corp on 1 July 2024."
    facts = run(text)
    (rel,) = [r for r in facts.result.relations if r.predicate.value == "hasRole"]
    assert set(rel.qualifier_evidence) == {"start", "status"}
    start = rel.qualifier_evidence["start"][0]
    assert start.extractor == "kgx.tenure.start.v1" and 0 < start.confidence <= 1
    assert "1 July 2024" in text[start.start:start.end] and start.sentence in text


def test_title_words():
    import datetime as dt

    from kgextract.relations.tenure import iso_after, iso_before
    day = dt.date(2024, 5, 3)
    assert iso_before("2024-04", day) and not iso_before("2024-05", day) and not iso_before("2024", day)
    assert iso_after("2025", day) and iso_after("2024-05-04", day) and not iso_after("2024-05", day)


@pytest.mark.parametrize("text, person, title, expected", [
    pytest.param("OSLO, 3 May 2024. Secretary-General Jane Roe concluded her term on 30 April 2024.",
                 "jane roe", "secretary-general", {"end": "2024-04-30", "status": "former"}, id="concluded-term"),
    pytest.param("OSLO, 3 May 2024. Foreign Minister Jane Roe concluded a visit to Bergen on 2 May 2024.",
                 "jane roe", "foreign minister", {}, id="concluded-a-visit-is-no-end"),
])
def test_ending_a_term_not_an_errand(run, text, person, title, expected):
    assert qualifiers(run(text), person, title) == expected
