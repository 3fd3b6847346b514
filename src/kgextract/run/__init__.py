"""Corpus runs: streaming, parallel, incremental and resumable extraction.

- :func:`run_corpus` (``kgextract extract``): inputs in, merged graph and
  per-document files out, with a cache of per-document results and a
  manifest beside the output;
- :func:`process_documents`: documents in, results out in input order, in
  one process or ``workers`` processes;
- :func:`write_nquads`: the graph of :func:`kgextract.rdf.to_rdf` written as
  N-Quads without holding it.
"""

from kgextract.lazy import lazy_exports

# Imported on first use (kgextract.lazy): `kgextract --help` and `kgextract query` need only a few of them.
_HOMES = {
    "process_documents": "kgextract.run.parallel",
    "RunReport": "kgextract.run.report",
    "summary": "kgextract.run.report",
    "run_corpus": "kgextract.run.runner",
    "state_paths": "kgextract.run.runner",
    "write_nquads": "kgextract.run.stream",
}
__getattr__, __dir__ = lazy_exports(globals(), _HOMES)

__all__ = ["run_corpus", "RunReport", "summary", "state_paths", "process_documents", "write_nquads"]
