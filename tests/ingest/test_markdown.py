"""Markdown: markup removed, paragraphs kept, title from the first heading."""

from __future__ import annotations

import pytest

from kgextract.errors import DocumentFailed
from kgextract.ingest import read_document
from kgextract.ingest.markdown import markdown_to_text

SOURCE = """\
Intro line before the heading.

# Acme *names* Ann Lee [CEO](https://acme.example/ceo)

**BERLIN** -- Acme Corp ![logo](logo.png) today named _Ann Lee_
its chief executive. <span class="x">Inline HTML</span> goes.

## About Acme

- Founded in `1999`
- Based in [Berlin][b]

> A quoted line.

```text
plain code
```

| Name | Role |
|------|------|
| Ann Lee | CEO |

<div class="note"><p>Block HTML text</p><script>hidden()</script></div>

[b]: https://berlin.example
"""


def test_markdown_markup_is_stripped():
    got = markdown_to_text(SOURCE)
    assert got.title == "Acme names Ann Lee CEO"
    assert got.text.split("\n\n") == [
        "Intro line before the heading.",
        "Acme names Ann Lee CEO",
        "BERLIN -- Acme Corp today named Ann Lee its chief executive. Inline HTML goes.",
        "About Acme",
        "Founded in 1999",
        "Based in Berlin",
        "A quoted line.",
        "plain code",
        "Name\tRole",
        "Ann Lee\tCEO",
        "Block HTML text",
    ]


def test_front_matter_gives_metadata(write):
    doc = read_document(write("ceo.md", (
        "---\ntitle: \"Acme names a CEO\"\ndate: 2024-03-05\n"
        "publisher: Acme Newsroom\nurl: https://acme.example/ceo\ntags: [x]\n---\n"
        "# Heading\n\nBody text.\n"
    )))
    assert (doc.id, doc.format, doc.title) == ("ceo", "md", "Acme names a CEO")
    assert doc.date == "2024-03-05"
    assert (doc.publisher, doc.url) == ("Acme Newsroom", "https://acme.example/ceo")
    assert doc.text == "Heading\n\nBody text."


def test_hard_breaks_and_no_heading():
    got = markdown_to_text("First line  \nsecond line<br>third\n")
    assert got.title is None
    assert got.text == "First line\nsecond line\nthird"


def test_markup_only_markdown_is_empty(write):
    with pytest.raises(DocumentFailed, match="E010"):
        read_document(write("img.md", "![only an image](x.png)\n\n<!-- and a comment -->\n"))
