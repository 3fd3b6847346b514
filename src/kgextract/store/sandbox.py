"""Run a function in a worker process that is killed when it overruns its time.

A SPARQL query cannot be interrupted from Python once Oxigraph runs it, and
a native crash (a stack overflow) takes the whole process with it. So
``kgextract query`` runs the query in a forked child: past ``timeout``
seconds (wall clock) the child is killed and its core freed (E111); a child
that dies gives E112 instead of a dead terminal. A ``KgextractError`` raised
in the child is raised again here. Where ``fork`` is missing (Windows) the
function runs in this process (no wall-clock limit then).

>>> run_isolated(sum, ([1, 2, 3],), timeout=30)
6
>>> import time
>>> run_isolated(time.sleep, (5,), timeout=0.5)  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
kgextract.errors.KgextractError: [E111] The query ran longer than 0.5 seconds...
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from collections.abc import Callable
from typing import Any

from kgextract.errors import Errors, KgextractError

__all__ = ["run_isolated"]


def _child(conn, fn: Callable, args: tuple) -> None:
    try:
        out = ("ok", fn(*args))
    except KgextractError as err:
        out = ("error", str(err))
    except Exception as err:  # noqa: BLE001 - reported to the parent as E112, never lost
        out = ("crash", f"{type(err).__name__}: {err}")
    conn.send(out)
    conn.close()


def run_isolated(fn: Callable[..., Any], args: tuple = (), timeout: float | None = 30.0) -> Any:
    """``fn(*args)`` in a forked child, stopped after ``timeout`` seconds (E111, E112)."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return fn(*args)
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(child, fn, args), daemon=True)
    proc.start()
    child.close()
    deadline = None if timeout is None else time.monotonic() + timeout
    try:
        while True:
            remaining = None if deadline is None else deadline - time.monotonic()
            if remaining is not None and remaining <= 0:
                raise KgextractError(Errors.E111.format(seconds=f"{timeout:g}"))
            # wait in short steps: a child killed by a signal never sends and the pipe may stay open
            if parent.poll(0.2 if remaining is None else min(0.2, remaining)):
                try:
                    kind, value = parent.recv()
                except EOFError:
                    break
                if kind == "ok":
                    return value
                if kind == "error":
                    raise KgextractError(value)
                raise KgextractError(Errors.E112.format(why=value))
            if not proc.is_alive() and not parent.poll(0):
                break
        proc.join(5)
        code = proc.exitcode
        why = (f"killed by signal {signal.Signals(-code).name}" if code is not None and code < 0
               else f"exit status {code}")
        raise KgextractError(Errors.E112.format(why=why))
    finally:
        if proc.is_alive() and proc.pid is not None:   # alive: started, so it has a pid
            os.kill(proc.pid, signal.SIGKILL)
        proc.join(5)
        parent.close()
