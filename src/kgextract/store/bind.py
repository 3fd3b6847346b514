"""Bind query parameters safely: RDF terms in a ``VALUES`` block, never pasted text.

A parameter ``name=value`` becomes an RDF term (plain text -> an
``xsd:string`` literal; ``<IRI>`` -> an IRI; an N-Triples literal such as
``"2023-12-04"^^xsd:date`` or ``"Genf"@de`` -> that literal) and is bound by
``VALUES ?name { term }`` placed first in the query's WHERE group. The term
is written by Oxigraph's N-Triples serializer, which escapes it, so a value
can never change the shape of the query.

Why not pyoxigraph's ``substitutions=``: in pyoxigraph 0.5 a substituted
variable must be in the SELECT projection and stays unbound for
``BOUND()``, which breaks optional parameters (``FILTER(!BOUND(?name) ||
...)``); rdflib's ``initBindings`` differ again, and neither can travel over
HTTP. A ``VALUES`` block is standard SPARQL 1.1: the same bound text runs
the same way in Oxigraph, rdflib and any endpoint.

>>> q = "SELECT ?p WHERE { ?p rdfs:label ?name }"
>>> print(bind_params(q, {"name": [parse_term('Ann "The Hammer" Lee')]}))
SELECT ?p WHERE {
  VALUES ?name { "Ann \\"The Hammer\\" Lee" }
 ?p rdfs:label ?name }
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping

import pyoxigraph as ox

from kgextract.errors import Errors, KgextractError
from kgextract.rdf.namespaces import prefix_iris

__all__ = ["PREFIXES", "Term", "parse_term", "parse_param", "query_variables",
           "where_group", "bind_params"]

Term = ox.NamedNode | ox.Literal

#: Prefixes every query may use without declaring them (and ``^^xsd:...`` in values).
PREFIXES: dict[str, str] = prefix_iris()

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_LITERAL = re.compile(
    r'"((?:[^"\\]|\\.)*)"(?:@([A-Za-z]+(?:-[A-Za-z0-9]+)*)|\^\^(?:<([^<>"{}|^`\\\s]*)>|'
    r'([A-Za-z][\w.-]*):([\w.-]*)))?', re.S)
_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))", re.S)
_SIMPLE = {"t": "\t", "n": "\n", "r": "\r", "b": "\b", "f": "\f", '"': '"', "'": "'", "\\": "\\"}

# One token of SPARQL text: what braces and keywords hide inside is skipped.
_TOKEN = re.compile(r'''
    (?P<comment>\#[^\n]*)
  | (?P<string>"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^'\\]|\\.|'(?!''))*\'\'\'
               |"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][A-Za-z0-9_]+)
  | (?P<open>\{) | (?P<close>\})
  | (?P<word>[A-Za-z_][A-Za-z0-9_-]*(?::[^\s{}()<>;,]*)?)
  | (?P<other>.)
''', re.X | re.S)


def _unescape(text: str) -> str:
    def one(m: re.Match) -> str:
        if m.group(3) is not None:
            if m.group(3) not in _SIMPLE:
                raise ValueError(f"unknown escape \\{m.group(3)}")
            return _SIMPLE[m.group(3)]
        return chr(int(m.group(1) or m.group(2), 16))
    return _ESCAPE.sub(one, text)


def parse_term(text: str) -> Term:
    """Read one parameter value as an RDF term.

    >>> parse_term("Geneva")
    <Literal value=Geneva datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#string>>
    >>> parse_term("<https://w3id.org/kgextract/id/place/geneva>")
    <NamedNode value=https://w3id.org/kgextract/id/place/geneva>
    >>> str(parse_term('"2023-12-04"^^xsd:date'))
    '"2023-12-04"^^<http://www.w3.org/2001/XMLSchema#date>'
    >>> str(parse_term('"Genf"@de'))
    '"Genf"@de'
    >>> parse_term("<not an iri>")
    Traceback (most recent call last):
    ...
    ValueError: not an absolute IRI: 'not an iri'
    """
    if text.startswith("<") and text.endswith(">"):
        iri = text[1:-1]
        if not re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*:[^<>\"{}|^`\\\x00-\x20]*", iri):
            raise ValueError(f"not an absolute IRI: {iri!r}")
        return ox.NamedNode(iri)
    if text.startswith('"'):
        m = _LITERAL.fullmatch(text)
        if m is None:
            raise ValueError(f"not an N-Triples literal: {text!r}")
        value, lang, dt_iri, prefix, local = m.groups()
        value = _unescape(value)
        if lang:
            return ox.Literal(value, language=lang)
        if prefix is not None:
            if prefix not in PREFIXES:
                raise ValueError(f"unknown prefix {prefix!r} (known: {', '.join(PREFIXES)})")
            dt_iri = PREFIXES[prefix] + local
        return ox.Literal(value, datatype=ox.NamedNode(dt_iri)) if dt_iri else ox.Literal(value)
    return ox.Literal(text)


def parse_param(text: str) -> tuple[str, Term]:
    """Split ``NAME=VALUE`` (as given to ``--param``) into a name and a term.

    >>> parse_param("name=Izumi Nakamitsu")
    ('name', <Literal value=Izumi Nakamitsu datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#string>>)
    >>> parse_param("?n=x")[0]
    'n'
    """
    name, sep, value = text.partition("=")
    name = name.strip().lstrip("?$")
    if not sep or not _NAME.fullmatch(name):
        raise KgextractError(Errors.E095.format(text=text))
    try:
        return name, parse_term(value)
    except ValueError as err:
        raise KgextractError(Errors.E096.format(name=name, err=err)) from err


def _tokens(query: str) -> Iterator[re.Match]:
    return _TOKEN.finditer(query)


def query_variables(query: str) -> list[str]:
    """The variable names a query uses, in order of first use (not in strings or IRIs).

    >>> query_variables('SELECT ?a WHERE { ?a <urn:x?b> "?c" . $d ?a ?e } # ?f')
    ['a', 'd', 'e']
    """
    seen: dict[str, None] = {}
    for m in _tokens(query):
        if m.lastgroup == "var":
            seen.setdefault(m.group()[1:], None)
    return list(seen)


def where_group(query: str) -> int:
    """The index of the ``{`` that opens the query's WHERE group (E098 if none).

    >>> q = 'CONSTRUCT { ?s ?p "{" } WHERE { ?s ?p ?o }'
    >>> q[where_group(q):]
    '{ ?s ?p ?o }'
    >>> where_group("ASK { }")
    4
    """
    depth, form, saw_where, tops, prev = 0, None, False, [], None
    for m in _tokens(query):
        kind = m.lastgroup
        if kind == "word" and depth == 0 and not (prev and prev.group() == ":"):
            word = m.group().upper()
            if form is None and word in ("SELECT", "CONSTRUCT", "ASK", "DESCRIBE"):
                form = word
            saw_where = saw_where or word == "WHERE"
        elif kind == "open":
            if depth == 0:
                if saw_where:
                    return m.start()
                tops.append(m.start())
            depth += 1
        elif kind == "close":
            depth -= 1
        if kind not in ("comment",) and not m.group().isspace():
            prev = m
    needed = 2 if form == "CONSTRUCT" else 1
    if form and len(tops) >= needed:
        return tops[needed - 1]
    raise KgextractError(Errors.E098)


def bind_params(query: str, params: Mapping[str, Iterable[Term]]) -> str:
    """Bind each parameter by a ``VALUES`` block at the start of the WHERE group.

    Several values for one name are alternatives (one solution each); an
    empty mapping returns ``query`` unchanged. A name the query does not use
    raises E097.

    >>> bind_params("SELECT * { ?s ?p ?o }", {"zz": [parse_term("x")]})
    Traceback (most recent call last):
    ...
    kgextract.errors.KgextractError: [E097] The query has no variable ?zz to bind. Variables it uses: s, p, o.
    """
    params = {name: list(terms) for name, terms in params.items()}
    if not params:
        return query
    known = query_variables(query)
    blocks = []
    for name, terms in params.items():
        if name not in known:
            raise KgextractError(Errors.E097.format(name=name, options=", ".join(known) or "none"))
        blocks.append(f"VALUES ?{name} {{ {' '.join(str(t) for t in terms)} }}")
    at = where_group(query) + 1
    return f"{query[:at]}\n  {' '.join(blocks)}\n{query[at:]}"
