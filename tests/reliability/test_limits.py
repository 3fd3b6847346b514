"""Limits that hold (issue 16, item 2): reading is timed, long texts are parsed in pieces.

The inputs are built by ``attacks.py``: a PDF repeating one heavy page, 145
KB of nested unclosed HTML, a 480 KB text. Each ends, under a short
``--time-limit``, with a numbered error (or in time), and the good release
beside it is written.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
import spacy

from kgextract.ingest import iter_documents
from kgextract.models import DocumentError
from kgextract.pipeline.long_text import parse, split_points

from .attacks import SENTENCE, heavy_pdf, long_text, nested_unclosed_html
from .conftest import cli_env, kgextract_command


def test_reading_a_heavy_pdf_stops_at_the_time_limit(tmp_path):
    (tmp_path / "heavy.pdf").write_bytes(heavy_pdf())
    (tmp_path / "good.txt").write_text(SENTENCE, encoding="utf-8")
    items = list(iter_documents([tmp_path], time_limit=1))
    errors = [i for i in items if isinstance(i, DocumentError)]
    assert [(e.code, e.source.endswith("heavy.pdf")) for e in errors] == [("E019", True)]
    assert [i.id for i in items if not isinstance(i, DocumentError)] == ["good"]


def test_pieces_cover_the_text_and_end_at_breaks():
    text = long_text(100_000)
    points = split_points(text, 20_000)
    assert points[0] == 0 and points[-1] == len(text)
    assert all(0 < b - a <= 20_000 for a, b in zip(points, points[1:], strict=False))
    assert all(text[p - 1].isspace() for p in points[1:-1])
    doc = parse(spacy.blank("en"), text, piece_chars=20_000)
    assert doc.text == text


@pytest.mark.model
def test_mentions_of_every_piece_are_kept():
    from kgextract.nlp.extensions import MENTIONS
    from kgextract.pipeline.extractor import Extractor

    nlp = Extractor().nlp
    text = "".join(SENTENCE.replace("Ann Lee", name) + "\n\n" for name in ("Ann Lee", "Maria Lopez", "John Carter"))
    doc = parse(nlp, text, piece_chars=len(text) // 3 + 5)
    people = {span.text for span in doc.spans[MENTIONS] if span.label_ == "Person"}
    assert doc.text == text and people == {"Ann Lee", "Maria Lopez", "John Carter"}


def _extract_measured(args: list[str], timeout: float) -> tuple[subprocess.CompletedProcess, int]:
    """Run ``kgextract ARGS``; also return its peak memory (KB, from the wrapper's RUSAGE_CHILDREN)."""
    wrapper = ("import resource, subprocess, sys; p = subprocess.run(sys.argv[1:]); "
               "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); sys.exit(p.returncode)")
    proc = subprocess.run([sys.executable, "-c", wrapper, *kgextract_command(), *args], capture_output=True,
                          text=True, env=cli_env(), timeout=timeout, stdin=subprocess.DEVNULL)
    return proc, int(proc.stderr.strip().splitlines()[-1])


@pytest.mark.slow
@pytest.mark.model
def test_pathological_inputs_end_in_numbered_errors_and_the_run_goes_on(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "heavy.pdf").write_bytes(heavy_pdf())
    (corpus / "nested.html").write_text(nested_unclosed_html(), encoding="utf-8")
    (corpus / "long.txt").write_text(long_text(), encoding="utf-8")
    (corpus / "good.txt").write_text(SENTENCE, encoding="utf-8")
    out = tmp_path / "out"
    proc, peak_kb = _extract_measured(["extract", str(corpus), "--output-dir", str(out), "-f", "nquads",
                                       "--time-limit", "5", "-q"], timeout=120)
    assert proc.returncode == 3, proc.stderr
    assert "Traceback" not in proc.stderr
    assert "[E019]" in proc.stderr and "heavy.pdf" in proc.stderr  # the heavy PDF, at least
    assert (out / "good.nq").is_file()
    for name in ("nested", "long"):  # each either finished in time or was stopped with E019
        assert (out / f"{name}.nq").is_file() or f"{name}." in proc.stderr
    assert peak_kb < 1024 * 1024, f"peak memory {peak_kb // 1024} MB"
