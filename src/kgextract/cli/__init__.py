"""Command-line interface: thin Typer commands over the library functions."""

import os
import sys

from kgextract.cli import eval as _eval  # noqa: F401  (registers `eval`)
from kgextract.cli import extract as _extract  # noqa: F401  (registers `extract`)
from kgextract.cli import store as _store  # noqa: F401  (registers `load`, `query`, `serve`, `validate`)
from kgextract.cli import text as _text  # noqa: F401  (registers `text`)
from kgextract.cli import viz as _viz  # noqa: F401  (registers `export`, `viz`)
from kgextract.cli.app import app
from kgextract.errors import Errors
from kgextract.terminal import printable

__all__ = ["app", "main"]


def main() -> None:
    """Entry point of the ``kgextract`` script.

    An error no command foresaw is printed as one escaped line (E180), not
    as a traceback that could carry a file name's escape codes to the
    terminal; ``KGEXTRACT_DEBUG=1`` shows the traceback.
    """
    try:
        app()
    except Exception as err:  # noqa: BLE001 - the last line of defence of the terminal
        if os.environ.get("KGEXTRACT_DEBUG"):
            raise
        message = Errors.E180.format(err=f"{type(err).__name__}: {err}")
        print(f"error: {printable(message)}", file=sys.stderr)
        sys.exit(1)
