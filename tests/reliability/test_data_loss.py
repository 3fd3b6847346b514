"""No silent data loss (issue 16, item 3): names too long, unreadable folders, colliding -o, orphans.

Each test builds its corpus, runs ``run_corpus`` (or the real program when
the run must be killed) and checks that every document that could be
processed is in the output and that nothing was removed that was not
removed from the input.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from kgextract.errors import KgextractError
from kgextract.ingest import walk as walk_module
from kgextract.run import run_corpus

from .conftest import cli_env, run_cli

pytestmark = pytest.mark.model

RELEASES = {
    "alpha": "OSLO, 3 May 2024 - Acme Corp named Ann Lee chief executive officer.\n",
    "beta": "LIMA, 4 May 2024 - Ms. Rosa Diaz, Minister of Health of Peru, opened the Lima Health Fair.\n",
    "gamma": "RIGA, 5 May 2024 - Mr. Juris Ozols, Director of the Baltic Institute, visited Tallinn.\n",
}


def write(folder: Path, names: dict[str, str]) -> Path:
    for name, text in names.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


def graphs(path: Path) -> set[str]:
    text = path.read_text(encoding="utf-8")
    return {line.rsplit("/graph/", 1)[1].split(">")[0] for line in text.splitlines() if "/graph/" in line}


def test_a_name_too_long_for_the_disk_fails_alone(tmp_path):
    long_stem = "名" * 80  # 240 bytes in UTF-8: the input fits, the output's temporary name does not
    corpus = write(tmp_path / "in", {"alpha.txt": RELEASES["alpha"], f"{long_stem}.txt": RELEASES["beta"]})
    out = tmp_path / "out"
    report = run_corpus([corpus], output=tmp_path / "all.nq", output_dir=out, fmt="nquads")
    assert [p.code for p in report.problems] == ["E145"]
    assert long_stem in report.problems[0].source
    assert (out / "alpha.nq").is_file() and report.manifest is not None and report.manifest.is_file()
    assert "alpha" in graphs(tmp_path / "all.nq")


def test_a_file_that_cannot_be_written_fails_alone(tmp_path):
    corpus = write(tmp_path / "in", {"alpha.txt": RELEASES["alpha"], "beta.txt": RELEASES["beta"]})
    out = tmp_path / "out"
    (out / "beta.nq").mkdir(parents=True)  # a folder where beta's file goes: the replace fails
    report = run_corpus([corpus], output=tmp_path / "all.nq", output_dir=out, fmt="nquads")
    assert [p.code for p in report.problems] == ["E146"]
    assert (out / "alpha.nq").is_file()
    assert {"alpha", "beta"} <= graphs(tmp_path / "all.nq")
    (out / "beta.nq").rmdir()
    again = run_corpus([corpus], output=tmp_path / "all.nq", output_dir=out, fmt="nquads")
    assert again.problems == [] and (out / "beta.nq").is_file()  # the next run writes it


def test_an_unreadable_folder_keeps_its_earlier_results(tmp_path, monkeypatch):
    corpus = write(tmp_path / "in", {"alpha.txt": RELEASES["alpha"], "sub/beta.txt": RELEASES["beta"],
                                     "sub/gamma.txt": RELEASES["gamma"]})
    out, merged = tmp_path / "out", tmp_path / "all.nq"
    first = run_corpus([corpus], output=merged, output_dir=out, fmt="nquads")
    before = {p.name: p.read_bytes() for p in out.glob("*.nq")}
    assert first.problems == [] and len(before) == 3

    real_scandir = os.scandir

    def scandir(path="."):  # the test runs as any user (root reads mode 000): refuse like the kernel
        if Path(path) == corpus / "sub":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(walk_module.os, "scandir", scandir)
    second = run_corpus([corpus], output=merged, output_dir=out, fmt="nquads")
    assert [p.code for p in second.problems] == ["E014"]  # reported: the CLI exits 3
    assert second.removed == 0 and second.kept == 2
    assert {p.name: p.read_bytes() for p in out.glob("*.nq")} == before
    assert graphs(merged) >= {"alpha", "beta", "gamma"}
    monkeypatch.undo()
    third = run_corpus([corpus], output=merged, output_dir=out, fmt="nquads")
    assert third.problems == [] and third.extracted == 0 and third.cached == 3  # the cache was kept


def test_the_cli_exits_3_when_a_folder_cannot_be_listed(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from kgextract.cli.app import app

    corpus = write(tmp_path / "in", {"alpha.txt": RELEASES["alpha"], "sub/beta.txt": RELEASES["beta"]})
    out = tmp_path / "out"
    assert CliRunner().invoke(app, ["extract", str(corpus), "--output-dir", str(out), "-q"]).exit_code == 0
    real_scandir = os.scandir

    def scandir(path="."):
        if Path(path) == corpus / "sub":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(walk_module.os, "scandir", scandir)
    res = CliRunner().invoke(app, ["extract", str(corpus), "--output-dir", str(out)], env={"COLUMNS": "400"})
    assert res.exit_code == 3 and "[E014]" in res.stderr and (out / "beta.ttl").is_file()
    assert "0 removed, 1 kept unread" in res.stderr


def test_the_cli_exits_3_when_a_folder_is_unreadable(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root reads a folder of mode 000; the test above simulates it")
    corpus = write(tmp_path / "in", {"alpha.txt": RELEASES["alpha"], "sub/beta.txt": RELEASES["beta"]})
    out = tmp_path / "out"
    assert run_cli("extract", corpus, "--output-dir", out, "-q").returncode == 0
    (corpus / "sub").chmod(0)
    try:
        proc = run_cli("extract", corpus, "--output-dir", out, "-q")
    finally:
        (corpus / "sub").chmod(0o755)
    assert proc.returncode == 3 and "[E014]" in proc.stderr and (out / "beta.nq").is_file()


def test_a_merged_output_that_would_collide_is_refused_first(tmp_path):
    """-o out/g.nq with a document g: refused before anything is written; without one, allowed."""
    corpus = write(tmp_path / "in", {"g.txt": RELEASES["alpha"], "beta.txt": RELEASES["beta"]})
    out = tmp_path / "out"
    with pytest.raises(KgextractError, match=r"\[E144\]"):
        run_corpus([corpus], output=out / "g.nq", output_dir=out, fmt="nquads")
    assert not out.exists()
    proc = run_cli("extract", corpus, "-o", out / "g.nq", "--output-dir", out, "-f", "nquads", "-q")
    assert proc.returncode == 1 and "[E144]" in proc.stderr and not out.exists()
    (corpus / "g.txt").unlink()  # no document g: the merged file may live beside the others
    report = run_corpus([corpus], output=out / "g.nq", output_dir=out, fmt="nquads")
    assert report.problems == [] and sorted(p.name for p in out.glob("*.nq")) == ["beta.nq", "g.nq"]


@pytest.mark.slow
def test_an_interrupted_run_leaves_no_orphan(tmp_path):
    corpus = write(tmp_path / "in", {"alpha.txt": RELEASES["alpha"], "beta.txt": RELEASES["beta"]})
    out, merged = tmp_path / "out", tmp_path / "all.nq"
    base = ("extract", corpus, "-o", merged, "--output-dir", out, "-f", "nquads", "-q")
    assert run_cli(*base).returncode == 0
    write(corpus, {"gamma.txt": RELEASES["gamma"]})
    killed = run_cli(*base, env=cli_env(KGEXTRACT_CRASH_AT="output"))  # killed before its manifest
    assert killed.returncode != 0 and (out / "gamma.nq").is_file()
    (corpus / "gamma.txt").unlink()
    assert run_cli(*base).returncode == 0
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == ["alpha.nq", "beta.nq"]


def test_a_json_lines_record_that_would_collide_is_refused_alone(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    records = [{"id": "g", "text": RELEASES["alpha"]}, {"id": "beta", "text": RELEASES["beta"]}]
    (corpus / "wire.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    out = tmp_path / "out"
    report = run_corpus([corpus], output=out / "g.nq", output_dir=out, fmt="nquads")
    assert [p.code for p in report.problems] == ["E144"]
    assert (out / "beta.nq").is_file() and graphs(out / "g.nq") >= {"beta"}  # g.nq is the merged graph


def test_an_unreadable_write_journal_is_reported_and_the_run_goes_on(tmp_path, caplog):
    from kgextract.run.runner import JOURNAL

    corpus = write(tmp_path / "in", {"alpha.txt": RELEASES["alpha"], "beta.txt": RELEASES["beta"]})
    out = tmp_path / "out"
    first = run_corpus([corpus], output=tmp_path / "all.nq", output_dir=out, fmt="nquads")
    journals = list(out.rglob(JOURNAL)) + list(tmp_path.rglob(JOURNAL))
    assert journals, "the run keeps a write journal in its cache folder"
    journals[0].write_bytes(b"\xff\xfe not text \x80\n")
    caplog.set_level("WARNING", logger="kgextract")
    again = run_corpus([corpus], output=tmp_path / "all.nq", output_dir=out, fmt="nquads")
    assert "[W142]" in caplog.text
    assert graphs(tmp_path / "all.nq") == {"alpha", "beta"}
    assert not first.problems and not again.problems
