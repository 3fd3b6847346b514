"""``--workers auto``: the rule, the parsing, and that the run, dask and CLI layers accept it."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from kgextract.cli import app
from kgextract.errors import KgextractError
from kgextract.models import Document, DocumentResult
from kgextract.run import parallel
from kgextract.run import workers as W
from kgextract.run.parallel import process_documents


@pytest.mark.parametrize("documents, batch_size, cores, expected", [
    (0, 32, 2, 1),
    (13, 32, 2, 1),       # the work set: one process, no second model load
    (63, 32, 2, 1),       # under two batches per worker
    (64, 32, 2, 1),       # two batches: one worker's worth
    (128, 32, 2, 2),
    (5000, 32, 2, 2),     # never more than the cores
    (5000, 32, 16, 16),
    (100, 4, 16, 12),
    (100, 32, 1, 1),
])
def test_auto_rule(documents, batch_size, cores, expected):
    assert W.auto_workers(documents, batch_size, cores) == expected


def test_usable_cores_follow_the_affinity(monkeypatch):
    monkeypatch.setattr(W.os, "sched_getaffinity", lambda pid: {0, 3, 5}, raising=False)
    assert W.usable_cores() == 3


@pytest.mark.parametrize("value, expected", [("auto", "auto"), ("AUTO", "auto"), ("1", 1), ("4", 4), (2, 2)])
def test_parse_workers(value, expected):
    assert W.parse_workers(value) == expected


@pytest.mark.parametrize("value", ["0", "-2", "two", "", "1.5", 0, 1.5])
def test_parse_workers_refuses_with_e167(value):
    with pytest.raises(KgextractError, match="E167"):
        W.parse_workers(value)


def test_plan_reads_ahead_only_what_it_needs_and_keeps_the_order(monkeypatch):
    monkeypatch.setattr(W, "usable_cores", lambda: 2)
    read = []

    def stream():
        for i in range(1000):
            read.append(i)
            yield i

    n, docs = W.plan_workers("auto", stream(), batch_size=4)
    assert n == 2 and len(read) == 2 * 2 * 4  # counted 16, enough for 2 workers; the rest not read yet
    assert list(docs) == list(range(1000))
    n, docs = W.plan_workers(3, stream(), batch_size=4)
    assert n == 3


class FakeExtractor:
    def process(self, docs):
        for d in docs:
            yield DocumentResult(document=d)


def test_auto_on_a_small_input_extracts_in_this_process(monkeypatch):
    def no_pool(*args, **kwargs):
        raise AssertionError("a small input must not start worker processes")

    monkeypatch.setattr(parallel, "_parallel", no_pool)
    docs = [Document(id=f"d{i}", text=f"text {i}") for i in range(5)]
    out = list(process_documents(docs, workers="auto", extractor=FakeExtractor()))
    assert [d.id for d, _ in out] == [f"d{i}" for i in range(5)]


def test_auto_on_a_large_input_uses_the_cores(monkeypatch):
    seen = {}

    def fake_parallel(chunks, config, workers):
        seen["workers"] = workers
        for chunk in chunks:
            yield from ((d, DocumentResult(document=d)) for d in chunk)

    monkeypatch.setattr(parallel, "_parallel", fake_parallel)
    monkeypatch.setattr(W, "usable_cores", lambda: 2)
    docs = [Document(id=f"d{i}", text="x") for i in range(200)]
    out = list(process_documents(docs, workers="auto"))
    assert seen["workers"] == 2 and len(out) == 200


def test_the_cli_refuses_a_bad_workers_value_before_any_work(tmp_path):
    (tmp_path / "a.txt").write_text("Acme names Ann Lee chief executive.", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(tmp_path), "-o", str(tmp_path / "g.ttl"), "--workers", "many"],
                                env={"COLUMNS": "400"})
    assert result.exit_code == 1
    assert "E167" in result.output
    assert not (tmp_path / "g.ttl").exists()


def test_the_cli_help_offers_auto():
    result = CliRunner().invoke(app, ["extract", "--help"], env={"COLUMNS": "400"})
    assert "auto" in result.output and "--workers" in result.output
