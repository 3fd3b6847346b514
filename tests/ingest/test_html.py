"""HTML: main content without page furniture, metadata, hostile markup."""

from __future__ import annotations

import time

import pytest

from kgextract.ingest import iter_documents, read_document
from kgextract.ingest.html import html_to_text

from .helpers import split

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Acme names CEO | Acme Newsroom</title>
<meta property="og:title" content="Acme names Ann Lee chief executive">
<meta property="og:site_name" content="Acme Newsroom">
<meta property="article:published_time" content="2024-03-05T09:00:00+01:00">
<link rel="canonical" href="https://acme.example/news/ceo">
<script>var s = "<p>not text</p>";</script><style>p { color: red }</style>
</head>
<body class="page menu-closed">
<div id="cookie-banner">We use cookies. <button>Accept</button></div>
<header class="site-header"><a href="/">Acme</a>
  <nav><ul><li>Home</li><li>News</li></ul></nav></header>
<div class="wrapper">
  <aside class="sidebar">Related: other news</aside>
  <div class="content">
    <h1>Acme names Ann Lee chief executive</h1>
    <p>BERLIN, March 5, 2024 &mdash; Acme Corp today named <b>Ann Lee</b>
       its chief executive officer.</p>
    <p>Lee joins from Beta&nbsp;GmbH.<br>She starts in April.</p>
    <div class="share-buttons">Share on X</div>
    <div style="display: none">Hidden text</div>
    <!-- a comment -->
  </div>
</div>
<footer>Imprint and privacy</footer>
<form><label>Search</label><input name="q"></form>
</body></html>"""


def test_main_content_and_metadata(write):
    doc = read_document(write("ceo.html", PAGE))
    assert doc.text == (
        "Acme names Ann Lee chief executive\n\n"
        "BERLIN, March 5, 2024 — Acme Corp today named Ann Lee its chief executive officer.\n\n"
        "Lee joins from Beta GmbH.\nShe starts in April."
    )
    assert (doc.id, doc.format) == ("ceo", "html")
    assert doc.title == "Acme names Ann Lee chief executive"
    assert doc.date == "2024-03-05"
    assert doc.publisher == "Acme Newsroom"
    assert doc.url == "https://acme.example/news/ceo"


def test_main_element_wins_and_article_header_is_kept():
    got = html_to_text(
        "<html><head><title>Site | Story</title></head><body>"
        "<div>Top teaser outside main</div>"
        "<main><article><header><h1>Story</h1><time datetime='2023-12-05'>5 Dec</time></header>"
        "<p>Body.</p><footer>About Acme: a maker of things.</footer></article></main>"
        "</body></html>"
    )
    assert got.text == "Story\n\n5 Dec\n\nBody.\n\nAbout Acme: a maker of things."
    assert (got.title, got.date) == ("Site | Story", "2023-12-05")


@pytest.mark.parametrize(
    "head, expected",
    [
        ('<meta name="DC.date" content="2022-01-31">', "2022-01-31"),
        ('<meta name="date" content="January 31, 2022">', "2022-01-31"),
        ('<meta itemprop="datePublished" content="2022-01-31T08:00">', "2022-01-31"),
        ('<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle",'
         ' "datePublished": "2022-01-31", "publisher": {"name": "Acme"}}]}</script>', "2022-01-31"),
        ('<meta name="date" content="someday">', None),
    ],
)
def test_dates_from_metadata(head, expected):
    got = html_to_text(f"<html><head>{head}</head><body><p>Text.</p></body></html>")
    assert got.date == expected


def test_json_ld_publisher_and_headline():
    got = html_to_text(
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle",'
        ' "headline": "LD headline", "publisher": {"@type": "Organization", "name": "Acme"}}'
        "</script></head><body><p>Text.</p></body></html>"
    )
    assert (got.title, got.publisher) == ("LD headline", "Acme")


def test_declared_charset_needs_no_warning(write):
    page = '<html><head><meta charset="windows-1252"></head><body><p>Café “x”</p></body></html>'
    docs, errors = split(iter_documents(write("legacy.html", page.encode("cp1252"))))
    assert errors == [] and docs[0].text == "Café “x”"


def test_undeclared_legacy_encoding_warns(write):
    page = "<html><body><p>Café</p></body></html>".encode("cp1252")
    warning, doc = iter_documents(write("legacy.html", page))
    assert warning.code == "W001" and doc.text == "Café"


def test_wrapper_with_furniture_class_keeps_the_content():
    got = html_to_text('<body><div class="menu-wrapper"><p>All the text.</p></div></body>')
    assert got.text == "All the text."


def test_empty_main_element_is_ignored():
    got = html_to_text("<body><main></main><div><p>Text outside main.</p></div></body>")
    assert got.text == "Text outside main."


def test_only_furniture_falls_back_to_it():
    got = html_to_text("<body><nav>Just a navigation bar</nav></body>")
    assert got.text == "Just a navigation bar"


@pytest.mark.parametrize(
    "page",
    [
        "<html><head><script>only()</script></head><body></body></html>",
        "<html><body><!-- nothing --></body></html>",
        "<html><body><script>never closed <p>swallowed</p>",
    ],
)
def test_nothing_usable_gives_e022(write, page):
    (error,) = iter_documents(write("empty.html", page))
    assert error.code == "E022" and "empty.html" in error.message


def test_malformed_html_is_repaired():
    got = html_to_text("<p>Unclosed <b>bold <i>italic<p>Next</i></b><div><span>x</table>&bogus;")
    assert got.text == "Unclosed bold italic\n\nNext\n\nx&bogus;"


def test_deep_nesting_neither_crashes_nor_loses_text():
    depth = 50_000
    page = (
        "<html><head><title>Deep</title></head><body><p>Before.</p>"
        + "<div>" * depth + "Deep text." + "</div>" * depth
        + "<p>After.</p><script>x()</script></body></html>"
    )
    start = time.perf_counter()
    got = html_to_text(page)
    assert time.perf_counter() - start < 10
    assert got.text == "Before.\n\nDeep text.\n\nAfter."
    assert got.title == "Deep"


def test_many_unclosed_inline_tags_and_scripts_are_fast():
    start = time.perf_counter()
    got = html_to_text("<p>" + "<b>word " * 20_000 + "<script>" * 500)
    assert time.perf_counter() - start < 10
    assert got.text.startswith("word word")
