"""Corpus runs: streaming, parallel, incremental and resumable extraction.

- :func:`run_corpus` (``kgextract extract``): inputs in, merged graph and
  per-document files out, with a cache of per-document results and a
  manifest beside the output;
- :func:`process_documents`: documents in, results out in input order, in
  one process or ``workers`` processes;
- :func:`write_nquads`: the graph of :func:`kgextract.rdf.to_rdf` written as
  N-Quads without holding it.
"""

from kgextract.run.parallel import process_documents
from kgextract.run.runner import RunReport, run_corpus, state_paths
from kgextract.run.stream import write_nquads

__all__ = ["run_corpus", "RunReport", "state_paths", "process_documents", "write_nquads"]
