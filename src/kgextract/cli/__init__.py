"""Command-line interface: thin Typer commands over the library functions."""

from kgextract.cli import eval as _eval  # noqa: F401  (registers `eval`)
from kgextract.cli import extract as _extract  # noqa: F401  (registers `extract`)
from kgextract.cli import store as _store  # noqa: F401  (registers `load`, `query`, `serve`, `validate`)
from kgextract.cli import text as _text  # noqa: F401  (registers `text`)
from kgextract.cli import viz as _viz  # noqa: F401  (registers `export`, `viz`)
from kgextract.cli.app import app

__all__ = ["app", "main"]


def main() -> None:
    """Entry point of the ``kgextract`` script."""
    app()
