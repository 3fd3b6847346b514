"""``kgextract extract`` re-runs: only new or changed documents are extracted, removed ones vanish."""

from __future__ import annotations

import json

import pytest
from rdflib import Dataset
from typer.testing import CliRunner

from kgextract.cli import app
from kgextract.rdf.iri import document_iri, graph_iri

pytestmark = pytest.mark.model

RELEASES = {
    "full.txt": "GENEVA, 5 December 2023 - Ms. Izumi Nakamitsu, Under-Secretary-General of the United "
                "Nations, opened the Conference on Disarmament Issues in Geneva on 4 December 2023.\n",
    "short.txt": "VIENNA, 7 March 2024 - Ms. Nakamitsu met with Ambassador Dong-yeol Rhee in Vienna, "
                 "Austria on 6 March 2024.\n",
    "news/plant.md": "# Acme opens a plant\n\nBERLIN, 3 May 2024 - Acme Corp named Ann Lee chief "
                     "executive officer.\n",
    "news/summit.html": "<html><head><title>Summit</title></head><body><p>SEOUL, 9 September 2024 - The "
                        "Government of the Republic of Korea hosted the REAIM Summit in Seoul.</p></body></html>\n",
}


def write_corpus(root):
    for name, text in RELEASES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    return root


def extract(*args: str, code: int = 0) -> None:
    result = CliRunner().invoke(app, ["extract", *map(str, args), "-q"])
    assert result.exit_code == code, result.output
    return result


def last_run(out) -> dict:
    return json.loads(out.with_name(out.name + ".manifest.json").read_text())["last_run"]


def quads(path) -> Dataset:
    ds = Dataset()
    ds.parse(path, format="nquads")
    return ds


@pytest.fixture
def setup(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    out, docs = tmp_path / "out" / "graph.nq", tmp_path / "out" / "docs"
    return corpus, out, docs


def test_rerun_extracts_only_changes_and_drops_removed(setup, tmp_path):
    corpus, out, docs = setup
    args = (corpus, "-o", out, "-f", "nquads", "--output-dir", docs)
    extract(*args)
    assert last_run(out)["extracted"] == 4 and last_run(out)["cached"] == 0
    first = out.read_bytes()

    extract(*args)  # nothing changed: nothing extracted, nothing rewritten
    assert (last_run(out)["extracted"], last_run(out)["cached"], last_run(out)["outputs_written"]) == (0, 4, 0)
    assert out.read_bytes() == first

    (corpus / "full.txt").write_text((corpus / "full.txt").read_text().replace("4 December", "3 December"))
    (corpus / "short.txt").unlink()
    (corpus / "news" / "new.txt").write_text("OSLO, 2 June 2024 - Kari Nordmann opened the Oslo Forum in Oslo.\n")
    extract(*args)
    counts = last_run(out)
    assert (counts["extracted"], counts["cached"], counts["removed"]) == (2, 2, 1)
    assert not (docs / "short.nq").exists() and (docs / "new.nq").exists()
    ds = quads(out)
    assert not list(ds.quads((None, None, None, graph_iri("short"))))
    assert not any(document_iri("short") in (s, o) for s, _, o, _ in ds.quads())
    assert '"2023-12-03"' in out.read_text()

    # the same graph, byte for byte, as a fresh run without any cache
    fresh = tmp_path / "fresh" / "graph.nq"
    extract(corpus, "-o", fresh, "-f", "nquads", "--output-dir", tmp_path / "fresh" / "docs", "--no-cache")
    assert fresh.read_bytes() == out.read_bytes()
    assert not fresh.with_name("graph.nq.manifest.json").exists()
    for path in docs.iterdir():
        assert path.read_bytes() == (tmp_path / "fresh" / "docs" / path.name).read_bytes()


def test_force_threshold_and_corrupt_cache(setup):
    corpus, out, _ = setup
    extract(corpus, "-o", out, "-f", "nquads")
    first = out.read_bytes()
    extract(corpus, "-o", out, "-f", "nquads", "--force")
    assert last_run(out)["extracted"] == 4 and out.read_bytes() == first
    extract(corpus, "-o", out, "-f", "nquads", "--threshold", "0.5")  # other settings: other results
    assert last_run(out)["extracted"] == 4
    extract(corpus, "-o", out, "-f", "nquads")
    assert last_run(out)["extracted"] == 4  # the threshold-0.5 shards replaced the earlier ones
    shard = next(out.with_name("graph.nq.kgx-cache").glob("shards/*/*.json"))
    shard.write_text("{ not json")
    out.write_text("edited by hand")
    extract(corpus, "-o", out, "-f", "nquads")
    assert out.read_bytes() == first  # the unreadable shard was extracted again, the output rebuilt


def test_exit_codes_and_problems_on_rerun(setup):
    corpus, out, _ = setup
    (corpus / "empty.txt").write_text("   \n")
    for _ in range(2):  # a bad document is reported on every run
        result = extract(corpus, "-o", out, code=3)
        assert "E010" in result.output
    assert last_run(out)["cached"] == 4
    extract(corpus, code=1)  # no output given
    extract(corpus, "-o", out, "-f", "ttl2", code=1)


def test_store_hook(setup, tmp_path):
    store = pytest.importorskip("kgextract.store")
    if not hasattr(store, "write_results"):
        pytest.skip("no kgextract.store.write_results")
    corpus, out, _ = setup
    extract(corpus, "-o", out, "--store", tmp_path / "store")
    rows = store.select_rows(tmp_path / "store", "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE "
                             "{ GRAPH ?g { ?d a <https://schema.org/NewsArticle> } }")
    assert rows == [{"n": "4"}]


def test_outputs_are_found_again_from_another_folder(setup, monkeypatch):
    corpus, out, docs = setup
    monkeypatch.chdir(out.parent.parent)
    extract(corpus, "-o", "out/graph.nq", "--output-dir", "out/docs")
    (corpus / "short.txt").unlink()
    monkeypatch.chdir(out.parent)
    extract(corpus, "-o", "graph.nq", "--output-dir", "docs")
    counts = last_run(out)
    assert (counts["extracted"], counts["removed"], counts["outputs_written"]) == (0, 1, 1)  # the merged graph
    assert sorted(p.name for p in docs.iterdir()) == ["full.ttl", "plant.ttl", "summit.ttl"]


def test_a_repeated_id_gives_its_file_to_the_last_document(tmp_path):
    corpus = tmp_path / "corpus"
    for folder, place in (("a", "Oslo"), ("b", "Bergen")):
        (corpus / folder).mkdir(parents=True)
        (corpus / folder / "x.txt").write_text(f"{place.upper()}, 2 June 2024 - Kari Nordmann opened a forum.\n")
    docs = tmp_path / "docs"
    extract(corpus, "--output-dir", docs, code=3)  # W020: the id 'x' is used twice
    assert "/b/x.txt" in (docs / "x.ttl").read_text()
    (corpus / "a" / "x.txt").write_text("TROMSO, 3 June 2024 - Kari Nordmann opened a forum.\n")
    extract(corpus, "--output-dir", docs, code=3)  # a/x.txt extracted now, b/x.txt cached
    assert "/b/x.txt" in (docs / "x.ttl").read_text()


def test_output_folders_are_made(setup, tmp_path):
    corpus, _, _ = setup
    for extra in ((), ("--no-cache",)):
        out = tmp_path / "new" / "-".join(extra or ("cached",)) / "graph.nq"
        extract(corpus, "-o", out, "-f", "nquads", *extra)
        assert out.stat().st_size > 0
