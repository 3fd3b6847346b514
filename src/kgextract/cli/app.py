"""The Typer application object every command module registers on."""

import typer

__all__ = ["app"]

app = typer.Typer(
    name="kgextract",
    help="Turn press releases into an RDF knowledge graph, and score it against gold files.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _root() -> None:
    """kgextract: press releases in, a knowledge graph (RDF) out."""
