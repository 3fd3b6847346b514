"""Run the Oxigraph SPARQL 1.1 Protocol server over a store, behind a guard.

:class:`SparqlServer` starts the ``oxigraph`` program of the ``oxigraph``
PyPI package (``serve-read-only``, or ``serve`` when writable) on a private
loopback port, and the guarding proxy of :mod:`kgextract.store.proxy` on the
address asked for: requests are checked (Host, query size and nesting,
``SERVICE``) and bounded in time (``timeout``, 30 s by default, wall clock;
a query past it is stopped by restarting the engine). A dead engine is
started again by a watchdog thread. It waits until the server answers a
query, and stops it on exit. Queries read the default graph, which a kgextract store
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
>>> SparqlServer("store").timeout
30.0
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
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import IO, TYPE_CHECKING, NoReturn

from kgextract.errors import Errors, KgextractError, Warnings
from kgextract.store.guard import QueryLimits
from kgextract.store.oxigraph import store_exists, writer_active

if TYPE_CHECKING:
    from kgextract.store.proxy import GuardProxy

__all__ = ["SparqlServer", "oxigraph_program", "free_port", "is_loopback", "DEFAULT_TIMEOUT"]

#: Seconds a query may run (wall clock) unless told otherwise.
DEFAULT_TIMEOUT = 30.0

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
    """The Oxigraph HTTP server over ``store_dir`` behind the guard, as a context manager.

    ``port=0`` picks a free port. ``timeout`` (seconds, wall clock) bounds
    each request; ``None`` or 0: no bound. ``allow_service`` lets queries use
    ``SERVICE``. ``startup`` is how long to wait for the first answer before
    giving up. Writes through a writable server go to named graphs and the
    default graph as the client sends them: the union is not maintained then.
    """

    def __init__(self, store_dir: str | os.PathLike, host: str = "127.0.0.1", port: int = 7878,
                 writable: bool = False, timeout: float | None = DEFAULT_TIMEOUT, startup: float = 30.0,
                 union_default_graph: bool = False, allow_service: bool = False):
        self.store_dir, self.host, self.writable = Path(store_dir), host, writable
        self.union_default_graph = union_default_graph
        self.port = port
        self.timeout, self.startup = timeout or None, startup
        self.limits = QueryLimits(allow_service=allow_service)
        self.process: subprocess.Popen | None = None
        self.engine_port = 0
        self.restarts = 0
        self._log: IO[bytes] | None = None
        self._proxy: GuardProxy | None = None
        self._lock = threading.RLock()
        self._generation = 0
        self._stopping = threading.Event()
        self._status: int | None = None

    @property
    def address(self) -> str:
        """``host:port`` as the server binds it (IPv6 hosts in brackets)."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}"

    @property
    def url(self) -> str:
        """The base URL: queries at ``url + '/query'``, updates at ``url + '/update'``."""
        return f"http://{self.address}"

    def allowed_hosts(self) -> str:
        """The host names a request may use, for messages."""
        names = ["localhost", "127.0.0.1", "[::1]"]
        shown = f"[{self.host}]" if ":" in self.host else self.host
        return ", ".join(names + ([shown] if shown not in names else []))

    def command(self) -> list[str]:
        """The command line that starts the engine (on its private loopback port)."""
        mode = "serve" if self.writable else "serve-read-only"
        cmd = [oxigraph_program(), mode, "--location", str(self.store_dir),
               "--bind", f"127.0.0.1:{self.engine_port}"]
        if self.union_default_graph:
            cmd.append("--union-default-graph")
        if self.timeout:  # Oxigraph's own, checked now and then; the proxy's is the bound
            cmd += ["--timeout-s", str(max(1, round(self.timeout)))]
        return cmd

    def start(self) -> SparqlServer:
        """Start the engine and the guard, and wait until they answer (E090, E101, E102)."""
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
        from kgextract.store.proxy import GuardProxy

        self._log = tempfile.TemporaryFile()
        self._stopping.clear()
        try:
            self._spawn()
            try:
                self._proxy = GuardProxy(self.host, self.port, self)
            except OSError as err:
                self._fail(f"cannot listen ({err})")
            threading.Thread(target=self._proxy.serve_forever, name="kgx-endpoint", daemon=True).start()
            threading.Thread(target=self._watch, name="kgx-engine-watchdog", daemon=True).start()
        except BaseException:  # Ctrl-C or SIGTERM while starting: leave no server behind
            self.stop()
            raise
        logger.info("SPARQL server at %s (store %s)", self.url, self.store_dir)
        return self

    def _spawn(self) -> None:
        """Start an engine on a fresh private port and wait until it answers."""
        self.engine_port = free_port("127.0.0.1")
        self.process = subprocess.Popen(self.command(), stdin=subprocess.DEVNULL,
                                        stdout=self._log, stderr=subprocess.STDOUT)
        self._generation += 1
        self._wait_ready()

    def engine(self) -> tuple[int, int]:
        """The engine's port and generation (a restart makes a new generation)."""
        with self._lock:
            return self.engine_port, self._generation

    def restart(self, generation: int | None = None, why: str = "") -> None:
        """Kill the engine and start it again, unless ``generation`` was already replaced."""
        with self._lock:
            if self._stopping.is_set() or (generation is not None and generation != self._generation):
                return
            logger.warning("SPARQL engine restarted: %s", why or "asked to")
            self.restarts += 1
            self._kill_engine(grace=0)
            try:
                self._spawn()
            except KgextractError as err:  # give up: wait() returns, 'serve' reports it
                logger.error("%s", err)
                self._status = 1
                self._stopping.set()

    def _watch(self) -> None:
        while not self._stopping.wait(0.2):
            with self._lock:
                proc, generation = self.process, self._generation
            if proc is not None and proc.poll() is not None:
                self.restart(generation, f"it exited with status {proc.returncode}")

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + self.startup
        while time.monotonic() < deadline:
            assert self.process is not None   # started by _spawn
            if self.process.poll() is not None:
                self._fail(f"it exited with status {self.process.returncode}")
            if self._ready_at(f"http://127.0.0.1:{self.engine_port}"):
                return
            time.sleep(0.02)
        self._fail(f"no answer within {self.startup:g} s")

    def _fail(self, why: str) -> NoReturn:
        output = self.output()
        self._kill_engine()
        detail = f"{why}; it said: {output.strip()[-500:]}" if output.strip() else why
        raise KgextractError(Errors.E102.format(address=self.address, err=detail))

    def ready(self) -> bool:
        """True when the server answers ``ASK {}`` (through the guard once it listens)."""
        return self._ready_at(self.url if self._proxy is not None else
                              f"http://127.0.0.1:{self.engine_port}")

    @staticmethod
    def _ready_at(base: str) -> bool:
        url = f"{base}/query?" + urllib.parse.urlencode({"query": "ASK {}"})
        try:
            with _DIRECT.open(url, timeout=2) as resp:
                return resp.status == 200
        except (urllib.error.URLError, OSError):
            return False

    def output(self) -> str:
        """What the engine has written to stdout/stderr so far."""
        if self._log is None:
            return ""
        self._log.seek(0)
        return self._log.read().decode("utf-8", "replace")

    def wait(self) -> int:
        """Block until the server stops for good (an engine that cannot be restarted); its status."""
        while not self._stopping.wait(0.5):
            pass
        return self._status or 0

    def _kill_engine(self, grace: float = 5.0) -> None:
        proc, self.process = self.process, None
        if proc is not None and proc.poll() is None:
            if grace:
                proc.terminate()
                try:
                    proc.wait(grace)
                    return
                except subprocess.TimeoutExpired:
                    pass
            proc.kill()
            proc.wait()

    def stop(self, grace: float = 5.0) -> None:
        """Stop the guard and the engine: terminate, then kill after ``grace`` seconds."""
        self._stopping.set()
        proxy, self._proxy = self._proxy, None
        if proxy is not None:
            proxy.shutdown()
            proxy.server_close()
        with self._lock:
            self._kill_engine(grace)
        if self._log is not None:
            self._log.close()
            self._log = None

    def __enter__(self) -> SparqlServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
