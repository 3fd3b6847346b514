"""Terminal and CLI (issue 16, item 4): escaped output, no traceback, honest exit codes.

Each test builds the hostile input or disk state itself: escape codes in a
file name and in a document's text, a long one-line query, a full disk
during the merge, a manifest path that is a folder, an unusual marked
section in nested HTML, a ``unicode_escape`` charset, one folder typed four
ways.
"""

from __future__ import annotations

import errno
import logging
import re

import pytest
import spacy
from typer.testing import CliRunner

from kgextract.cli.app import app
from kgextract.ingest import iter_documents
from kgextract.models import Document, DocumentError, DocumentResult, Entity
from kgextract.pipeline.long_text import parse
from kgextract.run import run_corpus
from kgextract.store.oxigraph import write_results
from kgextract.terminal import printable, setup_logging

from .attacks import SENTENCE
from .conftest import REPO, run_cli

ESC = "\x1b"
README = (REPO / "README.md").read_text(encoding="utf-8")


def invoke(*args):
    return CliRunner().invoke(app, [str(a) for a in args], env={"COLUMNS": "400"})


def test_escape_codes_in_a_file_name_stay_escaped(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / f"evil{ESC}[2J{ESC}]0;owned\a.txt").write_text("   \n", encoding="utf-8")  # empty: E010
    (corpus / "good.txt").write_text(SENTENCE, encoding="utf-8")
    proc = run_cli("extract", corpus, "--output-dir", tmp_path / "out", "-q", timeout=120)
    assert proc.returncode == 3 and "[E010]" in proc.stderr
    assert ESC not in proc.stderr and "\a" not in proc.stderr and "\\x1b[2J" in proc.stderr


def test_log_lines_are_escaped(capsys):
    root = logging.getLogger()
    saved = root.handlers[:]
    root.handlers = []
    try:
        setup_logging()
        logging.getLogger("pypdf").warning("bad object %s", f"name{ESC}[31m")
    finally:
        root.handlers = saved
    err = capsys.readouterr().err
    assert ESC not in err and "name\\x1b[31m" in err


def test_document_text_in_a_query_table_is_escaped(tmp_path):
    store = tmp_path / "kg"
    write_results(store, [DocumentResult(document=Document(id="d", text="x"), entities=[
        Entity(key="organization/evil", type="Organization", name=f"Evil{ESC}[2J Corp\rX")])])
    res = invoke("query", "--store", store, "--text", "SELECT ?l WHERE { ?e rdfs:label ?l }")
    assert res.exit_code == 0, res.output
    assert ESC not in res.stdout and "\r" not in res.stdout and "Evil\\x1b[2J" in res.stdout


def test_a_long_one_line_query_is_never_taken_for_a_path(tmp_path):
    store = tmp_path / "kg"
    write_results(store, [DocumentResult(document=Document(id="d", text="x"))])
    query = "SELECT ?s WHERE { ?s ?p ?o } LIMIT 1 # " + "padding " * 40  # 300+ bytes, no '/'
    res = invoke("query", "--store", store, query, "-f", "csv")
    assert res.exit_code == 0, res.output
    res = invoke("query", "--store", store, "--file", query)  # asked for a file: a numbered error
    assert res.exit_code == 1 and "[E014]" in res.stderr
    res = invoke("query", "--store", store, "--text", "--file", "x.rq")
    assert res.exit_code == 1 and "[E114]" in res.stderr


def test_exit_codes_match_the_readme(tmp_path):
    for code in ("`0`", "`1`", "`2`", "`3`"):
        assert f"{code} " in README
    assert invoke("extract", tmp_path, "--no-such-option").exit_code == 2  # usage error
    assert invoke("extract", tmp_path / "missing", "-o", tmp_path / "g.nq").exit_code == 1  # E004
    assert "`2` the command line itself could not be parsed" in README


@pytest.mark.model
def test_a_full_disk_during_the_merge_is_a_numbered_error(tmp_path, monkeypatch):
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "good.txt").write_text(SENTENCE, encoding="utf-8")

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "all.nq"))

    monkeypatch.setattr("kgextract.run.runner.write_nquads", full)
    res = invoke("extract", corpus, "-o", tmp_path / "all.nq", "-f", "nquads", "-q")
    assert res.exit_code == 1 and "[E070]" in res.stderr and "No space left" in res.stderr
    assert not isinstance(res.exception, OSError)


def test_a_manifest_path_that_is_a_folder_is_a_numbered_error(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "good.txt").write_text(SENTENCE, encoding="utf-8")
    (tmp_path / "out" / ".kgextract-manifest.json").mkdir(parents=True)
    res = invoke("extract", corpus, "--output-dir", tmp_path / "out", "-q")
    assert res.exit_code == 1 and "[E147]" in res.stderr


def test_odd_marked_sections_in_nested_html_give_no_traceback(tmp_path, caplog):
    page = "<html><body>" + "<div>" * 2000 + "<![foo[ x ]]><p>" + SENTENCE + "</p></body></html>"
    (tmp_path / "odd.html").write_text(page, encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        items = list(iter_documents([tmp_path], time_limit=30))
    assert len(items) == 1 and (isinstance(items[0], Document) or re.fullmatch(r"E\d{3}", items[0].code))
    assert "Traceback" not in caplog.text


def test_a_non_text_charset_is_not_honoured(tmp_path):
    page = '<html><head><meta charset="unicode_escape"></head><body><p>Acme \\x1b[2J names Ann Lee.</p></body></html>'
    (tmp_path / "page.html").write_text(page, encoding="ascii")
    (doc,) = [i for i in iter_documents([tmp_path]) if not isinstance(i, DocumentError)]
    assert ESC not in doc.text and "\\x1b[2J" in doc.text


def test_pieces_never_reach_spacys_max_length():
    nlp = spacy.blank("en")
    nlp.max_length = 5_000  # as --max-chars above spaCy's 1,000,000 would have met it
    text = (SENTENCE + "\n\n") * 200  # 18,000 characters
    assert parse(nlp, text, piece_chars=4_000).text == text


@pytest.mark.model
def test_output_bytes_do_not_depend_on_how_the_path_was_typed(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(SENTENCE, encoding="utf-8")
    (tmp_path / "x").mkdir()
    monkeypatch.chdir(tmp_path)
    outputs = []
    for i, typed in enumerate(["corpus/", "./corpus", "corpus//", "x/../corpus/./"]):
        out = tmp_path / f"g{i}.nq"
        run_corpus([typed], output=out, fmt="nquads", cache=False)
        outputs.append(out.read_bytes())
    assert len(set(outputs)) == 1 and b'"corpus/a.txt"' in outputs[0]


def test_printable_leaves_ordinary_text_alone():
    assert printable("Zürich — 東京, 5 May") == "Zürich — 東京, 5 May"
    assert printable("a\u202eb") == "a\\u202eb"  # a bidi override cannot reorder a line


def test_an_unforeseen_error_is_one_escaped_line(monkeypatch, capsys):
    import kgextract.cli as cli_module

    def boom():
        raise RuntimeError(f"broken at evil{ESC}[2J.txt")

    monkeypatch.setattr(cli_module, "app", boom)
    monkeypatch.delenv("KGEXTRACT_DEBUG", raising=False)
    with pytest.raises(SystemExit) as exit_info:
        cli_module.main()
    err = capsys.readouterr().err
    assert exit_info.value.code == 1 and "[E180]" in err and ESC not in err and "Traceback" not in err
