"""The cache of per-document results ("shards"), one JSON file per document.

A shard is a ``DocumentResult`` as JSON, stored under the document's key
(:func:`~kgextract.run.fingerprint.document_key`: the document record plus
the extraction fingerprint), so a changed document, model, setting or
extraction code never reuses a stale result. Shards are written atomically:
a run killed at any moment leaves only whole shards.

>>> import tempfile
>>> from kgextract.models import Document, DocumentResult
>>> with tempfile.TemporaryDirectory() as tmp:
...     store = ShardStore(tmp)
...     res = DocumentResult(document=Document(id="d1", text="x"))
...     store.save("ab12", res)
...     store.has("ab12"), store.load("ab12") == res, store.gc(keep=set())
(True, True, 1)
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterable
from pathlib import Path

from pydantic import ValidationError

from kgextract.atomic import TEMP_SUFFIX, atomic_write
from kgextract.errors import Errors, KgextractError, Warnings
from kgextract.models import DocumentResult

__all__ = ["ShardStore"]

logger = logging.getLogger("kgextract")


class ShardStore:
    """Per-document results in ``<folder>/shards/<key[:2]>/<key>.json``."""

    def __init__(self, folder: str | Path):
        self.folder = Path(folder)
        self.root = self.folder / "shards"
        try:
            self.root.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise KgextractError(Errors.E140.format(path=self.folder, err=err)) from err

    def path(self, key: str) -> Path:
        """Where the shard of ``key`` lives."""
        return self.root / key[:2] / f"{key}.json"

    def has(self, key: str) -> bool:
        """True when a shard for ``key`` exists."""
        return self.path(key).is_file()

    def save(self, key: str, result: DocumentResult | str) -> None:
        """Store a result (a model or its JSON) under ``key``, atomically."""
        data = result if isinstance(result, str) else result.model_dump_json()
        path = self.path(key)
        try:
            path.parent.mkdir(exist_ok=True)
            atomic_write(path, data.encode("utf-8", "surrogatepass"))
        except OSError as err:
            raise KgextractError(Errors.E140.format(path=self.folder, err=err)) from err

    def load(self, key: str) -> DocumentResult | None:
        """The result stored under ``key``; ``None`` (with W141) when it is unreadable."""
        path = self.path(key)
        try:
            return DocumentResult.model_validate_json(path.read_bytes())
        except (OSError, ValueError, ValidationError) as err:
            logger.warning(Warnings.W141.format(path=path, err=_short(err)))
            with contextlib.suppress(OSError):
                path.unlink()
            return None

    def keys(self) -> Iterable[str]:
        """The keys of every stored shard."""
        for path in self.root.glob("*/*.json"):
            yield path.stem

    def gc(self, keep: set[str]) -> int:
        """Delete every shard whose key is not in ``keep``, and stale temporary files.

        Return how many shards were deleted.
        """
        removed = 0
        for path in list(self.root.glob("*/*")):
            stale_temp = path.name.startswith(".") and path.name.endswith(TEMP_SUFFIX)
            if stale_temp or (path.suffix == ".json" and path.stem not in keep):
                with contextlib.suppress(OSError):
                    path.unlink()
                    removed += not stale_temp
        for sub in list(self.root.iterdir()):
            with contextlib.suppress(OSError):
                sub.rmdir()  # only succeeds when empty
        return removed


def _short(err: Exception) -> str:
    text = str(err).strip().splitlines()
    return text[0] if text else type(err).__name__
