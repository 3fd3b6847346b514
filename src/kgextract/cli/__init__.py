"""Command-line interface: thin Typer commands over the library functions."""

import importlib

from kgextract.cli.app import app

__all__ = ["app", "main"]

# Each module registers its commands on ``app`` when imported.
_COMMAND_MODULES = ["extract", "eval"]


def _register() -> None:
    for name in _COMMAND_MODULES:
        try:
            importlib.import_module(f"kgextract.cli.{name}")
        except ModuleNotFoundError as err:  # a command still being written
            if err.name != f"kgextract.cli.{name}":
                raise


def main() -> None:
    """Entry point of the ``kgextract`` script."""
    _register()
    app()
