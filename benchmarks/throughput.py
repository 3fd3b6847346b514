"""Throughput and memory: bare spaCy ``nlp.pipe`` against kgextract, same model, same batch size, same run.

For each size N a corpus of N releases is built from ``corpus/`` and
``../shared/corpus``: the releases are repeated in turn, each copy with its
own id and a closing sentence of its own (varied numbers), so every text is
unique and no cache can help. Each configuration runs in a fresh subprocess;
peak RSS is that child's ``ru_maxrss`` (or, when it has worker processes, the
largest sum over it and its workers, sampled from /proc). Timings of the in-process runs
exclude loading the model (shown apart); the CLI row is end to end (start-up,
model load, reading files, extraction, writing one N-Quads file per document).

    python benchmarks/throughput.py [--sizes 1000 5000] [--repeats 3] [--batch-size 32] [--json out.json]

With ``--repeats R`` the configurations run R times in turn and each row keeps
its fastest run: on a shared machine the speed drifts by more than the
margins measured here, and a slow spell only ever adds time.

Configurations:
- ``spacy``: ``spacy.load(<model>)`` and ``nlp.pipe(texts, batch_size=B)``, 1 process;
- ``kgextract``: ``Extractor(ExtractConfig(batch_size=B)).process(documents)``, 1 process;
- ``cli``: ``kgextract extract DIR --output-dir OUT --format nquads --batch-size B -q``;
- with ``W`` workers (``--workers``, default: the number of CPUs), only when ``kgextract extract --help``
  offers ``--workers``: ``kgextract.run.parallel.process_documents(..., workers=W)`` and
  ``kgextract extract ... --workers W``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path

from common import REPO, default_shared, markdown_table, write_json

__all__ = ["source_texts", "build_corpus", "write_corpus", "measure", "cli_has_workers", "benchmark", "render",
           "main"]

_CLOSINGS = (
    "The office received {a} enquiries about this release (reference {i}).",
    "Reference {i}: {a} copies of this release were distributed to {b} outlets.",
    "For further information, quote reference {i} and contact desk {b}; {a} lines are open.",
)


def source_texts(roots: Sequence[Path]) -> list[tuple[str, str]]:
    """``(id, text)`` of every distinct release kgextract can read under ``roots`` (missing roots are skipped)."""
    from kgextract.ingest import iter_documents
    from kgextract.models import Document

    roots = [r for r in roots if Path(r).exists()]
    if not roots:
        return []
    seen: set[str] = set()
    out = []
    for d in iter_documents(roots):
        if isinstance(d, Document) and d.text.strip() and d.text not in seen:
            seen.add(d.text)
            out.append((d.id, d.text))
    return out


def build_corpus(sources: Sequence[tuple[str, str]], n: int) -> list[tuple[str, str]]:
    """``n`` unique ``(id, text)`` releases made by cycling through ``sources``.

    >>> docs = build_corpus([("a", "Acme names Ann Lee CEO.")], 3)
    >>> [d[0] for d in docs]
    ['a-00000', 'a-00001', 'a-00002']
    >>> len({d[1] for d in docs})
    3
    """
    if not sources:
        raise ValueError("no source releases to build the corpus from")
    out = []
    for i in range(n):
        sid, text = sources[i % len(sources)]
        closing = _CLOSINGS[i % len(_CLOSINGS)].format(i=f"KGX-{i:05d}", a=17 + (i * 37) % 983, b=2 + i % 97)
        out.append((f"{sid}-{i:05d}", f"{text.rstrip()}\n\n{closing}\n"))
    return out


def write_corpus(docs: Sequence[tuple[str, str]], folder: Path) -> Path:
    """Write the releases as ``folder/<id>.txt``; return ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for doc_id, text in docs:
        (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    return folder


def _read_corpus(folder: Path) -> list[tuple[str, str]]:
    return [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.txt"))]


def _child(mode: str, folder: Path, batch_size: int, model: str, workers: int = 1) -> dict:
    """Run one configuration in this process and return its counts and timings."""
    docs = _read_corpus(folder)
    t0 = time.perf_counter()
    if mode == "spacy":
        import spacy

        from kgextract.nlp.model import resolve_model_name

        nlp = spacy.load(resolve_model_name(model))
        loaded = time.perf_counter()
        tokens = sum(len(doc) for doc in nlp.pipe((t for _, t in docs), batch_size=batch_size))
        out = {"tokens": tokens}
    else:
        from kgextract.config import ExtractConfig
        from kgextract.ingest import document_from_text
        from kgextract.models import DocumentError
        from kgextract.pipeline.extractor import Extractor

        config = ExtractConfig(model=model, batch_size=batch_size)
        documents = (document_from_text(t, i) for i, t in docs)
        if workers > 1:  # the workers load the model themselves: their load time is inside process_s
            from kgextract.run.parallel import process_documents

            loaded = time.perf_counter()
            results = (res for _, res in process_documents(documents, config, workers=workers))
        else:
            extractor = Extractor(config)
            loaded = time.perf_counter()
            results = extractor.process(documents)
        entities = relations = errors = 0
        for res in results:
            if isinstance(res, DocumentError):
                errors += 1
            else:
                entities += len(res.entities)
                relations += len(res.relations)
        out = {"entities": entities, "relations": relations, "errors": errors}
    done = time.perf_counter()
    return out | {"docs": len(docs), "load_s": loaded - t0, "process_s": done - loaded}


def _maxrss_mib(usage) -> float:
    return usage.ru_maxrss / (2**20 if sys.platform == "darwin" else 2**10)


def _tree_rss_mib(root: int) -> float:
    """Resident memory of ``root`` and all its descendants now, from /proc (0 where /proc is absent)."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            parents[int(entry.name)] = int(fields[1])
            rss[int(entry.name)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, ValueError, IndexError):
            continue
    tree, frontier = {root}, [root]
    while frontier:
        pid = frontier.pop()
        for child, parent in parents.items():
            if parent == pid and child not in tree:
                tree.add(child)
                frontier.append(child)
    return sum(rss.get(pid, 0) for pid in tree) / 2**20


def measure(cmd: Sequence[str], env: dict | None = None, sample: float = 0.5
            ) -> tuple[dict | None, float, float, int]:
    """Run ``cmd``; return (its JSON stdout or None, wall seconds, peak RSS MiB, exit status).

    Peak RSS is the larger of the child's own ``ru_maxrss`` and the largest sum of resident memory over
    the child and its descendants (worker processes), sampled every ``sample`` seconds.
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, env=env)
        peaks = [0.0]
        finished = threading.Event()

        def sample_tree() -> None:  # beside the wait, so the wall time is not rounded to the sampling step
            while not finished.wait(sample):
                peaks.append(_tree_rss_mib(proc.pid))

        sampler = threading.Thread(target=sample_tree, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)  # the rusage of this child alone
        wall = time.perf_counter() - t0
        finished.set()
        sampler.join()
        tree_peak = max(peaks)
        proc.returncode = code = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(errors="replace"), err.read().decode(errors="replace")
    if code not in (0, 3):
        sys.stderr.write(stderr[-2000:])
    try:
        data = json.loads(stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        data = None
    return data, wall, max(_maxrss_mib(usage), tree_peak), code


def _kgextract_cli() -> list[str]:
    exe = Path(sys.executable).parent / "kgextract"
    if exe.exists():
        return [str(exe)]
    found = shutil.which("kgextract")
    if found:
        return [found]
    return [sys.executable, "-c", "import sys; from kgextract.cli import main; sys.exit(main())"]


def cli_has_workers() -> bool:
    """True when ``kgextract extract --help`` lists a ``--workers`` option."""
    out = subprocess.run([*_kgextract_cli(), "extract", "--help"], capture_output=True, text=True,
                         env=os.environ | {"COLUMNS": "200", "NO_COLOR": "1"})
    return re.search(r"--workers\b", out.stdout) is not None


def _cli_command(folder: Path, out: Path, batch_size: int, model: str, extra: Sequence[str]) -> list[str]:
    return [*_kgextract_cli(), "extract", str(folder), "--output-dir", str(out), "--format", "nquads",
            "--batch-size", str(batch_size), "-q", "--model", model, *extra]


def _run_job(label: str, mode: str, n_workers: int, extra: Sequence[str], folder: Path, tmp: Path,
             batch_size: int, model: str, env: dict) -> dict:
    """One measurement of one configuration: its counts, times and peak RSS."""
    if mode == "cli":
        out = tmp / f"out-{n_workers}"
        shutil.rmtree(out, ignore_errors=True)  # a cold cache every time: every document is extracted
        _, wall, rss, code = measure(_cli_command(folder, out, batch_size, model, extra), env)
        written = len(list(out.glob("*.nq"))) if out.exists() else 0
        return {"config": label, "docs": written, "seconds": None, "load_s": None, "wall_s": wall, "rss_mib": rss,
                "exit_status": code}
    data, wall, rss, code = measure(
        [sys.executable, __file__, "--child", mode, "--dir", str(folder), "--batch-size",
         str(batch_size), "--model", model, "--workers", str(n_workers)], env)
    if data is None:
        raise RuntimeError(f"the {label} run failed (exit status {code})")
    return {"config": label, "docs": data["docs"], "seconds": data["process_s"],
            "load_s": data["load_s"] if n_workers == 1 else None, "wall_s": wall, "rss_mib": rss} | {
        k: data[k] for k in ("tokens", "entities", "relations", "errors") if k in data}


def _best(runs: list[dict]) -> dict:
    """The fastest of a configuration's runs (noise only ever adds time), with the peak RSS of all of them."""
    key = "seconds" if runs[0]["seconds"] is not None else "wall_s"
    best = dict(min(runs, key=lambda r: r[key]))
    times = [r[key] for r in runs]
    best["runs"] = len(runs)
    best["spread"] = max(times) / min(times) - 1 if len(runs) > 1 and min(times) else None
    best["median_wall_s"] = statistics.median(r["wall_s"] for r in runs)
    best["wall_range_s"] = (min(r["wall_s"] for r in runs), max(r["wall_s"] for r in runs))
    best["rss_mib"] = max(r["rss_mib"] for r in runs)
    return best


def benchmark(sources: Sequence[tuple[str, str]], sizes: Sequence[int], batch_size: int = 32, model: str = "auto",
              cli: bool = True, workers: int | None = None, repeats: int = 1,
              only: Sequence[str] = (), against: str | None = None) -> dict:
    """Measure every configuration for every size, ``repeats`` rounds; return the rows and notes.

    The rounds interleave the configurations (spacy, kgextract, cli, ... then again), so a slow spell of the
    machine falls on all of them alike; each row is the configuration's fastest run. ``only`` keeps the
    configurations of those labels (``kgextract``, ``cli``, ``cli --workers 2``, ...) and bare spaCy.
    ``against`` (another checkout's ``src``) adds each kgextract configuration run from there, labelled
    ``... [against]``. Each row also carries the median of its runs (``median_s``, ``wall_ratio_median``).
    """
    has_workers = cli_has_workers()
    workers = workers or os.cpu_count() or 1
    rows = []
    env = os.environ | {"PYTHONHASHSEED": "0"}
    for n in sizes:
        with tempfile.TemporaryDirectory(prefix="kgx-throughput-") as tmp:
            folder = write_corpus(build_corpus(sources, n), Path(tmp) / "in")
            # one process first, next to the baseline, so that the machine's speed drifts least between them
            jobs: list[tuple[str, str, int, list[str]]] = [("spacy", "spacy", 1, []),
                                                           ("kgextract", "kgextract", 1, [])]
            if cli:
                jobs.append(("cli", "cli", 1, []))
            if has_workers and workers > 1:
                jobs.append((f"kgextract, {workers} workers", "kgextract", workers, []))
                if cli:
                    jobs.append((f"cli --workers {workers}", "cli", workers, ["--workers", str(workers)]))
            if only:  # bare spaCy always runs: every ratio is against it
                jobs = [job for job in jobs if job[0] == "spacy" or job[0] in only]
            if against:  # the same configurations from another checkout's source, in the same rounds
                jobs += [(f"{label} [against]", mode, n_workers, extra) for label, mode, n_workers, extra in jobs
                         if mode != "spacy"]
            if repeats == 1:  # one round: bare spaCy again at the end shows how far the machine drifted
                jobs.append(("spacy, again", "spacy", 1, []))
            runs: dict[str, list[dict]] = {label: [] for label, *_ in jobs}
            for _ in range(repeats):
                for label, mode, n_workers, extra in jobs:
                    job_env = env | {"PYTHONPATH": against} if label.endswith("[against]") else env
                    runs[label].append(_run_job(label, mode, n_workers, extra, folder, Path(tmp), batch_size,
                                                model, job_env))
            tokens = runs["spacy"][0]["tokens"]
            rows.extend(_best(found) | {"n": n, "tokens": tokens} for found in runs.values())
    for row in rows:
        spacy_row = next(r for r in rows if r["n"] == row["n"] and r["config"] == "spacy")
        seconds = row["seconds"] or row["wall_s"]  # the CLI rows have only the wall time
        row["docs_per_s"] = row["docs"] / seconds if seconds else 0.0
        row["tokens_per_s"] = row["tokens"] / seconds if seconds else 0.0
        row["ratio_vs_spacy"] = (row["docs_per_s"] / spacy_row["docs_per_s"]
                                 if row["seconds"] and spacy_row["docs_per_s"] else None)
        # end to end: both processes from start to exit (imports, model load, reading, writing)
        row["wall_ratio_vs_spacy"] = (spacy_row["wall_s"] / row["wall_s"] * row["docs"] / spacy_row["docs"]
                                      if row["wall_s"] and spacy_row["docs"] else None)
        row["wall_ratio_median"] = (spacy_row["median_wall_s"] / row["median_wall_s"] * row["docs"] / spacy_row["docs"]
                                    if row["median_wall_s"] and spacy_row["docs"] else None)
    notes = [f"batch size {batch_size}; {os.cpu_count()} CPUs; corpus built from {len(sources)} source releases."]
    if not has_workers:
        notes.append("`kgextract extract` has no `--workers` option: kgextract is measured in 1 process only "
                     "(bare spaCy too, n_process=1).")
    else:
        notes.append(f"`--workers`: `kgextract.run.parallel.process_documents(workers={workers})` in process and "
                     f"`kgextract extract --workers {workers}`; bare spaCy runs in 1 process. With workers the "
                     "time includes the workers' model loads, and peak RSS is the sum over the parent and its "
                     "workers (sampled every 0.5 s from /proc).")
    if repeats > 1:
        notes.append(f"{repeats} rounds, each running every configuration in turn; each row is the configuration's "
                     "fastest run (a busy machine only ever adds time), its peak RSS the largest of its runs, and "
                     "spread how much slower its slowest run was.")
    else:
        notes.append("The one-process rows run right after bare spaCy, and bare spaCy runs again last "
                     "(`spacy, again`): how far its speed moved shows how much the machine drifted during the run.")
    notes.append("The CLI writes into a fresh folder, so its (default) result cache is cold: every document is "
                 "extracted, and the cache is written.")
    return {"rows": rows, "notes": notes, "batch_size": batch_size, "sources": len(sources), "repeats": repeats}


def render(report: dict) -> str:
    """The report as markdown."""
    def num(value, fmt: str) -> str:
        return "-" if value is None else format(value, fmt)

    table = [[r["n"], r["config"], r["docs"], r["tokens"], num(r["seconds"], ".1f"), num(r["load_s"], ".1f"),
              num(r.get("wall_s"), ".1f"), f"{r['docs_per_s']:.1f}", round(r["tokens_per_s"]),
              num(r["ratio_vs_spacy"], ".2f"), num(r.get("wall_ratio_vs_spacy"), ".2f"),
              num(r.get("median_wall_s"), ".2f"), num(r.get("wall_ratio_median"), ".2f"), round(r["rss_mib"]),
              "-" if r.get("spread") is None else f"{r['spread']:.0%}"]
             for r in report["rows"]]
    return "\n".join([
        "## Throughput: bare spaCy vs kgextract (same model, same batch size, same run)", "",
        markdown_table(["N", "configuration", "docs", "tokens", "processing (s)", "model load (s)", "wall (s)",
                        "docs/s", "tokens/s", "vs spaCy, processing", "vs spaCy, end to end",
                        "median wall (s)", "vs spaCy, end to end (medians)", "peak RSS (MiB)",
                        "spread"],
                       table), "",
        *report["notes"],
        "processing = the time in nlp.pipe (spacy) or Extractor.process (kgextract), model load excluded; "
        "wall = the whole child process, start-up and model load included. The cli rows have only a wall time "
        "(start-up, model load, reading the files, extraction, the result cache, one N-Quads file per "
        "document), so they are compared with bare spaCy's wall time. docs/s uses processing time where there "
        "is one, else wall time. tokens = spaCy tokens of the corpus (the same tokenizer for every row).",
    ])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=default_shared(),
                        help="the shared data folder (default ../shared)")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000], help="corpus sizes N (default 1000 5000)")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--model", default="auto")
    parser.add_argument("--no-cli", action="store_true", help="skip the end-to-end CLI run")
    parser.add_argument("--workers", type=int, default=None,
                        help="processes for the --workers rows, when kgextract has --workers (default: CPUs)")
    parser.add_argument("--repeats", type=int, default=1,
                        help="rounds over all configurations; each row keeps its fastest run (default 1)")
    parser.add_argument("--only", nargs="+", default=(), metavar="CONFIG",
                        help="measure only the configurations of these labels (kgextract, cli, ...) besides bare spaCy")
    parser.add_argument("--against", type=Path, default=None, metavar="SRC",
                        help="also run each kgextract configuration with PYTHONPATH=SRC (another checkout's src)")
    parser.add_argument("--roots", type=Path, nargs="+", default=None, metavar="DIR",
                        help="read the source releases from these folders instead of corpus/ and SHARED/corpus "
                             "(e.g. a folder of links to the work set)")
    parser.add_argument("--json", type=Path, default=None, help="also write the rows here")
    parser.add_argument("--child", choices=["spacy", "kgextract"], help=argparse.SUPPRESS)
    parser.add_argument("--dir", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(_child(args.child, args.dir, args.batch_size, args.model, args.workers or 1)))
        return 0
    roots = args.roots or [REPO / "corpus", args.shared / "corpus"]
    sources = source_texts(roots)
    if not sources:
        print(f"no releases found in {' or '.join(map(str, roots))}: nothing to measure.", file=sys.stderr)
        return 2
    if args.roots is None and not (args.shared / "corpus").is_dir():
        print(f"note: {args.shared / 'corpus'} is absent; using {REPO / 'corpus'} only.", file=sys.stderr)
    report = benchmark(sources, args.sizes, args.batch_size, args.model, cli=not args.no_cli, workers=args.workers,
                       repeats=max(1, args.repeats), only=args.only,
                       against=str(args.against) if args.against else None)
    print(render(report))
    write_json(args.json, report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
