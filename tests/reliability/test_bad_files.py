"""A corpus of bad files through the real ``kgextract extract``: nothing hangs, nothing is lost.

Each bad file gets a numbered error or warning naming it; every good (or
recoverable) document is in the output; the exit status is 3 (partial).
See ``badfiles.py`` for the files and why the unreadable one is a FIFO.
"""

from __future__ import annotations

import errno
import json
import re
import time

import pytest
from rdflib import Dataset, Literal, URIRef
from typer.testing import CliRunner

from kgextract.cli import app
from kgextract.config import ExtractConfig
from kgextract.ingest import document_from_text, iter_documents, reader
from kgextract.models import DocumentError

from .badfiles import GOOD_RELEASES, write_bad_corpus
from .conftest import run_cli, temp_files

pytestmark = pytest.mark.model

SDO_ID = URIRef("https://schema.org/identifier")
GRAPH = "https://w3id.org/kgextract/id/graph/"
LINE = re.compile(r"^(error|warning): \[([EW]\d{3})\] (.*)$")


def problems(stderr: str) -> list[tuple[str, str, str]]:
    """``(level, code, message)`` of each problem line the CLI printed."""
    return [m.groups() for m in map(LINE.match, stderr.splitlines()) if m]


@pytest.fixture(scope="module")
def bad_run(tmp_path_factory):
    root = tmp_path_factory.mktemp("bad")
    cases = write_bad_corpus(root / "in")
    out = root / "out"
    started = time.monotonic()
    proc = run_cli("extract", root / "in", "-o", out / "all.trig", "--output-dir", out / "docs",
                   "-f", "trig", timeout=180)
    return cases, root, proc, time.monotonic() - started


def test_exit_status_is_partial_and_the_run_ends(bad_run):
    _, _, proc, seconds = bad_run
    assert proc.returncode == 3, proc.stderr[-3000:]
    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
    assert seconds < 120


def test_each_bad_file_gets_a_numbered_problem_naming_it(bad_run):
    cases, root, proc, _ = bad_run
    found = problems(proc.stderr)
    for case in cases:
        path = str(root / "in" / case.name)
        mine = [(level, code) for level, code, msg in found if path in msg]
        if case.outcome in ("error", "warning"):
            assert any(code in case.codes for _, code in mine), (
                f"{case.name} ({case.what}): expected one of {case.codes}, got {mine}\n{proc.stderr}")
            if case.outcome == "warning":
                assert all(level == "warning" for level, _ in mine), (case, mine)
        else:
            assert not [m for m in mine if m[0] == "error"], (case, mine)
    assert "W020" not in proc.stderr, "a folder loop made a document be read twice"


def test_every_good_document_is_in_the_output(bad_run):
    cases, root, _, _ = bad_run
    wanted = sorted(c.doc_id for c in cases if c.doc_id)
    docs = root / "out" / "docs"
    assert sorted(p.stem for p in docs.glob("*.trig")) == wanted
    merged = Dataset()
    merged.parse(root / "out" / "all.trig", format="trig")
    graphs = {str(g.identifier)[len(GRAPH):] for g in merged.graphs() if str(g.identifier).startswith(GRAPH)}
    assert sorted(graphs) == wanted
    for doc_id in wanted:
        one = Dataset(default_union=True)
        one.parse(docs / f"{doc_id}.trig", format="trig")
        assert (None, SDO_ID, Literal(doc_id)) in one, doc_id
    assert not temp_files(root / "out")


def test_script_and_style_text_never_reaches_the_graph(bad_run):
    cases, root, _, _ = bad_run
    for case in cases:
        if case.absent:
            data = (root / "out" / "docs" / f"{case.doc_id}.trig").read_text(encoding="utf-8")
            assert "Ann Lee" in data
            leaked = [s for s in case.absent if s in data]
            assert not leaked, f"{case.name}: {leaked} leaked into the graph"


def invoke(*args):
    return CliRunner().invoke(app, ["extract", *map(str, args)], env={"COLUMNS": "400"})


def test_max_bytes_is_configurable_and_names_the_file(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "small.txt").write_text("GENEVA, 5 May 2023. Acme Corp named Ann Lee chief executive officer.")
    (folder / "large.txt").write_text(GOOD_RELEASES["good-acme"])
    limit = 200
    assert (folder / "small.txt").stat().st_size < limit < (folder / "large.txt").stat().st_size
    res = invoke(folder, "--output-dir", tmp_path / "out", "--max-bytes", limit, "-q")
    assert res.exit_code == 3, res.output
    assert f"[E013] The document '{folder / 'large.txt'}'" in res.stderr
    assert f"limit of {limit} bytes" in res.stderr
    assert sorted(p.name for p in (tmp_path / "out").glob("*.ttl")) == ["small.ttl"]


