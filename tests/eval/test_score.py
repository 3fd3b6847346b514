"""The scorer: hand-made gold and prediction pairs with known counts."""

import pytest

from kgextract.eval.gold import GoldDocument
from kgextract.eval.score import Counts, match_entities, score_corpus, score_document


def doc(entities=(), relations=(), doc_id="d1"):
    """Build a document from compact tuples: (id, type, name, *aliases), (s, p, o, *alt)."""
    return GoldDocument(
        id=doc_id,
        entities=[{"id": i, "type": t, "name": n, "aliases": list(a)} for i, t, n, *a in entities],
        relations=[{"s": s, "p": p, "o": o, "alt": list(alt)} for s, p, o, *alt in relations],
    )


GOLD = doc(
    entities=[
        ("p1", "Person", "Izumi Nakamitsu", "Ms. Nakamitsu", "Nakamitsu"),
        ("r1", "Role", "Under-Secretary-General"),
        ("o1", "Organization", "United Nations Office for Disarmament Affairs", "UNODA"),
        ("pl1", "Place", "Geneva"),
        ("pl2", "Place", "Palais des Nations"),
        ("e1", "Event", "Conference on Disarmament Issues", "the Conference"),
    ],
    relations=[
        ("DOC", "datePublished", "2023-12-05"),
        ("DOC", "locationCreated", "pl1"),
        ("p1", "hasRole", "r1"),
        ("p1", "memberOf", "o1"),
        ("e1", "location", "pl2", "pl1"),
        ("e1", "startDate", "2023-12-04"),
        ("e1", "organizer", "o1"),
        ("e1", "attendee", "p1"),
    ],
)


def as_prediction(gold: GoldDocument) -> GoldDocument:
    """The gold document with prediction-style ids (as read back from RDF)."""
    ids = {e.id: f"{e.type.value.lower()}/{e.id}" for e in gold.entities}
    data = gold.model_dump(mode="json")
    for ent in data["entities"]:
        ent["id"] = ids[ent["id"]]
    for rel in data["relations"]:
        rel["s"], rel["o"] = ids.get(rel["s"], rel["s"]), ids.get(rel["o"], rel["o"])
        rel["alt"] = []
    return GoldDocument.model_validate(data)


def counts(c: Counts) -> tuple[int, int, int]:
    return c.tp, c.fp, c.fn


def test_perfect_prediction():
    score = score_document(GOLD, as_prediction(GOLD))
    assert counts(score.entities) == (6, 0, 0)
    assert counts(score.relations) == (8, 0, 0)
    assert score.entities.f1 == score.relations.f1 == 1.0
    assert {link.how for link in score.entity_links} == {"name"}


def test_empty_prediction():
    score = score_document(GOLD, GoldDocument(id="d1"))
    assert counts(score.entities) == (0, 0, 6)
    assert counts(score.relations) == (0, 0, 8)
    assert score.entities.recall == score.relations.recall == 0.0
    assert score.missed_entities == [e.id for e in GOLD.entities]


def test_partial_prediction():
    pred = doc(
        entities=[("a", "Person", "Nakamitsu"), ("b", "Role", "Under-Secretary-General"),
                  ("c", "Organization", "Acme")],
        relations=[("a", "hasRole", "b"), ("a", "memberOf", "c"),
                   ("DOC", "datePublished", "2023-12-05")],
    )
    score = score_document(GOLD, pred)
    assert counts(score.entities) == (2, 1, 4)
    assert counts(score.relations) == (2, 1, 6)
    assert score.spurious_entities == ["c"]
    assert counts(score.entities_by_type["Organization"]) == (0, 1, 1)
    assert counts(score.relations_by_predicate["memberOf"]) == (0, 1, 1)
    assert score.relations.precision == pytest.approx(2 / 3)


def test_two_nodes_for_one_person_cost_a_false_positive():
    gold = doc([("p1", "Person", "Izumi Nakamitsu", "Nakamitsu")])
    pred = doc([("x", "Person", "Nakamitsu"), ("y", "Person", "Izumi Nakamitsu")])
    score = score_document(gold, pred)
    assert counts(score.entities) == (1, 1, 0)
    assert [(link.gold, link.pred, link.how) for link in score.entity_links] == [("p1", "y", "name")]


def test_alias_match_with_honorific():
    gold = doc([("p1", "Person", "Izumi Nakamitsu", "Ms. Nakamitsu")])
    pred = doc([("x", "Person", "Mrs. Nakamitsu")])  # normalises to an alias
    links = match_entities(gold, pred)
    assert [(link.gold, link.pred, link.how) for link in links] == [("p1", "x", "alias")]


def test_predicted_alias_matches_gold_name():
    gold = doc([("o1", "Organization", "World Customs Organization")])
    pred = doc([("x", "Organization", "WCO", "the World Customs Organization")])
    assert score_document(gold, pred).entities.f1 == 1.0


