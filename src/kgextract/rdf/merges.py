"""Corpus-level RDF: entity merge records and gazetteer links, in their own named graph.

The per-document named graphs (``kgxid:graph/<doc id>``) hold what each
release says. What only the whole corpus shows goes into the named graph
``kgxid:corpus`` (:data:`CORPUS_GRAPH`):

- each merge across releases is a ``kgx:EntityMerge`` (a ``prov:Activity``):
  ``kgx:mergedInto`` the entity, ``kgx:mergedName`` every name and mention
  text folded in, ``kgx:mergeRule`` the rule, ``prov:invalidated`` the
  entity IRIs that the merge retired, ``prov:used`` the releases it read;
- each linked place has ``schema:sameAs`` its GeoNames IRI, and a country
  also its Wikidata IRI and ``schema:identifier`` its ISO 3166-1 alpha-2 code.

The merged view of a corpus is the union of all named graphs (the default
graph of the ``Dataset``; Turtle and JSON-LD write it).

>>> from rdflib import Dataset
>>> from kgextract.resolve.across import MergeRecord
>>> from kgextract.rdf.namespaces import bind_prefixes
>>> ds = Dataset(default_union=True)
>>> bind_prefixes(ds)
>>> add_merges(ds, [MergeRecord(target="person/izumi-nakamitsu", type="Person",
...     rule="kgx.across.tokens.v1", keys=["person/nakamitsu"], names=["Nakamitsu"],
...     documents=["a", "b"])])
>>> q = '''SELECT ?name ?rule WHERE { ?m a kgx:EntityMerge ; kgx:mergedName ?name ;
...        kgx:mergeRule ?rule ; kgx:mergedInto <https://w3id.org/kgextract/id/person/izumi-nakamitsu> }'''
>>> [(str(r.name), str(r.rule)) for r in ds.query(q)]
[('Nakamitsu', 'kgx.across.tokens.v1')]
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from rdflib import Dataset, Literal, URIRef

from kgextract.base.linking import Link
from kgextract.rdf.iri import document_iri, entity_iri
from kgextract.rdf.mapping import text_literal
from kgextract.rdf.namespaces import KGX, KGX_ID, PROV, RDF, RDFS, SDO
from kgextract.resolve.across import MergeRecord

__all__ = ["CORPUS_GRAPH", "merge_iri", "add_merges", "add_links"]

#: The named graph of corpus-level facts (merges across releases, gazetteer links).
CORPUS_GRAPH = URIRef(f"{KGX_ID}corpus")


def merge_iri(record: MergeRecord) -> URIRef:
    """The IRI of a merge record: a hash of its target, rule and merged keys.

    >>> merge_iri(MergeRecord(target="person/a-b", type="Person", rule="r", keys=["person/b"]))
    rdflib.term.URIRef('https://w3id.org/kgextract/id/merge/bcb24e60cab71e9c')
    """
    text = "|".join([record.target, record.rule, *record.keys])
    return URIRef(f"{KGX_ID}merge/{hashlib.sha1(text.encode('utf-8', 'surrogatepass')).hexdigest()[:16]}")


def add_merges(ds: Dataset, records: Iterable[MergeRecord]) -> None:
    """Write merge records into the corpus graph of ``ds``."""
    g = ds.graph(CORPUS_GRAPH)
    for rec in records:
        m = merge_iri(rec)
        g.add((m, RDF.type, KGX.EntityMerge))
        g.add((m, RDF.type, PROV.Activity))
        g.add((m, KGX.mergedInto, entity_iri(rec.target)))
        g.add((m, KGX.mergeRule, Literal(rec.rule)))
        for name in rec.names:
            g.add((m, KGX.mergedName, text_literal(name)))
        for key in rec.keys:
            g.add((m, PROV.invalidated, entity_iri(key)))
        for doc in rec.documents:
            g.add((m, PROV.used, document_iri(doc)))
        g.add((m, RDFS.label, text_literal(f"{', '.join(rec.keys) or 'names'} -> {rec.target} ({rec.rule})")))


def add_links(ds: Dataset, links: Iterable[Link]) -> None:
    """Write gazetteer links (``schema:sameAs``, ISO codes) into the corpus graph of ``ds``."""
    g = ds.graph(CORPUS_GRAPH)
    for link in links:
        e = entity_iri(link.key)
        for iri in link.same_as:
            g.add((e, SDO.sameAs, URIRef(iri)))
        if link.kind == "country" and link.iso:
            g.add((e, SDO.identifier, Literal(link.iso)))
