"""Digest source lines ("Lyon LE PETIT JOURNAL in French 1200 GMT 3 May 94"): the source becomes an Organization."""

from __future__ import annotations

import pytest

from kgextract.nlp.extensions import MENTIONS

pytestmark = pytest.mark.model


def _labelled(nlp, text):
    doc = nlp(text)
    return {(s.text, s.label_) for s in doc.spans[MENTIONS]}, doc._.kgx_source_lines


@pytest.mark.parametrize("text, source", [
    pytest.param("Lyon LE PETIT JOURNAL in French 1200 GMT 3 May 94 p 2", "LE PETIT JOURNAL", id="with-language"),
    pytest.param("Lyon GAZETTAPRESS", "GAZETTAPRESS", id="capitals-alone"),
    pytest.param("Mayor Opens Bridge XY0305120094 Lyon Radio Rhone Network", "Radio Rhone Network", id="broadcaster"),
    pytest.param("Mayor Opens Bridge XY0305120094 Lyon LE PETIT JOURNAL in French 1200 GMT 3 May 94",
                 "LE PETIT JOURNAL", id="after-serial-code"),
])
def test_source_line_names_an_organization(nlp, text, source):
    labelled, lines = _labelled(nlp, text)
    assert (source, "Organization") in labelled
    assert lines and len(lines) == 1


@pytest.mark.parametrize("text", [
    "Lyon Water Forum opens with a record attendance.",   # a headline, not a source line
    "Jane Roe visited Lyon in June 2024 with the mayor.",  # "in" + a month, not a language
    "LYON WATER FORUM",                                    # all in capitals: no case contrast
])
def test_not_a_source_line(nlp, text):
    _, lines = _labelled(nlp, text)
    assert not lines
