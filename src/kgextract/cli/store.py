"""``kgextract load | query | serve | validate``: the SPARQL side of kgextract."""

from __future__ import annotations

import signal
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from kgextract.cli.app import app
from kgextract.errors import Errors, KgextractError
from kgextract.store.bind import parse_param
from kgextract.store.guard import QueryLimits, check_query
from kgextract.store.oxigraph import RDF_EXTENSIONS, load_files
from kgextract.store.queries import saved_queries
from kgextract.store.results import RESULT_FORMATS, answer, check_format, prepare
from kgextract.store.sandbox import run_isolated
from kgextract.store.server import DEFAULT_TIMEOUT, SparqlServer
from kgextract.terminal import printable, setup_logging

__all__ = ["load_command", "query_command", "serve_command", "validate_command"]

StoreOpt = Annotated[Path, typer.Option(
    "--store", "-s", metavar="DIR", help="Folder of the Oxigraph store.", show_default=False)]


def _fail(err: Console, exc: Exception) -> typer.Exit:
    err.print("[red]error:[/] ", end="", markup=True)
    err.print(printable(str(exc)), markup=False, highlight=False, soft_wrap=True)
    return typer.Exit(code=1)


def _logging() -> None:
    setup_logging()


@app.command("load")
def load_command(
    files: Annotated[list[Path], typer.Argument(
        help=f"RDF files ({', '.join(RDF_EXTENSIONS)}); TriG, N-Quads and JSON-LD keep "
             "their named graphs.", metavar="FILE...", show_default=False)],
    store: StoreOpt,
    graph: Annotated[str | None, typer.Option(
        "--graph", metavar="IRI", help="Put triples outside any named graph (e.g. of Turtle "
        "files) into this named graph instead of the default graph.")] = None,
    replace: Annotated[bool, typer.Option(
        "--replace/--add", help="Clear each named graph a file holds before adding it "
        "again (re-loading a document updates it), or only add.")] = True,
    bulk: Annotated[bool, typer.Option(
        "--bulk", help="Stream big files with Oxigraph's bulk loader: much faster, only adds "
        "(no --replace), not transactional.")] = False,
) -> None:
    """Load RDF files into an on-disk Oxigraph store (created if needed).

    The store can then be queried ('kgextract query') or served over HTTP
    ('kgextract serve'). Its default graph holds the union of the named
    graphs (each triple once). Only one process may write a store at a time.
    """
    _logging()
    err = Console(stderr=True)
    try:
        counts = load_files(store, files, graph=graph, replace=replace and not bulk, bulk=bulk)
    except KgextractError as exc:
        raise _fail(err, exc) from exc
    for name, n in counts.items():
        err.print(f"{name}: {n} quads", markup=False, highlight=False)
    err.print(f"{sum(counts.values())} quads loaded into {store}", markup=False, highlight=False)


def _saved_table() -> Table:
    table = Table("name", "answers", "parameters", show_lines=True)
    for q in saved_queries().values():
        params = "\n".join(f"{name}: {text}" for name, text in q.params.items())
        table.add_row(*map(Text, (q.name, q.summary, params)))
    return table


@app.command("query")
def query_command(
    store: Annotated[Path | None, typer.Option(
        "--store", "-s", metavar="DIR", help="Folder of the Oxigraph store.",
        show_default=False)] = None,
    query: Annotated[str | None, typer.Argument(
        help="SPARQL text, a path to a .rq file, or the name of a saved query (see --list).",
        metavar="QUERY", show_default=False)] = None,
    params: Annotated[list[str] | None, typer.Option(
        "--param", "-p", metavar="NAME=VALUE",
        help="Bind ?NAME to VALUE (repeatable; repeating a NAME gives alternatives). VALUE is "
             "text (a string literal), <IRI>, or an N-Triples literal like "
             "'\"2023-12-04\"^^xsd:date'. Bound by a VALUES block, never pasted.")] = None,
    fmt: Annotated[str, typer.Option(
        "--format", "-f", help=f"Output: table, {', '.join(RESULT_FORMATS)} (SPARQL results "
        "formats; CONSTRUCT/DESCRIBE give N-Triples).")] = "table",
    list_saved: Annotated[bool, typer.Option("--list", help="List the saved queries.")] = False,
    show_query: Annotated[bool, typer.Option(
        "--show-query", help="Print the SPARQL text (parameters bound) and do not run it.")] = False,
    union: Annotated[bool, typer.Option(
        "--union", help="Use Oxigraph's union default graph (for stores not written by "
        "kgextract; a triple in N graphs then matches N times).")] = False,
    as_text: Annotated[bool, typer.Option(
        "--text", help="QUERY is SPARQL text (never looked up as a file or saved name).")] = False,
    as_file: Annotated[bool, typer.Option(
        "--file", help="QUERY is the path of a file of SPARQL.")] = False,
    timeout: Annotated[float, typer.Option(
        "--timeout", metavar="SECONDS", min=0.1, help="Stop the query after this long "
        "(wall clock; it runs in a worker process that is killed).")] = DEFAULT_TIMEOUT,
    allow_service: Annotated[bool, typer.Option(
        "--allow-service", help="Allow SERVICE (calls to other SPARQL endpoints).")] = False,
) -> None:
    """Run a SPARQL query over the union of the store's documents (its default graph).

    QUERY is read as a saved query name when it is one word, as a file when
    it is one line ending in .rq, else as SPARQL text; --text or --file
    says which. The prefixes schema, org, skos, prov, kgx, kgxid, rdf, rdfs
    and xsd may be used without declaring them.
    """
    out, err = Console(), Console(stderr=True)
    if list_saved:
        out.print(_saved_table())
        return
    try:
        check_format(fmt, table=True)
        if query is None or (store is None and not show_query):
            raise KgextractError(Errors.E107)
        bound: dict[str, list] = {}
        for text in params or []:
            name, term = parse_param(text)
            bound.setdefault(name, []).append(term)
        if as_text and as_file:
            raise KgextractError(Errors.E114)
        sparql, source = prepare(query, bound, "text" if as_text else "file" if as_file else "auto")
        if show_query:
            typer.echo(sparql)
            return
        limits = QueryLimits(allow_service=allow_service)
        check_query(sparql, limits)  # before any process is started
        got = run_isolated(answer, (store, sparql, source, union, fmt, limits), timeout=timeout)
        if fmt == "table":
            columns, rows = got
            table = Table(*map(printable, columns))
            for row in rows:
                table.add_row(*(Text(printable(cell)) for cell in row))
            out.print(table)
            err.print(f"{len(rows)} rows", highlight=False)
        else:
            typer.echo(got, nl=False)
    except KgextractError as exc:
        raise _fail(err, exc) from exc


