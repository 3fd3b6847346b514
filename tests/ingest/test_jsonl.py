"""JSON Lines: one release per line; a bad line is reported and skipped."""

from __future__ import annotations

import json

from kgextract.ingest import iter_documents

from .helpers import split


def test_records_bad_lines_and_ids(write):
    lines = [
        json.dumps({"id": "r1", "text": "Acme names Ann Lee CEO.\r\nMore.", "title": "CEO",
                    "url": "https://acme.example/1", "date": "5 March 2024",
                    "publisher": "Acme", "lang": "en"}),
        "",
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"title": "no text"}),
        json.dumps({"text": "   "}),
        json.dumps({"text": "Second release.", "title": ["not", "a", "string"]}),
        json.dumps({"text": "Third release.", "id": 7}),
        json.dumps({"text": "Fourth release."}),
    ]
    path = write("feed.jsonl", "\n".join(lines) + "\n")
    docs, errors = split(iter_documents(path))
    assert [doc.id for doc in docs] == ["r1", "7", "feed-9"]
    first = docs[0]
    assert (first.text, first.title, first.date, first.publisher, first.format, first.source) == (
        "Acme names Ann Lee CEO.\nMore.", "CEO", "2024-03-05", "Acme", "jsonl", str(path))
    assert [(e.code, e.source) for e in errors] == [
        ("E020", f"{path}:3"),
        ("E020", f"{path}:4"),
        ("E020", f"{path}:5"),
        ("E010", f"{path}:6"),
        ("E020", f"{path}:7"),
    ]
    assert "Line 3 of" in errors[0].message and str(path) in errors[0].message
    assert "title must be a string" in errors[4].message


def test_bad_date_is_dropped_with_a_warning(write):
    warning, doc = iter_documents(write("d.jsonl", json.dumps({"text": "X.", "date": "soon"})))
    assert (warning.code, warning.level) == ("W021", "warning")
    assert doc.date is None


def test_duplicate_ids_warn(write):
    path = write("dup.jsonl", '{"id": "a", "text": "One."}\n{"id": "a", "text": "Two."}\n')
    docs, errors = split(iter_documents(path))
    assert len(docs) == 2
    assert [e.code for e in errors] == ["W020"]
