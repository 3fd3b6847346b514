"""The guard in front of the Oxigraph server: checks each request, bounds its time.

The Oxigraph server cannot be configured to refuse a query that would
overflow its stack, to refuse ``SERVICE``, to check the ``Host`` header or
to stop a query on time (its ``--timeout-s`` is checked only now and then).
So ``kgextract serve`` binds the address the user asked for with this small
HTTP proxy (stdlib ``http.server``), and runs Oxigraph on a private
loopback port behind it. For each request the proxy

- refuses a ``Host`` (or browser ``Origin``) that is not a loopback name or
  the bound address (E113, HTTP 403): a web page that rebinds its own name
  to 127.0.0.1 cannot reach the store;
- checks every query and update text it carries (URL parameters, form
  fields, ``application/sparql-query``/``-update`` bodies) with
  :func:`kgextract.store.guard.check_query` (E109, E110: HTTP 400);
- forwards it and streams the answer back, within ``timeout`` seconds of
  wall clock in all (headers and body): past that the engine is killed and
  started again, which frees its core (E111: HTTP 503, or a cut body when
  the answer had started). Other requests in flight then fail too (HTTP
  502): one engine serves them all.

An engine that dies is started again by :class:`~kgextract.store.server.SparqlServer`.

>>> host_allowed("localhost:7878", "127.0.0.1"), host_allowed("evil.example:7878", "127.0.0.1")
(True, False)
>>> host_allowed("[::1]:80", "127.0.0.1"), host_allowed("10.0.0.5", "0.0.0.0")
(True, True)
"""

from __future__ import annotations

import http.client
import ipaddress
import logging
import socket
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Protocol

from kgextract.errors import Errors, KgextractError
from kgextract.store.guard import QueryLimits, check_query

__all__ = ["GuardProxy", "Owner", "host_allowed", "check_request"]

logger = logging.getLogger("kgextract")


class Owner(Protocol):
    """What the proxy needs of the server that runs it (:class:`~kgextract.store.server.SparqlServer`).

    Declared here, so the proxy does not import the server that imports it.
    """

    host: str
    timeout: float | None
    limits: QueryLimits

    def allowed_hosts(self) -> str: ...

    def engine(self) -> tuple[int, int]: ...

    def restart(self, generation: int | None = None, why: str = "") -> None: ...

#: Request bodies larger than this are refused (HTTP 413); Graph Store uploads included.
MAX_BODY = 256 * 1024 * 1024
_HOP = {"connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer", "upgrade"}
_FORWARD = ("Content-Type", "Accept", "Accept-Language")
_QUERY_TYPES = ("application/sparql-query", "application/sparql-update")


