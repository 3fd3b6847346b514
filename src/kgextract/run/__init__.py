"""Corpus runs: streaming, parallel, incremental and resumable extraction.

- :func:`run_corpus` (``kgextract extract``): inputs in, merged graph and
  per-document files out, with a cache of per-document results and a
  manifest beside the output;
- :func:`process_documents`: documents in, results out in input order, in
  one process or ``workers`` processes;
- :func:`corpus_graph`: results in, the RDF of the corpus out (per-document
  named graphs, merges across documents, gazetteer links);
  :func:`write_nquads` writes the same graph as N-Quads without holding it.
"""

from kgextract.lazy import lazy_exports

# Imported on first use (kgextract.lazy): `kgextract --help` and `kgextract query` need only a few of them.
_HOMES = {
    "CorpusGraph": "kgextract.run.corpus",
    "corpus_graph": "kgextract.run.corpus",
    "process_documents": "kgextract.run.parallel",
    "RunReport": "kgextract.run.runner",
    "run_corpus": "kgextract.run.runner",
    "state_paths": "kgextract.run.runner",
    "write_nquads": "kgextract.run.stream",
}
__getattr__, __dir__ = lazy_exports(globals(), _HOMES)

__all__ = ["run_corpus", "RunReport", "state_paths", "process_documents", "corpus_graph", "CorpusGraph",
           "write_nquads"]