def test_maximum_matching_beats_greedy():
    # "Lee" fits both gold persons; only one assignment matches both.
    gold = doc([("p1", "Person", "Ann Lee", "Lee"), ("p2", "Person", "Bo Lee", "Lee")])
    pred = doc([("x", "Person", "Lee"), ("y", "Person", "Ann Lee")])
    links = {link.gold: link.pred for link in match_entities(gold, pred)}
    assert links == {"p1": "y", "p2": "x"}


def test_type_must_agree_unless_alt_type():
    gold = GoldDocument(id="d1", entities=[
        {"id": "pl1", "type": "Place", "name": "UNOG", "alt_types": ["Organization"]},
        {"id": "p1", "type": "Person", "name": "Geneva"}])
    pred = doc([("x", "Organization", "UNOG"), ("y", "Place", "Geneva")])
    score = score_document(gold, pred)
    assert [(link.gold, link.pred) for link in score.entity_links] == [("pl1", "x")]
    assert counts(score.entities_by_type["Place"]) == (1, 1, 0)  # TP under the gold type
    assert counts(score.entities_by_type["Person"]) == (0, 0, 1)


def test_alt_object_counts_once():
    gold = doc([("e1", "Event", "Summit"), ("pl1", "Place", "Geneva"), ("pl2", "Place", "Palais")],
               [("e1", "location", "pl2", "pl1")])
    one = doc([("e", "Event", "Summit"), ("g", "Place", "Geneva")], [("e", "location", "g")])
    score = score_document(gold, one)
    assert counts(score.relations) == (1, 0, 0)
    assert score.relation_links[0].alt is True
    both = doc([("e", "Event", "Summit"), ("g", "Place", "Geneva"), ("p", "Place", "Palais")],
               [("e", "location", "g"), ("e", "location", "p")])
    score = score_document(gold, both)
    assert counts(score.relations) == (1, 1, 0)
    assert score.relation_links[0].alt is False  # the main object is preferred


MEMBER_GOLD = doc([("p1", "Person", "Ann Lee"), ("o1", "Organization", "Acme")],
                  [("p1", "memberOf", "o1")])


def test_each_gold_relation_matched_at_most_once():
    gold = MEMBER_GOLD
    pred = doc([("a", "Person", "Ann Lee"), ("c", "Organization", "Acme")],
               [("a", "memberOf", "c"), ("a", "memberOf", "c")])
    assert counts(score_document(gold, pred).relations) == (1, 1, 0)


def test_unmatched_subject_makes_relation_spurious():
    pred = doc([("a", "Person", "Bob Ray"), ("c", "Organization", "Acme")],
               [("a", "memberOf", "c")])
    score = score_document(MEMBER_GOLD, pred)
    assert counts(score.relations) == (0, 1, 1)


EVENT_GOLD = doc(
    [("e1", "Event", "22nd Joint Conference on Disarmament"), ("pl1", "Place", "Seoul"),
     ("o1", "Organization", "UNODA")],
    [("e1", "startDate", "2023-12-04"), ("e1", "location", "pl1"), ("e1", "organizer", "o1")],
)


def test_event_matched_by_two_shared_relations():
    pred = doc(
        [("ev", "Event", "the meeting"), ("s", "Place", "Seoul"), ("u", "Organization", "UNODA")],
        [("ev", "startDate", "2023-12-04"), ("ev", "location", "s"), ("ev", "attendee", "u")],
    )
    score = score_document(EVENT_GOLD, pred)
    assert ("e1", "ev", "event") in [(link.gold, link.pred, link.how) for link in score.entity_links]
    assert counts(score.entities) == (3, 0, 0)
    assert counts(score.relations) == (2, 1, 1)


def test_event_with_one_shared_relation_is_not_matched():
    pred = doc([("ev", "Event", "the meeting"), ("s", "Place", "Seoul")],
               [("ev", "startDate", "2023-12-04"), ("ev", "location", "s")][:1])
    score = score_document(EVENT_GOLD, pred)
    assert "ev" in score.spurious_entities


def test_relaxed_matches_token_containment_and_strict_does_not():
    gold = doc([("o1", "Organization", "Regional Centre for Peace and Disarmament in Asia"),
                ("p1", "Person", "Izumi Nakamitsu")])
    pred = doc([("x", "Organization", "Regional Centre for Peace and Disarmament"),
                ("y", "Person", "Nakamitsu")])  # one token: not even relaxed
    strict, relaxed = score_document(gold, pred), score_document(gold, pred, relaxed=True)
    assert counts(strict.entities) == (0, 2, 2)
    assert counts(relaxed.entities) == (1, 1, 1)
    assert [link.how for link in relaxed.entity_links] == ["relaxed"]


