"""Entities across documents: short forms, aliases and acronyms merge only when unambiguous."""

from __future__ import annotations

from pathlib import Path

import pytest

from kgextract.models import DocumentResult, Entity, Relation
from kgextract.rdf.corpus import corpus_graph
from kgextract.resolve.across import (
    RULE_ACRONYM,
    RULE_ALIAS,
    RULE_SAME_KEY,
    RULE_TOKENS,
    resolve_across,
)

from builders import entity, evidence, result

QUERIES = Path(__file__).parent / "queries"


def ent(key: str, name: str, *aliases: str) -> Entity:
    return entity(key, name, *aliases, mention=True)


def doc(doc_id: str, *entities: Entity, relations=()) -> DocumentResult:
    return result(doc_id, entities, relations)


IZUMI = ent("person/izumi-nakamitsu", "Izumi Nakamitsu", "Ms. Nakamitsu")
KENJI = ent("person/kenji-nakamitsu", "Kenji Nakamitsu")
SHORT = ent("person/nakamitsu", "Nakamitsu", "Ms. Nakamitsu")
UNODA_FULL = ent("organization/united-nations-office-for-disarmament-affairs",
                 "United Nations Office for Disarmament Affairs", "UNODA")
UNODA_PLAIN = ent("organization/united-nations-office-for-disarmament-affairs",
                  "United Nations Office for Disarmament Affairs")
UNODA = ent("organization/unoda", "UNODA")

# (documents, expected {old key: new key} over all documents, expected rules)
CASES = {
    "short form, one full name": ([doc("a", IZUMI.model_copy(update={"aliases": []})), doc("b", SHORT)],
                                  {"person/nakamitsu": "person/izumi-nakamitsu"}, [RULE_TOKENS]),
    "short form, also an alias there": ([doc("a", IZUMI), doc("b", SHORT)],
                                        {"person/nakamitsu": "person/izumi-nakamitsu"}, [RULE_ALIAS]),
    "short form, two full names": ([doc("a", IZUMI), doc("b", SHORT), doc("c", KENJI)], {}, []),
    "both in one release: kept apart": ([doc("a", IZUMI, SHORT), doc("b", SHORT)], {}, []),
    "acronym that another release defines": ([doc("a", UNODA_FULL), doc("b", UNODA)],
                                             {"organization/unoda": UNODA_FULL.key}, [RULE_ALIAS]),
    "acronym of a name in another release": ([doc("a", UNODA_PLAIN), doc("b", UNODA)],
                                             {"organization/unoda": UNODA_FULL.key}, [RULE_ACRONYM]),
    "events and roles never": ([doc("a", ent("event/reaim-summit", "REAIM Summit"),
                                    ent("role/secretary-general", "Secretary-General")),
                                doc("b", ent("event/summit", "Summit"), ent("role/secretary", "Secretary"))], {}, []),
    "a person's word is not a place": ([doc("a", IZUMI), doc("b", ent("place/nakamitsu", "Nakamitsu"))], {}, []),
}


@pytest.mark.parametrize("name", CASES)
def test_merge_rules(name):
    results, expected, rules = CASES[name]
    before = [[e.key for e in r.entities] for r in results]
    out, merges = resolve_across(results)
    after = [[e.key for e in r.entities] for r in out]
    assert after == [sorted({expected.get(k, k) for k in keys}) for keys in before]
    moved = [m for m in merges if m.rule != RULE_SAME_KEY]
    assert [m.rule for m in moved] == rules
    assert {k: m.target for m in moved for k in m.keys} == expected


def test_keys_are_rewritten_in_relations_and_duplicates_merge():
    ev = [evidence("b", 0, 5, confidence=0.8, extractor="kgx.x.v1")]
    b = doc("b", ent("person/izumi", "Izumi"), SHORT, ent("event/talks", "Talks"),
            ent("organization/unoda", "UNODA"), ent("role/envoy", "Envoy"), relations=[
                Relation(subject="event/talks", predicate="attendee", object="person/izumi", evidence=ev),
                Relation(subject="event/talks", predicate="attendee", object="person/nakamitsu",
                         evidence=[ev[0].model_copy(update={"start": 9, "end": 18})]),
                Relation(subject="person/nakamitsu", predicate="hasRole", object="role/envoy",
                         organization="organization/unoda")])
    out, merges = resolve_across([doc("a", IZUMI, UNODA_FULL), b])
    people = [e for e in out[1].entities if e.type.value == "Person"]
    assert [(p.key, p.name, p.aliases) for p in people] == [
        ("person/izumi-nakamitsu", "Nakamitsu", ["Izumi", "Ms. Nakamitsu"])]
    assert len(people[0].mentions) == 2
    attendee, has_role = sorted(out[1].relations, key=lambda r: r.predicate.value)
    assert (attendee.object, [e.start for e in attendee.evidence]) == ("person/izumi-nakamitsu", [0, 9])
    assert (has_role.subject, has_role.organization) == ("person/izumi-nakamitsu", UNODA_FULL.key)
    assert {(m.rule, tuple(m.keys)) for m in merges} == {
        (RULE_ALIAS, ("person/nakamitsu",)), (RULE_TOKENS, ("person/izumi",)),
        (RULE_ALIAS, ("organization/unoda",))}


def test_same_key_with_different_names_is_recorded():
    _, merges = resolve_across([doc("a", ent("role/secretary-general", "Secretary-General")),
                                doc("b", ent("role/secretary-general", "Secretary General")),
                                doc("c", ent("role/secretary-general", "secretary-general"))])
    assert [(m.rule, m.target, m.names, m.documents) for m in merges] == [
        (RULE_SAME_KEY, "role/secretary-general", ["Secretary General", "Secretary-General", "secretary-general"],
         ["a", "b", "c"])]


def test_merges_are_queryable_with_sparql():
    graph = corpus_graph([doc("a", IZUMI), doc("b", SHORT)], linking=False)
    rows = [tuple(map(str, row)) for row in graph.dataset.query((QUERIES / "merges.rq").read_text())]
    assert rows == [("Izumi Nakamitsu", "Ms. Nakamitsu", RULE_ALIAS, "https://w3id.org/kgextract/id/person/nakamitsu"),
                    ("Izumi Nakamitsu", "Nakamitsu", RULE_ALIAS, "https://w3id.org/kgextract/id/person/nakamitsu")]
    # one IRI for the person, labelled with the full name in both documents' graphs
    labels = graph.dataset.query("SELECT DISTINCT ?p ?l WHERE { ?p a schema:Person ; rdfs:label ?l }")
    assert [(str(p).rsplit("/", 1)[1], str(label)) for p, label in labels] == [("izumi-nakamitsu", "Izumi Nakamitsu")]
