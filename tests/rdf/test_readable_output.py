"""Readable Turtle (facts first, grouped by type, provenance last) and facts-only output."""

from __future__ import annotations

import re

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kgextract.errors import KgextractError
from kgextract.graph.examples import sample_results
from kgextract.rdf import to_rdf, union_graph
from kgextract.rdf.mapping import to_nquads
from kgextract.rdf.namespaces import KGX, KGX_ID, PROV, RDF, RDFS, SDO
from kgextract.rdf.provenance import facts_only, facts_only_nquads, is_provenance
from kgextract.rdf.serialize import serialize
from kgextract.rdf.turtle import SECTIONS

HEADING = re.compile(r"^# (\w+)$", re.M)


@pytest.fixture(scope="module")
def dataset():
    return to_rdf(sample_results(), across=False, linking=False)  # as to_nquads writes


def _blocks(turtle: str) -> list[tuple[str, str]]:
    """(section heading, subject) for every statement block of the file, in order."""
    section, out = "", []
    for block in turtle.split("\n\n"):
        block = block.strip()
        if match := HEADING.fullmatch(block):
            section = match.group(1)
        elif block and not block.startswith("@prefix"):
            out.append((section, block.split()[0]))
    return out


def test_turtle_lists_facts_before_memberships_before_provenance(dataset):
    text = serialize(dataset, "turtle").decode()
    headings = HEADING.findall(text)
    order = [name for name, _ in SECTIONS]
    assert headings == sorted(headings, key=order.index) and len(set(headings)) == len(headings)
    assert headings[0] == "People" and headings[-1] == "Provenance"
    assert {"Organizations", "Places", "Documents", "Memberships"} <= set(headings)
    blocks = _blocks(text)
    first_provenance = next(i for i, (section, _) in enumerate(blocks) if section == "Provenance")
    assert all(section == "Provenance" for section, _ in blocks[first_provenance:])
    assert all(not s.startswith(("assertion:", "extractor:")) for _, s in blocks[:first_provenance])
    # every resource sits under the heading of its type
    expected = {"People": "person:", "Organizations": "organization:", "Roles": "role:", "Events": "event:",
                "Places": "place:", "Documents": "doc:", "Memberships": "membership:"}
    for section, subject in blocks:
        if section in expected:
            assert subject.startswith(expected[section]), (section, subject)


def test_turtle_sorts_by_label_and_puts_type_and_labels_first(dataset):
    text = serialize(dataset, "turtle").decode()
    g = union_graph(dataset)
    blocks = _blocks(text)
    sorted_sections = 0
    for section, kind in (("People", "person"), ("Organizations", "organization"), ("Places", "place")):
        subjects = [s for name, s in blocks if name == section]
        labels = [str(g.value(URIRef(s.replace(f"{kind}:", f"{KGX_ID}{kind}/")), RDFS.label)) for s in subjects]
        assert labels == sorted(labels, key=str.casefold)
        sorted_sections += len(labels) >= 2
    assert sorted_sections >= 1
    people = [s for name, s in blocks if name == "People"]
    block = text.split(f"\n{people[0]} ", 1)[1].split(" .\n", 1)[0]
    lines = [line.strip() for line in block.split("\n")]
    assert lines[0].startswith("a schema:Person") and lines[1].startswith("rdfs:label")


def test_turtle_holds_the_same_triples_and_is_deterministic(dataset):
    once, again = serialize(dataset, "turtle"), serialize(to_rdf(sample_results(), across=False, linking=False), "turtle")
    assert once == again
    assert isomorphic(Graph().parse(data=once, format="turtle"), union_graph(dataset))


def test_unusual_local_names_are_written_as_full_iris():
    g = Graph()
    odd = URIRef(f"{KGX_ID}person/ann~lee.")
    g.add((odd, RDF.type, SDO.Person))
    g.add((odd, RDFS.label, Literal("Ann")))
    text = serialize(g, "turtle").decode()
    assert f"<{odd}>" in text
    assert isomorphic(Graph().parse(data=text, format="turtle"), g)


@pytest.mark.parametrize("fmt", ["turtle", "trig", "nquads", "json-ld"])
def test_facts_only_output_has_no_provenance_and_every_fact(dataset, fmt):
    full = Dataset().parse(data=serialize(dataset, fmt), format=fmt)
    facts = Dataset().parse(data=serialize(dataset, fmt, provenance="none"), format=fmt)
    kept = {(s, p, o) for s, p, o, _ in facts.quads((None, None, None, None))}
    everything = {(s, p, o) for s, p, o, _ in full.quads((None, None, None, None))}
    assert kept == {t for t in everything if not is_provenance(*t)}
    assert not any((None, RDF.type, KGX.Assertion) in g for g in [union_graph(facts)])
    assert not any(p.startswith(str(PROV)) for _, p, _ in kept)
    assert any(p == RDFS.label for _, p, _ in kept) and any(p == SDO.datePublished for _, p, _ in kept)


def test_other_formats_keep_their_bytes_without_the_option(dataset):
    for fmt in ("trig", "nquads", "json-ld"):
        assert serialize(dataset, fmt) == serialize(dataset, fmt, provenance="full")
    assert serialize(dataset, "nquads") == to_nquads(sample_results())


def test_facts_only_nquads_bytes_match_the_dataset_filter(dataset):
    assert facts_only_nquads(to_nquads(sample_results())) == serialize(facts_only(dataset), "nquads")


def test_unknown_provenance_level_is_a_numbered_error(dataset):
    with pytest.raises(KgextractError, match=r"\[E009\].*full, none"):
        serialize(dataset, "turtle", provenance="some")
