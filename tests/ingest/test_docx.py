"""Word files: paragraphs, headings and tables in order; bad files get E023 and the run goes on."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest

from kgextract.errors import DocumentFailed
from kgextract.ingest import iter_documents, read_document
from kgextract.ingest.formats import detect_format


def _release_docx() -> bytes:
    """A release as an office would write it: a header table, a heading, paragraphs, a fact table."""
    document = docx.Document()
    document.core_properties.title = "Orrin Labs appoints a chief scientist"
    header = document.add_table(rows=2, cols=2)
    header.cell(0, 0).text = "PRESS RELEASE"
    header.cell(0, 1).text = "For immediate release"
    header.cell(1, 0).text = "Media contact"
    header.cell(1, 1).text = "Tomas Varga, Orrin Labs"
    document.add_heading("Orrin Labs appoints Mira Solberg chief scientist", level=1)
    document.add_paragraph("OSLO, 12 February 2025 - Orrin Labs today appointed Mira Solberg   its chief scientist.")
    facts = document.add_table(rows=2, cols=3)
    facts.cell(0, 0).merge(facts.cell(0, 2)).text = "Appointment at a glance"
    facts.cell(1, 0).text = "Name"
    facts.cell(1, 1).text = "Mira Solberg"
    facts.cell(1, 2).text = "Chief Scientist"
    document.add_heading("About Orrin Labs", level=2)
    document.add_paragraph("Orrin Labs builds sensors in Bergen.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_docx_reads_paragraphs_headings_and_tables_in_order(write):
    path = write("orrin.docx", _release_docx())
    doc = read_document(path)
    assert doc.format == "docx"
    assert doc.title == "Orrin Labs appoints a chief scientist"
    assert doc.text.split("\n\n") == [
        "PRESS RELEASE For immediate release",
        "Media contact Tomas Varga, Orrin Labs",
        "Orrin Labs appoints Mira Solberg chief scientist",
        "OSLO, 12 February 2025 - Orrin Labs today appointed Mira Solberg its chief scientist.",
        "Appointment at a glance",  # merged across three columns: read once
        "Name Mira Solberg Chief Scientist",
        "About Orrin Labs",
        "Orrin Labs builds sensors in Bergen.",
    ]


def test_docx_is_known_by_its_extension():
    assert detect_format("a.DOCX", b"PK\x03\x04") == "docx"


def _corrupt() -> bytes:
    good = _release_docx()
    return good[: len(good) // 2]  # a truncated download


def _no_document_part() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("hello.txt", "not a Word file")
    return out.getvalue()


# An encrypted .docx is an OLE compound file holding the encrypted package.
ENCRYPTED = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + b"EncryptedPackage" + b"\x01" * 600


@pytest.mark.parametrize("data", [_corrupt(), _no_document_part(), ENCRYPTED],
                         ids=["truncated", "zip-without-word-part", "encrypted"])
def test_bad_docx_gets_e023(write, data):
    path = write("bad.docx", data)
    with pytest.raises(DocumentFailed) as info:
        read_document(path)
    assert info.value.code == "E023"
    assert "bad.docx" in str(info.value) and ".docx" in str(info.value)


def test_bad_docx_does_not_stop_the_run(write, tmp_path):
    write("a-bad.docx", ENCRYPTED)
    write("b-bad.docx", _corrupt())
    write("c-good.docx", _release_docx())
    out = list(iter_documents(tmp_path))
    assert [(type(o).__name__, getattr(o, "code", None)) for o in out] == [
        ("DocumentError", "E023"), ("DocumentError", "E023"), ("Document", None)]
    assert out[2].id == "c-good"
