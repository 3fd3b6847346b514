"""Small file helpers for crash-safe runs: a run lock, hashes, stale temporary files.

Files are written with :func:`kgextract.atomic.atomic_write`; a writer killed
half-way leaves a ``.<name>.<random>.tmp`` beside its target, which
:func:`remove_stale_temps` clears.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from kgextract.atomic import TEMP_SUFFIX
from kgextract.errors import Errors, KgextractError

__all__ = ["file_sha256", "remove_stale_temp", "remove_stale_temps", "run_lock"]


def file_sha256(path: Path) -> str | None:
    """sha256 of a file's bytes, or ``None`` when it cannot be read."""
    h = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
    except OSError:
        return None
    return h.hexdigest()


def remove_stale_temp(path: Path) -> int:
    """Remove the temporary files a killed writer of ``path`` left beside it.

    >>> import tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     out = pathlib.Path(tmp) / "g.ttl"
    ...     _ = (pathlib.Path(tmp) / ".g.ttl.x1y2.tmp").write_bytes(b"half")
    ...     remove_stale_temp(out), sorted(p.name for p in out.parent.iterdir())
    (1, [])
    """
    return remove_stale_temps([path])


def remove_stale_temps(paths: Iterable[Path]) -> int:
    """:func:`remove_stale_temp` for many files, reading each folder once.

    A run writes thousands of files into one folder: globbing the folder
    after each write would cost time in the square of their number.

    >>> import tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     root = pathlib.Path(tmp)
    ...     for name in (".a.nq.x1.tmp", ".b.nq.y2.tmp", ".c.nq.z3.tmp", "a.nq"):
    ...         _ = (root / name).write_bytes(b"")
    ...     remove_stale_temps([root / "a.nq", root / "b.nq"]), sorted(p.name for p in root.iterdir())
    (2, ['.c.nq.z3.tmp', 'a.nq'])
    """
    by_folder: dict[Path, set[str]] = {}
    for path in map(Path, paths):
        by_folder.setdefault(path.parent, set()).add(path.name)
    removed = 0
    for folder, names in by_folder.items():
        with contextlib.suppress(OSError), os.scandir(folder) as entries:
            for entry in entries:
                name = entry.name
                # ".<name>.<random>.tmp", as kgextract.atomic makes them
                if name.startswith(".") and name.endswith(TEMP_SUFFIX) and \
                        name[1:-len(TEMP_SUFFIX)].rpartition(".")[0] in names:
                    with contextlib.suppress(OSError):
                        os.unlink(entry.path)
                        removed += 1
    return removed


@contextlib.contextmanager
def run_lock(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``folder`` (a cache folder) for one run.

    Two runs writing the same output at once would interleave; the second
    fails at once with E142. The lock is released when the process ends,
    however it ends.
    """
    lock_path = Path(folder) / "lock"
    try:
        import fcntl
    except ImportError:  # not POSIX: no locking
        yield
        return
    try:
        fh = open(lock_path, "a+b")
    except OSError as err:
        raise KgextractError(Errors.E140.format(path=folder, err=err)) from err
    with fh:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as err:
            raise KgextractError(Errors.E142.format(path=folder)) from err
        try:
            yield
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
