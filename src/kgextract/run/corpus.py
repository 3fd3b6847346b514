"""The graph of a whole corpus: per-document graphs, merges across documents, links.

>>> from kgextract.models import Document, DocumentResult, Entity
>>> def doc(i, key, name):
...     return DocumentResult(document=Document(id=i, text="x"), entities=[
...         Entity(key=key, type="Person", name=name)])
>>> graph = corpus_graph([doc("a", "person/izumi-nakamitsu", "Izumi Nakamitsu"),
...                       doc("b", "person/nakamitsu", "Nakamitsu")])
>>> [m.keys for m in graph.merges]
[['person/nakamitsu']]
>>> sorted(str(c.identifier).rsplit("/", 1)[-1] for c in graph.dataset.graphs() if len(c))
['a', 'b', 'corpus']
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import Dataset

from kgextract.base.linking import Link, link_entities
from kgextract.models import DocumentResult
from kgextract.rdf.mapping import to_rdf
from kgextract.rdf.merges import add_links, add_merges
from kgextract.resolve.across import MergeRecord, resolve_across

__all__ = ["CorpusGraph", "corpus_graph"]


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
    ds = to_rdf(results)
    add_merges(ds, merges)
    add_links(ds, links)
    return CorpusGraph(ds, results, merges, links)
