"""Run SPARQL over a store and turn the results into rows or a results format.

Queries read the store's default graph, which kgextract keeps equal to the
union of the documents' named graphs, each triple once (see
:mod:`kgextract.store.union`); ``GRAPH ?g`` reaches the documents' graphs.
``union=True`` asks Oxigraph for its own union default graph instead (for a
store filled by other tools; a bag in Oxigraph 0.5). Queries may use the
prefixes of :data:`kgextract.store.bind.PREFIXES` without declaring them.
SELECT and ASK results are written by Oxigraph's SPARQL results serializers
(CSV, TSV, JSON, XML); CONSTRUCT and DESCRIBE results as N-Triples.

>>> import tempfile
>>> from kgextract.graph.examples import sample_results
>>> from kgextract.store.oxigraph import write_results
>>> with tempfile.TemporaryDirectory() as tmp:
...     _ = write_results(tmp, sample_results())
...     rows = select_rows(tmp, "SELECT ?l WHERE { ?p a schema:Person ; rdfs:label ?l }")
...     csv = run_query(tmp, "timeline", {"from": ["2023"]}, fmt="csv")
>>> rows
[{'l': 'Izumi Nakamitsu'}]
>>> csv.decode().splitlines()[1]
'2023-12-04,,Disarmament Conference,Geneva'
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping

import pyoxigraph as ox

from kgextract.errors import Errors, KgextractError
from kgextract.store.bind import PREFIXES, Term, bind_params, parse_term
from kgextract.store.guard import DEFAULT_LIMITS, QueryLimits, check_query
from kgextract.store.oxigraph import open_store
from kgextract.store.queries import resolve_query

__all__ = ["RESULT_FORMATS", "Params", "prepare", "execute", "check_format", "serialize_result",
           "display", "answer",
           "compact", "run_query", "select_rows"]

#: SPARQL results formats by name (``table`` is the CLI's own).
RESULT_FORMATS: dict[str, ox.QueryResultsFormat] = {
    "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV,
    "json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
}

#: Parameters: a name and its values, as terms or as ``--param`` value text.
Params = Mapping[str, Iterable[Term | str]]

Result = ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples


def prepare(query: str, params: Params | None = None, kind: str = "auto") -> tuple[str, str | None]:
    """Resolve ``query`` (text, ``.rq`` path or saved name) and bind ``params``.

    String values are read with :func:`~kgextract.store.bind.parse_term`.
    Return the SPARQL text to run and where it came from.

    >>> text, source = prepare("mentions", {"name": ["UNODA"]})
    >>> source, 'VALUES ?name { "UNODA" }' in text
    ('mentions', True)
    """
    text, source = resolve_query(query, kind)
    terms = {name: [parse_term(v) if isinstance(v, str) else v for v in values]
             for name, values in (params or {}).items()}
    return bind_params(text, terms), source


def execute(store: ox.Store, query: str, source: str | None = None, union: bool = False,
            limits: QueryLimits = DEFAULT_LIMITS) -> Result:
    """Run prepared SPARQL ``query`` over the store's default graph (E099 on failure).

    The text is checked against ``limits`` first (E109, E110): a query
    nested too deep would crash this process, not raise.
    """
    check_query(query, limits)
    try:
        return store.query(query, use_default_graph_as_union=union, prefixes=PREFIXES)
    except (SyntaxError, ValueError, OSError, RuntimeError) as err:
        where = f" in {source}" if source else ""
        raise KgextractError(Errors.E099.format(err=err, where=where)) from err


def check_format(fmt: str, table: bool = False) -> str:
    """Return ``fmt`` if it is a results format (or ``table``, if allowed); else E100.

    >>> check_format("xls")
    Traceback (most recent call last):
    ...
    kgextract.errors.KgextractError: [E100] Unknown results format 'xls'. Available: csv, tsv, json, xml.
    """
    options = ["table", *RESULT_FORMATS] if table else list(RESULT_FORMATS)
    if fmt not in options:
        raise KgextractError(Errors.E100.format(name=fmt, options=", ".join(options)))
    return fmt


def serialize_result(result: Result, fmt: str) -> bytes:
    """Write a result as ``csv``, ``tsv``, ``json`` or ``xml`` (graphs: N-Triples)."""
    check_format(fmt)
    if isinstance(result, ox.QueryTriples):
        return ox.serialize(result, format=ox.RdfFormat.N_TRIPLES) or b""
    out = result.serialize(format=RESULT_FORMATS[fmt])
    assert out is not None   # with no output file the serialization is returned
    return out


def compact(iri: str) -> str:
    """An IRI as a prefixed name when a known prefix fits.

    >>> compact("https://w3id.org/kgextract/id/place/geneva")
    'kgxid:place/geneva'
    >>> compact("http://example.org/x")
    'http://example.org/x'
    """
    best = max((ns for ns in PREFIXES.values() if iri.startswith(ns)), key=len, default=None)
    if best is None or len(iri) == len(best):
        return iri
    prefix = next(p for p, ns in PREFIXES.items() if ns == best)
    return f"{prefix}:{iri[len(best):]}"


def _cell(term) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return compact(term.value)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        return term.value
    return str(term)


def display(result: Result) -> tuple[list[str], list[list[str]]]:
    """Column names and rows of plain strings, for a table.

    IRIs are compacted, literals shown by their value, unbound cells empty;
    ASK gives one ``result`` cell, CONSTRUCT/DESCRIBE three columns.
    """
    if isinstance(result, ox.QueryBoolean):
        return ["result"], [[str(bool(result)).lower()]]
    if isinstance(result, ox.QueryTriples):
        return ["subject", "predicate", "object"], [
            [_cell(t.subject), _cell(t.predicate), _cell(t.object)] for t in result]
    names = [v.value for v in result.variables]
    return names, [[_cell(sol[name]) for name in names] for sol in result]


def answer(store_dir: str | os.PathLike, query: str, source: str | None, union: bool, fmt: str,
           limits: QueryLimits = DEFAULT_LIMITS) -> tuple[list[str], list[list[str]]] | bytes:
    """Run prepared ``query`` on the store: rows for ``fmt="table"``, else the serialized result.

    Plain data (picklable), so that it can be computed in a worker process
    (:func:`kgextract.store.sandbox.run_isolated`) that is killed on timeout.
    """
    with open_store(store_dir, read_only=True) as store:
        result = execute(store.store, query, source, union, limits)
        return display(result) if fmt == "table" else serialize_result(result, fmt)


def run_query(store_dir: str | os.PathLike, query: str, params: Params | None = None,
              fmt: str = "json", union: bool = False) -> bytes:
    """Run ``query`` on the store (opened read-only) and serialize the result as ``fmt``."""
    check_format(fmt)
    text, source = prepare(query, params)
    with open_store(store_dir, read_only=True) as store:
        return serialize_result(execute(store.store, text, source, union), fmt)


def select_rows(store_dir: str | os.PathLike, query: str, params: Params | None = None,
                union: bool = False) -> list[dict[str, str]]:
    """Run a SELECT query; each row maps bound variables to their value (lexical form)."""
    text, source = prepare(query, params)
    with open_store(store_dir, read_only=True) as store:
        result = execute(store.store, text, source, union)
        if not isinstance(result, ox.QuerySolutions):
            raise KgextractError(Errors.E099.format(err="not a SELECT query", where=""))
        names = [v.value for v in result.variables]
        return [{n: sol[n].value for n in names if sol[n] is not None} for sol in result]
