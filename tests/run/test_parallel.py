"""Batches and worker processes: results in input order, the same output for any number of workers."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from kgextract.cli import app
from kgextract.errors import KgextractError
from kgextract.models import Document, DocumentResult
from kgextract.run.parallel import process_documents


class FakeExtractor:
    """Stands in for ``Extractor``: fails on documents whose text says so, and on any batch holding one."""

    def __init__(self):
        self.batches: list[list[str]] = []

    def process(self, docs):
        docs = list(docs)
        self.batches.append([d.id for d in docs])
        for d in docs:
            if "BOOM" in d.text:
                raise RuntimeError("component crashed")
            yield DocumentResult(document=d)


def docs(n: int, bad: int | None = None) -> list[Document]:
    return [Document(id=f"d{i}", text="BOOM" if i == bad else f"text {i}") for i in range(n)]


def test_batches_in_order_and_a_bad_document_alone_fails():
    ex = FakeExtractor()
    out = list(process_documents(docs(5, bad=3), chunk_size=2, extractor=ex))
    assert [d.id for d, _ in out] == ["d0", "d1", "d2", "d3", "d4"]
    assert [type(r).__name__ for _, r in out] == ["DocumentResult"] * 3 + ["DocumentError", "DocumentResult"]
    assert out[3][1].code == "E015"
    assert ex.batches[:2] == [["d0", "d1"], ["d2", "d3"]]  # then d2 and d3 one by one, then d4
    assert ex.batches[2:] == [["d2"], ["d3"], ["d4"]]


def test_the_stream_is_read_lazily():
    seen = []

    def stream():
        for d in docs(100):
            seen.append(d.id)
            yield d

    it = process_documents(stream(), chunk_size=4, extractor=FakeExtractor())
    next(it)
    assert len(seen) == 4


@pytest.mark.model
def test_a_model_that_cannot_load_fails_the_run_in_workers_too():
    with pytest.raises(KgextractError, match="E001"):
        list(process_documents(docs(2), _config("no_such_model_xx"), workers=2))


def _config(model):
    from kgextract.config import ExtractConfig

    return ExtractConfig(model=model)


@pytest.mark.model
def test_cli_workers_2_and_auto_write_the_same_bytes_as_workers_1(corpus, tmp_path):
    outs = {}
    for n in ("1", "2", "auto"):
        root = tmp_path / f"w{n}"
        result = CliRunner().invoke(app, ["extract", str(corpus), "-o", str(root / "g.trig"), "-f", "trig",
                                          "--output-dir", str(root / "docs"), "--workers", n,
                                          "--batch-size", "2", "-q"])
        assert result.exit_code == 0, result.output
        outs[n] = {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
                   if p.is_file() and ".kgx-cache" not in p.as_posix() and not p.name.endswith(".json")}
    assert outs["1"] == outs["2"] == outs["auto"]
    assert len(outs["1"]) == 9  # the merged graph and eight per-document graphs
