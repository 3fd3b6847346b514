"""Article body extraction (Zyte/Scrapinghub benchmark): kgextract's HTML reader beside trafilatura.

Each of the 181 pages is gunzipped into a temporary folder and read through the
public ``kgextract.ingest.read_document``; its ``Document.text`` is the
predicted ``articleBody``. The same pages go through trafilatura with its
default options, with comments off (the benchmark's published setting) and
with kgextract's options (``kgextract.ingest.article``),
and through kgextract's own extractor (the fallback) alone. Every system is
scored by the benchmark's own scorer, ``evaluate.py``, loaded from
``../shared/benchmarks/article_extraction/`` (never copied): shingle-based
precision, recall and F1 of the body text, with bootstrap error bars.

    python benchmarks/article_extraction.py [--shared DIR] [--limit N] [--n-bootstrap 1000] [--json out.json]
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import random
import tempfile
from pathlib import Path

from common import default_shared, markdown_table, require_dir, write_json
from kgextract.errors import DocumentFailed
from kgextract.ingest import read_document

__all__ = ["load_scorer", "load_pages", "kgextract_bodies", "run", "main"]


def load_scorer(bench: Path):
    """The benchmark's ``evaluate.py`` as a module, loaded from where it lies."""
    spec = importlib.util.spec_from_file_location("article_extraction_evaluate", bench / "evaluate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_pages(bench: Path, limit: int | None = None) -> tuple[dict[str, dict], dict[str, bytes]]:
    """Ground truth and gzipped pages, by page id (sorted; the first ``limit``)."""
    truth = json.loads((bench / "ground-truth.json").read_text(encoding="utf-8"))
    keys = sorted(truth)[:limit] if limit else sorted(truth)
    pages = {key: gzip.decompress((bench / "html" / f"{key}.html.gz").read_bytes()) for key in keys}
    return {key: truth[key] for key in keys}, pages


def kgextract_bodies(pages: dict[str, bytes]) -> dict[str, dict]:
    """``{id: {"articleBody": text}}`` through ``read_document`` (a failed page scores as empty)."""
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        for key, data in pages.items():
            path = Path(tmp) / f"{key}.html"
            path.write_bytes(data)
            try:
                text = read_document(path).text
            except DocumentFailed:
                text = ""
            out[key] = {"articleBody": text}
    return out


def _trafilatura_bodies(pages: dict[str, bytes], **options) -> dict[str, dict]:
    import trafilatura

    return {key: {"articleBody": trafilatura.extract(data.decode("utf-8"), **options) or ""}
            for key, data in pages.items()}


def _own_bodies(pages: dict[str, bytes]) -> dict[str, dict]:
    from kgextract.ingest.html import html_to_text

    return {key: {"articleBody": html_to_text(data.decode("utf-8")).text} for key, data in pages.items()}


def run(bench: Path, limit: int | None = None, n_bootstrap: int = 1000) -> dict[str, dict]:
    """Metrics (F1, precision, recall, accuracy and their bootstrap std) per system."""
    import trafilatura

    from kgextract.ingest.article import EXTRACTOR_OPTIONS

    scorer = load_scorer(bench)
    truth, pages = load_pages(bench, limit)
    text_options = {k: v for k, v in EXTRACTOR_OPTIONS.items() if k not in ("with_metadata",)}
    systems = {
        "kgextract (read_document)": lambda: kgextract_bodies(pages),
        f"trafilatura {trafilatura.__version__} (defaults)": lambda: _trafilatura_bodies(pages),
        f"trafilatura {trafilatura.__version__} (comments off)": lambda: _trafilatura_bodies(
            pages, include_comments=False),
        f"trafilatura {trafilatura.__version__} (kgextract's options)": lambda: _trafilatura_bodies(
            pages, **text_options),
        "kgextract own extractor (fallback)": lambda: _own_bodies(pages),
    }
    results = {}
    for name, make in systems.items():
        random.seed(0)  # the scorer's bootstrap draws from ``random``: the same error bars every run
        metrics = scorer.evaluate(truth, make(), n_bootstrap)
        metrics.pop("tp_fp_fns")
        results[name] = metrics
    return results


def render(results: dict[str, dict]) -> str:
    rows = [[name, f"{m['f1']:.3f} ± {m['f1_std']:.3f}", f"{m['precision']:.3f}", f"{m['recall']:.3f}",
             f"{m['accuracy']:.3f}"] for name, m in results.items()]
    return markdown_table(["extractor", "body F1", "precision", "recall", "exact"], rows)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--shared", type=Path, default=default_shared())
    parser.add_argument("--limit", type=int, default=None, help="score only the first N pages (sorted by id)")
    parser.add_argument("--n-bootstrap", type=int, default=1000)
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)
    bench = require_dir(args.shared / "benchmarks" / "article_extraction", "The article extraction benchmark")
    results = run(bench, args.limit, args.n_bootstrap)
    print(render(results))
    write_json(args.json, results)


if __name__ == "__main__":
    main()