@app.command("serve")
def serve_command(
    store: StoreOpt,
    host: Annotated[str, typer.Option(help="Address to listen on (loopback by default).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="TCP port (0: any free one).")] = 7878,
    writable: Annotated[bool, typer.Option(
        "--writable", help="Accept SPARQL updates and Graph Store writes (locks the store "
        "for every other process while running; writes land where the client puts them, the "
        "union default graph is not kept up to date).")] = False,
    timeout: Annotated[float, typer.Option(
        "--timeout", metavar="SECONDS", min=0, help="Stop any request that runs longer (wall "
        "clock: the engine is restarted, freeing its core); 0: no limit.")] = DEFAULT_TIMEOUT,
    allow_service: Annotated[bool, typer.Option(
        "--allow-service", help="Let queries call other SPARQL endpoints (SERVICE); refused "
        "by default, as the server would send requests elsewhere.")] = False,
    union_default_graph: Annotated[bool, typer.Option(
        "--union-default-graph", help="Let queries see all graphs as the default graph, for "
        "stores not written by kgextract (a kgextract store's default graph holds the union "
        "already; Oxigraph's union counts a triple once per graph).")] = False,
) -> None:
    """Serve the store as a SPARQL 1.1 Protocol endpoint (the Oxigraph server, guarded).

    Read-only by default; the default graph is the union of the documents.
    A guard in front checks each request (Host header, query size and
    nesting, SERVICE), stops requests past --timeout and restarts a dead
    engine.
    Stop with Ctrl-C. While a read-only server runs nothing may write the
    store; while a writable one runs nothing else may open it.
    """
    _logging()
    err = Console(stderr=True)
    server = SparqlServer(store, host=host, port=port, writable=writable, timeout=timeout,
                          union_default_graph=union_default_graph, allow_service=allow_service)

    def _stop(signum, frame):  # SIGTERM stops the server as Ctrl-C does
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, _stop)
    try:
        try:  # stop() is armed before start(): a signal held during start-up may fire as soon as
            # the mask is lifted, still inside _signals_held's exit, and must find it armed
            with _signals_held():
                server.start()
            mode = "read-write" if writable else "read-only"
            err.print(f"SPARQL endpoint {server.url}/query ({mode}; updates at "
                      f"{server.url}/update). Ctrl-C stops it.", markup=False, highlight=False)
            status = server.wait()
            output = server.output().strip()[-500:]
        finally:
            server.stop()
        if status:
            raise KgextractError(Errors.E108.format(status=status, output=output or "(nothing)"))
    except KgextractError as exc:
        raise _fail(err, exc) from exc
    except KeyboardInterrupt:
        err.print("stopped", markup=False)
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextmanager
def _signals_held():
    """Hold SIGINT and SIGTERM back for the block (where the platform can)."""
    held = {signal.SIGINT, signal.SIGTERM}
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, held)


@app.command("validate")
def validate_command(
    file: Annotated[Path | None, typer.Argument(
        help="An RDF file to check (the union of its graphs).", metavar="FILE",
        show_default=False)] = None,
    store: Annotated[Path | None, typer.Option(
        "--store", "-s", metavar="DIR", help="Check a whole store instead of a file.")] = None,
    shapes: Annotated[Path | None, typer.Option(
        "--shapes", metavar="FILE", help="SHACL shapes to use instead of "
        "ontologies/shapes.ttl (also: KGEXTRACT_SHAPES).")] = None,
) -> None:
    """Check RDF against the SHACL shapes of the RDF contract (pySHACL).

    Lists every violation and warning with its focus node, path, value and
    message. Exit status 1 when there is a violation (warnings alone: 0).
    """
    from kgextract.store.validate import validate_file, validate_store  # here: it imports rdflib and pySHACL

    out, err = Console(), Console(stderr=True)
    try:
        if file is not None and store is None:
            report = validate_file(file, shapes)
        elif store is not None and file is None:
            report = validate_store(store, shapes)
        else:
            raise KgextractError(Errors.E104)
    except KgextractError as exc:
        raise _fail(err, exc) from exc
    if report.findings:
        table = Table("severity", "focus node", "path", "value", "message", "shape")
        for f in report.findings:
            style = "red" if f.severity == "Violation" else "yellow"
            table.add_row(Text(f.severity, style=style), *map(Text, (
                f.focus, f.path or "", f.value or "", f.message, f.shape or "")))
        out.print(table)
    n_bad = len(report.violations)
    err.print(f"{n_bad} violations, {len(report.findings) - n_bad} warnings/infos "
              f"(shapes: {report.shapes})", markup=False, highlight=False)
    if not report.conforms:
        raise typer.Exit(code=1)
