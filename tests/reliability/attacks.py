"""The pathological inputs of the red-team pass (issue 16), built on demand.

Used by the reliability tests and by ``benchmarks/reliability.py``. Every
text here is invented for the project.

>>> len(nested_unclosed_html(10_000)) >= 10_000, heavy_pdf(3)[:8]
(True, b'%PDF-1.4')
"""

from __future__ import annotations

import io
import zlib

__all__ = ["SENTENCE", "nested_unclosed_html", "heavy_pdf", "long_text", "long_stem"]

#: One invented release sentence.
SENTENCE = "OSLO, 3 May 2024 - Acme Corp named Ann Lee chief executive officer of the Fjord Institute. "


def nested_unclosed_html(size: int = 145_000) -> str:
    """``size`` characters of ``<div><p><span>`` opened and never closed, with words between."""
    unit = "<div><p><span>word "
    return "<html><body>" + unit * (size // len(unit) + 1) + "</body></html>"


def heavy_pdf(repeats: int = 40, lines: int = 30_000) -> bytes:
    """A few KB of PDF: one page, whose compressed text stream holds ``lines`` lines, listed ``repeats`` times."""
    content = ("BT /F1 12 Tf 72 720 Td 14 TL " + "(Acme Corp named Ann Lee chief executive officer) ' " * lines
               + "ET").encode("ascii")
    stream = zlib.compress(content, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + b" ".join([b"3 0 R"] * repeats) + b"] /Count %d >>" % repeats,
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def long_text(size: int = 480_000) -> str:
    """``size`` characters of release prose in paragraphs (names vary, so mentions do too)."""
    parts, i = [], 0
    while sum(map(len, parts)) < size:
        parts.append(SENTENCE.replace("Ann Lee", f"Ann Lee{i % 97}") + ("\n\n" if i % 5 == 4 else ""))
        i += 1
    return "".join(parts)[:size]


def long_stem(chars: int = 80) -> str:
    """A file stem of ``chars`` CJK characters: 3 bytes each in UTF-8 (80 give 240 bytes)."""
    return "名" * chars
