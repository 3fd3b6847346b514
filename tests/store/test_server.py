"""The real Oxigraph HTTP server on a free loopback port: queries, refused updates, stop."""

from __future__ import annotations

import json
import socket
import urllib.error
import urllib.parse
import urllib.request

import pytest

from kgextract.errors import KgextractError
from kgextract.store.oxigraph import open_store, write_results
from kgextract.store.results import prepare
from kgextract.store.server import SparqlServer, free_port

from .conftest import doc1, doc2

DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never via a proxy


def sparql(url: str, query: str) -> list[dict[str, str]]:
    """POST a query (SPARQL 1.1 Protocol, form encoded) and return the rows."""
    req = urllib.request.Request(
        f"{url}/query", data=urllib.parse.urlencode({"query": query}).encode(),
        headers={"Accept": "application/sparql-results+json",
                 "Content-Type": "application/x-www-form-urlencoded"})
    with DIRECT.open(req, timeout=10) as resp:
        body = json.load(resp)
    return [{k: v["value"] for k, v in b.items()} for b in body["results"]["bindings"]]


def update(url: str, text: str) -> int:
    req = urllib.request.Request(f"{url}/update", data=text.encode(),
                                 headers={"Content-Type": "application/sparql-update"})
    try:
        with DIRECT.open(req, timeout=10) as resp:
            return resp.status
    except urllib.error.HTTPError as err:
        return err.code


def port_open(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(1)
        return sock.connect_ex(("127.0.0.1", port)) == 0


@pytest.fixture
def fresh_store(tmp_path):
    write_results(tmp_path / "kg", [doc1(), doc2()])
    return tmp_path / "kg"


def test_read_only_server_answers_and_refuses_updates(fresh_store):
    with SparqlServer(fresh_store, port=0, timeout=10) as server:
        assert server.url.startswith("http://127.0.0.1:")
        assert "--union-default-graph" not in server.command()
        assert server.command()[-2:] == ["--timeout-s", "10"]
        text, _ = prepare("attendance", {"attendee": ["Bob Roy"]})  # a saved query, bound
        rows = sparql(server.url, text)
        assert [r["eventLabel"] for r in rows] == ["Summit", "Workshop"]
        # the default graph is the union of the documents' graphs, each triple once
        count = sparql(server.url, "SELECT (COUNT(*) AS ?n) "
                                   "{ ?d a <https://schema.org/Person> }")
        assert count == [{"n": "3"}]
        graphs = sparql(server.url, "SELECT DISTINCT ?g { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g")
        assert [g["g"].rsplit("/", 1)[1] for g in graphs] == ["d1", "d2"]
        assert update(server.url, "INSERT DATA { <urn:a> <urn:b> <urn:c> }") == 403
        port = server.port
        # a read-only server leaves the store open to other readers
        with open_store(fresh_store, read_only=True) as store:
            assert len(store) > 0
    assert server.process is None and not port_open(port)
    with open_store(fresh_store, read_only=True) as store:
        assert not any("urn:a" in str(q) for q in store)


def test_writable_server_accepts_updates_and_holds_the_lock(fresh_store):
    with SparqlServer(fresh_store, port=0, writable=True) as server:
        assert update(server.url, "INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> <urn:c> } }") == 204
        with pytest.raises(KgextractError, match="E091"):
            write_results(fresh_store, [doc2()])
        with pytest.raises(KgextractError, match="E091"):  # nor a reader beside the writer
            SparqlServer(fresh_store, port=0).start()
    with open_store(fresh_store, read_only=True) as store:
        assert any("urn:a" in str(q) for q in store)


def test_missing_store_is_refused_before_starting(tmp_path):
    with pytest.raises(KgextractError, match="E090"):
        SparqlServer(tmp_path / "none", port=0).start()


def test_busy_port_is_reported(fresh_store):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        server = SparqlServer(fresh_store, port=busy.getsockname()[1])
        with pytest.raises(KgextractError, match=r"\[E102\].*already in use"):
            server.start()
        assert server.process is None


def test_server_that_exits_is_reported(fresh_store, tmp_path):
    # a writable server cannot lock a store that this process holds for writing
    with open_store(fresh_store):
        server = SparqlServer(fresh_store, port=free_port(), writable=True, startup=20)
        with pytest.raises(KgextractError, match=r"\[E102\].*exited with status"):
            server.start()
    assert server.process is None


def test_union_default_graph_option(fresh_store):
    with SparqlServer(fresh_store, port=0, union_default_graph=True) as server:
        assert "--union-default-graph" in server.command()
        # Oxigraph 0.5's union is a bag: Ann's type is in both documents and the default graph
        count = sparql(server.url, "SELECT (COUNT(*) AS ?n) { <https://w3id.org/kgextract/id/"
                                   "person/ann-lee> a ?t }")
        assert int(count[0]["n"]) >= 2
