"""The RDF stage: deterministic IRIs, the mapping of results to RDF, serializers.

:func:`to_rdf` is the one path from results to RDF (see :mod:`kgextract.rdf.corpus`).

>>> from kgextract.graph.examples import sample_results
>>> from kgextract.rdf.serialize import serialize
>>> from kgextract.rdf import to_rdf
>>> ds = to_rdf(sample_results())
>>> serialize(ds, "nquads") == serialize(to_rdf(sample_results()), "nquads")
True
"""

from kgextract.lazy import lazy_exports

# Imported on first use (kgextract.lazy): `kgextract --help` and `kgextract query` need only a few of them.
_HOMES = {
    "CorpusGraph": "kgextract.rdf.corpus",
    "corpus_graph": "kgextract.rdf.corpus",
    "to_graph": "kgextract.rdf.corpus",
    "to_rdf": "kgextract.rdf.corpus",
    "FORMATS": "kgextract.rdf.serialize",
    "get_format": "kgextract.rdf.serialize",
    "union_graph": "kgextract.rdf.serialize",
    "write_rdf": "kgextract.rdf.serialize",
}
__getattr__, __dir__ = lazy_exports(globals(), _HOMES)

# ``serialize`` (the function) is not re-exported: it would hide the
# ``kgextract.rdf.serialize`` module. Import it from there.

__all__ = ["to_rdf", "to_graph", "corpus_graph", "CorpusGraph", "FORMATS", "get_format", "union_graph", "write_rdf"]
