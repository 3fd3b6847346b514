"""Tests for the versioned word lists and their loader."""

from __future__ import annotations

from importlib.resources import files

import pytest

from kgextract.base import gazetteers
from kgextract.base.gazetteers import available, load_list, load_sections
from kgextract.errors import KgextractError

LISTS = ["titles.v1", "title_modifiers.v2", "honorifics.v1", "event_nouns.v2",
         "org_words.v1"]


def _entries(name):
    """Raw entries of a data file, in file order (duplicates kept)."""
    text = (files("kgextract.base") / "data" / f"{name}.txt").read_text(encoding="utf-8")
    return [" ".join(line.split("#", 1)[0].split()) for line in text.splitlines()
            if line.split("#", 1)[0].strip()]


def test_available_lists_every_shipped_file():
    assert set(LISTS) | {"event_verbs.v1"} <= set(available())


@pytest.mark.parametrize("name, present", [
    ("titles.v1", ["secretary-general", "under-secretary-general", "high representative",
                   "ambassador", "special envoy", "special rapporteur", "prime minister",
                   "secretary of state", "spokesperson", "director-general",
                   "chief executive officer", "ceo", "chairperson", "professor", "dean",
                   "rector", "co-founder", "permanent representative", "consul general",
                   "crown prince", "admiral", "mayor", "senator"]),
    ("title_modifiers.v2", ["acting", "deputy", "assistant", "associate", "senior",
                            "executive", "vice", "chief", "interim", "former", "lead"]),
    ("honorifics.v1", ["mr", "mr.", "ms.", "dr.", "prof.", "h.e.", "his excellency",
                       "her excellency", "sir", "dame", "the honourable", "rev."]),
    ("event_nouns.v2", ["conference", "summit", "visit", "signing ceremony", "webinar",
                        "memorial service", "press conference", "ministerial"]),
    ("org_words.v1", ["ministry", "university", "centre", "center", "inc.", "ltd",
                      "programme", "secretariat", "embassy", "AG", "SpA"]),
])
def test_lists_hold_expected_entries(name, present):
    entries = load_list(name)
    assert set(present) <= entries


def test_titles_cover_sectors():
    assert len(load_list("titles.v1")) >= 300


@pytest.mark.parametrize("name, absent", [
    ("honorifics.v1", ["he", "don", "ambassador"]),   # pronoun, name, title
    ("org_words.v1", ["as", "co", "ag"]),              # English words: listed with case
    ("event_nouns.v2", ["year", "day"]),
])
def test_lists_avoid_common_words(name, absent):
    assert not set(absent) & load_list(name)


@pytest.mark.parametrize("name", LISTS + ["event_verbs.v1"])
def test_data_files_have_no_duplicates(name):
    entries = _entries(name)
    assert len(entries) == len(set(entries))


@pytest.mark.parametrize("name", ["titles.v1", "title_modifiers.v2", "honorifics.v1",
                                  "event_nouns.v2", "event_verbs.v1"])
def test_lists_are_lower_case(name):
    assert all(entry == entry.lower() for entry in _entries(name))


def test_event_verb_sections():
    sections = load_sections("event_verbs.v1")
    assert set(sections) == {"organizer", "funder", "sponsor", "attendee"}
    assert {"organize", "organise", "host", "convene"} <= sections["organizer"]
    assert {"fund", "finance"} <= sections["funder"]
    assert {"sponsor", "co-sponsor", "support"} <= sections["sponsor"]
    assert {"attend", "participate", "speak", "sign"} <= sections["attendee"]
    seen: dict[str, str] = {}
    for section, lemmas in sections.items():
        for lemma in lemmas:
            assert lemma not in seen, f"{lemma} in {seen.get(lemma)} and {section}"
            seen[lemma] = section


def test_comments_and_blank_lines_are_skipped():
    assert not any(e.startswith("#") or not e for e in load_list("titles.v1"))


def test_results_are_cached():
    assert load_list("titles.v1") is load_list("titles.v1")
    assert load_sections("event_verbs.v1") is load_sections("event_verbs.v1")


@pytest.mark.parametrize("name, code", [
    ("titles.v99", "[E040]"),
    ("titles", "[E040]"),
    ("../errors", "[E042]"),
    ("titles.v1.txt", "[E042]"),
    ("", "[E042]"),
])
def test_bad_names_raise_numbered_errors(name, code):
    with pytest.raises(KgextractError) as info:
        load_list(name)
    assert str(info.value).startswith(code)
    if code == "[E040]":
        assert "titles.v1" in str(info.value)    # lists what is available


def test_malformed_section_line(monkeypatch, tmp_path):
    (tmp_path / "bad.v1.txt").write_text("organizer: host\njust words here\n",
                                         encoding="utf-8")
    monkeypatch.setattr(gazetteers, "_data_dir", lambda: tmp_path)
    load_sections.cache_clear()
    try:
        with pytest.raises(KgextractError, match=r"\[E041\].*Line 2"):
            load_sections("bad.v1")
    finally:
        load_sections.cache_clear()


def test_section_lines_merge(monkeypatch, tmp_path):
    (tmp_path / "verbs.v1.txt").write_text(
        "# comment\na: x y  # trailing comment\n\nb: z\na: w\n", encoding="utf-8")
    monkeypatch.setattr(gazetteers, "_data_dir", lambda: tmp_path)
    load_sections.cache_clear()
    try:
        assert load_sections("verbs.v1") == {"a": frozenset("xyw"), "b": frozenset("z")}
    finally:
        load_sections.cache_clear()


def test_titles_v2_extends_v1_with_newswire_titles():
    assert load_list("titles.v1") < load_list("titles.v2")
    assert {"official", "lobbyist", "candidate"} <= load_list("titles.v2") - load_list("titles.v1")


def test_titles_v3_extends_v2_with_assistants():
    from kgextract.base.gazetteers import TITLES
    assert TITLES == "titles.v3"
    assert load_list("titles.v2") < load_list("titles.v3")
    assert {"special assistant", "staff assistant"} <= load_list("titles.v3") - load_list("titles.v2")
    assert "assistant" not in load_list("titles.v3")  # alone a modifier ("assistant director")


def test_event_kinds_are_event_words():
    """The event-kind sections name heads the event lists know: one source for the words."""
    from kgextract.base.gazetteers import EVENT_KINDS, EVENT_NOUNS

    known = {w for e in load_list(EVENT_NOUNS) for w in e.split()}
    known |= {w.replace("_", " ") for words in load_sections("event_types.v1").values() for w in words}
    known |= {"signing", "launch", "inauguration", "courtesy", "call"}  # the event verbs' nouns
    for section, words in load_sections(EVENT_KINDS).items():
        assert words <= known, (section, sorted(words - known))


def test_body_words_are_org_words():
    from kgextract.base.gazetteers import BODY_WORDS

    sections = load_sections(BODY_WORDS)
    bodies = sections["org_endings"] | sections["list_heads"] | sections["kinds"]
    assert bodies <= load_list("org_words.v1"), sorted(bodies - load_list("org_words.v1"))
