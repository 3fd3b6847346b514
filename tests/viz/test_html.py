"""The standalone page: data embedded safely, nothing loaded from outside."""

from __future__ import annotations

import json
import re

import pytest

from kgextract.viz.html import graph_payload, notebook_view, render_html, script_json, write_html

from .conftest import EVIL, EVIL_KEY

DATA = re.compile(r'<script type="application/json" id="kgx-data">(.*?)</script>', re.S)


def test_embedded_json_is_inert_and_round_trips(graph):
    page = render_html(graph, title="<Graph> & co")
    # Only the page's own two script elements close: the data cannot end one early.
    assert len(re.findall(r"</script", page, re.I)) == 2
    assert "<!--" not in page and "\u2028" not in page
    (blob,) = DATA.findall(page)
    assert re.search(r"[<>&]", blob) is None
    data = json.loads(blob)
    assert data == json.loads(json.dumps(graph_payload(graph)))
    assert next(n for n in data["nodes"] if n["id"] == EVIL_KEY)["label"] == EVIL
    assert "<title>&lt;Graph&gt; &amp; co</title>" in page


def test_page_is_self_contained(graph):
    page = render_html(graph)
    assert "{{" not in page
    assert re.search(r"\b(src|href)\s*=", page.split('id="kgx-data"')[0]) is None
    assert "default-src 'none'" in page
    js = page.split("<script>")[1]
    assert "http://" not in js.replace("http://www.w3.org/2000/svg", "")
    assert "https://" not in js and "fetch(" not in js and "import(" not in js


def test_payload_edges_carry_evidence_and_organization(graph):
    data = graph_payload(graph, exclude=("Date",))
    assert all(n["type"] != "Date" for n in data["nodes"])
    assert all(not e["target"].startswith("date/") for e in data["edges"])
    beta = next(e for e in data["edges"] if e["organization_id"] == "organization/beta-co")
    assert beta["predicate"] == "hasRole" and beta["organization"] == 'Beta "Co" <b>&amp;</b>'
    assert beta["evidence"][0]["extractor"] == "kgx.test.v1"


def test_script_json_keeps_unicode():
    assert script_json({"a": "Zürich \u2028"}) == '{"a": "Zürich \\u2028"}'


def test_write_html(tmp_path, graph):
    out = write_html(graph, tmp_path / "g.html", title="T")
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["g.html"]


def test_notebook_view_wraps_the_page_in_an_iframe(graph):
    pytest.importorskip("IPython")
    view = notebook_view(graph, height=420)
    assert view.data.startswith('<div class="kgx-viz"><iframe srcdoc="&lt;!DOCTYPE html&gt;')
    assert "height:420px" in view.data and "</script>" not in view.data


def test_payload_carries_event_kinds_and_membership_times():
    from kgextract.graph import to_networkx

    from .conftest import typed_results

    data = graph_payload(to_networkx(typed_results()))
    kinds = {n["id"]: n.get("event_type") for n in data["nodes"] if n["type"] == "Event"}
    assert kinds == {"event/talks": "Meeting", "event/disarmament-conference": "Conference"}
    assert all("event_type" not in n for n in data["nodes"] if n["type"] != "Event")
    (timed,) = [e for e in data["edges"] if "start" in e]
    assert (timed["predicate"], timed["start"], timed["status"]) == ("hasRole", "2024-07-01", "future")


def test_page_has_an_event_kind_filter(graph):
    page = render_html(graph)
    assert 'id="event-filters"' in page and "hiddenKinds" in page
