"""Choose the engine of ``kgextract extract``: ``local`` (``run_corpus``) or ``dask`` (``run_dask``).

The CLI makes one call, :func:`run_extraction`, with the run's
:class:`~kgextract.config.RunConfig` (whose ``engine`` and ``scheduler``
choose where it runs); both engines return a
:class:`~kgextract.run.report.RunReport`.

>>> run_extraction(RunConfig(engine="spark", output="g.nq"))
Traceback (most recent call last):
...
kgextract.errors.KgextractError: [E165] Unknown engine 'spark'. Available: local, dask.
"""

from __future__ import annotations

from collections.abc import Callable

from kgextract.config import RunConfig
from kgextract.errors import Errors, KgextractError
from kgextract.models import DocumentError
from kgextract.run.report import RunReport

__all__ = ["ENGINES", "run_extraction"]

#: The engines ``--engine`` accepts; the first is RunConfig's default (a test checks).
ENGINES = ("local", "dask")


def run_extraction(run: RunConfig, *, on_problem: Callable[[DocumentError], None] | None = None,
                   on_document: Callable[[str], None] | None = None) -> RunReport:
    """Run ``run_corpus`` (``run.engine == "local"``) or ``run_dask`` (``"dask"``); return its report.

    With ``dask``, ``run.workers`` is the size of the local cluster started
    when no ``run.scheduler`` is given; cache options (``cache``, ``force``)
    do not apply (every document is extracted, shards are rewritten). Raise
    ``KgextractError``: unknown engine (E165), a scheduler without dask
    (E166), an output folder, a store or no output with dask (E164).
    """
    if run.engine not in ENGINES:
        raise KgextractError(Errors.E165.format(engine=run.engine))
    if run.engine == "local":
        if run.scheduler is not None:
            raise KgextractError(Errors.E166)
        from kgextract.run.runner import run_corpus

        return run_corpus(run_config=run, on_problem=on_problem, on_document=on_document)
    for option, value in (("--output-dir", run.output_dir), ("--store", run.store)):
        if value is not None:
            raise KgextractError(Errors.E164.format(problem=f"it cannot write {option}"))
    if run.output is None:
        raise KgextractError(Errors.E164.format(problem="no -o FILE was given"))
    from kgextract.dask.engine import run_dask

    report = run_dask(run_config=run)
    for problem in report.problems:
        if on_problem is not None:
            on_problem(problem)
    for _ in range(report.documents):
        if on_document is not None:
            on_document("extracted")
    return report
