"""The graph stage: a NetworkX ``MultiDiGraph`` of the results, and questions over it.

>>> from kgextract.graph.examples import sample_results
>>> from kgextract.graph import to_networkx
>>> G = to_networkx(sample_results())
>>> G.is_directed(), G.is_multigraph()
(True, True)
"""

from kgextract.lazy import lazy_exports

# Imported on first use (kgextract.lazy): `kgextract --help` and `kgextract query` need only a few of them.
_HOMES = {
    "event_participants": "kgextract.graph.analysis",
    "events_table": "kgextract.graph.analysis",
    "roles_by_organization": "kgextract.graph.analysis",
    "to_networkx": "kgextract.graph.build",
}
__getattr__, __dir__ = lazy_exports(globals(), _HOMES)

__all__ = ["to_networkx", "roles_by_organization", "event_participants", "events_table"]