def test_an_unreadable_file_is_reported_and_the_rest_is_read(tmp_path, monkeypatch):
    """EACCES simulated in-process (chmod cannot stop root from reading)."""
    for name in ("a.txt", "secret.txt", "z.txt"):
        (tmp_path / name).write_text(f"Acme Corp named Ann Lee chief executive officer. {name}")
    real = reader._read_bytes

    def read_bytes(path, limit):
        if path.name == "secret.txt":
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path, limit)

    monkeypatch.setattr(reader, "_read_bytes", read_bytes)
    items = list(iter_documents(tmp_path))
    errors = [i for i in items if isinstance(i, DocumentError)]
    assert [i.id for i in items if not isinstance(i, DocumentError)] == ["a", "z"]
    assert [(e.code, e.source) for e in errors] == [("E014", str(tmp_path / "secret.txt"))]
    assert "Permission denied" in errors[0].message


HOSTILE_IDS = ["../escape", "../../../tmp/kgx-escape", "a/b", "a\\b", "a\x00b", ".hidden", "x" * 300, " ",
               "tab\there"]


def test_jsonl_ids_cannot_write_outside_the_output_folder(tmp_path):
    feed = tmp_path / "in" / "feed.jsonl"
    feed.parent.mkdir()
    text = "GENEVA, 5 May 2023. Acme Corp named Ann Lee chief executive officer."
    records = [{"id": i, "text": text} for i in HOSTILE_IDS] + [{"id": "fine id (1)", "text": text}]
    feed.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    out = tmp_path / "deep" / "er" / "out"
    res = invoke(feed.parent, "--output-dir", out, "-q")
    assert res.exit_code == 3, res.output
    written = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")
                     if p.is_file() and p.suffix == ".ttl")
    assert written == ["deep/er/out/fine id (1).ttl"]
    codes = re.findall(r"\[(E\d{3})\] Line (\d+) of '" + re.escape(str(feed)), res.stderr)
    assert codes == [("E020", str(n)) for n in range(1, len(HOSTILE_IDS) + 1)], res.stderr


LONG = "Acme Corp named Ann Lee chief executive officer. " * 21_000  # 1,029,000 characters


@pytest.mark.parametrize("bad", ["over nlp.max_length", "lone surrogate"])
def test_the_api_goes_on_after_a_document_spacy_rejects(extractor, bad):
    import kgextract
    from kgextract.models import Document

    good = document_from_text("GENEVA, 5 May 2023. Acme Corp named Ann Lee chief executive officer.", "good")
    doc = (document_from_text(LONG, "bad") if bad == "over nlp.max_length"
           else Document(id="bad", text="Acme Corp named Ann\ud800 Lee chief executive officer."))
    result = kgextract.extract([doc, good])
    assert "good" in [d.document.id for d in result.documents]
    # the bad one is either reported or (a lone surrogate becomes U+FFFD) processed: never lost silently
    assert "bad" in [d.document.id for d in result.documents] + [e.source for e in result.errors]


def test_a_text_over_the_model_limit_gets_a_size_error_not_a_crash(extractor, caplog):
    from kgextract.run import process_documents

    doc = document_from_text(LONG, "long")
    assert len(doc.text) > 1_000_000 and len(doc.text.encode()) < ExtractConfig().max_bytes
    ((_, out),) = list(process_documents([doc], extractor=extractor))
    assert isinstance(out, DocumentError)
    assert out.code != "E015", out.message[:300]
    assert not [r for r in caplog.records if r.exc_info], "a traceback was logged"


TIME_FIELDS = ("timeout", "time_limit", "max_seconds", "document_timeout", "doc_timeout")


def test_a_per_document_time_limit_exists(tmp_path):
    fields = [name for name in ExtractConfig.model_fields if any(t in name for t in TIME_FIELDS)]
    assert fields, f"ExtractConfig has no per-document time limit (fields: {list(ExtractConfig.model_fields)})"
    help_text = invoke("--help").output
    assert re.search(r"--(doc-|document-)?time(out|-limit)", help_text), "no time limit option on the CLI"


def test_file_names_cannot_inject_terminal_escapes_or_forge_lines(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "evil\x1b]0;pwned\x07\x1b[2J.txt").write_bytes(b"")
    (folder / "forge\nerror: [E999] forged.txt").write_bytes(b"")
    (folder / "ok.txt").write_text("GENEVA, 5 May 2023. Acme Corp named Ann Lee chief executive officer.")
    proc = run_cli("extract", folder, "--output-dir", tmp_path / "out", "-q")
    assert proc.returncode == 3, proc.stderr
    assert "\x1b" not in proc.stderr and "\x07" not in proc.stderr, "raw control characters on stderr"
    assert not [line for line in proc.stderr.splitlines() if line.startswith("error: [E999]")]
