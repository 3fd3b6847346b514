"""Static matplotlib figures: the network, an event timeline, an organization's people, bar charts.

Figures are built with matplotlib's object API (``matplotlib.figure.Figure``,
rendered by Agg on save), never through ``pyplot``'s global state, so they
work headless and in threads. In Jupyter a returned figure shows inline.

>>> from kgextract.graph import to_networkx
>>> from kgextract.graph.examples import sample_results
>>> fig = draw_graph(to_networkx(sample_results()))
>>> sorted(t.get_text() for t in fig.axes[0].get_legend().get_texts())
['Event', 'Organization', 'Person', 'Place', 'Role']
"""

from __future__ import annotations

import math
import textwrap
from datetime import date, timedelta

import matplotlib.dates as mdates
import networkx as nx
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure, SubFigure
from matplotlib.lines import Line2D

from kgextract.graph.analysis import events_table
from kgextract.graph.merge import date_kind
from kgextract.viz.palette import TYPE_COLORS, type_color
from kgextract.viz.tables import find_node, leadership_changes, organization_people

__all__ = ["component_layout", "draw_graph", "plot_timeline", "plot_leadership", "plot_organization", "bar_chart",
           "date_span"]

_RADS = (0.06, 0.3, -0.2, 0.5, -0.4)


def _axes(ax: Axes | None, figsize: tuple[float, float]) -> tuple[Figure | SubFigure, Axes]:
    # a given ax may sit in a SubFigure: the plots return what holds their ax
    if ax is not None:
        return ax.figure, ax
    fig = Figure(figsize=figsize, layout="constrained")
    return fig, fig.add_subplot()


def _wrap(text: str, width: int) -> str:
    return "\n".join(textwrap.wrap(str(text), width)[:3]) or str(text)


def _legend(ax: Axes, types, **kw) -> None:
    handles = [Line2D([], [], marker="o", linestyle="", markersize=9, color=TYPE_COLORS.get(t, "#999"),
                      label=t) for t in TYPE_COLORS if t in set(types)]
    ax.legend(handles=handles, title="type", frameon=False, **kw)


def component_layout(G: nx.Graph, seed: int = 7, spacing: float = 1.6) -> dict:
    """A spring layout per connected component, the components packed in rows, largest first.

    Each component gets a square of side ``spacing * sqrt(size)``, so nodes
    are about ``spacing`` apart whatever the size of the graph.

    >>> pos = component_layout(nx.Graph([(1, 2), (3, 4), (4, 5)]))
    >>> sorted(pos), all(len(xy) == 2 for xy in pos.values())
    ([1, 2, 3, 4, 5], True)
    """
    U = nx.Graph(G.to_undirected(as_view=True)) if G.is_directed() else nx.Graph(G)
    comps = sorted((sorted(c, key=str) for c in nx.connected_components(U)),
                   key=lambda c: (-len(c), str(c[0])))
    width = spacing * 1.3 * max(len(U), 1) ** 0.5
    pos: dict = {}
    x = y = row = 0.0
    for comp in comps:
        side = spacing * len(comp) ** 0.5
        if x > 0 and x + side > width:
            x, y, row = 0.0, y - row - spacing * 0.6, 0.0
        sub = (nx.spring_layout(U.subgraph(comp), seed=seed, scale=side / 2, iterations=200,
                                k=1.5 / len(comp) ** 0.5) if len(comp) > 1 else {comp[0]: (0.0, 0.0)})
        for n, (a, b) in sub.items():
            pos[n] = (x + side / 2 + float(a), y - side / 2 + float(b))
        x, row = x + side + spacing * 0.6, max(row, side)
    return pos


