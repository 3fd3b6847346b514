"""``kgextract eval``: score predicted RDF against gold annotations."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from kgextract.atomic import atomic_write_text
from kgextract.cli.app import app
from kgextract.errors import KgextractError
from kgextract.rdf.serialize import read_extensions
from kgextract.terminal import printable

__all__ = ["eval_command"]


@app.command("eval")
def eval_command(
    gold_dir: Annotated[Path, typer.Argument(
        help="Folder of gold annotations, one <id>.gold.json per document.", metavar="GOLD_DIR",
        show_default=False)],
    pred_dir: Annotated[Path, typer.Argument(
        help=f"Folder of predictions, one <id>{{{','.join(read_extensions(written=True))}}} file per document "
             "(what 'kgextract extract --output-dir' writes).",
        metavar="PRED_DIR", show_default=False)],
    json_file: Annotated[Path | None, typer.Option(
        "--json", metavar="FILE",
        help="Also write the scores (strict and relaxed; totals, per type, per predicate, "
             "per document with the matching) as JSON to FILE.")] = None,
    show_explain: Annotated[bool, typer.Option(
        "--explain", help="List per document the missed and spurious entities and relations, "
        "with the evidence sentence of each spurious relation.")] = False,
) -> None:
    """Score predicted graphs against gold files: precision, recall and F1 of
    entities (per type) and relations (per predicate), strict and relaxed.

    A gold document without a prediction is scored as empty; a prediction
    without a gold file is ignored (both with a warning). Exit status 0 on
    success, 1 when a folder or file cannot be read.
    """
    from kgextract.eval.report import explain, summary, to_json  # here: the scorer imports networkx
    from kgextract.eval.runner import evaluate_dirs

    out, err = Console(), Console(stderr=True)
    try:
        ev = evaluate_dirs(gold_dir, pred_dir)
    except KgextractError as exc:
        err.print("[red]error:[/] ", end="", markup=True)
        err.print(printable(str(exc)), markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(code=1) from exc
    for problem in ev.problems:
        style = "red" if problem.level == "error" else "yellow"
        err.print(f"[{style}]{problem.level}:[/] ", end="", markup=True)
        err.print(printable(problem.message), markup=False, highlight=False, soft_wrap=True)
    out.print(summary(ev))
    if show_explain:
        out.print(explain(ev))
    if json_file is not None:
        try:
            atomic_write_text(json_file, to_json(ev) + "\n")
        except OSError as exc:
            err.print(f"error: cannot write '{json_file}': {exc}", markup=False, highlight=False)
            raise typer.Exit(code=1) from exc
        err.print(f"Scores written to {json_file}", markup=False, highlight=False)
    if ev.has_errors:
        raise typer.Exit(code=1)
