"""The SPARQL side: an on-disk Oxigraph store, saved queries, an HTTP endpoint, SHACL checks.

- :mod:`~kgextract.store.oxigraph`: open a store, load RDF files, write
  extraction results (one named graph per document, replaced on rewrite);
  :mod:`~kgextract.store.union`: the union default graph kept beside them.
- :mod:`~kgextract.store.queries`: the saved ``.rq`` queries shipped in
  ``store/queries/``; :mod:`~kgextract.store.bind`: safe parameter binding;
  :mod:`~kgextract.store.results`: running queries, results formats.
- :mod:`~kgextract.store.server`: the Oxigraph SPARQL 1.1 Protocol server.
- :mod:`~kgextract.store.validate`: pySHACL with ``ontologies/shapes.ttl``.

A store holds one named graph per document and, in its default graph, the
union of them all, each triple once (:mod:`~kgextract.store.union`): that
is what queries and the HTTP endpoint read by default. Oxigraph's own
"union default graph" is not used because in Oxigraph 0.5 it is a bag (a
triple in N graphs matches N times, oxigraph/oxigraph#1919), which made
joins over shared entities explode.

>>> import tempfile
>>> from kgextract.graph.examples import sample_results
>>> from kgextract.store import select_rows, write_results
>>> with tempfile.TemporaryDirectory() as tmp:
...     _ = write_results(tmp, sample_results())
...     rows = select_rows(tmp, "people_roles")
>>> rows  # doctest: +NORMALIZE_WHITESPACE
[{'organizationLabel': 'United Nations Office for Disarmament Affairs', 'personLabel': 'Izumi Nakamitsu',
  'roleLabel': 'Under-Secretary-General'}]
"""

from kgextract.lazy import lazy_exports

# Imported on first use (kgextract.lazy): `kgextract --help` and `kgextract query` need only a few of them.
_HOMES = {
    "load_files": "kgextract.store.oxigraph",
    "open_store": "kgextract.store.oxigraph",
    "write_dataset": "kgextract.store.oxigraph",
    "write_results": "kgextract.store.oxigraph",
    "get_query": "kgextract.store.queries",
    "saved_queries": "kgextract.store.queries",
    "run_query": "kgextract.store.results",
    "select_rows": "kgextract.store.results",
    "SparqlServer": "kgextract.store.server",
    "validate_file": "kgextract.store.validate",
    "validate_store": "kgextract.store.validate",
}
__getattr__, __dir__ = lazy_exports(globals(), _HOMES)

__all__ = ["open_store", "load_files", "write_results", "write_dataset", "saved_queries", "get_query",
           "run_query", "select_rows", "SparqlServer", "validate_file", "validate_store"]
