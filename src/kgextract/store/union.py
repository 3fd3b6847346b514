"""Keep the store's default graph equal to the union (a set) of its named graphs.

Why: in Oxigraph 0.5 the "union default graph" (``use_default_graph_as_union``,
``--union-default-graph``) is a bag: a triple held by N documents' graphs
matches N times (oxigraph/oxigraph#1919, fixed after 0.5). kgextract repeats
an entity's type and label in every document that mentions it, so joins
multiply: on 50k quads the ``events`` query took over 60 s that way and
2 ms on a default graph holding the union as a set.

So a kgextract store keeps two things: each document's named graph
(provenance, replaceable) and, in the default graph, every triple of every
named graph once. :func:`replace_graphs` maintains both; queries and the
HTTP server read the default graph. :func:`rebuild_union` recomputes it
(after a bulk load, an interrupted write, or a store filled by other tools).

>>> store = ox.Store()
>>> g1, g2 = ox.NamedNode("urn:g1"), ox.NamedNode("urn:g2")
>>> t = (ox.NamedNode("urn:a"), ox.NamedNode("urn:p"), ox.Literal("x"))
>>> replace_graphs(store, [g1, g2], [ox.Quad(*t, g1), ox.Quad(*t, g2)])
>>> len(list(store.query("SELECT * { ?s ?p ?o }")))  # the default graph: once
1
>>> replace_graphs(store, [g1], [])  # g1 emptied: g2 still holds the triple
>>> replace_graphs(store, [g2], [])
>>> len(store)
0
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import pyoxigraph as ox

__all__ = ["replace_graphs", "rebuild_union"]

_DEFAULT = ox.DefaultGraph()


def _in_default(triples: Iterable[ox.Triple]) -> list[ox.Quad]:
    return [ox.Quad(t.subject, t.predicate, t.object, _DEFAULT) for t in triples]


def _held_by_a_named_graph(store: ox.Store, t: ox.Triple) -> bool:
    return any(isinstance(q.graph_name, ox.NamedNode)
               for q in store.quads_for_pattern(t.subject, t.predicate, t.object, None))


def replace_graphs(store: ox.Store, graphs: Iterable[ox.NamedNode], quads: Iterable[ox.Quad]) -> None:
    """Replace each of ``graphs`` by its ``quads``; add the other quads; keep the union.

    Each graph is written in one transaction with its new triples added to
    the default graph; then its dropped triples leave the default graph
    unless another named graph still holds them.
    """
    by_graph: dict[ox.NamedNode | ox.BlankNode | ox.DefaultGraph, list[ox.Quad]] = defaultdict(list)
    for quad in quads:
        by_graph[quad.graph_name].append(quad)
    for graph in graphs:
        old = {q.triple for q in store.quads_for_pattern(None, None, None, graph)}
        new = by_graph.pop(graph, [])
        store.remove_graph(graph)
        store.extend(new + _in_default(q.triple for q in new))
        kept = {q.triple for q in new}
        for t in old - kept:
            if not _held_by_a_named_graph(store, t):
                store.remove(ox.Quad(t.subject, t.predicate, t.object, _DEFAULT))
    for name, rest in by_graph.items():
        named = isinstance(name, ox.NamedNode)
        store.extend(rest + (_in_default(q.triple for q in rest) if named else []))


def rebuild_union(store: ox.Store, clean: bool = False) -> int:
    """Put every triple of every named graph into the default graph; return the union's size.

    With ``clean`` the default graph is cleared first (triples loaded straight
    into it go too). Uses Oxigraph's bulk writer: fast, not transactional
    (run it again if it is interrupted).
    """
    if clean:
        store.clear_graph(_DEFAULT)
    named = (q for q in store.quads_for_pattern(None, None, None, None)
             if isinstance(q.graph_name, ox.NamedNode))
    store.bulk_extend(ox.Quad(q.subject, q.predicate, q.object, _DEFAULT) for q in named)
    return sum(1 for _ in store.quads_for_pattern(None, None, None, _DEFAULT))
