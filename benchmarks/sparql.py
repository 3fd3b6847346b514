"""SPARQL at scale: load time into Oxigraph, and every saved query in Oxigraph against rdflib, same data.

The graph is built from one extraction of ``corpus/`` and ``../shared/corpus``:
its N-Quads are repeated until about ``--triples`` quads, each copy with its
own document, graph, assertion and membership IRIs (``<iri>~c<k>``) and
document id; entity IRIs get a variant (``~v<j>``) that ``--share`` copies
have in common (copy ``k`` uses variant ``k mod (copies / share)``), so an
entity appears in several documents, as in a real corpus.

Then, in one run:
- load: ``kgextract load --bulk`` (Oxigraph's bulk loader, then the union
  default graph is rebuilt), ``kgextract load`` (transactional: per named
  graph, clear then add, union kept), and rdflib ``Dataset.parse`` (memory);
- queries: each saved query (``kgextract/store/queries/*.rq``), bound as
  ``kgextract query`` binds it, over the union of the documents: Oxigraph
  (store opened read-only; its default graph holds the union, see
  ``kgextract.store.union``) and rdflib (``Dataset(default_union=True)``).
  Each query runs in a forked child with a time limit (``--timeout``);
  past it the cell shows ``>T``. Oxigraph times are the best of
  ``--repeat`` runs after one warm-up (a query slower than 1 s runs once);
  rdflib runs once.

No time is asserted anywhere; the script prints tables (and ``--json``).

    python benchmarks/sparql.py [--triples 1000000] [--timeout 120] [--share 10] [--json out.json]
"""

from __future__ import annotations

import argparse
import math
import multiprocessing as mp
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from common import REPO, default_shared, markdown_table, write_json

__all__ = ["bench_queries", "extract_nquads", "replicate", "timed_in_child", "benchmark", "render",
           "main"]

_ID = "https://w3id.org/kgextract/id/"
_PER_COPY = re.compile(r"<" + re.escape(_ID) + r"(doc|graph|assertion|membership)/([^>]*)>")
_ENTITY = re.compile(r"<" + re.escape(_ID) + r"(person|organization|place|event|role)/([^>]*)>")
_IDENTIFIER = re.compile(r'(<https://schema\.org/identifier> )"((?:[^"\\]|\\.)*)"')


def bench_queries() -> list[tuple[str, str, dict[str, list[str]]]]:
    """(label, saved query, parameters): every saved query unbound, and two bound ones."""
    from kgextract.store.queries import saved_queries

    out = [(name, name, {}) for name in saved_queries()]
    out += [("mentions name=Izumi Nakamitsu", "mentions", {"name": ["Izumi Nakamitsu"]}),
            ("evidence subject=Izumi Nakamitsu", "evidence", {"subject": ["Izumi Nakamitsu"]})]
    return out


def extract_nquads(roots: list[Path]) -> tuple[bytes, int, float]:
    """Extract every release under ``roots`` once; return its N-Quads, the document count, seconds."""
    from kgextract.api import extract
    from kgextract.rdf.serialize import serialize

    start = time.perf_counter()
    result = extract([r for r in roots if r.exists()])
    seen, docs = set(), []
    for res in result.documents:  # corpus/ and ../shared/corpus share a release
        if res.document.text not in seen:
            seen.add(res.document.text)
            docs.append(res)
    payload = serialize(result.__class__(documents=docs).to_rdf(), "nquads")
    return payload, len(docs), time.perf_counter() - start


def replicate(base: str, triples: int, share: int, out: Path) -> tuple[int, int]:
    """Write about ``triples`` quads to ``out``: copies of ``base`` with varied IRIs and ids.

    Return (quads written, copies).
    """
    lines = base.count("\n")
    copies = max(1, math.ceil(triples / lines))
    variants = max(1, copies // max(1, share))
    with out.open("w", encoding="utf-8") as fh:
        for k in range(copies):
            text = _PER_COPY.sub(lambda m, k=k: f"<{_ID}{m[1]}/{m[2]}~c{k}>", base)
            text = _ENTITY.sub(lambda m, k=k: f"<{_ID}{m[1]}/{m[2]}~v{k % variants}>", text)
            text = _IDENTIFIER.sub(lambda m, k=k: f'{m[1]}"{m[2]}~c{k}"', text)
            fh.write(text)
    return lines * copies, copies


Timed = Callable[[], tuple[int, float]]  # returns (rows, seconds)


def _child(conn, fn: Timed) -> None:
    try:
        rows, seconds = fn()
        conn.send((seconds, rows, None))
    except Exception as err:  # noqa: BLE001 - reported in the table
        conn.send((None, None, f"{type(err).__name__}: {err}"[:200]))


def timed_in_child(fn: Timed, timeout: float) -> tuple[float | None, int | None, str | None]:
    """Run ``fn`` in a forked child; return (seconds, rows, error); error "timeout" past the limit."""
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(child, fn), daemon=True)
    proc.start()
    child.close()
    try:
        if parent.poll(timeout):
            return parent.recv()
        return None, None, "timeout"
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join()
        parent.close()


def _oxigraph_runner(store_dir: Path, text: str, repeat: int) -> Timed:
    def run() -> tuple[int, float]:
        import pyoxigraph as ox

        from kgextract.store.bind import PREFIXES

        store = ox.Store.read_only(str(store_dir))
        times, rows = [], 0
        for _ in range(repeat + 1):  # the first run warms the caches; slow queries run once
            start = time.perf_counter()
            rows = len(list(store.query(text, prefixes=PREFIXES)))
            times.append(time.perf_counter() - start)
            if times[0] > 1.0:
                break
        return rows, min(times[1:] or times)
    return run


