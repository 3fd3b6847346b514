"""Parameters are bound as RDF terms in a VALUES block: values cannot change the query."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kgextract.errors import KgextractError
from kgextract.store.bind import bind_params, parse_param, parse_term, query_variables, where_group
from kgextract.store.oxigraph import open_store
from kgextract.store.queries import resolve_query
from kgextract.store.results import run_query, select_rows

XSD = "http://www.w3.org/2001/XMLSchema#"


@pytest.mark.parametrize(("text", "term"), [
    ("Geneva", ox.Literal("Geneva")),
    ("", ox.Literal("")),
    ("a=b", ox.Literal("a=b")),
    ("<https://w3id.org/kgextract/id/place/geneva>",
     ox.NamedNode("https://w3id.org/kgextract/id/place/geneva")),
    ('"2023-12-04"^^xsd:date', ox.Literal("2023-12-04", datatype=ox.NamedNode(XSD + "date"))),
    (f'"7"^^<{XSD}integer>', ox.Literal("7", datatype=ox.NamedNode(XSD + "integer"))),
    ('"Genf"@de-CH', ox.Literal("Genf", language="de-ch")),
    ('"say \\"hi\\"\\n\\u00e9"', ox.Literal('say "hi"\né')),
    ("Zürich 東京", ox.Literal("Zürich 東京")),
])
def test_parse_term(text, term):
    assert parse_term(text) == term


@pytest.mark.parametrize("text", ["<relative>", "<http://x/a b>", '"open', '"x"^^foo:bar',
                                  '"x" extra', '"bad \\q escape"'])
def test_parse_term_rejects(text):
    with pytest.raises(ValueError):
        parse_term(text)


@pytest.mark.parametrize(("text", "code"), [("novalue", "E095"), ("1x=a", "E095"),
                                            ("a b=c", "E095"), ("=x", "E095"),
                                            ("p=<not an iri>", "E096")])
def test_parse_param_errors(text, code):
    with pytest.raises(KgextractError, match=code):
        parse_param(text)


@pytest.mark.parametrize(("query", "expected"), [
    ("SELECT * WHERE { ?s ?p ?o }", "{ ?s ?p ?o }"),
    ("select * where{?s ?p ?o}", "{?s ?p ?o}"),
    ("SELECT * { ?s ?p ?o }", "{ ?s ?p ?o }"),
    ("# WHERE { in a comment\nSELECT * WHERE { ?s ?p ?o }", "{ ?s ?p ?o }"),
    ('SELECT ("WHERE {" AS ?x) WHERE { ?s ?p ?o }', "{ ?s ?p ?o }"),
    ("PREFIX ex: <http://x/WHERE{}> SELECT * WHERE { ?s ex:WHERE ?o }", "{ ?s ex:WHERE ?o }"),
    ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "{ ?s ?p ?o }"),
    ("CONSTRUCT { ?s ?p ?o } { ?s ?p ?o . }", "{ ?s ?p ?o . }"),
    ("ASK { ?s ?p ?o }", "{ ?s ?p ?o }"),
    ("SELECT * WHERE { { SELECT ?s WHERE { ?s ?p ?o } } }", "{ { SELECT ?s WHERE { ?s ?p ?o } } }"),
])
def test_where_group(query, expected):
    assert query[where_group(query):] == expected


def test_no_where_group():
    with pytest.raises(KgextractError, match="E098"):
        where_group("DESCRIBE <http://x/a>")


def test_query_variables_skip_strings_iris_and_comments():
    q = 'SELECT ?a WHERE { ?a <http://x/?b> """?c { """ ; \'?d\' $e } # ?f'
    assert query_variables(q) == ["a", "e"]


def test_bind_several_values_and_names():
    q = bind_params("SELECT * WHERE { ?s ?p ?o }", {"s": [ox.NamedNode("http://x/a"),
                                                         ox.NamedNode("http://x/b")],
                                                   "o": [ox.Literal("1")]})
    assert 'VALUES ?s { <http://x/a> <http://x/b> } VALUES ?o { "1" }' in q


def test_unknown_parameter_lists_the_variables():
    with pytest.raises(KgextractError, match=r"\[E097\].*\?nme.*Variables it uses: .*name"):
        select_rows("unused", "mentions", {"nme": ["x"]})


INJECTIONS = [
    'x" } ; DROP ALL ; SELECT * { ?s ?p "',
    "x' } } UNION { ?s ?p ?o } #",
    'Acme"))) } UNION { ?doc ?p ?name . FILTER(("',
    "\\\" } ?s ?p ?o { \n",
]


@pytest.mark.parametrize("value", INJECTIONS)
def test_values_cannot_change_the_query(store_dir, value):
    text, _ = resolve_query("mentions")
    assert select_rows(store_dir, "mentions", {"name": [value]}) == []
    with open_store(store_dir, read_only=True) as store:
        assert len(store) > 0
    # the value is one literal in the VALUES block, escaped
    bound = bind_params(text, {"name": [parse_term(value)]})
    assert bound.count("VALUES") == 1
    assert str(parse_term(value)) in bound


def test_typed_parameter_values(store_dir):
    rows = select_rows(store_dir, "SELECT ?e WHERE { ?e schema:startDate ?d }",
                       {"d": ['"2024-03"^^xsd:gYearMonth']})
    assert rows == [{"e": "https://w3id.org/kgextract/id/event/workshop"}]
    assert select_rows(store_dir, "SELECT ?e WHERE { ?e schema:startDate ?d }",
                       {"d": ["2024-03"]}) == []  # a plain string is not a gYearMonth
    rows = select_rows(store_dir, "SELECT ?l WHERE { ?e rdfs:label ?l }",
                       {"e": ["<https://w3id.org/kgextract/id/place/geneva>"]})
    assert rows == [{"l": "Geneva"}]


def test_query_errors(store_dir, tmp_path):
    with pytest.raises(KgextractError, match=r"\[E099\] The SPARQL query failed"):
        select_rows(store_dir, "SELECT WHERE {")
    with pytest.raises(KgextractError, match=r"\[E094\] 'no_such_query' is not a saved query.*"
                                             r"Saved queries: appointments, attendance, "):
        select_rows(store_dir, "no_such_query")
    with pytest.raises(KgextractError, match="E100"):
        run_query(store_dir, "documents", fmt="xlsx")
    rq = tmp_path / "mine.rq"
    rq.write_text("SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a schema:NewsArticle }")
    assert select_rows(store_dir, str(rq)) == [{"n": "2"}]
