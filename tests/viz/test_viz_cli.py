"""``kgextract export`` and ``kgextract viz`` end to end on a small RDF file."""

from __future__ import annotations

import json

import networkx as nx
import pytest
from typer.testing import CliRunner

import kgextract.cli.viz  # noqa: F401 - registers the commands
from kgextract.cli.app import app
from kgextract.rdf import to_rdf
from kgextract.rdf.serialize import write_rdf

from .conftest import EVIL_KEY

runner = CliRunner()


@pytest.fixture
def ttl(tmp_path, results):
    return write_rdf(to_rdf(results), tmp_path / "graph.ttl")


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "cytoscape-json"])
def test_export_to_file(tmp_path, ttl, graph, fmt):
    out = tmp_path / f"g.{fmt}"
    res = runner.invoke(app, ["export", str(ttl), "--format", fmt, "-o", str(out)])
    assert res.exit_code == 0, res.output
    text = out.read_text(encoding="utf-8")
    if fmt == "cytoscape-json":
        back = nx.cytoscape_graph(json.loads(text))
    elif fmt == "graphml":
        back = nx.parse_graphml(text, force_multigraph=True)
    else:
        back = nx.read_gexf(out)
    assert back.number_of_edges() == graph.number_of_edges()


def test_export_to_stdout(ttl):
    res = runner.invoke(app, ["export", str(ttl)])
    assert res.exit_code == 0
    assert res.stdout.startswith("<?xml") and "<graphml" in res.stdout


def test_export_errors(tmp_path, ttl):
    res = runner.invoke(app, ["export", str(ttl), "-f", "dot"])
    assert res.exit_code == 1 and "E120" in res.output and "cytoscape-json" in res.output
    res = runner.invoke(app, ["export", str(tmp_path / "nope.ttl")])
    assert res.exit_code == 1 and "E004" in res.output


def test_viz_writes_one_page(tmp_path, ttl):
    out = tmp_path / "graph.html"
    res = runner.invoke(app, ["viz", str(ttl), "-o", str(out), "--hide", "Date"])
    assert res.exit_code == 0, res.output
    page = out.read_text(encoding="utf-8")
    assert "<title>graph.ttl</title>" in page and EVIL_KEY in page
    assert '"type": "Date"' not in page


def test_viz_needs_an_output(ttl):
    res = runner.invoke(app, ["viz", str(ttl)])
    assert res.exit_code != 0
