"""The package version, in a module of its own so that any layer may read it.

(``kgextract/__init__.py`` re-exports it; a stage that imported ``kgextract``
itself for it would import the top of the package from below.)

>>> from kgextract import __version__ as exported
>>> exported == __version__
True
"""

__all__ = ["__version__"]

__version__ = "0.1.0"
