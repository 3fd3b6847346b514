"""The learned relation-pair classifier (relations.pairs, relations.logistic, relations.learned).

Docs are built by hand (words, heads, dependency labels), so the tests need no
statistical model except the last one, which carries the ``model`` marker.
"""

from __future__ import annotations

import json

import pytest
import spacy
from spacy.tokens import Doc, Span

from kgextract.ingest import document_from_text
from kgextract.models import Predicate
from kgextract.nlp.extensions import MENTIONS
from kgextract.relations.learned import (
    EXTRACTOR,
    PairModel,
    added_candidates,
    learned_pairs,
    load_pair_model,
    rule_links,
    score_pairs,
)
from kgextract.relations.logistic import train
from kgextract.relations.pairs import candidate_pairs, pair_features
from kgextract.relations.registry import Candidate, Context, builtin_extractors

_VOCAB = spacy.blank("en").vocab

# (words, heads, deps, mentions as (start, end, label)): "<Person> <verb> <Organization> ."
# The verb decides: "joined"/"heads"/"represents" state membership, "met"/"thanked"/"praised" do not.
_SHAPES = {
    "joined": 1, "heads": 1, "represents": 1, "leads": 1,
    "met": 0, "thanked": 0, "praised": 0, "visited": 0,
}
_PEOPLE = [("Ana", "Ruiz"), ("Tom", "Hale"), ("Ida", "Berg"), ("Li", "Wen")]
_ORGS = ["Corvex", "Nordwind", "Velastra", "Quorra"]


def _doc(first: str, last: str, verb: str, org: str) -> Doc:
    words = [first, last, verb, org, "."]
    doc = Doc(_VOCAB, words=words, heads=[1, 2, 2, 2, 2], deps=["compound", "nsubj", "ROOT", "dobj", "punct"],
              pos=["PROPN", "PROPN", "VERB", "PROPN", "PUNCT"], sent_starts=[1, 0, 0, 0, 0])
    doc.spans[MENTIONS] = [Span(doc, 0, 2, label="Person"), Span(doc, 3, 4, label="Organization")]
    return doc


def _training_set():
    X, y = [], []
    for verb, label in sorted(_SHAPES.items()):
        for (first, last), org in zip(_PEOPLE, _ORGS, strict=True):
            for pair in candidate_pairs(_doc(first, last, verb, org), (Predicate.MEMBER_OF,)):
                X.append(pair_features(pair, {}))
                y.append(label)
    return X, y


def _model() -> PairModel:
    X, y = _training_set()
    return PairModel({Predicate.MEMBER_OF: train(X, y, bits=12, epochs=200)}, {Predicate.MEMBER_OF: 0.5})


def test_pairs_are_typed_and_within_one_sentence():
    words = ["Ana", "Ruiz", "joined", "Corvex", ".", "Tom", "Hale", "met", "Quorra", "."]
    doc = Doc(_VOCAB, words=words, heads=[1, 2, 2, 2, 2, 6, 7, 7, 7, 7],
              deps=["compound", "nsubj", "ROOT", "dobj", "punct"] * 2, sent_starts=[1, 0, 0, 0, 0] * 2)
    doc.spans[MENTIONS] = [Span(doc, 0, 2, label="Person"), Span(doc, 3, 4, label="Organization"),
                           Span(doc, 5, 7, label="Person"), Span(doc, 8, 9, label="Organization")]
    pairs = [(p.subject.text, p.object.text) for p in candidate_pairs(doc, (Predicate.MEMBER_OF,))]
    assert pairs == [("Ana Ruiz", "Corvex"), ("Tom Hale", "Quorra")]
    assert list(candidate_pairs(doc, (Predicate.HAS_ROLE,))) == []  # no Role mention


def test_features_follow_the_parse_not_the_names():
    (a,) = candidate_pairs(_doc("Ana", "Ruiz", "joined", "Corvex"), (Predicate.MEMBER_OF,))
    (b,) = candidate_pairs(_doc("Tom", "Hale", "joined", "Quorra"), (Predicate.MEMBER_OF,))
    assert pair_features(a, {}) == pair_features(b, {})  # names never become features
    assert "top=joined" in pair_features(a, {}) and "dpath=nsubj< dobj>" in pair_features(a, {})


