"""The Dask engine against the local engine: same corpus, same run, end to end.

The corpus is built as in ``throughput.py``: the releases of ``corpus/`` and
``../shared/corpus`` repeated to N documents, each with its own id and a
closing sentence of its own. Configurations, one after the other in this
process, each writing the merged graph as N-Quads with no cache:

- ``local``: ``run_corpus(..., workers=1)`` (one process; loads the model here);
- ``dask 1``/``dask 2``: ``run_dask(..., workers=W)`` on a new ``LocalCluster``
  of W worker processes (127.0.0.1); the time includes starting the cluster
  and loading the model in every worker.

Each Dask graph is checked against the local one (same bytes).

    python benchmarks/dask_engine.py [--n 200] [--workers 1 2] [--json out.json]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from common import REPO, default_shared, markdown_table, write_json
from throughput import build_corpus, source_texts, write_corpus

__all__ = ["benchmark", "main", "render"]


def benchmark(folder: Path, work: Path, workers: Sequence[int] = (1, 2)) -> list[dict]:
    """Run the local engine, then Dask with each number of ``workers``, on ``folder``; one row each."""
    from kgextract.dask import run_dask
    from kgextract.run import run_corpus

    rows = []
    local = work / "local.nq"
    t0 = time.perf_counter()
    report = run_corpus([folder], output=local, fmt="nquads", cache=False, workers=1)
    rows.append({"engine": "local", "workers": 1, "documents": report.documents,
                 "seconds": time.perf_counter() - t0, "same_graph": True})
    for n in workers:
        out = work / f"dask-{n}.nq"
        t0 = time.perf_counter()
        dreport = run_dask([folder], output=out, fmt="nquads", workers=n)
        rows.append({"engine": "dask", "workers": n, "documents": dreport.documents,
                     "seconds": time.perf_counter() - t0, "cluster_seconds": dreport.cluster_seconds,
                     "same_graph": out.read_bytes() == local.read_bytes()})
    return rows


def render(rows: list[dict]) -> str:
    """The rows as a markdown table, with documents per second and the speed-up over the local engine.

    "on cluster" is the part of a Dask run before the final merge (starting
    the cluster, loading the model in each worker, extracting, writing shards).
    """
    base = rows[0]["seconds"]
    return markdown_table(
        ["engine", "workers", "documents", "seconds", "on cluster", "docs/s", "vs local", "same graph"],
        [[r["engine"], str(r["workers"]), str(r["documents"]), f"{r['seconds']:.1f}",
          f"{r['cluster_seconds']:.1f}" if "cluster_seconds" in r else "-",
          f"{r['documents'] / r['seconds']:.1f}", f"{base / r['seconds']:.2f}x", "yes" if r["same_graph"] else "NO"]
         for r in rows])


def main(argv: Sequence[str] | None = None) -> None:
    """Build the corpus, run the three configurations, print the table (and write JSON)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200, help="documents in the corpus (default 200)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="Dask worker counts (default 1 2)")
    parser.add_argument("--shared", type=Path, default=default_shared(), help="the ../shared folder")
    parser.add_argument("--json", type=Path, help="also write the rows as JSON here")
    args = parser.parse_args(argv)
    sources = source_texts([REPO / "corpus", args.shared / "corpus"])
    with tempfile.TemporaryDirectory(prefix="kgx-dask-bench-") as tmp:
        folder = write_corpus(build_corpus(sources, args.n), Path(tmp) / "corpus")
        rows = benchmark(folder, Path(tmp), args.workers)
    print(f"{args.n} documents from {len(sources)} releases; {os.cpu_count()} CPUs\n")
    print(render(rows))
    write_json(args.json, {"n": args.n, "rows": rows})


if __name__ == "__main__":
    main()
