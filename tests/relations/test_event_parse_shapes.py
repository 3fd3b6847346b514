"""Event argument shapes on hand-built parses: the rule, not the parser, is under test."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from kgextract.relations.events import _party_tokens


def _doc(rows):
    """rows: (word, pos, dep, head index)."""
    nlp = spacy.blank("en")
    words, pos, deps, heads = zip(*rows, strict=True)
    lemmas = [w.lower() for w in words]  # the rules read lemmas; these words are their own
    return Doc(nlp.vocab, words=list(words), pos=list(pos), deps=list(deps), heads=list(heads), lemmas=lemmas)


MESSAGE_WITH_SUBJECT = [
    ("In", "ADP", "prep", 7), ("a", "DET", "det", 2), ("message", "NOUN", "pobj", 0), ("to", "ADP", "prep", 2),
    ("the", "DET", "det", 5), ("forum", "NOUN", "pobj", 3), ("Roe", "PROPN", "nsubj", 7),
    ("congratulated", "VERB", "ROOT", 7), ("them", "PRON", "dobj", 7),
]
MESSAGE_SENDER_AS_APPOSITION = [
    ("In", "ADP", "prep", 8), ("a", "DET", "det", 2), ("message", "NOUN", "pobj", 0), ("to", "ADP", "prep", 2),
    ("the", "DET", "det", 5), ("forum", "NOUN", "pobj", 3), (",", "PUNCT", "punct", 5),
    ("Roe", "PROPN", "appos", 5), ("congratulated", "VERB", "ROOT", 8), ("them", "PRON", "dobj", 8),
]
GREETING_WITHOUT_MESSAGE = [
    ("In", "ADP", "prep", 7), ("a", "DET", "det", 2), ("report", "NOUN", "pobj", 0), ("to", "ADP", "prep", 2),
    ("the", "DET", "det", 5), ("forum", "NOUN", "pobj", 3), ("Roe", "PROPN", "nsubj", 7),
    ("congratulated", "VERB", "ROOT", 7), ("them", "PRON", "dobj", 7),
]


def test_the_sender_of_a_message_to_an_event_takes_part():
    for rows in (MESSAGE_WITH_SUBJECT, MESSAGE_SENDER_AS_APPOSITION):
        doc = _doc(rows)
        event = Span(doc, 5, 6, label="Event", kb_id="phrase:forum")
        assert [(t.text, why) for t, why in _party_tokens(event)] == [("Roe", "speaker")]


def test_a_report_to_an_event_is_no_message():
    doc = _doc(GREETING_WITHOUT_MESSAGE)
    event = Span(doc, 5, 6, label="Event", kb_id="phrase:forum")
    assert _party_tokens(event) == []
