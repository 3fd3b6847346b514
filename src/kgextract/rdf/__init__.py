"""The RDF stage: deterministic IRIs, the mapping of results to RDF, serializers.

:func:`to_rdf` is the one path from results to RDF (see :mod:`kgextract.rdf.corpus`).

>>> from kgextract.graph.examples import sample_results
>>> from kgextract.rdf.serialize import serialize
>>> ds = to_rdf(sample_results())
>>> serialize(ds, "nquads") == serialize(to_rdf(sample_results()), "nquads")
True
"""

from kgextract.rdf.corpus import CorpusGraph, corpus_graph, to_graph, to_rdf
from kgextract.rdf.serialize import FORMATS, get_format, union_graph, write_rdf

# ``serialize`` (the function) is not re-exported: it would hide the
# ``kgextract.rdf.serialize`` module. Import it from there.

__all__ = ["to_rdf", "to_graph", "corpus_graph", "CorpusGraph", "FORMATS", "get_format", "union_graph", "write_rdf"]