def draw_graph(G: nx.MultiDiGraph, *, exclude=("Document", "Date"), isolates: bool = False,
               ax: Axes | None = None, seed: int = 7, edge_labels: bool = True, wrap: int = 18,
               figsize: tuple[float, float] | None = None) -> Figure | SubFigure:
    """The network: nodes coloured by type (legend), sized by degree, edges labelled by predicate.

    ``exclude`` leaves out node types (by default documents and dates), and
    nodes left without an edge unless ``isolates``. The layout
    (:func:`component_layout`) has a fixed ``seed``, so it is reproducible;
    ``figsize`` defaults to one that follows its shape.
    """
    H = G.subgraph(n for n, t in G.nodes(data="type") if t not in set(exclude))
    if not isolates:
        H = H.subgraph(n for n in H if H.degree(n) > 0)
    pos = component_layout(H, seed=seed)
    if figsize is None:
        xs, ys = [p[0] for p in pos.values()] or [0], [p[1] for p in pos.values()] or [0]
        aspect = (max(ys) - min(ys) + 1) / (max(xs) - min(xs) + 1)
        figsize = (13, min(max(13 * aspect, 4), 16))
    fig, ax = _axes(ax, figsize)
    colors = [type_color(H.nodes[n].get("type")) for n in H]
    sizes = [160 + 70 * H.degree(n) for n in H]
    nx.draw_networkx_nodes(H, pos, ax=ax, node_color=colors, node_size=sizes, alpha=0.9,
                           edgecolors="white")
    styles = [f"arc3,rad={r}" for r in _RADS]
    nx.draw_networkx_edges(H, pos, ax=ax, edge_color="#8a8a8a", width=1.0, arrows=True,
                           arrowsize=11, node_size=sizes, connectionstyle=styles)
    if edge_labels:
        labels = {(u, v, k): d.get("predicate", k) for u, v, k, d in H.edges(keys=True, data=True)}
        nx.draw_networkx_edge_labels(H, pos, edge_labels=labels, ax=ax, font_size=6.5,
                                     font_color="#555555", connectionstyle=styles,
                                     bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none",
                                           "alpha": 0.7})
    for n, (x, y) in pos.items():
        ax.annotate(_wrap(H.nodes[n].get("label", n), wrap), (x, y), xytext=(0, 8),
                    textcoords="offset points", ha="center", va="bottom", fontsize=7.5,
                    bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none", "alpha": 0.75})
    _legend(ax, [H.nodes[n].get("type") for n in H], loc="upper left", bbox_to_anchor=(1.0, 1.0),
            fontsize=8)
    ax.set_axis_off()
    ax.margins(0.06)
    return fig


def date_span(value: str) -> tuple[date, date] | None:
    """The days an ISO date value covers, as ``[first, after last)``; ``None`` if not a date.

    >>> date_span("2024-02")
    (datetime.date(2024, 2, 1), datetime.date(2024, 3, 1))
    >>> date_span("2023"), date_span("soon")
    ((datetime.date(2023, 1, 1), datetime.date(2024, 1, 1)), None)
    """
    kind = date_kind(value or "")
    if kind == "date":
        day = date.fromisoformat(value)
        return day, day + timedelta(days=1)
    if kind == "gYearMonth":
        y, m = map(int, value.split("-"))
        return date(y, m, 1), date(y + m // 12, m % 12 + 1, 1)
    if kind == "gYear":
        return date(int(value), 1, 1), date(int(value) + 1, 1, 1)
    return None


def plot_timeline(G: nx.MultiDiGraph, *, ax: Axes | None = None, wrap: int = 40,
                  figsize: tuple[float, float] = (11, 3.5)) -> Figure | SubFigure:
    """Events on a time axis, from their start (and end) dates; the place is written beside.

    A bar covers what the dates say (a day, a month, a year: vaguer dates
    are drawn lighter); a dot marks the start. Events with no date are left out.
    """
    fig, ax = _axes(ax, figsize)
    rows = []
    for row in events_table(G, labels=True):
        start, end = date_span(row["start"]), date_span(row["end"] or "")
        if start is not None:
            rows.append((start[0], (end or start)[1], row, date_kind(row["start"]) == "date"))
    rows.sort(key=lambda r: (r[0], r[2]["event"]), reverse=True)
    color = TYPE_COLORS["Event"]
    for y, (lo, hi, row, exact) in enumerate(rows):
        left, right = mdates.date2num(lo), mdates.date2num(hi)
        ax.barh(y, right - left, left=left, height=0.5, color=color, alpha=0.85 if exact else 0.3)
        ax.plot([left], [y], "o", color=color)
        note = " ".join(x for x in [row["place"] and f"@ {row['place']}",
                                    row["organizer"] and f"(by {row['organizer']})"] if x)
        if note:
            ax.annotate(_wrap(note, 60), (right, y), xytext=(6, 0), textcoords="offset points",
                        va="center", fontsize=8, color="#333333")
    ax.set_yticks(range(len(rows)), [_wrap(r[2]["event"], wrap) for r in rows], fontsize=8)
    ax.set_ylim(-0.8, max(len(rows), 1) - 0.2)
    locator = mdates.AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    if rows:
        lo, hi = min(r[0] for r in rows), max(r[1] for r in rows)
        pad = max((hi - lo).days * 0.08, 15)
        ax.set_xlim(mdates.date2num(lo) - pad, mdates.date2num(hi) + pad * 4)
    else:
        ax.text(0.5, 0.5, "no dated events", ha="center", va="center", transform=ax.transAxes)
    ax.set_title("Event timeline", loc="left")
    ax.spines[["top", "right", "left"]].set_visible(False)
    return fig


#: The colour of a membership's status in :func:`plot_leadership`.
STATUS_COLORS = {"future": "#1f77b4", "former": "#7f7f7f", None: "#2ca02c"}


def plot_leadership(G: nx.MultiDiGraph, *, ax: Axes | None = None, wrap: int = 45,
                    figsize: tuple[float, float] = (11, 3.5)) -> Figure | SubFigure:
    """A timeline of leadership changes: each dated post from its start to its end.

    One line per person and post (:func:`kgextract.viz.tables.leadership_changes`):
    a bar from the start to the end when both are known, a ▶ where a post is
    taken up, a ■ where it is left; blue for a post not yet taken up at the
    release's date, grey for one no longer held, green for one held.

    >>> from kgextract.graph import to_networkx
    >>> from kgextract.graph.examples import sample_results
    >>> res = sample_results()
    >>> res[0].relations[0] = res[0].relations[0].model_copy(update={"start": "2020", "end": "2023-06"})
    >>> fig = plot_leadership(to_networkx(res))
    >>> [t.get_text().replace("\\n", " ") for t in fig.axes[0].get_yticklabels()]
    ['Izumi Nakamitsu: Under-Secretary-General (United Nations Office for Disarmament Affairs)']
    """
    fig, ax = _axes(ax, figsize)
    frame = leadership_changes(G)
    rows = []
    for row in frame.to_dict("records"):
        row = {k: v if isinstance(v, str) else None for k, v in row.items()}  # pandas gives NaN for None
        start, end = date_span(row["start"] or ""), date_span(row["end"] or "")
        first = start or end
        if first is None:
            continue  # a status without a date: nothing to place on the axis
        rows.append((first[0], start, end, row))
    rows.sort(key=lambda r: (r[0], r[3]["person"] or ""), reverse=True)
    for y, (_, start, end, row) in enumerate(rows):
        color = STATUS_COLORS.get(row["status"], STATUS_COLORS[None])
        if start is not None and end is not None:
            left, right = mdates.date2num(start[0]), mdates.date2num(end[1])
            ax.barh(y, right - left, left=left, height=0.35, color=color, alpha=0.35)
        if start is not None:
            ax.plot([mdates.date2num(start[0])], [y], ">", color=color, markersize=8)
        if end is not None:
            ax.plot([mdates.date2num(end[1])], [y], "s", color=color, markersize=7)
    labels = [f"{r['person']}: {r['role'] or 'member'}" + (f" ({r['organization']})" if r["organization"] else "")
              for *_, r in rows]
    ax.set_yticks(range(len(rows)), [_wrap(t, wrap) for t in labels], fontsize=8)
    ax.set_ylim(-0.8, max(len(rows), 1) - 0.2)
    locator = mdates.AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    if not rows:
        ax.text(0.5, 0.5, "no dated posts", ha="center", va="center", transform=ax.transAxes)
    handles = [Line2D([], [], marker="o", linestyle="", color=c, label=name)
               for name, c in (("future", STATUS_COLORS["future"]), ("held", STATUS_COLORS[None]),
                               ("former", STATUS_COLORS["former"]))]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8, frameon=False)
    ax.set_title("Leadership changes", loc="left")
    ax.spines[["top", "right", "left"]].set_visible(False)
    return fig


def plot_organization(G: nx.MultiDiGraph, organization: str, *, ax: Axes | None = None,
                      figsize: tuple[float, float] = (9, 6)) -> Figure | SubFigure:
    """An organization (key, label or alias) in the middle, its people around with their roles."""
    fig, ax = _axes(ax, figsize)
    people = organization_people(G, organization)
    org = G.nodes[find_node(G, organization)]
    angles = [math.pi * (0.5 - (2 * i + 0.5) / max(len(people), 1)) for i in range(len(people))]
    pos = {i + 1: (math.cos(a), math.sin(a)) for i, a in enumerate(angles)}
    for x, y in pos.values():
        ax.plot([0, x], [0, y], color="#999999", zorder=1)
    ax.scatter([0], [0], s=900, color=TYPE_COLORS["Organization"], zorder=3)
    ax.annotate(_wrap(org.get("label"), 30), (0, 0), xytext=(0, -24), textcoords="offset points",
                ha="center", va="top", fontsize=10, weight="bold", zorder=4,
                bbox={"boxstyle": "round,pad=0.3", "fc": "white", "ec": "none"})
    for i, row in enumerate(people.itertuples(), start=1):
        x, y = pos[i]
        ax.scatter([x], [y], s=420, color=TYPE_COLORS["Person"], zorder=3)
        text = row.person + (f"\n{_wrap(row.roles, 34)}" if row.roles else "")
        ax.annotate(text, (x, y), xytext=(0, 14), textcoords="offset points", ha="center",
                    va="bottom", fontsize=8.5)
    if people.empty:
        ax.text(0.5, 0.85, "no people found", ha="center", transform=ax.transAxes)
    _legend(ax, ["Organization", "Person"], loc="lower right", fontsize=8)
    ax.set_title(f"People of {org.get('label')}", loc="left")
    ax.set_axis_off()
    ax.set_xlim(-1.7, 1.7)
    ax.set_ylim(-1.45, 1.55)
    return fig


def bar_chart(frame: pd.DataFrame, column: str, value: str | None = None, *,
              ax: Axes | None = None, title: str | None = None, top: int = 20,
              color: str = "#0072B2", figsize: tuple[float, float] = (8, 4)) -> Figure | SubFigure:
    """Horizontal bars: how often each value of ``column`` occurs, or ``value`` per ``column``.

    >>> fig = bar_chart(pd.DataFrame({"p": ["a", "b", "a"]}), "p")
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
    ['b', 'a']
    """
    fig, ax = _axes(ax, figsize)
    if value is None:
        series = frame[column].value_counts()
    else:
        series = frame.groupby(column)[value].sum()
    series = series.sort_values(ascending=False).head(top)[::-1]
    ax.barh([_wrap(x, 40) for x in series.index], series.values, color=color)
    for y, v in enumerate(series.values):
        ax.annotate(f"{v:g}", (v, y), xytext=(3, 0), textcoords="offset points", va="center",
                    fontsize=8)
    ax.set_title(title or (f"{value} by {column}" if value else f"count by {column}"), loc="left")
    ax.spines[["top", "right"]].set_visible(False)
    return fig
