"""Folder walking: recursive, sorted, hidden and foreign files skipped, loops ended."""

from __future__ import annotations

import os

import pytest

from kgextract.errors import KgextractError
from kgextract.ingest import iter_documents, reader
from kgextract.ingest import walk as walk_module

from .helpers import split

needs_symlinks = pytest.mark.skipif(not hasattr(os, "symlink") or os.name == "nt",
                                    reason="needs POSIX symlinks")


@pytest.fixture
def corpus(write, tmp_path):
    for name in ["b.txt", "a/z.md", "a/c/y.html", "a/x.txt", "c.pdf.txt", "d.TXT",
                 ".hidden.txt", ".git/x.txt", "data.json", "script.py", "logo.png", "README"]:
        write(name, f"<p>Text of {name}.</p>" if name.endswith(".html") else f"Text of {name}.")
    return tmp_path


def test_recursive_sorted_walk(corpus):
    docs, errors = split(iter_documents(corpus))
    assert errors == []
    assert [os.path.relpath(doc.source, corpus) for doc in docs] == [
        os.path.join("a", "c", "y.html"), os.path.join("a", "x.txt"), os.path.join("a", "z.md"),
        "b.txt", "c.pdf.txt", "d.TXT",
    ]
    assert docs[0].text == "Text of a/c/y.html."
    assert [doc.id for doc in split(iter_documents(str(corpus)))[0]] == [doc.id for doc in docs]


def test_paths_keep_their_order_and_each_file_is_read_once(corpus):
    docs, _ = split(iter_documents([corpus / "d.TXT", corpus, corpus / "b.txt"]))
    names = [os.path.basename(doc.source) for doc in docs]
    assert names[0] == "d.TXT" and len(names) == len(set(names)) == 6


def test_missing_path_raises_at_once(tmp_path):
    with pytest.raises(KgextractError, match="E004"):
        iter_documents([tmp_path, tmp_path / "missing"])


def test_empty_folder_yields_nothing(tmp_path):
    assert list(iter_documents(tmp_path)) == []


def test_same_stem_in_two_folders_warns(write, tmp_path):
    write("x/release.txt", "One.")
    write("y/release.md", "Two.")
    items = list(iter_documents(tmp_path))
    assert [getattr(item, "code", "doc") for item in items] == ["doc", "W020", "doc"]
    assert "release" in items[1].message


@needs_symlinks
def test_symlink_loop_ends(write, tmp_path):
    write("news/a.txt", "Text A.")
    (tmp_path / "news" / "loop").symlink_to(tmp_path / "news", target_is_directory=True)
    (tmp_path / "news" / "up").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "news" / "self.txt").symlink_to(tmp_path / "news" / "self.txt")
    (tmp_path / "news" / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "news" / "dangling.json").symlink_to(tmp_path / "nowhere.json")
    docs, errors = split(iter_documents(tmp_path))
    assert [doc.id for doc in docs] == ["a"]
    assert sorted((e.code, os.path.basename(e.source)) for e in errors) == [
        ("E014", "dangling.txt"), ("E014", "self.txt")]


@needs_symlinks
def test_symlinked_folder_is_followed(write, tmp_path):
    write("elsewhere/b.txt", "Text B.")
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "linked").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    docs, _ = split(iter_documents(tmp_path / "corpus"))
    assert [doc.id for doc in docs] == ["b"]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="root lists folders whatever their mode")
def test_unreadable_folder(write, tmp_path):
    write("locked/a.txt", "Text.")
    (tmp_path / "locked").chmod(0)
    try:
        (error,) = iter_documents(tmp_path)
    finally:
        (tmp_path / "locked").chmod(0o755)
    assert error.code == "E014"


def test_unlistable_folder_via_os_error(write, tmp_path, monkeypatch):
    write("locked/a.txt", "Text.")
    write("open/b.txt", "Text.")
    scandir = os.scandir

    def guarded(path):
        if os.path.basename(path) == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(walk_module.os, "scandir", guarded)
    items = list(iter_documents(tmp_path))
    assert [getattr(item, "code", "doc") for item in items] == ["E014", "doc"]
    assert "locked" in items[0].message and "Permission denied" in items[0].message


def test_unexpected_failure_is_recorded_and_the_run_goes_on(write, tmp_path, monkeypatch):
    write("a.md", "# Boom")
    write("b.txt", "Fine.")

    def boom(text, source):
        raise RuntimeError("bug")

    monkeypatch.setattr(reader, "markdown_text", boom)  # the converter the "md" reader names
    docs, errors = split(iter_documents(tmp_path))
    assert [doc.id for doc in docs] == ["b"]
    assert errors[0].code == "E015" and "RuntimeError" in errors[0].message
