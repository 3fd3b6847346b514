"""``kgextract text``: what kgextract reads from each file, with its metadata; problems on stderr."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from kgextract.cli import app

from .pages import RELEASE_PAGE, RELEASE_PARAGRAPHS
from .test_docx import ENCRYPTED, _release_docx


def invoke(*args):
    return CliRunner().invoke(app, ["text", *map(str, args)], env={"COLUMNS": "400"})


def test_text_prints_metadata_then_the_text(tmp_path):
    (tmp_path / "coo.html").write_text(RELEASE_PAGE, encoding="utf-8")
    res = invoke(tmp_path / "coo.html")
    assert res.exit_code == 0, res.output
    head, body = res.stdout.split("\n\n", 1)
    assert head.split("\n") == [
        f"==> {tmp_path / 'coo.html'}", "id: coo", "format: html",
        "title: Harbourline Energy names Priya Raman chief operating officer",
        "date: 2025-02-11", "url: https://news.harbourline.example/releases/coo-appointment",
        "publisher: Harbourline Newsroom"]
    assert body == "\n\n".join(RELEASE_PARAGRAPHS) + "\n"


def test_text_reads_every_format_and_reports_bad_files(tmp_path):
    (tmp_path / "a.docx").write_bytes(_release_docx())
    (tmp_path / "b-locked.docx").write_bytes(ENCRYPTED)
    (tmp_path / "c.jsonl").write_text('{"id": "j1", "text": "Ann Lee joins Acme.", "date": "2025-01-02"}\n')
    res = invoke(tmp_path)
    assert res.exit_code == 3, res.output
    assert "[E023]" in res.stderr and "b-locked.docx" in res.stderr
    assert "format: docx" in res.stdout and "Media contact Tomas Varga, Orrin Labs" in res.stdout
    assert "id: j1\nformat: jsonl\ndate: 2025-01-02\n\nAnn Lee joins Acme.\n" in res.stdout


def test_text_json_gives_one_document_per_line(tmp_path):
    (tmp_path / "coo.html").write_text(RELEASE_PAGE, encoding="utf-8")
    res = invoke(tmp_path / "coo.html", "--json")
    assert res.exit_code == 0, res.output
    (line,) = res.stdout.splitlines()
    doc = json.loads(line)
    assert (doc["id"], doc["date"], doc["publisher"]) == ("coo", "2025-02-11", "Harbourline Newsroom")
    assert doc["text"].split("\n\n") == RELEASE_PARAGRAPHS


def test_text_of_a_missing_path_is_e004(tmp_path):
    res = invoke(tmp_path / "nope.html")
    assert res.exit_code == 1 and "[E004]" in res.stderr
