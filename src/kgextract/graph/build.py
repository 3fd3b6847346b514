"""Build a NetworkX ``MultiDiGraph`` from extraction results.

Nodes are keyed by entity key (``person/izumi-nakamitsu``); documents are
``doc/<id>`` nodes and date values ``date/<iso>`` nodes. Every relation is
one directed edge whose key is its predicate, so two predicates between the
same pair of nodes never overwrite each other; the same relation found in
several documents is one edge with the evidence of all of them.

>>> from kgextract.graph.examples import sample_results
>>> G = to_networkx(sample_results())
>>> G.nodes["person/izumi-nakamitsu"]["label"]
'Izumi Nakamitsu'
>>> sorted(G["event/disarmament-conference"]["date/2023-12-04"])
['startDate']
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from kgextract.graph.merge import checked_relations, merge_entities
from kgextract.models import DOC, DocumentResult, Predicate, Relation

if TYPE_CHECKING:  # imported by to_networkx: the node-key helpers here are used without a graph
    import networkx as nx

__all__ = ["to_networkx", "document_node", "date_node"]


def document_node(doc_id: str) -> str:
    """The node key of a document.

    >>> document_node("d1")
    'doc/d1'
    """
    return f"doc/{doc_id}"


def date_node(value: str) -> str:
    """The node key of a date value.

    >>> date_node("2023-12")
    'date/2023-12'
    """
    return f"date/{value}"


def _add_unique(seq: list, item) -> None:
    if item not in seq:
        seq.append(item)


def _edge_key(G: nx.MultiDiGraph, u: str, v: str, rel: Relation) -> str:
    """The predicate; for a second ``hasRole`` with another organization, ``hasRole|<org>``."""
    key = rel.predicate.value
    data = G.get_edge_data(u, v, key)
    if rel.predicate is not Predicate.HAS_ROLE or data is None:
        return key
    org = data.get("organization")
    if rel.organization is None or org is None or org == rel.organization:
        return key
    return f"{key}|{rel.organization}"


def to_networkx(results: Iterable[DocumentResult]) -> nx.MultiDiGraph:
    """Return the knowledge graph of ``results`` as a ``networkx.MultiDiGraph``.

    Parameters
    ----------
    results : iterable of DocumentResult
        The per-document extraction results.

    Returns
    -------
    G : networkx.MultiDiGraph
        Node attributes: ``type`` (``Person``, ..., ``Document``, ``Date``),
        ``label``, ``aliases`` (list), ``documents`` (list of doc ids).
        Edge key: the predicate (a ``hasRole`` held in a second, different
        organization gets the key ``hasRole|<organization key>``). Edge
        attributes: ``predicate``, ``confidence`` (the highest seen),
        ``evidence`` (list of dicts with ``doc_id``, ``sentence``, ``start``,
        ``end``, ``confidence``, ``extractor``), ``documents``, and for
        ``hasRole`` the ``organization`` key (or ``None``). A ``hasRole`` or
        ``memberOf`` edge has ``start``, ``end`` and ``status`` (``"former"``,
        ``"future"``; ``None`` when not stated); an Event node has
        ``event_type`` (``"Meeting"`` ... ``"Other"``).

    Relations that refer to unknown entities, or whose date is not ISO
    8601, are left out with a logged warning (W070, W071), as in the RDF.

    Examples
    --------
    >>> from kgextract.graph.examples import sample_results
    >>> G = to_networkx(sample_results())
    >>> G.nodes["doc/sample-2023-12-05"]["type"], G.nodes["date/2023-12-05"]["type"]
    ('Document', 'Date')
    >>> sorted(G["person/izumi-nakamitsu"]["role/under-secretary-general"])
    ['hasRole']
    >>> edge = G.edges["person/izumi-nakamitsu", "role/under-secretary-general", "hasRole"]
    >>> edge["organization"], edge["evidence"][0]["extractor"]
    ('organization/united-nations-office-for-disarmament-affairs', 'kgx.roles.v1')
    """
    results = list(results)
    import networkx as nx

    entities = merge_entities(results)
    G = nx.MultiDiGraph()
    for key, ent in entities.items():
        G.add_node(key, type=ent.type.value, label=ent.label, aliases=list(ent.aliases),
                   alt_types=[t.value for t in ent.alt_types], documents=list(ent.documents))
    for res in results:  # an event's kind: the first release that typed it
        for entity in res.entities:
            if entity.event_type is not None and G.nodes[entity.key].get("event_type") is None:
                G.nodes[entity.key]["event_type"] = entity.event_type.value
    for res in results:
        doc = res.document
        dnode = document_node(doc.id)
        if dnode not in G:
            G.add_node(dnode, type="Document", label=doc.title or doc.id, aliases=[],
                       documents=[doc.id])

        def node(key: str, _dnode: str = dnode) -> str:
            return _dnode if key == DOC else key

        for rel in checked_relations(res, entities):
            u = node(rel.subject)
            if rel.predicate.takes_date:
                v = date_node(rel.object)
                if v not in G:
                    G.add_node(v, type="Date", label=rel.object, aliases=[], documents=[])
                _add_unique(G.nodes[v]["documents"], doc.id)
            else:
                v = node(rel.object)
            key = _edge_key(G, u, v, rel)
            evidence = [ev.model_dump() for ev in rel.evidence]
            if not G.has_edge(u, v, key):
                attrs: dict[str, object] = {"predicate": rel.predicate.value, "confidence": rel.confidence,
                         "evidence": [], "documents": []}
                if rel.predicate is Predicate.HAS_ROLE:
                    attrs["organization"] = rel.organization
                if rel.predicate.is_membership:
                    attrs.update(start=None, end=None, status=None)
                G.add_edge(u, v, key=key, **attrs)
            data = G.edges[u, v, key]
            data["confidence"] = max(data["confidence"], rel.confidence)
            if rel.predicate is Predicate.HAS_ROLE and data["organization"] is None:
                data["organization"] = rel.organization
            if rel.predicate.is_membership:  # the first release that states each qualifier
                for field in ("start", "end", "status"):
                    value = getattr(rel, field)
                    if data[field] is None and value is not None:
                        data[field] = getattr(value, "value", value)
            for ev in evidence:
                _add_unique(data["evidence"], ev)
            _add_unique(data["documents"], doc.id)
    return G