def test_relaxed_prefers_exact_match():
    gold = doc([("o1", "Organization", "Peace Centre Asia")])
    pred = doc([("x", "Organization", "Peace Centre Asia Pacific"),
                ("y", "Organization", "Peace Centre Asia")])
    links = match_entities(gold, pred, relaxed=True)
    assert [(link.pred, link.how) for link in links] == [("y", "name")]


@pytest.mark.parametrize(
    ("predicted", "matches"),
    [("2023-12-04", True), ("2023-12", False), ("2023-12-05", False), (" 2023-12-04 ", True)],
)
def test_date_values_compare_exactly(predicted, matches):
    gold = doc([("e1", "Event", "Summit")], [("e1", "startDate", "2023-12-04")])
    pred = doc([("e", "Event", "Summit")], [("e", "startDate", predicted)])
    assert score_document(gold, pred).relations.tp == int(matches)


def test_document_relations_use_doc():
    gold = doc([("pl1", "Place", "Geneva")],
               [("DOC", "datePublished", "2024"), ("DOC", "locationCreated", "pl1")])
    pred = doc([("g", "Place", "GENEVA")],
               [("DOC", "datePublished", "2024"), ("DOC", "locationCreated", "g")])
    assert counts(score_document(gold, pred).relations) == (2, 0, 0)


def test_corpus_totals_are_micro_averages():
    other = doc([("p1", "Person", "Bo Ray")], [("DOC", "datePublished", "2024")], doc_id="d2")
    corpus = score_corpus([(GOLD, as_prediction(GOLD)), (other, GoldDocument(id="d2"))])
    assert counts(corpus.entities) == (6, 0, 1)
    assert counts(corpus.relations) == (8, 0, 1)
    assert counts(corpus.relations_by_predicate["datePublished"]) == (1, 0, 1)
    assert list(corpus.entities_by_type) == ["Person", "Organization", "Place", "Event", "Role"]
    assert [d.doc_id for d in corpus.documents] == ["d1", "d2"]


def test_scoring_is_deterministic_and_order_free():
    pred = as_prediction(GOLD)
    shuffled = pred.model_copy(
        update={"entities": pred.entities[::-1], "relations": pred.relations[::-1]})
    first = score_document(GOLD, pred).model_dump()
    assert score_document(GOLD, pred).model_dump() == first
    assert counts(score_document(GOLD, shuffled).relations) == (8, 0, 0)


def test_counts_when_undefined():
    assert Counts().precision == Counts().recall == Counts().f1 == 0.0
    assert (Counts(tp=1) + Counts(fp=2)).precision == pytest.approx(1 / 3)


def qualified(roles, event_type=None):
    """A document with one person, two roles and one event; ``roles`` maps role id to qualifiers."""
    return GoldDocument.model_validate({"id": "d1", "entities": [
        {"id": "p1", "type": "Person", "name": "Ana Ruiz"},
        {"id": "r1", "type": "Role", "name": "chief financial officer", "aliases": ["CFO"]},
        {"id": "r2", "type": "Role", "name": "treasurer"},
        {"id": "e1", "type": "Event", "name": "Annual Forum", "event_type": event_type}],
        "relations": [{"s": "p1", "p": "hasRole", "o": r, **q} for r, q in roles.items()]})


def test_qualifiers_are_scored_apart_from_relations():
    gold = qualified({"r1": {"start": "2024-07-01", "status": "future"},
                      "r2": {"end": "2024-06-30"}}, event_type="Conference")
    pred = qualified({"r1": {"start": "2024-07-01"}, "r2": {"end": "2024-06", "status": "former"}},
                     event_type="Meeting")
    score = score_document(gold, pred)
    assert score.relations.f1 == 1.0
    by_key = {k: (c.tp, c.fp, c.fn) for k, c in score.qualifiers_by_key.items()}
    assert by_key == {"q:roleStart": (1, 0, 0), "q:roleEnd": (0, 1, 1),
                      "q:roleStatus": (0, 1, 1), "q:eventType": (0, 1, 1)}
    assert [q.value for q in score.missed_qualifiers] == ["future", "2024-06-30", "Conference"]


def test_a_qualifier_needs_its_role_matched():
    gold = qualified({"r1": {"status": "former"}})
    pred = GoldDocument.model_validate({"id": "d1", "entities": [
        {"id": "x", "type": "Person", "name": "Ana Ruiz"},
        {"id": "y", "type": "Role", "name": "finance director"}],
        "relations": [{"s": "x", "p": "hasRole", "o": "y", "status": "former"}]})
    counts = score_document(gold, pred).qualifiers
    assert (counts.tp, counts.fp, counts.fn) == (0, 1, 1)


def test_corpus_totals_of_qualifiers():
    gold = qualified({"r1": {"status": "former"}}, event_type="Visit")
    total = score_corpus([(gold, gold), (gold, qualified({}))])
    assert total.qualifiers_by_key["q:eventType"].recall == 0.5
    assert (total.qualifiers.tp, total.qualifiers.fn) == (2, 2)
