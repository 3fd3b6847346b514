"""Extraction never touches the network: with sockets blocked it still writes the graph.

Two ways: in-process (``socket`` patched with monkeypatch, the Python API),
and a real ``kgextract extract`` whose ``sitecustomize`` blocks every
non-local socket before anything is imported (model loading included) and
logs each attempt, so a caught-and-ignored attempt is seen too.
"""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from rdflib import RDF, Graph, Literal, URIRef

import kgextract

from .conftest import cli_env, run_cli

pytestmark = pytest.mark.model

LABEL = URIRef("http://www.w3.org/2000/01/rdf-schema#label")

SITECUSTOMIZE = '''
import os, socket

_LOG = os.environ["KGX_NET_LOG"]

def _record(what):
    with open(_LOG, "a", encoding="utf-8") as fh:
        fh.write(what + "\\n")
    raise OSError(101, "network blocked by the kgextract reliability test: " + what)

_connect = socket.socket.connect
_connect_ex = socket.socket.connect_ex

def connect(self, address):
    if self.family == socket.AF_UNIX:
        return _connect(self, address)
    _record(f"connect {address!r}")

def connect_ex(self, address):
    if self.family == socket.AF_UNIX:
        return _connect_ex(self, address)
    _record(f"connect_ex {address!r}")

def getaddrinfo(host, *args, **kwargs):
    _record(f"getaddrinfo {host!r}")

def create_connection(address, *args, **kwargs):
    _record(f"create_connection {address!r}")

socket.socket.connect = connect
socket.socket.connect_ex = connect_ex
socket.getaddrinfo = getaddrinfo
socket.create_connection = create_connection
'''


class Blocked(OSError):
    pass


def test_api_extraction_with_sockets_blocked(monkeypatch, extractor):
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise Blocked("network blocked by the test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    result = kgextract.extract("BERLIN, 3 May 2024. Acme Corp named Ann Lee chief executive officer.")
    ds = result.to_rdf()
    assert (None, LABEL, Literal("Ann Lee")) in ds
    assert attempts == []


@pytest.mark.parametrize("workers", [1, 2])
def test_cli_extraction_with_sockets_blocked_from_the_start(tmp_path, releases, workers):
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    log = tmp_path / "network.log"
    corpus = tmp_path / "in"
    corpus.mkdir()
    for path in sorted(releases.glob("*.txt"))[:2]:
        (corpus / path.name).write_bytes(path.read_bytes())
    env = cli_env(PYTHONPATH=str(site), KGX_NET_LOG=str(log), HF_HUB_OFFLINE="0",
                  http_proxy="http://192.0.2.1:9", https_proxy="http://192.0.2.1:9")
    out = tmp_path / "graph.ttl"
    proc = run_cli("extract", corpus, "-o", out, "--workers", workers, "--no-cache", "-q", env=env)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert not log.exists(), f"network attempts: {log.read_text()}"
    graph = Graph().parse(out, format="turtle")
    articles = graph.subjects(RDF.type, URIRef("https://schema.org/NewsArticle"))
    ids = {str(graph.value(a, URIRef("https://schema.org/identifier"))) for a in articles}
    assert ids == {Path(p).stem for p in corpus.iterdir()}
    assert len(graph) > 50
