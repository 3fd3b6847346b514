"""``kgextract load | query | serve | validate`` end to end on the sample release."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request

import pytest
from rdflib import Literal, URIRef
from typer.testing import CliRunner

import kgextract.cli.store  # noqa: F401 - registers the commands
from kgextract.cli.app import app
from kgextract.graph.examples import sample_results
from kgextract.rdf import to_graph, to_rdf
from kgextract.rdf.serialize import write_rdf
from kgextract.store.server import free_port

PERSON = "Izumi Nakamitsu"
DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def invoke(*args):
    return CliRunner().invoke(app, [str(a) for a in args], env={"COLUMNS": "400"})


@pytest.fixture
def trig(tmp_path):
    return write_rdf(to_rdf(sample_results()), tmp_path / "sample.trig")


@pytest.fixture
def store(tmp_path, trig):
    res = invoke("load", trig, "--store", tmp_path / "kg")
    assert res.exit_code == 0, res.output
    return tmp_path / "kg"


def test_load_reports_counts(tmp_path, trig):
    res = invoke("load", trig, "--store", tmp_path / "kg")
    assert res.exit_code == 0
    assert "sample.trig:" in res.stderr and "quads loaded into" in res.stderr


def test_load_bulk_and_union_flag(tmp_path, trig):
    res = invoke("load", trig, "--store", tmp_path / "kg", "--bulk")
    assert res.exit_code == 0, res.output
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?p a schema:Person }"
    res = invoke("query", "-s", tmp_path / "kg", count, "-f", "csv")
    assert res.stdout.split() == ["n", "1"]  # the default graph: the union, each triple once
    res = invoke("query", "-s", tmp_path / "kg", count, "-f", "csv", "--union")
    assert res.stdout.split() == ["n", "2"]  # Oxigraph 0.5's union default graph is a bag


def test_load_errors(tmp_path):
    (tmp_path / "x.txt").write_text("x")
    res = invoke("load", tmp_path / "x.txt", "--store", tmp_path / "kg")
    assert res.exit_code == 1 and "[E093]" in res.stderr


def test_query_saved_table(store):
    res = invoke("query", "--store", store, "people_roles")
    assert res.exit_code == 0, res.output
    assert PERSON in res.stdout and "Under-Secretary-General" in res.stdout
    assert "1 rows" in res.stderr


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json", "xml"])
def test_query_formats(store, fmt):
    res = invoke("query", "-s", store, "mentions", "--param", f"name={PERSON.lower()}", "-f", fmt)
    assert res.exit_code == 0, res.output
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(res.stdout)))
        assert [(r["entityLabel"], r["document"]) for r in rows] == [(PERSON, "sample-2023-12-05")]
    elif fmt == "tsv":
        assert res.stdout.splitlines()[0].startswith("?entityLabel\t?entityType")
        assert f'"{PERSON}"' in res.stdout
    elif fmt == "json":
        body = json.loads(res.stdout)
        assert body["results"]["bindings"][0]["entityType"]["value"] == "Person"
    else:
        assert res.stdout.startswith("<?xml") and PERSON in res.stdout


def test_query_text_file_and_several_values(store, tmp_path):
    rq = tmp_path / "labels.rq"
    rq.write_text("SELECT ?l WHERE { ?e rdfs:label ?l } ORDER BY ?l")
    res = invoke("query", "-s", store, rq, "-p", "l=Geneva", "-p", "l=Acme", "-p", "l=nope",
                 "-f", "csv")
    assert res.exit_code == 0, res.output
    assert res.stdout.split() == ["l", "Acme", "Geneva"]
    res = invoke("query", "-s", store, "ASK { ?p a schema:Person }", "-f", "json")
    assert json.loads(res.stdout)["boolean"] is True
    res = invoke("query", "-s", store, "CONSTRUCT { ?p a schema:Person } WHERE { ?p a schema:Person }")
    assert "kgxid:person/izumi-nakamitsu" in res.stdout


def test_query_list_and_show(store):
    res = invoke("query", "--list")
    assert res.exit_code == 0 and "people_roles" in res.stdout and "name:" in res.stdout
    res = invoke("query", "evidence", "-p", 'subject=x" } DROP ALL', "--show-query")
    assert res.exit_code == 0
    assert 'VALUES ?subject { "x\\" } DROP ALL" }' in res.stdout


@pytest.mark.parametrize(("args", "code"), [
    (["people_roles"], "E107"),
    (["--store", "STORE", "no_such_query"], "E094"),
    (["--store", "STORE", "people_roles", "-f", "xlsx"], "E100"),
    (["--store", "STORE", "people_roles", "-p", "bad"], "E095"),
    (["--store", "STORE", "people_roles", "-p", "nme=x"], "E097"),
    (["--store", "STORE", "SELECT * WHERE {"], "E099"),
    (["--store", "MISSING", "people_roles"], "E090"),
])
def test_query_errors(store, tmp_path, args, code):
    args = [str(store) if a == "STORE" else str(tmp_path / "none") if a == "MISSING" else a
            for a in args]
    res = invoke("query", *args)
    assert res.exit_code == 1
    assert f"[{code}]" in res.stderr


def test_validate_file_and_store(trig, store, tmp_path):
    res = invoke("validate", trig)
    assert res.exit_code == 0, res.output
    assert "0 violations" in res.stderr
    assert invoke("validate", "--store", store).exit_code == 0
    g = to_graph(sample_results())
    g.add((URIRef("https://w3id.org/kgextract/id/person/izumi-nakamitsu"),
           URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal("Someone Else")))
    bad = write_rdf(g, tmp_path / "bad.ttl")
    res = invoke("validate", bad)
    assert res.exit_code == 1
    assert "kgxid:person/izumi-nakamitsu" in res.stdout and "rdfs:label" in res.stdout
    assert "An entity needs exactly one rdfs:label (string)." in res.stdout
    assert "1 violations" in res.stderr
    res = invoke("validate", trig, "--store", store)
    assert res.exit_code == 1 and "[E104]" in res.stderr


def test_serve_runs_until_terminated(store):
    port = free_port()
    code = "from kgextract.cli import store; from kgextract.cli.app import app; app()"
    proc = subprocess.Popen([sys.executable, "-c", code, "serve", "--store", str(store),
                             "--port", str(port), "--timeout", "30"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "COLUMNS": "400"})
    url = f"http://127.0.0.1:{port}/query?" + urllib.parse.urlencode(
        {"query": "SELECT ?l WHERE { ?p a <https://schema.org/Person> ; "
                  "<http://www.w3.org/2000/01/rdf-schema#label> ?l }"})
    body = None
    try:
        for _ in range(200):  # up to ~20 s
            try:
                req = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
                with DIRECT.open(req, timeout=2) as resp:
                    body = json.load(resp)
                break
            except OSError:
                assert proc.poll() is None, proc.communicate()
                time.sleep(0.1)
    finally:
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=20)
    assert body is not None, err
    assert [b["l"]["value"] for b in body["results"]["bindings"]] == [PERSON]
    assert proc.returncode == 0, err
    with socket.socket() as sock:  # the oxigraph server went with it
        assert sock.connect_ex(("127.0.0.1", port)) != 0
