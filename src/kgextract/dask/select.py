"""Choose the engine of ``kgextract extract``: ``local`` (``run_corpus``) or ``dask`` (``run_dask``).

The CLI makes one call, :func:`run_extraction`, with the arguments it gives
``run_corpus`` plus ``engine`` and ``scheduler``.

>>> run_extraction("spark", [], output="g.nq")
Traceback (most recent call last):
...
kgextract.errors.KgextractError: [E165] Unknown engine 'spark'. Available: local, dask.
"""

from __future__ import annotations

from collections.abc import Callable

from kgextract.errors import Errors, KgextractError
from kgextract.models import DocumentError
from kgextract.run.workers import Workers

__all__ = ["ENGINES", "run_extraction"]

#: The engines ``--engine`` accepts; the first is the default.
ENGINES = ("local", "dask")


def run_extraction(engine: str, paths, *, scheduler: str | None = None, output=None, output_dir=None,
                   store=None, fmt: str = "turtle", config=None, workers: Workers = 1, provenance: str = "full",
                   on_problem: Callable[[DocumentError], None] | None = None,
                   on_document: Callable[[str], None] | None = None, **local_options):
    """Run ``run_corpus`` (``engine="local"``) or ``run_dask`` (``"dask"``); return its report.

    With ``dask``, ``workers`` is the size of the local cluster started when
    no ``scheduler`` is given; cache options (``cache``, ``force``) do not
    apply (every document is extracted, shards are rewritten). Raise
    ``KgextractError``: unknown engine (E165), ``scheduler`` without dask
    (E166), ``output_dir``/``store``/no ``output`` with dask (E164).
    """
    if engine not in ENGINES:
        raise KgextractError(Errors.E165.format(engine=engine))
    if engine == "local":
        if scheduler is not None:
            raise KgextractError(Errors.E166)
        from kgextract.run.runner import run_corpus

        return run_corpus(paths, output=output, output_dir=output_dir, store=store, fmt=fmt, config=config,
                          workers=workers, on_problem=on_problem, on_document=on_document,
                          provenance=provenance, **local_options)
    for option, value in (("--output-dir", output_dir), ("--store", store)):
        if value is not None:
            raise KgextractError(Errors.E164.format(problem=f"it cannot write {option}"))
    if output is None:
        raise KgextractError(Errors.E164.format(problem="no -o FILE was given"))
    from kgextract.dask.engine import run_dask

    report = run_dask(paths, output=output, fmt=fmt, config=config, scheduler=scheduler, workers=workers,
                      provenance=provenance)
    for problem in report.problems:
        if on_problem is not None:
            on_problem(problem)
    for _ in range(report.documents):
        if on_document is not None:
            on_document("extracted")
    return report
