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


def test_records_are_validated_by_the_pydantic_model(write):
    """Booleans and floats are not ids or metadata; unknown keys are ignored; integers become strings."""
    lines = [
        json.dumps({"text": "One.", "id": True}),
        json.dumps({"text": "Two.", "id": 2.5}),
        json.dumps({"text": "Three.", "url": {"href": "x"}, "publisher": None}),
        json.dumps({"text": 4}),
        json.dumps({"text": "Five.", "id": 5, "date": 2024, "source": "ignored"}),
    ]
    docs, errors = split(iter_documents(write("typed.jsonl", "\n".join(lines))))
    assert [(e.code, e.source.rsplit(":", 1)[1]) for e in errors] == [
        ("E020", "1"), ("E020", "2"), ("E020", "3"), ("E020", "4"), ("W021", "5")]
    assert "id must be a string" in errors[0].message
    assert "url must be a string" in errors[2].message
    assert "'text' is missing or not a string" in errors[3].message
    assert [(d.id, d.text) for d in docs] == [("5", "Five.")]


def test_lone_surrogates_in_a_record_are_replaced(write):
    (doc,) = iter_documents(write("s.jsonl", '{"id": "s1", "text": "Ann \\udc00 Lee"}\n'))
    assert doc.text == "Ann \ufffd Lee"
