"""Hostile requests against ``kgextract serve`` and ``kgextract query`` (issue 16, item 1).

Each attack of the red-team pass is sent as built here: deep ``{ }`` and
``( )`` nesting, a huge UNION, ``SERVICE``, a rebinding ``Host``, a
runaway join, a killed engine. After each one the next ordinary query must
answer, with the HTTP client's own 2-second bound.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from kgextract.errors import KgextractError
from kgextract.store.guard import QueryLimits, check_query, scan
from kgextract.store.proxy import check_request, host_allowed
from kgextract.store.queries import saved_queries

from .conftest import cli_env
from .test_endpoint import DIRECT, Server, build_store

NESTED_BRACES = "SELECT * WHERE " + "{" * 3000 + " ?s ?p ?o " + "}" * 3000
NESTED_PARENS = "SELECT * WHERE { FILTER(" + "(" * 5000 + "1" + ")" * 5000 + ") }"
HUGE_UNION = "SELECT * WHERE { " + " UNION ".join(["{ ?s ?p ?o }"] * 20000) + " }"
SERVICE = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?o ?q }"
ORDINARY = "ASK { ?s ?p ?o }"
STACK_ATTACKS = {"braces": NESTED_BRACES, "parens": NESTED_PARENS, "union": HUGE_UNION}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("guard") / "kg")


@pytest.fixture(scope="module")
def server(store):
    srv = Server(store, "--timeout", "2")
    yield srv
    srv.stop()


def ordinary_answers(server: Server) -> bool:
    """The next ordinary query answers true, within the client's 2-second bound."""
    status, body = server.query(ORDINARY, timeout=2)
    return status == 200 and json.loads(body)["boolean"] is True


def get(server: Server, path: str, headers: dict[str, str]) -> tuple[int, bytes]:
    req = urllib.request.Request(f"{server.url}{path}", headers=headers)
    try:
        with DIRECT.open(req, timeout=10) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


# -- the checks themselves -----------------------------------------------------

def test_the_scan_skips_strings_iris_and_comments():
    text = 'SELECT * WHERE { ?s ?p "{{{ UNION SERVICE" . ?s <urn:x#y> ?o } # {{{{ SERVICE'
    assert scan(text)[1:] == (1, 0, False)
    assert scan("ASK { FILTER(?a < ?b && ?b > (1)) }").depth == 3  # '<' as less-than, not an IRI


@pytest.mark.parametrize("name", sorted(STACK_ATTACKS))
def test_stack_attacks_are_refused_before_the_engine(name):
    with pytest.raises(KgextractError, match=r"\[E109\]"):
        check_query(STACK_ATTACKS[name])


def test_service_is_refused_unless_allowed_and_saved_queries_pass():
    with pytest.raises(KgextractError, match=r"\[E110\]"):
        check_query("select * { service   <http://x/> {} }")
    check_query(SERVICE, QueryLimits(allow_service=True))
    check_query("SELECT ?service WHERE { ?service ?p ?o }")  # a variable named so is fine
    for query in saved_queries().values():
        check_query(query.text)


def test_queries_hidden_in_forms_and_bodies_are_checked():
    form = urllib.parse.urlencode({"update": "DELETE WHERE { SERVICE <http://x/> { ?s ?p ?o } }"}).encode()
    with pytest.raises(KgextractError, match=r"\[E110\]"):
        check_request("/update", "application/x-www-form-urlencoded", form, QueryLimits())
    with pytest.raises(KgextractError, match=r"\[E109\]"):
        check_request("/query", "application/sparql-query; charset=utf-8", NESTED_PARENS.encode(), QueryLimits())
    with pytest.raises(KgextractError, match=r"\[E110\]"):
        check_request("/query?" + urllib.parse.urlencode({"query": SERVICE}), None, b"", QueryLimits())


def test_host_names_that_could_be_rebound_are_refused():
    assert not host_allowed("attacker.example:7878", "127.0.0.1")
    assert not host_allowed("127.0.0.1.attacker.example", "127.0.0.1")
    assert not host_allowed(None, "127.0.0.1")
    assert host_allowed("127.0.0.1:7878", "127.0.0.1") and host_allowed("localhost", "127.0.0.1")
    assert host_allowed("192.168.1.9:80", "192.168.1.9") and not host_allowed("192.168.1.9", "127.0.0.1")


# -- the endpoint under attack ---------------------------------------------------

@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(STACK_ATTACKS))
def test_the_endpoint_survives_stack_attacks(server, name):
    status, body = server.query(STACK_ATTACKS[name], timeout=30)
    assert status == 400 and b"[E109]" in body
    assert server.proc.poll() is None
    assert ordinary_answers(server)


@pytest.mark.slow
def test_the_endpoint_refuses_service_in_get_and_post(server):
    status, body = get(server, "/query?" + urllib.parse.urlencode({"query": SERVICE}), {})
    assert status == 400 and b"[E110]" in body
    assert server.query(SERVICE)[0] == 400
    assert ordinary_answers(server)


@pytest.mark.slow
def test_the_endpoint_refuses_rebound_hosts_and_foreign_origins(server):
    path = "/query?" + urllib.parse.urlencode({"query": ORDINARY})
    status, body = get(server, path, {"Host": f"rebind.attacker.example:{server.port}"})
    assert status == 403 and b"[E113]" in body
    status, _ = get(server, path, {"Origin": "http://attacker.example"})
    assert status == 403
    assert get(server, path, {"Host": f"localhost:{server.port}"})[0] == 200
    assert ordinary_answers(server)


@pytest.mark.slow
def test_a_runaway_query_is_stopped_and_its_engine_replaced(server):
    before = server.servers()
    try:
        status, body = server.query(HEAVY, timeout=20)
    except TimeoutError:
        pytest.fail("the guard did not stop a query under --timeout 2 within 20 s")
    assert status == 503 and b"[E111]" in body
    after = server.servers()
    assert before and after and not set(before) & set(after)  # the busy engine is gone
    assert ordinary_answers(server)


@pytest.mark.slow
def test_a_dead_engine_is_started_again(server):
    for pid in server.servers():
        os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 2
    while True:  # the watchdog notices within a fraction of a second; one request may see it die
        try:
            if ordinary_answers(server):
                break
        except OSError:
            pass
        assert time.monotonic() < deadline, "no answer 2 s after the engine was killed"
        time.sleep(0.1)
    assert server.proc.poll() is None


# -- kgextract query -------------------------------------------------------------

def run_query(store, *args) -> subprocess.CompletedProcess:
    code = "import kgextract.cli.store; from kgextract.cli.app import app; app()"
    return subprocess.run([sys.executable, "-c", code, "query", "--store", str(store), *args],
                          capture_output=True, text=True, env=cli_env(), timeout=60, stdin=subprocess.DEVNULL)


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(STACK_ATTACKS))
def test_the_query_command_refuses_stack_attacks(store, name):
    text = STACK_ATTACKS[name] if name != "union" else HUGE_UNION[:40000] + "}" * 3  # argv holds 128 KB
    res = run_query(store, "--text", text)
    assert res.returncode == 1 and "[E109]" in res.stderr and "Traceback" not in res.stderr


@pytest.mark.slow
def test_the_query_command_stops_a_runaway_query(store):
    res = run_query(store, "--timeout", "1", HEAVY)
    assert res.returncode == 1 and "[E111]" in res.stderr
    res = run_query(store, SERVICE)
    assert res.returncode == 1 and "[E110]" in res.stderr
