"""The SPARQL side: an on-disk Oxigraph store, saved queries, an HTTP endpoint, SHACL checks.

- :mod:`~kgextract.store.oxigraph`: open a store, load RDF files, write
  extraction results (one named graph per document, replaced on rewrite).
- :mod:`~kgextract.store.queries`: the saved ``.rq`` queries shipped in
  ``store/queries/``; :mod:`~kgextract.store.bind`: safe parameter binding;
  :mod:`~kgextract.store.results`: running queries, results formats.
- :mod:`~kgextract.store.server`: the Oxigraph SPARQL 1.1 Protocol server.
- :mod:`~kgextract.store.validate`: pySHACL with ``ontologies/shapes.ttl``.

Queries see the union of the named graphs. In Oxigraph 0.5 that union is
a bag: a triple stored in two documents' graphs matches twice (fixed
upstream after 0.5, oxigraph/oxigraph#1919). The saved queries use
``DISTINCT``/``COUNT(DISTINCT ...)`` for that reason; do the same in your own.

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
