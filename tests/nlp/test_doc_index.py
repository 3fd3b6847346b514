"""Per-document memo of sentences and mentions (kgextract.nlp.doc_index)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

from kgextract.nlp import doc_index
from kgextract.nlp.doc_index import mentions, remembering, sentence_of, sentence_spans, sentence_text, text_between
from kgextract.nlp.extensions import MENTIONS


@pytest.fixture()
def doc():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp("Ann Lee met Bo Chan in Oslo. They signed a pact.  Acme Corp paid.")
    doc.spans[MENTIONS] = [Span(doc, 0, 2, "Person"), Span(doc, 3, 5, "Person"), Span(doc, 6, 7, "Place"),
                           Span(doc, 14, 16, "Organization")]
    return doc


def test_sentences_match_spacy(doc):
    assert [(s.start, s.end) for s in sentence_spans(doc)] == [(s.start, s.end) for s in doc.sents]
    for tok in doc:
        assert (sentence_of(tok).start, sentence_of(tok).end) == (tok.sent.start, tok.sent.end)
        assert sentence_text(tok) == tok.sent.text.strip()


def test_a_span_is_in_the_sentence_of_its_first_token(doc):
    span = doc[6:10]  # "Oslo. They signed": crosses a sentence end
    assert sentence_of(span).start == span.sent.start
    assert text_between(doc, 0, 3) == "Ann Lee met"


def test_mentions_by_label_in_stored_order(doc):
    assert [m.text for m in mentions(doc)] == ["Ann Lee", "Bo Chan", "Oslo", "Acme Corp"]
    assert [m.text for m in mentions(doc, "Person")] == ["Ann Lee", "Bo Chan"]
    assert mentions(doc, "Event") == []


def test_callers_may_change_the_list_they_get(doc):
    with remembering(doc):
        mentions(doc, "Person").clear()
        assert len(mentions(doc, "Person")) == 2


def test_a_new_mention_group_is_read_anew(doc):
    with remembering(doc):
        assert len(mentions(doc, "Place")) == 1
        doc.spans[MENTIONS] = [Span(doc, 6, 7, "Place"), Span(doc, 14, 16, "Place")]
        assert [m.text for m in mentions(doc, "Place")] == ["Oslo", "Acme Corp"]


def test_no_mentions_without_the_group():
    doc = spacy.blank("en")("Nothing here.")
    assert mentions(doc) == []


def test_the_memo_lives_as_long_as_the_block(doc):
    with remembering(doc):
        first = mentions(doc, "Person")
        with remembering(doc):  # nested: the same memo
            assert mentions(doc, "Person")[0] is first[0]
        assert mentions(doc, "Person")[0] is first[0]
    assert doc_index._ACTIVE == {}
    assert mentions(doc, "Person")[0] is not first[0]  # outside: built anew, same answer
    assert mentions(doc, "Person") == first


def test_the_memo_is_dropped_when_the_block_fails(doc):
    with pytest.raises(ValueError), remembering(doc):
        sentence_spans(doc)
        raise ValueError("boom")
    assert doc_index._ACTIVE == {}


@pytest.mark.parametrize("text, starts", [
    ("Ann Lee\nTreasurer", ["Ann", "Treasurer"]),           # a newline after a token
    ("Ann Lee\n\n\nTreasurer", ["Ann", "Treasurer"]),       # a run of newlines (a space token)
    ("Ann Lee  Treasurer", ["Ann"]),                         # two spaces are no line break
    ("Ann Lee \n Treasurer", ["Ann", "Treasurer"]),          # a newline inside spaces
])
def test_line_break_before_sees_newlines_only(text, starts):
    doc = spacy.blank("en")(text)
    found = [t.text for t in doc if not t.is_space and doc_index.line_break_before(doc, t.i)]
    assert found == starts
    assert [doc[i].text for i in doc_index.line_starts(doc) if not doc[i].is_space] == starts


@pytest.mark.parametrize("text, word, ends", [
    ("Ann Lee\nTreasurer", "Lee", True),
    ("Ann Lee, Treasurer", "Lee", False),
    ("Ann Lee  \n\nTreasurer", "Lee", True),                 # the newline is in the space token after
    ("Treasurer Ann Lee", "Lee", True),                      # the text ends
])
def test_line_ends_after_a_word(text, word, ends):
    doc = spacy.blank("en")(text)
    i = next(t.i for t in doc if t.text == word)
    assert doc_index.line_ends_at(doc, i + 1) is ends