def _hostname(value: str) -> str:
    """The host of a ``Host`` header value: without port, without IPv6 brackets, lower case."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[1:value.find("]")] if "]" in value else value
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


def _ip(name: str):
    try:
        return ipaddress.ip_address(name)
    except ValueError:
        return None


def host_allowed(value: str | None, bound: str) -> bool:
    """True when a request's ``Host`` names this server: a loopback name or the bound address.

    A server bound to a wildcard address (``0.0.0.0``, ``::``) also takes any
    IP literal: rebinding needs a DNS name, which is what is refused.
    """
    if not value:
        return False
    name = _hostname(value)
    if name == "localhost" or name.endswith(".localhost") or name == _hostname(bound):
        return True
    ip = _ip(name)
    if ip is None:
        return False
    wildcard = _ip(_hostname(bound))
    return ip.is_loopback or (wildcard is not None and wildcard.is_unspecified)


def check_request(path: str, content_type: str | None, body: bytes, limits: QueryLimits) -> None:
    """Check every query or update text a request carries (E109, E110; E099 when unreadable)."""
    texts = urllib.parse.parse_qs(urllib.parse.urlsplit(path).query, keep_blank_values=True)
    found = [*texts.get("query", []), *texts.get("update", [])]
    ctype = (content_type or "").split(";")[0].strip().lower()
    try:
        if ctype == "application/x-www-form-urlencoded":
            form = urllib.parse.parse_qs(body.decode("utf-8"), keep_blank_values=True)
            found += [*form.get("query", []), *form.get("update", [])]
        elif ctype in _QUERY_TYPES:
            found.append(body.decode("utf-8"))
    except UnicodeDecodeError as err:
        raise KgextractError(Errors.E099.format(err=f"the request is not UTF-8 ({err})", where="")) from err
    for text in found:
        check_query(text, limits)


class _Handler(BaseHTTPRequestHandler):
    # HTTP/1.1 so that "Expect: 100-continue" (curl, for bodies over 1 KB) is answered at once;
    # every response still closes its connection: the proxy keeps no state between requests
    protocol_version = "HTTP/1.1"
    server_version = "kgextract"
    server: GuardProxy

    def log_message(self, fmt, *args):  # noqa: D102 - quiet; the engine's log is elsewhere
        logger.debug("endpoint: " + fmt, *args)

    def do_GET(self):  # noqa: N802, D102
        self._handle()

    do_POST = do_PUT = do_DELETE = do_HEAD = do_OPTIONS = do_GET  # noqa: N815

    def _refuse(self, status: int, message: str) -> None:
        body = (message + "\n").encode("utf-8")
        try:
            self.send_response(status)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Connection", "close")
            self.end_headers()
            self.close_connection = True
            if self.command != "HEAD":
                self.wfile.write(body)
        except OSError:
            pass

    def _handle(self) -> None:
        owner = self.server.owner
        for header in ("Host", "Origin"):
            value = self.headers.get(header)
            if header == "Origin" and (value is None or value == "null"):
                continue
            name = urllib.parse.urlsplit(value).netloc if header == "Origin" and value is not None else value
            if not host_allowed(name, owner.host):
                return self._refuse(403, Errors.E113.format(host=value, allowed=owner.allowed_hosts()))
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            return self._refuse(411, "Send the request with a Content-Length.")
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            return self._refuse(400, "Bad Content-Length.")
        if length < 0 or length > MAX_BODY:
            return self._refuse(413, f"The request body is over {MAX_BODY} bytes.")
        body = self.rfile.read(length) if length else b""
        try:
            check_request(self.path, self.headers.get("Content-Type"), body, owner.limits)
        except KgextractError as err:
            return self._refuse(400, str(err))
        self._forward(owner, body)

    def _forward(self, owner: Owner, body: bytes) -> None:
        timeout = owner.timeout
        deadline = time.monotonic() + timeout if timeout else None
        port, generation = owner.engine()

        def left() -> float | None:
            return None if deadline is None else max(0.01, deadline - time.monotonic())

        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=left())
        started = False
        try:
            headers = {h: self.headers[h] for h in _FORWARD if self.headers.get(h)}
            headers["Host"] = f"127.0.0.1:{port}"
            conn.request(self.command, self.path, body=body if body or self.command in ("POST", "PUT") else None,
                         headers=headers)
            resp = conn.getresponse()
            self.send_response(resp.status, resp.reason)
            for name, value in resp.getheaders():
                if name.lower() not in _HOP and name.lower() != "server":
                    self.send_header(name, value)
            self.send_header("Connection", "close")  # the body ends when the connection does
            self.end_headers()
            self.close_connection = True
            started = True
            while True:
                if deadline is not None:
                    if time.monotonic() > deadline:
                        raise TimeoutError
                    conn.sock.settimeout(left())
                chunk = resp.read1(65536) if hasattr(resp, "read1") else resp.read(65536)
                if not chunk:
                    break
                self.wfile.write(chunk)
        except TimeoutError:
            owner.restart(generation, f"a request ran past the {timeout:g} s limit")
            if not started:
                self._refuse(503, Errors.E111.format(seconds=f"{timeout:g}"))
        except (ConnectionError, http.client.HTTPException) as err:
            if isinstance(err, (BrokenPipeError, ConnectionResetError)) and started:
                return  # the client went away; the engine is fine
            owner.restart(generation, f"the engine did not answer ({type(err).__name__})")
            if not started:
                self._refuse(502, Errors.E112.format(why=type(err).__name__))
        finally:
            conn.close()


class GuardProxy(ThreadingHTTPServer):
    """The listening side: ``owner`` gives the limits, the engine's port and restarts it."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, host: str, port: int, owner: Owner):
        self.address_family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self.owner = owner
        super().__init__((host, port), _Handler)
