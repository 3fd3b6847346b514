"""``kgextract serve`` and saved queries: loopback only, read-only, time-limited, injection-proof.

The server runs as a real subprocess of the ``serve`` command. Its module
(``kgextract.cli.store``) is imported explicitly, so these tests do not
depend on whether the command is registered in the ``kgextract`` entry point
yet. Skipped when the store package or the ``oxigraph`` server is missing.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from typer.testing import CliRunner

store_cli = pytest.importorskip("kgextract.cli.store", reason="kgextract serve (cli/store.py) does not exist yet")

from kgextract.cli.app import app  # noqa: E402
from kgextract.errors import KgextractError  # noqa: E402
from kgextract.graph.examples import sample_results  # noqa: E402
from kgextract.models import Document, DocumentResult, Entity  # noqa: E402
from kgextract.store.oxigraph import open_store, write_results  # noqa: E402
from kgextract.store.results import prepare  # noqa: E402
from kgextract.store.server import free_port, oxigraph_program  # noqa: E402

from .conftest import cli_env  # noqa: E402

INJECTION = 'x" } ; DROP ALL ; #'
NASTY_NAMES = [INJECTION, "a' } } INSERT DATA { <urn:a> <urn:b> <urn:c> } #", "\\\" ) } #", "?name $name"]
DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never through a proxy
SERVE = "import kgextract.cli.store; from kgextract.cli.app import app; app()"


@pytest.fixture(scope="module", autouse=True)
def _needs_oxigraph():
    try:
        oxigraph_program()
    except KgextractError as err:
        pytest.skip(str(err))


def build_store(folder: Path) -> Path:
    """The sample release plus a document that mentions entities with injection strings for names."""
    nasty = DocumentResult(
        document=Document(id="nasty", text="x"),
        entities=[Entity(key=f"organization/nasty-{i}", type="Organization", name=name)
                  for i, name in enumerate(NASTY_NAMES)])
    write_results(folder, [*sample_results(), nasty])
    return folder


def quads(store: Path) -> set[str]:
    with open_store(store, read_only=True) as st:
        return {str(q) for q in st}


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    return build_store(tmp_path_factory.mktemp("endpoint") / "kg")


class Server:
    """``kgextract serve`` in a subprocess; ready once it has printed its endpoint line."""

    def __init__(self, store: Path, *args: str, wait_for_banner: bool = True):
        self.port, self.store = free_port(), store
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen(
            [sys.executable, "-c", SERVE, "serve", "--store", str(store), "--port", str(self.port), *args],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
            env=cli_env())
        self.lines: list[str] = []
        self._reader = threading.Thread(target=lambda: self.lines.extend(self.proc.stderr), daemon=True)
        self._reader.start()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            assert self.proc.poll() is None, "".join(self.lines)
            if wait_for_banner and not any("SPARQL endpoint" in line for line in self.lines):
                time.sleep(0.02)
                continue
            try:
                with DIRECT.open(f"{self.url}/query?query=ASK%7B%7D", timeout=1):
                    return
            except OSError:
                time.sleep(0.02)
        self.stop()
        pytest.fail("the server did not answer within 30 s")

    def servers(self) -> list[int]:
        """Pids of the oxigraph programs serving this server's store (the engine behind the guard)."""
        found = []
        for entry in Path("/proc").iterdir():
            try:
                cmdline = (entry / "cmdline").read_bytes() if entry.name.isdigit() else b""
            except OSError:
                continue
            if b"oxigraph" in cmdline and b"--location\0" + str(self.store).encode() + b"\0" in cmdline:
                found.append(int(entry.name))
        return found

    def stop(self) -> str:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self._reader.join(5)
        return "".join(self.lines)

    def query(self, text: str, timeout: float = 30) -> tuple[int, bytes]:
        req = urllib.request.Request(f"{self.url}/query", data=urllib.parse.urlencode({"query": text}).encode(),
                                     headers={"Accept": "application/sparql-results+json"})
        try:
            with DIRECT.open(req, timeout=timeout) as resp:
                return resp.status, resp.read()
        except urllib.error.HTTPError as err:
            return err.code, err.read()

    def send(self, method: str, path: str, body: bytes | None, ctype: str) -> int:
        req = urllib.request.Request(f"{self.url}{path}", data=body, method=method,
                                     headers={"Content-Type": ctype})
        try:
            with DIRECT.open(req, timeout=10) as resp:
                return resp.status
        except urllib.error.HTTPError as err:
            return err.code


def listening_addresses(port: int) -> list[str]:
    """Local addresses of the sockets listening on ``port`` (from /proc/net/tcp and tcp6)."""
    found = []
    for table, width in (("/proc/net/tcp", 8), ("/proc/net/tcp6", 32)):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            address, hex_port = fields[1].split(":")
            if int(hex_port, 16) == port and fields[3] == "0A":  # LISTEN
                raw = bytes.fromhex(address)
                if width == 8:
                    found.append(socket.inet_ntop(socket.AF_INET, raw[::-1]))
                else:  # four little-endian 32-bit words
                    words = b"".join(raw[i:i + 4][::-1] for i in range(0, 16, 4))
                    found.append(socket.inet_ntop(socket.AF_INET6, words))
    return found


