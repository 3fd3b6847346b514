"""The graph stage: a NetworkX ``MultiDiGraph`` of the results, and questions over it.

>>> from kgextract.graph.examples import sample_results
>>> G = to_networkx(sample_results())
>>> G.is_directed(), G.is_multigraph()
(True, True)
"""

from kgextract.graph.analysis import event_participants, events_table, roles_by_organization
from kgextract.graph.build import to_networkx

__all__ = ["to_networkx", "roles_by_organization", "event_participants", "events_table"]
