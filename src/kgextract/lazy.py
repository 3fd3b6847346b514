"""Package attributes imported on first use (PEP 562), so importing a package costs only what is used.

A package's ``__init__`` names what it re-exports and where each name lives;
the home module is imported the first time the name is read. Why: the
command line imports many packages for their small tables (format names,
defaults), and an eager ``__init__`` would pull in spaCy, rdflib or networkx
through them, adding about a second to ``kgextract --help``.

>>> import types
>>> pkg = types.ModuleType("demo")
>>> pkg.__getattr__, pkg.__dir__ = lazy_exports(pkg.__dict__, {"dumps": "json", "loads": "json"})
>>> pkg.dumps([1])
'[1]'
>>> "loads" in dir(pkg), "dumps" in vars(pkg)
(True, True)
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping, MutableMapping
from typing import Any

__all__ = ["lazy_exports"]


def lazy_exports(namespace: MutableMapping[str, Any], homes: Mapping[str, str]
                 ) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """``(__getattr__, __dir__)`` for a package whose ``namespace`` re-exports ``homes`` (name -> module).

    A name read once is stored in ``namespace``, so later reads are plain
    attribute reads.
    """
    package = namespace.get("__name__", "?")

    def __getattr__(name: str) -> Any:
        home = homes.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(home), name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted(set(namespace) | set(homes))

    return __getattr__, __dir__
