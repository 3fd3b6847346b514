"""Deterministic IRIs and slugs: valid for any key, never colliding."""

from __future__ import annotations

import re
import unicodedata

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.term import _is_valid_uri

from kgextract.rdf.iri import (
    assertion_iri,
    document_iri,
    encode_segment,
    entity_iri,
    extractor_iri,
    graph_iri,
    membership_iri,
)
from kgextract.rdf.namespaces import KGX_ID, RDF, SDO

HOSTILE = [
    'person/a "quoted" name',
    "person/<angle>{brace}|pipe\\back^caret`tick",
    "person/space and\nnewline\ttab\r\x00nul\x7f",
    "person/100% sure #hash ?query &amp",
    "person/../../etc/passwd",
    "person/./x",
    "organization/Ñoño & Søn – Ltd.",
    "person/李小龙",
    "person/हिन्दी नाम",
    "place/مدينة\u200f",
    "person/\u2028\u2029\ufeff\ufffe",
    "person/emoji 😀 name",
    "person/lone \udc80 surrogate",
    "",
    "/",
]

# RFC 3987 ipath characters: unreserved, sub-delims, ":", "@", "/", pct-encoded, ucschar.
_ALLOWED_ASCII = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@/%")


def assert_valid_iri(iri: str) -> None:
    assert iri.startswith(str(KGX_ID))
    assert _is_valid_uri(iri)
    for ch in iri[len("https://"):]:
        if ord(ch) < 0x80:
            assert ch in _ALLOWED_ASCII, f"{ch!r} in {iri!r}"
        else:
            assert unicodedata.category(ch)[0] in "LMN", f"{ch!r} in {iri!r}"
    assert re.fullmatch(r"(?:[^%]|%[0-9A-F]{2})*", iri), iri
    path = iri[len(str(KGX_ID)):]
    assert "." not in path.split("/") and ".." not in path.split("/")


@pytest.mark.parametrize("key", HOSTILE)
def test_entity_iri_is_valid_for_hostile_keys(key):
    iri = entity_iri(key)
    assert_valid_iri(iri)
    assert iri == entity_iri(key)  # deterministic
    # it survives N-Triples and Turtle
    for fmt in ("nt", "turtle"):
        g = Graph()
        g.add((iri, RDF.type, SDO.Person))
        assert set(Graph().parse(data=g.serialize(format=fmt), format=fmt)) == set(g)


@pytest.mark.parametrize("doc_id", HOSTILE)
def test_document_graph_and_extractor_iris_are_valid(doc_id):
    for make in (document_iri, graph_iri, extractor_iri):
        iri = make(doc_id)
        assert_valid_iri(iri)
        assert "/" not in iri[len(str(KGX_ID)):].split("/", 1)[1]  # one path segment


def test_iris_do_not_collide():
    keys = HOSTILE + ["person/a%20b", "person/a b", "person/a+b", "person/a/b", "person/a%2Fb"]
    iris = [entity_iri(k) for k in keys]
    assert len(set(iris)) == len(set(keys))
    docs = [document_iri(k) for k in keys]
    assert len(set(docs)) == len(set(keys))


def test_readable_iris():
    assert entity_iri("person/izumi-nakamitsu") == KGX_ID["person/izumi-nakamitsu"]
    assert entity_iri("person/李小龙") == URIRef(f"{KGX_ID}person/李小龙")
    assert document_iri("seed-unrcpd-2023-12-05") == KGX_ID["doc/seed-unrcpd-2023-12-05"]
    assert graph_iri("d1") == KGX_ID["graph/d1"]
    assert extractor_iri("kgx.roles.v1") == KGX_ID["extractor/kgx.roles.v1"]
    assert encode_segment("a/b") == "a%2Fb"


def test_membership_iri():
    a = membership_iri("person/a", "role/r", "organization/o")
    assert str(a).startswith(f"{KGX_ID}membership/") and len(str(a).rsplit("/", 1)[1]) == 16
    assert a == membership_iri("person/a", "role/r", "organization/o")
    assert a != membership_iri("person/a", "role/r", None)
    assert membership_iri("person/a", None, "o") == membership_iri("person/a", "", "o")
    assert membership_iri("person/a", None, "o") != membership_iri("person/a", "o", None)


def test_assertion_iri():
    s, p = entity_iri("event/e"), SDO.startDate
    a = assertion_iri(s, p, Literal("2023"), "d1", 0, 4)
    assert a == assertion_iri(s, p, Literal("2023"), "d1", 0, 4)
    others = {
        assertion_iri(s, p, URIRef("2023"), "d1", 0, 4),  # an IRI is not a literal
        assertion_iri(s, p, Literal("2023"), "d2", 0, 4),
        assertion_iri(s, p, Literal("2023"), "d1", 1, 4),
        assertion_iri(s, p, Literal("2023"), "d1", 0, 5),
    }
    assert a not in others and len(others) == 4
    assert_valid_iri(a)


