"""Fingerprints: what a cached result or an output file depends on.

A cached per-document result stays valid while the document, the extraction
settings, the spaCy model and the extraction code are unchanged. The
fingerprint captures the last three without loading the model, so a re-run
with nothing to do never pays for the model load.

>>> from kgextract.config import ExtractConfig
>>> fp = extraction_fingerprint(ExtractConfig())
>>> len(fp), fp == extraction_fingerprint(ExtractConfig(batch_size=4))
(64, True)
>>> fp == extraction_fingerprint(ExtractConfig(threshold=0.5))
False
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import json
from functools import lru_cache
from pathlib import Path

from kgextract.config import ExtractConfig
from kgextract.models import Document
from kgextract.version import __version__

__all__ = ["extraction_fingerprint", "package_fingerprint", "document_key", "content_hash"]

_PACKAGE = Path(__file__).parent.parent  # the kgextract package folder
#: The parts of the package whose code decides a ``DocumentResult``.
_EXTRACTION_CODE = ("models.py", "config.py", "base", "nlp", "relations", "resolve", "pipeline")
#: Modules that work on whole corpora, after the cache. (``base/linking.py`` is not one of them:
#: the role component asks it whether a word names a place.)
_CORPUS_LEVEL = {"across.py"}


def _hash_files(paths: list[Path]) -> str:
    h = hashlib.sha256()
    for path in sorted(paths):
        if path.suffix in (".pyc", ".pyo") or "__pycache__" in path.parts:
            continue
        h.update(path.relative_to(_PACKAGE).as_posix().encode())
        h.update(b"\0")
        h.update(path.read_bytes())
        h.update(b"\0")
    return h.hexdigest()


def _files(parts: tuple[str, ...]) -> list[Path]:
    out: list[Path] = []
    for part in parts:
        path = _PACKAGE / part
        if path.is_dir():
            out.extend(p for p in path.rglob("*") if p.is_file() and p.name not in _CORPUS_LEVEL)
        elif path.is_file():
            out.append(path)
    return out


@lru_cache(maxsize=1)
def _extraction_code() -> str:
    return _hash_files(_files(_EXTRACTION_CODE))


@lru_cache(maxsize=1)
def package_fingerprint() -> str:
    """A hash of every file of the installed kgextract package (code and data)."""
    return _hash_files([p for p in _PACKAGE.rglob("*") if p.is_file()])


def _model_identity(model: str) -> str:
    """Name and version of the model ``model`` stands for, without loading it."""
    from kgextract.nlp.model import resolve_model_name

    name = resolve_model_name(model)
    path = Path(name)
    if path.is_dir():  # a pipeline folder: its meta.json says what it is
        meta = path / "meta.json"
        return f"{path.resolve()}:{hashlib.sha256(meta.read_bytes()).hexdigest() if meta.exists() else ''}"
    if importlib.util.find_spec(name) is None:
        return name  # loading will fail with E001; nothing is cached then
    for dist in (name, name.replace("_", "-")):
        try:
            return f"{name}=={importlib.metadata.version(dist)}"
        except importlib.metadata.PackageNotFoundError:
            continue
    return name


def extraction_fingerprint(config: ExtractConfig) -> str:
    """What every cached ``DocumentResult`` of a run depends on, besides its document.

    The model (resolved name and version), the settings that change results
    (``threshold``, the chosen ``extractors``; not ``batch_size``, which results
    do not depend on), the spaCy and kgextract versions and a hash of the
    extraction code. A plugin extractor's code lives in another package: its
    distribution's name and version stand for it.

    >>> a = extraction_fingerprint(ExtractConfig(extractors=["kgx.roles.v1"]))
    >>> a == extraction_fingerprint(ExtractConfig()), a == extraction_fingerprint(ExtractConfig(extractors=[]))
    (False, False)
    """
    import spacy

    from kgextract.relations.registry import plugin_extractors

    parts = {
        "kgextract": __version__,
        "spacy": spacy.__version__,
        "model": _model_identity(config.model),
        "threshold": config.threshold,
        "code": _extraction_code(),
    }
    if config.extractors is not None:  # the default (every built-in one) is covered by the code hash
        plugins = plugin_extractors()
        parts["extractors"] = [[name, *plugins.get(name, ())] for name in config.extractors]
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


def content_hash(document: Document) -> str:
    """sha256 of a document's text (the ``kgx:contentHash`` of its article node).

    >>> content_hash(Document(id="d", text="abc"))[:12]
    'ba7816bf8f01'
    """
    return hashlib.sha256(document.text.encode("utf-8", "surrogatepass")).hexdigest()


def document_key(document: Document, fingerprint: str) -> str:
    """The cache key of one document's result: its whole record plus the fingerprint.

    Metadata (id, source path, title, date...) is part of the key because it
    is part of the result.

    >>> a = Document(id="d", text="abc")
    >>> document_key(a, "fp") == document_key(a.model_copy(update={"source": "x/d.txt"}), "fp")
    False
    """
    record = json.dumps(document.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)
    h = hashlib.sha256()
    h.update(fingerprint.encode())
    h.update(b"\0")
    h.update(record.encode("utf-8", "surrogatepass"))
    return h.hexdigest()
