"""``kgextract export`` and ``kgextract viz``: an extracted graph for network tools, or as one HTML page."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from kgextract.cli.app import app
from kgextract.errors import Errors, KgextractError
from kgextract.rdf.serialize import read_extensions
from kgextract.terminal import printable
from kgextract.viz.export import EXPORT_FORMATS, export_text, read_graph, write_text_atomic

__all__ = ["export_command", "viz_command"]

_GRAPH_HELP = (f"An RDF graph written by 'kgextract extract' ({', '.join(read_extensions(written=True))}).")


def _fail(err: Console, error: KgextractError) -> typer.Exit:
    err.print("[red]error[/]: ", end="", markup=True)
    err.print(printable(str(error)), markup=False, highlight=False, soft_wrap=True)
    return typer.Exit(1)


@app.command("export")
def export_command(
    graph: Annotated[Path, typer.Argument(help=_GRAPH_HELP, metavar="GRAPH", show_default=False)],
    fmt: Annotated[str, typer.Option(
        "--format", "-f", help=f"Output format: {', '.join(EXPORT_FORMATS)}.")] = "graphml",
    output: Annotated[Path | None, typer.Option(
        "-o", "--output", metavar="FILE", help="Write to FILE (atomically) instead of stdout.")] = None,
) -> None:
    """Convert an extracted RDF graph for network tools (Gephi, Cytoscape, yEd, NetworkX).

    Nodes keep their type, label, aliases and documents; edges their
    predicate, confidence, organization and evidence. GraphML and GEXF hold
    lists and evidence as JSON strings. Exit status 0, or 1 on an error.
    """
    err = Console(stderr=True)
    try:
        if fmt not in EXPORT_FORMATS:
            raise KgextractError(Errors.E120.format(name=fmt, options=", ".join(EXPORT_FORMATS)))
        text = export_text(read_graph(graph), fmt)
        if output is None:
            sys.stdout.write(text)
        else:
            write_text_atomic(output, text)
    except KgextractError as error:
        raise _fail(err, error) from error
    if output is not None:
        err.print(f"Wrote {output}", markup=False, highlight=False)


@app.command("viz")
def viz_command(
    graph: Annotated[Path, typer.Argument(help=_GRAPH_HELP, metavar="GRAPH", show_default=False)],
    output: Annotated[Path, typer.Option(
        "-o", "--output", metavar="FILE", help="The HTML file to write.", show_default=False)],
    title: Annotated[str | None, typer.Option(
        "--title", help="Page title (default: the graph's file name).")] = None,
    hide: Annotated[list[str] | None, typer.Option(
        "--hide", metavar="TYPE", help="Leave out a node type (repeatable), e.g. --hide Date.")] = None,
) -> None:
    """Write the graph as one standalone, interactive HTML page.

    Search a name, filter by type, click a node to see its relations and the
    sentences they were read from. Everything is inlined in the file; it
    opens offline in any browser. Exit status 0, or 1 on an error.
    """
    from kgextract.viz.html import write_html  # here: it imports networkx

    err = Console(stderr=True)
    try:
        G = read_graph(graph)
        write_html(G, output, title=title or graph.name, exclude=tuple(hide or ()))
    except KgextractError as error:
        raise _fail(err, error) from error
    err.print(f"Wrote {output} ({G.number_of_nodes()} nodes, {G.number_of_edges()} relations)",
              markup=False, highlight=False)
