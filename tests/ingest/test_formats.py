"""Formats are detected from the content as well as from the extension."""

from __future__ import annotations

import codecs

import pytest

from kgextract.ingest import iter_documents, read_document
from kgextract.ingest.formats import detect_format

from .helpers import build_pdf, split

PAGE = "<!DOCTYPE html><html><head><title>T</title></head><body><p>Body text.</p></body></html>"


@pytest.mark.parametrize(
    "name, data, expected",
    [
        ("a.txt", b"Plain text.", "txt"),
        ("a.TXT", b"Plain text.", "txt"),
        ("a.md", b"# Title", "md"),
        ("a.htm", b"<p>x</p>", "html"),
        ("a.txt", b"  <!doctype HTML>\n<html>", "html"),
        ("a.txt", b"<html lang='en'><body>x", "html"),
        ("a.md", b"<!-- saved --><html><body>x", "html"),
        ("a.txt", b'<?xml version="1.0"?>\n<html xmlns="x">', "html"),
        ("a.txt", codecs.BOM_UTF16_LE + "<html>".encode("utf-16-le"), "html"),
        ("a.txt", b"%PDF-1.7\n...", "pdf"),
        ("a.html", b"%PDF-1.4\n...", "pdf"),
        ("a.jsonl", b'{"text": "x"}', "jsonl"),
        ("a.txt", b"<p>An HTML-ish line in a text file</p>", "txt"),
        ("a.docx", b"PK\x03\x04", "docx"),
        ("a.odt", b"PK\x03\x04", None),
    ],
)
def test_detect_format(name, data, expected):
    assert detect_format(name, data) == expected


def test_txt_holding_html_is_read_as_html(write):
    doc = read_document(write("page.txt", PAGE))
    assert (doc.format, doc.text, doc.title, doc.id) == ("html", "Body text.", "T", "page")


def test_txt_holding_pdf_is_read_as_pdf(write):
    doc = read_document(write("scan.txt", build_pdf(["Acme names Ann Lee CEO."])))
    assert (doc.format, doc.text) == ("pdf", "Acme names Ann Lee CEO.")


def test_explicit_unsupported_file_gives_e017(write):
    (error,) = iter_documents(write("notes.odt", b"PK\x03\x04 zipped"))
    assert error.code == "E017"
    assert ".odt" in error.message and "txt, md, html, pdf, docx, jsonl" in error.message


def test_explicit_unknown_extension_with_html_content_is_read(write):
    docs, errors = split(iter_documents(write("saved.page", PAGE)))
    assert errors == [] and docs[0].format == "html"


def test_a_new_input_format_is_one_registered_reader(tmp_path):
    """Registering a reader is all it takes: the walker finds the files, the reader converts them."""
    from kgextract.ingest import iter_documents
    from kgextract.ingest.formats import READERS, register_reader, unregister_reader

    (tmp_path / "a.rst").write_text("Acme hires Ann Lee.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Ann Lee joins Acme.\n", encoding="utf-8")
    assert [d.id for d in iter_documents(tmp_path)] == ["b"]
    register_reader("rst", (".rst",), "kgextract.ingest.reader:plain_text")
    try:
        docs = list(iter_documents(tmp_path))
        assert [(d.id, d.format) for d in docs] == [("a", "rst"), ("b", "txt")]
    finally:
        unregister_reader("rst")
    assert "rst" not in READERS
