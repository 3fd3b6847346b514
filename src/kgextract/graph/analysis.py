"""Small questions over the graph of :func:`kgextract.graph.build.to_networkx`.

>>> from kgextract.graph.build import to_networkx
>>> from kgextract.graph.examples import sample_results
>>> G = to_networkx(sample_results())
>>> roles_by_organization(G, labels=True)
[('Izumi Nakamitsu', 'Under-Secretary-General', 'United Nations Office for Disarmament Affairs')]
"""

from __future__ import annotations

from typing import overload

import networkx as nx

__all__ = ["roles_by_organization", "event_participants", "events_table"]


@overload
def _name(G: nx.MultiDiGraph, node: str, labels: bool) -> str: ...
@overload
def _name(G: nx.MultiDiGraph, node: None, labels: bool) -> None: ...
def _name(G: nx.MultiDiGraph, node: str | None, labels: bool) -> str | None:
    if node is None or not labels:
        return node
    return G.nodes[node].get("label", node)


def _objects(G: nx.MultiDiGraph, node: str, predicate: str) -> list[tuple[float, str]]:
    return [(d.get("confidence", 0.0), v) for _, v, d in G.out_edges(node, data=True)
            if d.get("predicate") == predicate]


def _best(pairs: list[tuple[float, str]]) -> str | None:
    return min(pairs, key=lambda cv: (-cv[0], cv[1]))[1] if pairs else None


def _events(G: nx.MultiDiGraph) -> list[str]:
    return sorted(n for n, t in G.nodes(data="type") if t == "Event")


def roles_by_organization(
    G: nx.MultiDiGraph, labels: bool = False
) -> list[tuple[str, str, str | None]]:
    """Who holds which role in which organization.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A graph from :func:`~kgextract.graph.build.to_networkx`.
    labels : bool, optional (default=False)
        Give node labels instead of node keys.

    Returns
    -------
    rows : list of (person, role, organization) tuples
        One row per ``hasRole`` edge, sorted by organization, person, role.
        ``organization`` is ``None`` when the text names none.

    Examples
    --------
    >>> from kgextract.graph.build import to_networkx
    >>> from kgextract.graph.examples import sample_results
    >>> roles_by_organization(to_networkx(sample_results()))  # doctest: +NORMALIZE_WHITESPACE
    [('person/izumi-nakamitsu', 'role/under-secretary-general',
      'organization/united-nations-office-for-disarmament-affairs')]
    """
    rows = {(u, v, d.get("organization")) for u, v, d in G.edges(data=True)
            if d.get("predicate") == "hasRole"}
    ordered = sorted(rows, key=lambda r: (r[2] is None, r[2] or "", r[0], r[1]))
    return [(_name(G, u, labels), _name(G, v, labels), _name(G, org, labels)) for u, v, org in ordered]


def event_participants(G: nx.MultiDiGraph, labels: bool = False) -> dict[str, list[str]]:
    """The attendees of every event (an empty list when none is named).

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A graph from :func:`~kgextract.graph.build.to_networkx`.
    labels : bool, optional (default=False)
        Give node labels instead of node keys.

    Returns
    -------
    participants : dict
        Event -> sorted list of the persons and organizations that attend it.

    Examples
    --------
    >>> from kgextract.graph.build import to_networkx
    >>> from kgextract.graph.examples import sample_results
    >>> event_participants(to_networkx(sample_results()), labels=True)
    {'Disarmament Conference': ['Izumi Nakamitsu']}
    """
    out = {}
    for event in _events(G):
        attendees = sorted({v for _, v in _objects(G, event, "attendee")})
        out[_name(G, event, labels)] = [_name(G, v, labels) for v in attendees]
    return out


def events_table(G: nx.MultiDiGraph, labels: bool = False) -> list[dict]:
    """One row per event: place, dates, organizer, funders and sponsors.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A graph from :func:`~kgextract.graph.build.to_networkx`.
    labels : bool, optional (default=False)
        Give node labels instead of node keys.

    Returns
    -------
    rows : list of dict
        Keys ``event``, ``place``, ``start``, ``end``, ``organizer``,
        ``funders``, ``sponsors``. ``place`` and ``organizer`` hold the
        most confident value (ties: the smallest key) or ``None``; ``start``
        is the earliest start date and ``end`` the latest end date (ISO
        strings) or ``None``; ``funders`` and ``sponsors`` are sorted lists.

    Examples
    --------
    >>> from kgextract.graph.build import to_networkx
    >>> from kgextract.graph.examples import sample_results
    >>> row = events_table(to_networkx(sample_results()), labels=True)[0]
    >>> row["event"], row["place"], row["start"], row["end"], row["sponsors"]
    ('Disarmament Conference', 'Geneva', '2023-12-04', None, ['Acme'])
    """
    rows = []
    for event in _events(G):
        def date(pred: str, pick, _e: str = event) -> str | None:
            values = [G.nodes[v].get("label", v) for _, v in _objects(G, _e, pred)]
            return pick(values) if values else None

        def many(pred: str, _e: str = event) -> list:
            return [_name(G, v, labels) for v in sorted({v for _, v in _objects(G, _e, pred)})]

        rows.append({
            "event": _name(G, event, labels),
            "place": _name(G, _best(_objects(G, event, "location")), labels),
            "start": date("startDate", min),
            "end": date("endDate", max),
            "organizer": _name(G, _best(_objects(G, event, "organizer")), labels),
            "funders": many("funder"),
            "sponsors": many("sponsor"),
        })
    return rows