def rows(body: bytes) -> list[dict[str, str]]:
    return [{k: v["value"] for k, v in b.items()} for b in json.loads(body)["results"]["bindings"]]


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="reads /proc/net/tcp (Linux)")
def test_read_only_by_default_on_loopback_only(store):
    before = quads(store)
    server = Server(store)
    try:
        assert listening_addresses(server.port) == ["127.0.0.1"]
        status, body = server.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        assert status == 200 and int(rows(body)[0]["n"]) > 0
        assert server.send("POST", "/update", b"DROP ALL", "application/sparql-update") == 403
        assert server.send("POST", "/update", b"INSERT DATA { <urn:a> <urn:b> <urn:c> }",
                           "application/sparql-update") == 403
        assert server.send("DELETE", "/store?default", None, "text/turtle") == 403
        assert server.send("PUT", "/store?default", b"<urn:a> <urn:b> <urn:c> .", "text/turtle") == 403
        # an update sent as a query is a syntax error, never run
        assert server.query("DROP ALL")[0] == 400
    finally:
        err = server.stop()
    assert "read-only" in err
    assert quads(store) == before


def test_writable_only_when_asked(tmp_path):
    store = build_store(tmp_path / "kg")
    server = Server(store, "--writable")
    try:
        assert server.send("POST", "/update", b"INSERT DATA { <urn:a> <urn:b> <urn:c> }",
                           "application/sparql-update") in (200, 204)
    finally:
        server.stop()
    assert "<urn:a> <urn:b> <urn:c>" in "\n".join(quads(store))


def test_the_timeout_option_cancels_a_long_query(store):
    help_text = CliRunner().invoke(app, ["serve", "--help"], env={"COLUMNS": "200"}).output
    assert "--timeout" in help_text
    server = Server(store, "--timeout", "1")
    heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"  # ~10^8 rows
    try:
        started = time.monotonic()
        status, body = server.query(heavy, timeout=60)
        elapsed = time.monotonic() - started
        status2, body2 = server.query("ASK { ?s ?p ?o }")  # and the server still answers
    finally:
        server.stop()
    assert elapsed < 10, f"the query ran {elapsed:.0f} s despite --timeout 1"
    # Oxigraph has sent 200 and the head of the JSON when it cancels: the body is cut short
    assert status != 200 or not _complete_json(body), body[:300]
    assert status2 == 200 and json.loads(body2)["boolean"] is True


def test_the_timeout_bounds_every_query(store):
    server = Server(store, "--timeout", "1")
    heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?o ?q }"
    try:
        started = time.monotonic()
        try:
            server.query(heavy, timeout=5)
        except TimeoutError:
            pass
        elapsed = time.monotonic() - started
    finally:
        server.stop()
    assert elapsed < 5, "a query under --timeout 1 was still running after 5 s"


def test_stopping_serve_right_after_it_answers_leaves_no_server_behind(store):
    """SIGTERM while ``SparqlServer.start()`` still polls (the oxigraph child already answers)."""
    server = Server(store, wait_for_banner=False)
    server.stop()  # at once: no wait for the endpoint line
    deadline = time.monotonic() + 10  # a loaded machine may take a moment to reap the child
    left = server.servers()
    while left and time.monotonic() < deadline:
        time.sleep(0.2)
        left = server.servers()
    for pid in left:  # our own orphans: do not leave them running
        os.kill(pid, signal.SIGKILL)
    assert left == [], f"oxigraph still running after 'kgextract serve' exited: pids {left}"


def _complete_json(body: bytes) -> bool:
    try:
        json.loads(body)
    except ValueError:
        return False
    return True


@pytest.mark.parametrize("name", NASTY_NAMES)
def test_saved_query_parameters_are_data_not_query_text(store, name):
    before = quads(store)
    res = CliRunner().invoke(app, ["query", "--store", str(store), "mentions", "--param", f"name={name}",
                                   "--format", "json"], env={"COLUMNS": "400"})
    assert res.exit_code == 0, res.output
    found = rows(res.stdout.encode())
    assert [r["entityLabel"] for r in found] == [name]  # the string is matched as a value, nothing else
    assert quads(store) == before
    text, _ = prepare("mentions", {"name": [name]})
    assert text.count("VALUES ?name {") == 1 and "DROP" not in text.replace(json.dumps(name)[1:-1], "")


def test_an_unknown_value_matches_nothing_and_a_bad_iri_is_refused(store):
    before = quads(store)
    res = CliRunner().invoke(app, ["query", "--store", str(store), "mentions", "--param",
                                   'name=nobody" } ; DROP ALL ; #x', "--format", "json"])
    assert res.exit_code == 0 and rows(res.stdout.encode()) == []
    res = CliRunner().invoke(app, ["query", "--store", str(store), "mentions", "--param",
                                   "name=<urn:x> } ; DROP ALL ; #>"], env={"COLUMNS": "400"})
    assert res.exit_code == 1 and "[E096]" in res.stderr
    res = CliRunner().invoke(app, ["query", "--store", str(store), "mentions", "--param",
                                   "name } DROP ALL {=x"], env={"COLUMNS": "400"})
    assert res.exit_code == 1 and "[E095]" in res.stderr
    res = CliRunner().invoke(app, ["query", "--store", str(store), "DROP ALL"], env={"COLUMNS": "400"})
    assert res.exit_code == 1
    assert quads(store) == before


def test_bound_saved_query_over_http_finds_the_value(store):
    server = Server(store)
    try:
        status, body = server.query(prepare("mentions", {"name": [INJECTION]})[0])
    finally:
        server.stop()
    assert status == 200
    assert [r["entityLabel"] for r in rows(body)] == [INJECTION]
