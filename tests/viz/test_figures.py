"""Matplotlib figures render headless (Agg) and show what they claim."""

from __future__ import annotations

import io
from datetime import date

import networkx as nx
import pandas as pd
import pytest
from matplotlib.figure import Figure

from kgextract.viz.figures import bar_chart, date_span, draw_graph, plot_organization, plot_timeline
from kgextract.viz.palette import TYPE_COLORS

PNG = b"\x89PNG"


def png(fig: Figure) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=60)
    return buf.getvalue()


def texts(fig: Figure) -> list[str]:
    return [t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text"))]


def test_draw_graph_colours_by_type_with_legend(graph):
    fig = draw_graph(graph)
    legend = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert legend == ["Person", "Organization", "Role", "Event", "Place"]
    assert "Disarmament\nConference" in texts(fig)
    assert "attendee" in texts(fig)
    assert png(fig).startswith(PNG)


def test_draw_graph_exclude_and_empty(graph):
    fig = draw_graph(graph, exclude=("Role", "Date", "Document"), edge_labels=False)
    legend = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert "Role" not in legend
    assert png(draw_graph(nx.MultiDiGraph())).startswith(PNG)


@pytest.mark.parametrize("value, span", [
    ("2023-12-04", (date(2023, 12, 4), date(2023, 12, 5))),
    ("2023-12", (date(2023, 12, 1), date(2024, 1, 1))),
    ("2024", (date(2024, 1, 1), date(2025, 1, 1))),
    ("2024-13", None),
    ("", None),
])
def test_date_span(value, span):
    assert date_span(value) == span


def test_timeline_lists_dated_events(graph):
    G = graph.copy()
    G.add_node("event/summit", type="Event", label="Summit", aliases=[], documents=[])
    G.add_node("date/2024", type="Date", label="2024", aliases=[], documents=[])
    G.add_edge("event/summit", "date/2024", key="startDate", predicate="startDate", confidence=1.0)
    G.add_node("event/undated", type="Event", label="Undated", aliases=[], documents=[])
    fig = plot_timeline(G)
    ticks = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert ticks == ["Summit", "Disarmament Conference"]
    assert "@ Geneva (by United Nations Office for Disarmament Affairs)" in texts(fig)
    assert png(fig).startswith(PNG)
    assert "no dated events" in texts(plot_timeline(nx.MultiDiGraph()))


def test_plot_organization(graph):
    fig = plot_organization(graph, "UNODA")
    assert fig.axes[0].get_title(loc="left") == "People of United Nations Office for Disarmament Affairs"
    assert "Izumi Nakamitsu\nUnder-Secretary-General" in texts(fig)
    assert png(fig).startswith(PNG)
    assert "no people found" in texts(plot_organization(graph, "Government of the Republic of Korea"))


def test_bar_chart_counts_and_sums():
    df = pd.DataFrame({"p": ["a", "b", "a", "c"], "n": [1, 5, 1, 3]})
    counts = bar_chart(df, "p")
    assert [t.get_text() for t in counts.axes[0].get_yticklabels()][-1] == "a"
    sums = bar_chart(df, "p", "n", top=2, color=TYPE_COLORS["Event"])
    assert [t.get_text() for t in sums.axes[0].get_yticklabels()] == ["c", "b"]
    assert png(sums).startswith(PNG)


def test_every_entity_type_has_its_own_colour():
    from kgextract.models import EntityType

    colours = [TYPE_COLORS[t.value] for t in EntityType]
    assert len(set(colours)) == len(colours)
