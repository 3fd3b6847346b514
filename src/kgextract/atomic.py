"""The one atomic file writer: every file kgextract writes goes through here.

A file written with :func:`atomic_write` (or :func:`atomic_writer`) is either
the old one or the whole new one, however the process ends: the bytes go to a
temporary file ``.<name>.<random>.tmp`` in the same folder, are flushed and
synced, and replace the target with ``os.replace``.

One permission rule, for every file: **an existing file keeps its mode; a new
file gets the mode a plain ``open(path, "w")`` would give it** (``0o666``
less the umask). Why: the temporary file is made by ``mkstemp`` with mode
``0o600``, so without a rule each output would be private to its writer; a
fixed ``0o644`` would ignore a user's umask (a group-shared folder, or a
private one), and re-writing a file would undo a ``chmod`` the user made on
purpose. Writing atomically must not be visible in the file's permissions.

>>> import tempfile, pathlib
>>> with tempfile.TemporaryDirectory() as tmp:
...     path = atomic_write(pathlib.Path(tmp) / "a.json", b"{}")
...     path.read_bytes(), sorted(p.name for p in path.parent.iterdir())
(b'{}', ['a.json'])

A failure raises ``OSError`` and leaves the old file and no temporary file:
the caller knows what the file is and turns it into its numbered error.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

__all__ = ["TEMP_SUFFIX", "atomic_write", "atomic_write_text", "atomic_writer", "file_mode"]

#: Suffix of the temporary files the writer creates (``.<name>.<random>.tmp``).
TEMP_SUFFIX = ".tmp"


def _umask() -> int | None:
    # os.umask can only be read by setting it, which races with other threads;
    # Linux shows it in /proc, elsewhere the default mode is used.
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return None


def file_mode(path: str | os.PathLike) -> int:
    """The mode :func:`atomic_write` gives ``path``: its own if it exists, else ``0o666`` less the umask.

    >>> import tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     p = pathlib.Path(tmp) / "x"
    ...     _ = p.write_bytes(b""); p.chmod(0o640)
    ...     oct(file_mode(p))
    '0o640'
    """
    try:
        return os.stat(path).st_mode & 0o7777
    except FileNotFoundError:
        umask = _umask()
        return 0o644 if umask is None else 0o666 & ~umask


@contextlib.contextmanager
def atomic_writer(path: str | os.PathLike) -> Iterator[BinaryIO]:
    """A binary file handle whose bytes replace ``path`` atomically when the block ends.

    For output made in pieces (a merge of sorted runs); an exception inside
    the block leaves ``path`` as it was.

    >>> import tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     out = pathlib.Path(tmp) / "g.nq"
    ...     with atomic_writer(out) as fh:
    ...         _ = fh.write(b"a\\n"); _ = fh.write(b"b\\n")
    ...     out.read_bytes()
    b'a\\nb\\n'
    """
    path = Path(path)
    mode = file_mode(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TEMP_SUFFIX)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def atomic_write(path: str | os.PathLike, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically (temporary file, fsync, ``os.replace``); the path."""
    with atomic_writer(path) as fh:
        fh.write(data)
    return Path(path)


def atomic_write_text(path: str | os.PathLike, text: str) -> Path:
    """:func:`atomic_write` of ``text`` as UTF-8 (a lone surrogate is kept, as everywhere in kgextract).

    >>> import tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     atomic_write_text(pathlib.Path(tmp) / "t.txt", "café").read_text(encoding="utf-8")
    'café'
    """
    return atomic_write(path, text.encode("utf-8", "surrogatepass"))