def _rdflib_runner(ds, text: str) -> Timed:
    def run() -> tuple[int, float]:
        start = time.perf_counter()
        rows = len(list(ds.query(text)))
        return rows, time.perf_counter() - start
    return run


def _cell(seconds: float | None, error: str | None, timeout: float) -> str:
    if seconds is not None:
        return f"{seconds:.3f}"
    return f">{timeout:g}" if error == "timeout" else "error"


def benchmark(triples: int, timeout: float, share: int, repeat: int, shared: Path,
              workdir: Path) -> dict:
    """Build the data, load it three ways, run every query in both engines; return the numbers."""
    import pyoxigraph as ox
    from rdflib import Dataset

    from kgextract.store.oxigraph import load_files
    from kgextract.store.results import prepare

    base, n_docs, t_extract = extract_nquads([REPO / "corpus", shared / "corpus"])
    n_base = base.count(b"\n")
    print(f"extracted {n_docs} documents once: {n_base} quads in {t_extract:.1f} s", file=sys.stderr)
    path = workdir / "graph.nq"
    quads, copies = replicate(base.decode("utf-8"), triples, share, path)
    print(f"wrote {quads} quads ({copies} copies, {path.stat().st_size / 1e6:.0f} MB)", file=sys.stderr)

    load = {"quads": quads, "documents": n_docs * copies, "copies": copies}
    store_dir = workdir / "oxigraph"
    start = time.perf_counter()
    load_files(store_dir, [path], bulk=True)
    load["oxigraph_bulk_load_s"] = time.perf_counter() - start
    store = ox.Store.read_only(str(store_dir))
    load["oxigraph_store_quads"] = len(store)  # named graphs + the union default graph
    load["union_triples"] = sum(1 for _ in store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    del store
    load["oxigraph_store_mb"] = sum(f.stat().st_size for f in store_dir.rglob("*") if f.is_file()) / 1e6
    start = time.perf_counter()
    load_files(workdir / "oxigraph-load", [path])
    load["oxigraph_load_files_s"] = time.perf_counter() - start
    shutil.rmtree(workdir / "oxigraph-load")
    print(f"Oxigraph: bulk_load {load['oxigraph_bulk_load_s']:.1f} s, load_files "
          f"{load['oxigraph_load_files_s']:.1f} s", file=sys.stderr)
    start = time.perf_counter()
    ds = Dataset(default_union=True)
    ds.parse(str(path), format="nquads")
    load["rdflib_parse_s"] = time.perf_counter() - start
    print(f"rdflib: parse {load['rdflib_parse_s']:.1f} s", file=sys.stderr)

    rows = []
    for label, name, params in bench_queries():
        text, _ = prepare(name, params)
        ox_s, ox_rows, ox_err = timed_in_child(_oxigraph_runner(store_dir, text, repeat), timeout)
        rl_s, rl_rows, rl_err = timed_in_child(_rdflib_runner(ds, text), timeout)
        ratio = f"{rl_s / ox_s:.0f}x" if rl_s and ox_s else (
            f">{timeout / ox_s:.0f}x" if rl_err == "timeout" and ox_s else "-")
        rows.append({"query": label, "rows_oxigraph": ox_rows, "oxigraph_s": ox_s,
                     "oxigraph_error": ox_err, "rows_rdflib": rl_rows, "rdflib_s": rl_s,
                     "rdflib_error": rl_err, "ratio": ratio})
        print(f"{label}: oxigraph {_cell(ox_s, ox_err, timeout)} s, rdflib "
              f"{_cell(rl_s, rl_err, timeout)} s", file=sys.stderr)
    return {"triples_target": triples, "timeout_s": timeout, "share": share, "load": load,
            "queries": rows}


def render(data: dict) -> str:
    """The load table and the query table, as markdown."""
    ld, t = data["load"], data["timeout_s"]
    load = markdown_table(
        ["quads", "distinct triples", "documents", "load --bulk s", "load s", "rdflib parse s",
         "store MB"],
        [[ld["quads"], ld["union_triples"], ld["documents"], ld["oxigraph_bulk_load_s"],
          ld["oxigraph_load_files_s"], ld["rdflib_parse_s"], f"{ld['oxigraph_store_mb']:.0f}"]])
    queries = markdown_table(
        ["query", "rows", "Oxigraph s", "rdflib rows", "rdflib s", "rdflib / Oxigraph"],
        [[r["query"], r["rows_oxigraph"] if r["rows_oxigraph"] is not None else "-",
          _cell(r["oxigraph_s"], r["oxigraph_error"], t),
          r["rows_rdflib"] if r["rows_rdflib"] is not None else "-",
          _cell(r["rdflib_s"], r["rdflib_error"], t), r["ratio"]] for r in data["queries"]])
    return (f"{load}\n\n{queries}\n\n(>T: over the {t:g} s limit; Oxigraph: best of runs after a "
            "warm-up, or one run when over 1 s)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--triples", type=int, default=1_000_000, help="about this many quads")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per query and engine")
    parser.add_argument("--share", type=int, default=10, help="copies that share an entity IRI")
    parser.add_argument("--repeat", type=int, default=3, help="timed Oxigraph runs per query")
    parser.add_argument("--shared", type=Path, default=default_shared(), help="the ../shared folder")
    parser.add_argument("--workdir", type=Path, help="keep the data here (default: a temp folder)")
    parser.add_argument("--json", type=Path, help="also write the numbers as JSON")
    args = parser.parse_args(argv)
    tmp = None if args.workdir else tempfile.TemporaryDirectory(prefix="kgx-sparql-")
    workdir = args.workdir or Path(tmp.name)
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        data = benchmark(args.triples, args.timeout, args.share, args.repeat, args.shared, workdir)
    finally:
        if tmp is not None:
            tmp.cleanup()
    print(render(data))
    write_json(args.json, data)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
