"""Run the Oxigraph SPARQL 1.1 Protocol server over a store.

:class:`SparqlServer` starts the ``oxigraph`` program of the ``oxigraph``
PyPI package (``serve-read-only``, or ``serve`` when writable), with
``--timeout-s`` if given; it waits until the server answers a query, and
stops it on exit. Queries read the default graph, which a kgextract store
keeps equal to the union of the documents' graphs (each triple once, see
:mod:`kgextract.store.union`); ``union_default_graph=True`` passes
``--union-default-graph`` instead, for stores filled by other tools (a bag
in Oxigraph 0.5: a triple in N graphs matches N times). Queries go to
``<url>/query``, updates to ``<url>/update`` (refused by a read-only
server), the Graph Store Protocol to ``<url>/store``.

Locking: a writable server holds the store's lock, so nothing else may
open the store until it stops (E091). A read-only server may run beside
other readers (``kgextract query``), but nothing may write the store while
it runs: stop it before ``kgextract load`` or ``extract --store``.

>>> SparqlServer("store", port=7878).url
'http://127.0.0.1:7878'
>>> SparqlServer("store", host="::1", port=8000).url
'http://[::1]:8000'
"""

from __future__ import annotations

import ipaddress
import logging
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from kgextract.errors import Errors, KgextractError, Warnings
from kgextract.store.oxigraph import store_exists, writer_active

__all__ = ["SparqlServer", "oxigraph_program", "free_port", "is_loopback"]

logger = logging.getLogger("kgextract")

# Talk to the local server directly, whatever http_proxy says.
_DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def oxigraph_program() -> str:
    """The path of the ``oxigraph`` program: beside this Python first, then on PATH (E101)."""
    name = "oxigraph.exe" if os.name == "nt" else "oxigraph"
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.is_file() else shutil.which("oxigraph")
    if not found:
        raise KgextractError(Errors.E101)
    return found


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port that is free on ``host`` right now (the OS picks it).

    >>> 0 < free_port() < 65536
    True
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def _port_free(host: str, port: int) -> bool:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server does
        try:
            sock.bind((host, port))
        except OSError:
            return False
    return True


def is_loopback(host: str) -> bool:
    """True for ``localhost`` and loopback addresses.

    >>> is_loopback("127.0.0.1"), is_loopback("::1"), is_loopback("0.0.0.0")
    (True, True, False)
    """
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class SparqlServer:
    """The Oxigraph HTTP server over ``store_dir``, as a context manager.

    ``port=0`` picks a free port. ``timeout`` (seconds) bounds each query.
    ``startup`` is how long to wait for the first answer before giving up.
    Writes through a writable server go to named graphs and the default
    graph as the client sends them: the union is not maintained then.
    """

    def __init__(self, store_dir: str | os.PathLike, host: str = "127.0.0.1", port: int = 7878,
                 writable: bool = False, timeout: float | None = None, startup: float = 30.0,
                 union_default_graph: bool = False):
        self.store_dir, self.host, self.writable = Path(store_dir), host, writable
        self.union_default_graph = union_default_graph
        self.port = port
        self.timeout, self.startup = timeout, startup
        self.process: subprocess.Popen | None = None
        self._log = None

    @property
    def address(self) -> str:
        """``host:port`` as the server binds it (IPv6 hosts in brackets)."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}"

    @property
    def url(self) -> str:
        """The base URL: queries at ``url + '/query'``, updates at ``url + '/update'``."""
        return f"http://{self.address}"

    def command(self) -> list[str]:
        """The command line that starts the server."""
        mode = "serve" if self.writable else "serve-read-only"
        cmd = [oxigraph_program(), mode, "--location", str(self.store_dir),
               "--bind", self.address]
        if self.union_default_graph:
            cmd.append("--union-default-graph")
        if self.timeout:
            cmd += ["--timeout-s", str(max(1, round(self.timeout)))]
        return cmd

    def start(self) -> SparqlServer:
        """Start the server and wait until it answers (E090, E101, E102)."""
        if not self.writable and not store_exists(self.store_dir):
            raise KgextractError(Errors.E090.format(path=self.store_dir))
        if not self.writable and writer_active(self.store_dir):
            raise KgextractError(Errors.E091.format(path=self.store_dir,
                                                    err="a writer holds its lock"))
        if not is_loopback(self.host):
            logger.warning(Warnings.W090.format(host=self.host))
        if self.port == 0:
            self.port = free_port(self.host)
        elif not _port_free(self.host, self.port):
            raise KgextractError(Errors.E102.format(address=self.address,
                                                    err="the port is already in use"))
        self._log = tempfile.TemporaryFile()
        self.process = subprocess.Popen(self.command(), stdin=subprocess.DEVNULL,
                                        stdout=self._log, stderr=subprocess.STDOUT)
        try:
            self._wait_ready()
        except BaseException:  # Ctrl-C or SIGTERM while starting: leave no server behind
            self.stop()
            raise
        logger.info("SPARQL server at %s (store %s)", self.url, self.store_dir)
        return self

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + self.startup
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self._fail(f"it exited with status {self.process.returncode}")
            if self.ready():
                return
            time.sleep(0.05)
        self._fail(f"no answer within {self.startup:g} s")

    def _fail(self, why: str):
        output = self.output()
        self.stop()
        detail = f"{why}; it said: {output.strip()[-500:]}" if output.strip() else why
        raise KgextractError(Errors.E102.format(address=self.address, err=detail))

    def ready(self) -> bool:
        """True when the server answers ``ASK {}``."""
        url = f"{self.url}/query?" + urllib.parse.urlencode({"query": "ASK {}"})
        try:
            with _DIRECT.open(url, timeout=2) as resp:
                return resp.status == 200
        except (urllib.error.URLError, OSError):
            return False

    def output(self) -> str:
        """What the server has written to stdout/stderr so far."""
        if self._log is None:
            return ""
        self._log.seek(0)
        return self._log.read().decode("utf-8", "replace")

    def wait(self) -> int:
        """Block until the server exits (e.g. on Ctrl-C); return its exit status."""
        return self.process.wait() if self.process else 0

    def stop(self, grace: float = 5.0) -> None:
        """Stop the server: terminate, then kill after ``grace`` seconds."""
        proc, self.process = self.process, None
        if proc is not None and proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(grace)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        if self._log is not None:
            self._log.close()
            self._log = None

    def __enter__(self) -> SparqlServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