def test_the_trainer_learns_the_verb_and_generalizes_to_new_names():
    model = _model().models[Predicate.MEMBER_OF]
    # names and organizations never seen in training
    (yes,) = candidate_pairs(_doc("Oda", "Sato", "joined", "Brightwell"), (Predicate.MEMBER_OF,))
    (no,) = candidate_pairs(_doc("Oda", "Sato", "thanked", "Brightwell"), (Predicate.MEMBER_OF,))
    assert model.probability(pair_features(yes, {})) > 0.8
    assert model.probability(pair_features(no, {})) < 0.2


def test_training_is_deterministic():
    X, y = _training_set()
    first = json.dumps(train(X, y, bits=12, epochs=50).to_dict(), sort_keys=True)
    assert first == json.dumps(train(X, y, bits=12, epochs=50).to_dict(), sort_keys=True)


def test_added_candidates_carry_evidence_confidence_and_name():
    model = _model()
    doc = _doc("Oda", "Sato", "heads", "Brightwell")
    (cand,) = added_candidates(score_pairs(doc, model, {}), {}, model.thresholds)
    assert (cand.subject.text, cand.predicate, cand.object.text) == ("Oda Sato", Predicate.MEMBER_OF, "Brightwell")
    assert cand.extractor == EXTRACTOR
    assert cand.evidence.text == "Oda Sato heads Brightwell"
    assert 0.5 <= cand.confidence <= 1.0 and cand.confidence == round(cand.confidence, 3)
    assert list(added_candidates(score_pairs(_doc("Oda", "Sato", "praised", "Brightwell"), model, {}), {},
                                 model.thresholds)) == []


def test_a_pair_the_rules_linked_is_not_added_again():
    model = _model()
    doc = _doc("Oda", "Sato", "heads", "Brightwell")
    person, org = doc.spans[MENTIONS][0], doc.spans[MENTIONS][1]
    links = rule_links([Candidate(person, Predicate.MEMBER_OF, org, 0.9, "kgx.test.v1", doc[0:4])])
    assert list(added_candidates(score_pairs(doc, model, links), links, model.thresholds)) == []


def test_the_model_round_trips_through_its_data_file_form():
    model = _model()
    again = PairModel.from_dict(json.loads(json.dumps(model.to_dict())))
    (pair,) = candidate_pairs(_doc("Oda", "Sato", "leads", "Brightwell"), (Predicate.MEMBER_OF,))
    feats = pair_features(pair, {})
    assert abs(again.models[Predicate.MEMBER_OF].probability(feats)
               - model.models[Predicate.MEMBER_OF].probability(feats)) < 1e-4
    assert again.thresholds == model.thresholds


def test_the_shipped_model_is_opt_in():
    shipped = load_pair_model()
    assert shipped.predicates and all(0.0 < t <= 1.0 for t in shipped.thresholds.values())
    assert EXTRACTOR not in builtin_extractors()  # runs only when named


@pytest.mark.model
def test_the_extractor_on_a_parsed_sentence_is_deterministic(nlp):
    text = "Oda Sato, who joined Brightwell Robotics in 2019, spoke at the event."
    runs = []
    for _ in range(2):
        doc = nlp(text)
        context = Context(document=document_from_text(text, "d1"))
        runs.append([(c.subject.text, c.predicate.value, c.object.text, c.confidence, c.extractor,
                      c.evidence.start_char, c.evidence.end_char) for c in learned_pairs(doc, context)])
    assert runs[0] == runs[1]
    for _, predicate, _, confidence, extractor, start, end in runs[0]:
        assert predicate in {p.value for p in load_pair_model().predicates}
        assert extractor == EXTRACTOR and 0.0 <= confidence <= 1.0 and 0 <= start < end <= len(text)
