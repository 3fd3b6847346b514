"""A corpus of bad input files, written on demand, and what a run must say about each.

Used by ``tests/reliability/test_bad_files.py`` and ``benchmarks/reliability.py``
(which puts ``tests/`` on ``sys.path`` and imports ``reliability.badfiles``).
No pytest here: plain functions over a folder.

The unreadable file is a named pipe (FIFO) called ``unreadable.txt``: the
tests run as root, where ``chmod 000`` does not stop reads, and opening a
FIFO would block forever, so it checks that the reader never opens what is
not a regular file. (``test_bad_files.py`` also simulates EACCES in-process.)

>>> import tempfile, pathlib
>>> with tempfile.TemporaryDirectory() as tmp:
...     cases = write_bad_corpus(pathlib.Path(tmp), big=False)
...     sorted(c.name for c in cases if c.outcome == "error")[:3]
['binary.txt', 'blank.txt', 'broken.pdf']
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Case", "GOOD_RELEASES", "write_bad_corpus", "write_good_releases", "release_texts_from"]

#: Two releases written for these tests (people, roles, organizations, places, dates).
GOOD_RELEASES = {
    "good-acme": (
        "Acme Robotics Names Jane Roe Chief Financial Officer\n\n"
        "PITTSBURGH, June 3, 2024 -- Acme Robotics, Inc. today announced that its board of "
        "directors has appointed Jane Roe as chief financial officer, effective July 1, 2024. "
        "Ms. Roe joins Acme Robotics from Keystone Medical Devices, where she served as vice "
        "president of finance. \"Jane brings deep experience,\" said Samuel Park, president and "
        "chief executive officer of Acme Robotics.\n"
    ),
    "good-forum": (
        "Lakeshore Water Forum Opens in Toronto\n\n"
        "TORONTO, 12 September 2023 - The Lakeshore Water Forum, organized by the Great Lakes "
        "Commission and funded by the Government of Canada, took place in Toronto on 11 and 12 "
        "September 2023. Maria Lopez, executive director of the Great Lakes Commission, opened "
        "the Forum.\n"
    ),
}

_RELEASE = GOOD_RELEASES["good-acme"]
_HTML_BODY = "<p>GENEVA, 5 May 2023. Acme Corp named Ann Lee chief executive officer.</p>"


@dataclass(frozen=True)
class Case:
    """One input file and what the run must report for it.

    ``outcome``: ``error`` (a numbered error naming the file; no output),
    ``warning`` (a numbered warning naming the file, and its document in the
    output), ``ok`` (odd but readable: its document in the output, no error),
    ``quiet`` (nothing to read, nothing to report, e.g. a folder loop).
    ``name`` is the file name as messages show it (bytes that are not UTF-8
    as ``\\xNN``).
    ``codes`` are the codes accepted; ``doc_id`` the document that must be in
    the output; ``absent`` strings that must not reach the output.
    """

    name: str
    outcome: str
    codes: tuple[str, ...] = ()
    doc_id: str | None = None
    what: str = ""
    absent: tuple[str, ...] = ()


def write_good_releases(folder: Path, texts: dict[str, str] | None = None) -> list[Case]:
    """Write releases as ``<id>.txt``; return their cases (outcome ``ok``)."""
    folder.mkdir(parents=True, exist_ok=True)
    cases = []
    for doc_id, text in (texts or GOOD_RELEASES).items():
        (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        cases.append(Case(f"{doc_id}.txt", "ok", doc_id=doc_id, what="good release"))
    return cases


def write_bad_corpus(folder: Path, *, big: bool = True, big_size: int = 20 * 1024 * 1024) -> list[Case]:
    """Write the bad files (and the two good releases) into ``folder``; return every case.

    ``big`` writes the 20 MB text (over the default 20,000,000-byte limit).
    """
    folder.mkdir(parents=True, exist_ok=True)
    cases = write_good_releases(folder)

    def put(name: str, data: bytes | str, case: Case) -> None:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        cases.append(case)

    put("empty.txt", b"", Case("empty.txt", "error", ("E010",), what="empty"))
    put("blank.txt", b"  \n\t\r\n \x0c ", Case("blank.txt", "error", ("E010",), what="whitespace only"))
    put("binary.txt", bytes(range(256)) * 64, Case("binary.txt", "error", ("E011",), what="binary"))
    put("invalid-utf8.txt", bytes(range(0x80, 0x100)) * 16 + b"\xc3\x28\xe2\x82",
        Case("invalid-utf8.txt", "error", ("E012",), what="invalid UTF-8"))
    put("utf16.txt", _RELEASE.replace("Jane Roe", "Lena Park").encode("utf-16"),
        Case("utf16.txt", "ok", doc_id="utf16", what="UTF-16 with BOM"))
    put("latin1.txt", ("MÜNCHEN, 3 June 2024 -- Société Générale named Jürgen Groß chief "
                       "executive officer. Groß said the bank was ready.\n").encode("latin-1"),
        Case("latin1.txt", "warning", ("W001",), doc_id="latin1", what="Latin-1"))
    if big:
        line = ("Acme Corp named Ann Lee chief executive officer. " * 20 + "\n").encode()
        data = line * (big_size // len(line) + 1)
        put("big.txt", data[:big_size], Case("big.txt", "error", ("E013",), what=f"{big_size >> 20} MB text"))
    depth = 50_000
    put("nested.html", "<html><body>" + "<div>" * depth + _HTML_BODY + "</div>" * depth + "</body></html>",
        Case("nested.html", "ok", doc_id="nested", what=f"HTML nested {depth} deep"))
    scripts = (
        "<html><head><script>var s = 'Mallory Script, chief hacker of Evil Corp';</script>"
        "<style>body { content: 'Stella Style, president of Style Inc'; }</style></head><body>"
        "<script>document.write('<p>Wanda Write, director of Inject Ltd</p>')</script>"
        "<noscript>Nora Noscript, chair of Nothing LLC</noscript>"
        "<template><p>Tom Template, CEO of Hidden Corp</p></template>"
        f"{_HTML_BODY}<script src='x.js'></script><iframe src='javascript:alert(1)'></iframe>"
        "<svg><script>alert('Sam Svg')</script></svg><img src=x onerror=\"alert('Ivy Img')\">"
        "</body></html>"
    )
    put("scripts.html", scripts, Case(
        "scripts.html", "ok", doc_id="scripts", what="script-laden HTML",
        absent=("Mallory", "Stella", "Wanda", "Nora", "Tom Template", "Sam Svg", "Ivy Img", "alert")))
    put("scripts-only.html", "<html><head><title>x</title></head><body><script>var a = 'Ann Lee';"
        "</script><style>p{}</style></body></html>",
        Case("scripts-only.html", "error", ("E022",), what="HTML with scripts only"))
    put("malformed.html", "<html><body><p>GENEVA, 5 May 2023. Acme <b>Corp named <i>Ann Lee</b> chief "
        "executive officer.<p><div><</div></span></table>&bogus; <!-- unclosed <a href='x",
        Case("malformed.html", "ok", doc_id="malformed", what="malformed HTML"))
    lol = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    put("entities.xhtml", '<?xml version="1.0"?>\n<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">'
        f'<!ENTITY l0 "lol">{lol}]>\n<html><body><p>GENEVA, 5 May 2023. Acme Corp named Ann Lee chief '
        "executive officer. &xxe; &l9;</p></body></html>",
        Case("entities.xhtml", "ok", doc_id="entities", what="XXE and billion laughs",
             absent=("root:x:", "lollol")))
    put("broken.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\nxref\n0 3\n"
        b"trailer << /Root 1 0 R >>\n%%EOF garbage \x00\xff",
        Case("broken.pdf", "error", ("E016",), what="malformed PDF"))
    put("records.jsonl", "\n".join([
        json.dumps({"id": "jsonl-good", "text": _RELEASE}),
        "{not json",
        json.dumps({"id": "jsonl-empty", "text": "   "}),
    ]) + "\n", Case("records.jsonl", "error", ("E020", "E010"), doc_id="jsonl-good",
                    what="JSON Lines with bad records"))
    put("surrogates.jsonl", '{"id": "jsonl-surrogate", "text": "GENEVA, 5 May 2023. Acme Corp named Ann '
        'Lee \\ud800 chief executive officer."}\n',
        Case("surrogates.jsonl", "ok", doc_id="jsonl-surrogate", what="JSON Lines with a lone surrogate"))
    with open(os.fsencode(folder) + b"/caf\xe9.txt", "wb") as fh:  # a Latin-1 file name
        fh.write(_RELEASE.encode("utf-8"))
    cases.append(Case("caf\\xe9.txt", "error", ("E014",), what="file name not UTF-8"))
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "unreadable.txt")
        cases.append(Case("unreadable.txt", "error", ("E014",), what="unreadable (a FIFO)"))
    os.symlink("loop.txt", folder / "loop.txt")
    cases.append(Case("loop.txt", "error", ("E014",), what="symlink loop (file)"))
    (folder / "sub").mkdir()
    os.symlink("..", folder / "sub" / "up")
    cases.append(Case("sub/up", "quiet", what="symlink loop (folder)"))
    return cases


def release_texts_from(*folders: Path, limit: int | None = None) -> dict[str, str]:
    """Release texts (``*.txt``) found in ``folders`` by id, first seen wins, sorted by id."""
    found: dict[str, str] = {}
    for folder in folders:
        if folder.is_dir():
            for path in sorted(folder.glob("*.txt")):
                found.setdefault(path.stem, path.read_text(encoding="utf-8"))
    items = sorted(found.items())
    return dict(items[:limit] if limit else items)
