"""Expand files and folders into the files to read, in a deterministic order.

Folders are walked depth-first with entries sorted by name; hidden entries
(``.name``) and files whose extension is not a document format are skipped.
Symlinks are followed, but each folder and file is visited once, so symlink
loops end. An unreadable folder or a broken link gives a ``DocumentError``;
a pipe, socket or device named like a release is yielded too, so that the
reader reports it (E014) instead of it vanishing from the run.
"""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from kgextract.errors import Errors
from kgextract.ingest.formats import format_of_name
from kgextract.models import DocumentError

__all__ = ["walk", "canonical"]

logger = logging.getLogger("kgextract")


def walk(paths: Iterable[Path]) -> Iterator[Path | DocumentError]:
    """Yield the files to read under ``paths`` (named files are always yielded).

    >>> list(walk([]))
    []
    """
    seen: set[tuple[int, int]] = set()
    for path in map(canonical, paths):
        try:
            info = path.stat()
        except OSError:
            yield path  # the reader reports why it cannot be read
            continue
        if stat.S_ISDIR(info.st_mode):
            yield from _walk_dir(path, info, seen)
        elif _first_visit(info, seen):
            yield path


def canonical(path: str | os.PathLike) -> Path:
    """How a run names an input path, whatever way it was typed.

    The path is normalised lexically (``./``, ``//``, ``a/../`` and a
    trailing ``/`` go): ``corpus/``, ``./corpus``, ``corpus//`` and
    ``x/../corpus`` all give ``corpus``, so the sources recorded in the
    output are the same bytes. A relative path stays relative and an
    absolute one absolute: the cache of a run started from another folder
    with an absolute path is found again.

    >>> str(canonical("./corpus/")), str(canonical("x/..//corpus/./a.txt"))
    ('corpus', 'corpus/a.txt')
    """
    return Path(os.path.normpath(os.fspath(path)))


def _walk_dir(root: Path, info: os.stat_result, seen: set) -> Iterator[Path | DocumentError]:
    seen.add((info.st_dev, info.st_ino))
    stack = [iter(_entries(root))]
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        if isinstance(entry, DocumentError):
            yield entry
            continue
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            info = path.stat()  # follows symlinks; DirEntry.stat has no inode on Windows
        except OSError as err:
            if format_of_name(path):
                yield _unreadable(path, err)
            continue
        if stat.S_ISDIR(info.st_mode):
            if (info.st_dev, info.st_ino) in seen:
                logger.debug("Skipping %s: folder already visited (symlink loop?)", path)
                continue
            seen.add((info.st_dev, info.st_ino))
            stack.append(iter(_entries(path)))
        elif stat.S_ISREG(info.st_mode) and format_of_name(path):
            if _first_visit(info, seen):
                yield path
        elif format_of_name(path):  # a pipe, socket or device named like a release
            yield path  # the reader reports it (E014) without opening it
        else:
            logger.debug("Skipping %s: not a document file", path)


def _entries(folder: Path) -> list[os.DirEntry | DocumentError]:
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda entry: entry.name)
    except OSError as err:
        return [_unreadable(folder, err)]
    return [*entries]


def _first_visit(info: os.stat_result, seen: set) -> bool:
    key = (info.st_dev, info.st_ino)
    if key in seen:
        return False
    seen.add(key)
    return True


def _unreadable(path: Path, err: OSError) -> DocumentError:
    reason = err.strerror or str(err)
    return DocumentError(
        source=str(path), code="E014", message=Errors.E014.format(source=path, err=reason)
    )
