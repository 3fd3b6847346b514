"""Name normalisation and the relaxed token test of the annotation guide."""

import pytest

from kgextract.base.normalize import name_tokens, names_match, normalize_name, token_contains


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Izumi Nakamitsu", "izumi nakamitsu"),
        ("Ms. Izumi Nakamitsu", "izumi nakamitsu"),
        ("Mr Rhee", "rhee"),
        ("H.E. Mr. Park", "park"),
        ("His Excellency Ambassador Park", "ambassador park"),
        ("Her Excellency Ms. Lee", "lee"),
        ("Dr. Kim", "kim"),
        ("Prof. Ann Lee", "ann lee"),
        ("the United Nations", "united nations"),
        ("The Conference", "conference"),
        ("Korea \u2013 United Nations", "korea - united nations"),
        ("Secretary\u2014General", "secretary-general"),
        ("  New\u00a0 York ", "new york"),
        ("\u201cREAIM Summit,\u201d", "reaim summit"),
        ("\uff35\uff2e", "un"),  # full-width letters (NFKC)
        ("Drew Smith", "drew smith"),  # not an honorific
        ("Theodore Lee", "theodore lee"),  # not a leading "the"
        ("", ""),
    ],
)
def test_normalize_name(name, expected):
    assert normalize_name(name) == expected


def test_name_tokens_drop_end_punctuation():
    assert name_tokens("Geneva, Switzerland") == {"geneva", "switzerland"}


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Regional Centre for Peace", "Regional Centre for Peace and Disarmament", True),
        ("Nakamitsu", "Izumi Nakamitsu", False),  # the shorter has one token
        ("Izumi Nakamitsu", "Nakamitsu Izumi", True),  # order does not matter
        ("Office Geneva", "Office at Vienna", False),
    ],
)
def test_token_contains(a, b, expected):
    assert token_contains(a, b) is expected
    assert token_contains(b, a) is expected


def test_names_match_strict_and_relaxed():
    assert names_match("Ms. Nakamitsu", "nakamitsu")
    assert not names_match("Peace Centre", "Regional Peace Centre")
    assert names_match("Peace Centre", "Regional Peace Centre", relaxed=True)
    assert not names_match("", "")
