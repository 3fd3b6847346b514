"""The run manifest: which documents an output was built from, by content hash.

It sits beside the output (``<output>.manifest.json``, or
``<output-dir>/.kgextract-manifest.json`` when only ``--output-dir`` is
given) and is written atomically, last, once every output is in place. A
run that is killed before that leaves the previous manifest, and the next
run redoes whatever that manifest does not vouch for.

>>> m = Manifest(fingerprint="fp", documents=[ManifestEntry(
...     id="d1", source="a/d1.txt", content_hash="c", key="k", output="d1.ttl")])
>>> Manifest.model_validate_json(m.model_dump_json()) == m
True
"""

from __future__ import annotations

import logging
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from kgextract.atomic import atomic_write
from kgextract.errors import Warnings

__all__ = ["Manifest", "ManifestEntry", "OutputRecord", "RunCounts", "load_manifest", "save_manifest",
           "MANIFEST_VERSION"]

logger = logging.getLogger("kgextract")

#: Bumped when the manifest's layout changes; an older manifest is ignored.
MANIFEST_VERSION = 1


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ManifestEntry(_Model):
    """One input document: where it came from, its content hash and cache key."""

    id: str
    source: str | None = None
    content_hash: str = Field(description="sha256 of the document text")
    key: str | None = Field(None, description="cache key of its result; None when extraction failed")
    output: str | None = Field(None, description="its per-document file in --output-dir, if any")
    entities: int = 0
    relations: int = 0


class OutputRecord(_Model):
    """A file the run wrote, and what it was built from."""

    path: str
    digest: str = Field(description="hash of everything the file was built from")
    sha256: str = Field(description="sha256 of the file's bytes as written")


class RunCounts(_Model):
    """What the run that wrote the manifest did."""

    documents: int = 0
    extracted: int = 0
    cached: int = 0
    failed: int = 0
    removed: int = 0
    outputs_written: int = 0
    entities: int = 0
    relations: int = 0
    merges: int = 0
    links: int = 0


class Manifest(_Model):
    """Everything a re-run needs to know about the previous one."""

    version: int = MANIFEST_VERSION
    kgextract: str = ""
    fingerprint: str = ""
    format: str = ""
    documents: list[ManifestEntry] = Field(default_factory=list)
    outputs: list[OutputRecord] = Field(default_factory=list)
    last_run: RunCounts = Field(default_factory=RunCounts)

    def output(self, path: str) -> OutputRecord | None:
        """The record of the output file ``path``, or ``None``."""
        for rec in self.outputs:
            if rec.path == path:
                return rec
        return None


def load_manifest(path: Path) -> Manifest | None:
    """Read a manifest; ``None`` when there is none or it is unreadable (W140)."""
    path = Path(path)
    if not path.exists():
        return None
    try:
        manifest = Manifest.model_validate_json(path.read_bytes())
    except (OSError, ValueError, ValidationError) as err:
        logger.warning(Warnings.W140.format(path=path, err=str(err).splitlines()[0]))
        return None
    if manifest.version != MANIFEST_VERSION:
        return None
    return manifest


def save_manifest(path: Path, manifest: Manifest) -> None:
    """Write a manifest atomically, as sorted, indented JSON."""
    data = manifest.model_dump_json(indent=2) + "\n"
    atomic_write(Path(path), data.encode("utf-8", "surrogatepass"))
