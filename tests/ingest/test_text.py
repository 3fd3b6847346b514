"""Plain-text files: decoding, newlines and every kind of bad input."""

from __future__ import annotations

import codecs
import os

import pytest

from kgextract.errors import DocumentFailed
from kgextract.ingest import document_from_text, iter_documents, read_document, reader

from .helpers import split

TEXT = "Acme Corp names Ann Lee chief executive.\nShe starts in April.\n"


def test_utf8_text_is_kept_as_is(write):
    path = write("acme-ceo.txt", TEXT)
    doc = read_document(path)
    assert (doc.id, doc.text, doc.format, doc.source) == ("acme-ceo", TEXT, "txt", str(path))
    assert doc.title is None


def test_newlines_are_normalised(write):
    doc = read_document(write("a.txt", "one\r\ntwo\rthree\n"))
    assert doc.text == "one\ntwo\nthree\n"


@pytest.mark.parametrize(
    "bom, codec",
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
def test_byte_order_marks(write, bom, codec):
    text = "Zoë Müller joins Acme — in Zürich.\n"
    docs, errors = split(iter_documents(write("bom.txt", bom + text.encode(codec))))
    assert errors == []
    assert docs[0].text == text


def test_cp1252_is_decoded_with_a_warning_first(write):
    path = write("legacy.txt", "Café “Zürich” – naïve\r\n".encode("cp1252"))
    items = list(iter_documents(path))
    assert [type(item).__name__ for item in items] == ["DocumentError", "Document"]
    warning, doc = items
    assert (warning.code, warning.level) == ("W001", "warning")
    assert "cp1252" in warning.message and str(path) in warning.message
    assert doc.text == "Café “Zürich” – naïve\n"


def test_a_byte_cp1252_lacks_is_still_decoded_with_a_warning(write):
    data = b"Plain words around one odd byte " * 5 + b"\x81 end"
    warning, doc = iter_documents(write("odd.txt", data))
    assert warning.code == "W001" and "decoded as" in warning.message
    assert doc.text.startswith("Plain words around one odd byte ") and doc.text.endswith(" end")
    assert len(doc.text) == len(data)  # one character for the odd byte, nothing dropped


# Undeclared legacy encodings are detected (charset-normalizer), not taken from a fixed list:
# scripts a Western fallback could only garble come out right. Sentences invented for the test.
LEGACY = [
    ("Компания Северсталь назначила Ивана Петрова генеральным директором. "
     "Он сменит на этом посту Сергея Иванова, который уходит на пенсию.", "cp1251"),
    ("Компания Северсталь назначила Ивана Петрова генеральным директором. "
     "Он сменит на этом посту Сергея Иванова, который уходит на пенсию.", "koi8-r"),
    ("Η εταιρεία ανακοίνωσε ότι ο Γιώργος Παπαδόπουλος αναλαμβάνει διευθύνων σύμβουλος από τον Μάρτιο.",
     "cp1253"),
    ("La société Acme nomme Hélène Dupré directrice générale. « Nous sommes ravis », a déclaré "
     "le président du conseil, François Lefèvre, à Genève.", "latin-1"),
]


@pytest.mark.parametrize("text, codec", LEGACY, ids=[c for _, c in LEGACY])
def test_undeclared_legacy_encodings_are_detected(write, text, codec):
    warning, doc = iter_documents(write("legacy.txt", text.encode(codec)))
    assert warning.code == "W001"
    assert doc.text == text


def test_read_document_logs_the_warning(write, caplog):
    doc = read_document(write("legacy.txt", "Café".encode("cp1252")))
    assert doc.text == "Café"
    assert "W001" in caplog.text


@pytest.mark.parametrize(
    "data, code",
    [
        (b"", "E010"),
        (b"  \n\t \r\n", "E010"),
        (codecs.BOM_UTF16_LE + " \n ".encode("utf-16-le"), "E010"),
        (b"text\x00with a NUL", "E011"),
        (bytes(range(1, 9)) * 20 + b"some text", "E011"),
        (bytes(range(0x80, 0x100)) * 4, "E012"),
    ],
    ids=["empty", "whitespace", "utf16-whitespace", "nul", "control-bytes", "not-text"],
)
def test_bad_input_gives_an_error_and_the_run_goes_on(write, data, code):
    bad = write("bad.txt", data)
    write("good.txt", TEXT)
    docs, errors = split(iter_documents(bad.parent))
    assert [doc.id for doc in docs] == ["good"]
    assert [(e.code, e.level, e.source) for e in errors] == [(code, "error", str(bad))]
    assert str(bad) in errors[0].message
    with pytest.raises(DocumentFailed) as caught:
        read_document(bad)
    assert caught.value.code == code


def test_over_size_is_refused_before_reading(write, monkeypatch):
    path = write("big.txt", "x" * 100)

    def never(*args):
        raise AssertionError("read despite the size")

    monkeypatch.setattr(reader, "_read_bytes", never)
    (error,) = iter_documents(path, max_bytes=50)
    assert error.code == "E013"
    assert "100 bytes" in error.message and "50" in error.message


def test_unreadable_file_via_os_error(write, monkeypatch):
    path = write("locked.txt", TEXT)

    def denied(*args):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(reader, "_read_bytes", denied)
    (error,) = iter_documents(path)
    assert error.code == "E014" and "Permission denied" in error.message


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0,
    reason="root (or a non-POSIX system) reads files whatever their mode",
)
def test_unreadable_file_via_chmod(write):
    path = write("locked.txt", TEXT)
    path.chmod(0)
    try:
        (error,) = iter_documents(path)
    finally:
        path.chmod(0o644)
    assert error.code == "E014"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_named_pipe_is_not_read(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (error,) = iter_documents(fifo)
    assert error.code == "E014" and "not a regular file" in error.message


def test_read_document_refuses_missing_and_jsonl(tmp_path, write):
    with pytest.raises(DocumentFailed) as missing:
        read_document(tmp_path / "nope.txt")
    assert missing.value.code == "E004"
    with pytest.raises(DocumentFailed) as jsonl:
        read_document(write("many.jsonl", '{"text": "Hi."}\n'))
    assert jsonl.value.code == "E021"


def test_document_from_text():
    doc = document_from_text("Ann Lee\r\njoins.", doc_id="d1", url="https://x.example")
    assert (doc.id, doc.text, doc.url) == ("d1", "Ann Lee\njoins.", "https://x.example")
    with pytest.raises(DocumentFailed, match="E010"):
        document_from_text(" \n ")
