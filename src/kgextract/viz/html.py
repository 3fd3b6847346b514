"""One standalone, offline HTML file with an interactive view of the graph.

The page holds everything it needs: the template, CSS and JavaScript shipped
in ``kgextract/viz/assets/`` are inlined, and the graph is embedded as JSON
in a ``<script type="application/json">`` block with ``<``, ``>`` and ``&``
escaped, so no name (``</script>`` included) can break out of it. A
Content-Security-Policy forbids every network load.

>>> from kgextract.graph import to_networkx
>>> from kgextract.graph.examples import sample_results
>>> page = render_html(to_networkx(sample_results()), title="Sample")
>>> page.startswith("<!DOCTYPE html>"), "<title>Sample</title>" in page
(True, True)
"""

from __future__ import annotations

import html
import json
import os
import re
from importlib import resources
from pathlib import Path

import networkx as nx

from kgextract.viz.export import write_text_atomic
from kgextract.viz.palette import TYPE_COLORS

__all__ = ["graph_payload", "script_json", "render_html", "write_html", "notebook_view"]

_SLOT = re.compile(r"\{\{(title|css|js|data|version)\}\}")
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def _asset(name: str) -> str:
    return (resources.files("kgextract.viz") / "assets" / name).read_text(encoding="utf-8")


def graph_payload(G: nx.MultiDiGraph, exclude=()) -> dict:
    """The graph as the JSON the page reads: ``nodes``, ``edges`` (with evidence), ``colors``.

    ``exclude`` leaves out node types (e.g. ``("Date",)``) and their edges. An
    event node has its ``event_type``; a membership edge its ``start``, ``end``
    and ``status`` when known.

    >>> from kgextract.graph import to_networkx
    >>> from kgextract.graph.examples import sample_results
    >>> data = graph_payload(to_networkx(sample_results()), exclude=("Document", "Date"))
    >>> len(data["nodes"]), sorted({e["predicate"] for e in data["edges"]})[:3]
    (7, ['attendee', 'funder', 'hasRole'])
    """
    keep = [n for n, t in G.nodes(data="type") if t not in set(exclude)]
    kept = set(keep)

    def label(n):
        return G.nodes[n].get("label", n) if n in G else n

    nodes = [{"id": str(n), "label": str(label(n)), "type": G.nodes[n].get("type") or "Other",
              "aliases": list(G.nodes[n].get("aliases") or []),
              "documents": list(G.nodes[n].get("documents") or []),
              # an event's kind (Meeting, Visit, ...): the page filters events by it
              **({"event_type": G.nodes[n].get("event_type") or "Other"}
                 if G.nodes[n].get("type") == "Event" else {})} for n in keep]
    edges = []
    for u, v, key, d in G.edges(keys=True, data=True):
        if u not in kept or v not in kept:
            continue
        org = d.get("organization")
        evidence = sorted(d.get("evidence") or [], key=lambda e: -(e.get("confidence") or 0))
        edges.append({"source": str(u), "target": str(v), "key": str(key),
                      "predicate": d.get("predicate", str(key)), "confidence": d.get("confidence"),
                      "organization": None if org is None else str(label(org)),
                      "organization_id": None if org is None else str(org),
                      **{f: d.get(f) for f in ("start", "end", "status") if d.get(f) is not None},
                      "documents": list(d.get("documents") or []),
                      "evidence": [{k: e.get(k) for k in ("doc_id", "sentence", "confidence", "extractor")}
                                   for e in evidence]})
    return {"nodes": nodes, "edges": edges, "colors": dict(TYPE_COLORS)}


def script_json(data) -> str:
    """JSON that is safe inside an HTML ``<script>`` element (and still valid JSON).

    >>> script_json({"name": "</script><b>&"})
    '{"name": "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    >>> json.loads(script_json({"name": "</script>"}))["name"]
    '</script>'
    """
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, allow_nan=False)
    return re.sub("[<>&\u2028\u2029]", lambda m: _JSON_ESCAPES[m.group()], text)


def render_html(G: nx.MultiDiGraph, title: str = "kgextract graph", exclude=()) -> str:
    """The standalone page for ``G`` (see the module docstring)."""
    from kgextract.version import __version__

    slots = {"title": html.escape(title), "css": _asset("viz.css"), "js": _asset("viz.js"),
             "data": script_json(graph_payload(G, exclude)), "version": html.escape(__version__)}
    # One pass over the template only: text put into a slot is never scanned again.
    return _SLOT.sub(lambda m: slots[m.group(1)], _asset("viz.html"))


def write_html(G: nx.MultiDiGraph, path: str | os.PathLike, title: str = "kgextract graph",
               exclude=()) -> Path:
    """Write :func:`render_html` to ``path`` atomically; return the path."""
    return write_text_atomic(path, render_html(G, title=title, exclude=exclude))


def notebook_view(G: nx.MultiDiGraph, height: int = 600, title: str = "kgextract graph", exclude=()):
    """The interactive view inside Jupyter: an ``IPython.display.HTML`` holding the page in
    an ``<iframe srcdoc>`` (offline, isolated from the notebook's own scripts and styles).
    """
    from IPython.display import HTML

    page = html.escape(render_html(G, title=title, exclude=exclude), quote=True)
    return HTML(f'<div class="kgx-viz"><iframe srcdoc="{page}" style="width:100%;'
                f'height:{int(height)}px;border:1px solid #ddd" sandbox="allow-scripts"></iframe></div>')
