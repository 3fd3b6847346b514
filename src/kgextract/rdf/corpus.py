"""Results to RDF: the one path, :func:`to_rdf`.

Every RDF that kgextract writes or returns is made here: ``kgextract extract``,
the Dask engine, the store's loader and ``kgextract.extract(...).to_rdf()`` all
call :func:`to_rdf` (or :func:`corpus_graph`, the same call that also returns
what it merged and linked). The steps, in order:

1. resolve entities across the documents (``resolve.across``; ``across=False``
   skips it);
2. link places to the gazetteers (``base.linking``; ``linking=False`` skips it);
3. map each document to its named graph (``rdf.mapping.document_graphs``);
4. write the merges and links into the corpus graph ``kgxid:corpus``
   (``rdf.merges``).

With ``across=False, linking=False`` the dataset holds the per-document graphs
only, as the per-document output files do.

>>> from kgextract.models import Document, DocumentResult, Entity
>>> def doc(i, key, name):
...     return DocumentResult(document=Document(id=i, text="x"), entities=[
...         Entity(key=key, type="Person", name=name)])
>>> results = [doc("a", "person/izumi-nakamitsu", "Izumi Nakamitsu"), doc("b", "person/nakamitsu", "Nakamitsu")]
>>> graph = corpus_graph(results)
>>> [m.keys for m in graph.merges]
[['person/nakamitsu']]
>>> sorted(str(c.identifier).rsplit("/", 1)[-1] for c in graph.dataset.graphs() if len(c))
['a', 'b', 'corpus']
>>> sorted(str(c.identifier).rsplit("/", 1)[-1] for c in to_rdf(results, across=False).graphs() if len(c))
['a', 'b']
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import Dataset, Graph

from kgextract.base.linking import Link, link_entities
from kgextract.models import DocumentResult
from kgextract.rdf.mapping import document_graphs
from kgextract.rdf.merges import add_links, add_merges
from kgextract.rdf.serialize import union_graph
from kgextract.resolve.across import MergeRecord, resolve_across

__all__ = ["CorpusGraph", "corpus_graph", "to_rdf", "to_graph"]


@dataclass
class CorpusGraph:
    """The RDF of a corpus and what went into its corpus graph."""

    dataset: Dataset
    results: list[DocumentResult]
    merges: list[MergeRecord] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)


def corpus_graph(results: list[DocumentResult], *, across: bool = True, linking: bool = True) -> CorpusGraph:
    """Resolve entities across ``results``, link places, and map everything to RDF.

    The dataset holds one named graph per document (with the keys rewritten
    by the merges) and the corpus graph ``kgxid:corpus`` with the merge
    records and the links; its default graph is the union of all of them.
    """
    merges: list[MergeRecord] = []
    if across:
        results, merges = resolve_across(results)
    links = link_entities(results) if linking else []
    ds = document_graphs(results)
    add_merges(ds, merges)
    add_links(ds, links)
    return CorpusGraph(ds, results, merges, links)


def to_rdf(results: list[DocumentResult], *, across: bool = True, linking: bool = True) -> Dataset:
    """The RDF of ``results`` as an ``rdflib.Dataset``: ``corpus_graph(...).dataset``.

    >>> from kgextract.graph.examples import sample_results
    >>> len(to_rdf(sample_results())) > 0
    True
    """
    return corpus_graph(list(results), across=across, linking=linking).dataset


def to_graph(results: list[DocumentResult], *, across: bool = True, linking: bool = True) -> Graph:
    """The union of :func:`to_rdf`'s named graphs as one ``rdflib.Graph`` (for Turtle, JSON-LD, SHACL).

    >>> from kgextract.models import Document, DocumentResult
    >>> from kgextract.rdf.namespaces import SDO
    >>> from rdflib import Literal
    >>> (None, SDO.identifier, Literal("d1")) in to_graph([DocumentResult(document=Document(id="d1", text="x"))])
    True
    """
    return union_graph(to_rdf(results, across=across, linking=linking))
