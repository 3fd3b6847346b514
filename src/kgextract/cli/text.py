"""``kgextract text``: the text and metadata kgextract would extract from, so a missing fact can be traced.

For each document (a JSON Lines file holds many) it prints a header, the
metadata read with the text (title, date, URL, publisher) and then the text
itself, exactly as the pipeline receives it. ``--json`` prints each
``Document`` as one JSON line instead.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from kgextract.cli.app import app
from kgextract.cli.extract import EXIT_PARTIAL, printable
from kgextract.config import ExtractConfig
from kgextract.errors import KgextractError
from kgextract.models import Document

__all__ = ["text_command", "render_document"]

_META = ("title", "date", "url", "publisher")


def render_document(doc: Document) -> str:
    """A document as ``kgextract text`` prints it: where it came from, its metadata, a blank line, its text.

    >>> print(render_document(Document(id="d1", text="Ann Lee joins.", format="html", title="News")))
    ==> d1
    id: d1
    format: html
    title: News
    <BLANKLINE>
    Ann Lee joins.
    <BLANKLINE>
    """
    lines = [f"==> {printable(doc.source or doc.id)}", f"id: {printable(doc.id)}", f"format: {doc.format}"]
    lines += [f"{key}: {printable(value)}" for key in _META if (value := getattr(doc, key))]
    return "\n".join(lines) + "\n\n" + doc.text.rstrip("\n") + "\n"


@app.command("text")
def text_command(
    paths: Annotated[list[Path], typer.Argument(
        help="Files or folders of press releases, as for 'kgextract extract'.", metavar="FILE...",
        show_default=False)],
    as_json: Annotated[bool, typer.Option(
        "--json", help="One JSON object per document (id, text, source, format, title, url, date, "
        "publisher) instead of the readable form.")] = False,
    max_bytes: Annotated[int, typer.Option(
        "--max-bytes", min=1, help="Skip (with an error) input files larger than this.")] = ExtractConfig().max_bytes,
) -> None:
    """Print the text and metadata kgextract reads from each document (what 'extract' works on).

    Use it to see why a fact is missing: page furniture that was kept, text that
    was dropped, a date taken from the page's metadata. Problems go to stderr;
    exit status 3 when some documents failed or were read with warnings.
    """
    from kgextract.ingest import iter_documents  # here: the readers import markdown-it, lxml and more

    err = Console(stderr=True)
    problems = 0
    first = True
    try:
        for item in iter_documents(paths, max_bytes=max_bytes):
            if not isinstance(item, Document):
                problems += 1
                style = "red" if item.level == "error" else "yellow"
                err.print(f"[{style}]{item.level}[/]: ", end="", markup=True)
                err.print(printable(item.message), markup=False, highlight=False, soft_wrap=True)
                continue
            if as_json:
                typer.echo(item.model_dump_json())
            else:
                typer.echo(("" if first else "\n") + render_document(item), nl=False)
            first = False
    except KgextractError as error:
        err.print("[red]error[/]: ", end="", markup=True)
        err.print(printable(str(error)), markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(1) from error
    if problems:
        raise typer.Exit(EXIT_PARTIAL)
