"""PDF: the text layer through pypdf; malformed and scanned files give E016."""

from __future__ import annotations

from kgextract.ingest import iter_documents, read_document

from .helpers import build_pdf


def test_pdf_text_layer_and_title(write):
    path = write("release.pdf", build_pdf(["Acme names Ann Lee CEO.", "She starts in April."],
                                          title="Acme release"))
    doc = read_document(path)
    assert (doc.id, doc.format, doc.title) == ("release", "pdf", "Acme release")
    assert doc.text == "Acme names Ann Lee CEO.\nShe starts in April."


def test_malformed_pdf(write):
    (error,) = iter_documents(write("broken.pdf", b"%PDF-1.4\n1 0 obj << /Type /Cat"))
    assert error.code == "E016" and "broken.pdf" in error.message


def test_pdf_extension_without_pdf_content(write):
    (error,) = iter_documents(write("fake.pdf", b"just some text"))
    assert error.code == "E016"


def test_pdf_without_text_layer(write):
    (error,) = iter_documents(write("scan.pdf", build_pdf([])))
    assert error.code == "E016" and "text layer" in error.message
