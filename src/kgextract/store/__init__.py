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
>>> with tempfile.TemporaryDirectory() as tmp:
...     _ = write_results(tmp, sample_results())
...     rows = select_rows(tmp, "people_roles")
>>> rows
[{'organizationLabel': 'United Nations Office for Disarmament Affairs', 'personLabel': 'Izumi Nakamitsu', 'roleLabel': 'Under-Secretary-General'}]
"""

from kgextract.store.oxigraph import load_files, open_store, write_dataset, write_results
from kgextract.store.queries import get_query, saved_queries
from kgextract.store.results import run_query, select_rows
from kgextract.store.server import SparqlServer
from kgextract.store.validate import validate_file, validate_store

__all__ = ["open_store", "load_files", "write_results", "write_dataset", "saved_queries", "get_query",
           "run_query", "select_rows", "SparqlServer", "validate_file", "validate_store"]
