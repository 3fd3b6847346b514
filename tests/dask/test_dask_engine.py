"""The Dask engine gives the local engine's graph, on a local cluster of two worker processes.

Needs the statistical model (marker ``model``) and dask.distributed
(skipped without it). Each test starts its own cluster on 127.0.0.1.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from rdflib import Dataset
from rdflib.compare import isomorphic

pytest.importorskip("distributed")

from kgextract.dask import run_dask
from kgextract.dask.worker import CRASH_ENV
from kgextract.run import run_corpus

pytestmark = pytest.mark.model

RELEASES = {
    "geneva.txt": "GENEVA, 5 December 2023 - Ms. Izumi Nakamitsu, Under-Secretary-General and High "
                  "Representative for Disarmament Affairs of the United Nations, opened the Conference on "
                  "Disarmament Issues in Geneva on 4 December 2023.\n",
    "vienna.txt": "VIENNA, 7 March 2024 - Ms. Nakamitsu met with Ambassador Dong-yeol Rhee in Vienna, "
                  "Austria on 6 March 2024. Ms. Nakamitsu said the meeting was useful.\n",
    "news/berlin.md": "# Acme opens a plant\n\nBERLIN, 3 May 2024 - Acme Corp named Ann Lee chief executive "
                      "officer. Ann Lee will open the new plant in Berlin, Germany on 10 June 2024.\n",
    "news/wire.jsonl": json.dumps({"id": "wire-1", "text": "PARIS, 4 April 2024 - Marie Dupont, Mayor of "
                                   "Lyon, opened the Lyon Innovation Fair in Lyon, France on 4 April 2024."}) + "\n"
                       + json.dumps({"id": "wire-2", "text": "NAIROBI, 6 May 2024 - Grace Wanjiru, Minister of "
                                     "Trade of Kenya, met Ann Lee of Acme Corp in Nairobi."}) + "\n",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("dask") / "corpus"
    for name, text in RELEASES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def local_graph(corpus) -> Dataset:
    out = corpus.parent / "local.nq"
    report = run_corpus([corpus], output=out, fmt="nquads", cache=False)
    assert report.documents == 5 and report.clean
    return _load(out)


def _load(path: Path) -> Dataset:
    ds = Dataset()
    ds.parse(path, format="nquads")
    return ds


def _same(a: Dataset, b: Dataset) -> bool:
    """Same named graphs, each isomorphic to its counterpart."""
    names = {g.identifier for g in a.graphs() if len(g)}
    if names != {g.identifier for g in b.graphs() if len(g)}:
        return False
    return all(isomorphic(a.graph(name), b.graph(name)) for name in names)


def test_two_workers_give_the_local_graph(corpus, local_graph, tmp_path):
    out = tmp_path / "dask.nq"
    report = run_dask([corpus], output=out, fmt="nquads", workers=2)
    assert (report.documents, report.workers, report.failed) == (5, 2, 0)
    assert report.partitions == 4 and report.merges >= 1  # "Ms. Nakamitsu" -> Izumi Nakamitsu
    assert _same(_load(out), local_graph)
    # every shard is a whole N-Quads file with its manifest beside it
    shard_docs = 0
    for shard in report.shards:
        manifest = json.loads(shard.with_name(shard.name.replace(".nq", ".manifest.json")).read_text())
        shard_docs += len(manifest["documents"])
        assert all(len(d["content_hash"]) == 64 for d in manifest["documents"])
        assert len(_load(shard)) > 0
    assert shard_docs == 5


def test_a_worker_that_dies_loses_nothing(corpus, local_graph, tmp_path, monkeypatch):
    marker = tmp_path / "died-once"
    monkeypatch.setenv(CRASH_ENV, f"1:{marker}")  # the worker running partition 1 exits once, mid-shard
    out = tmp_path / "dask.nq"
    report = run_dask([corpus], output=out, fmt="nquads", workers=2, retries=2)
    assert marker.exists()  # the worker did die
    assert report.documents == 5 and report.clean
    assert _same(_load(out), local_graph)
    assert not [p for p in out.with_name(f"{out.name}.kgx-dask").iterdir() if p.name.startswith(".")]


def test_an_existing_scheduler_and_turtle(corpus, local_graph, tmp_path):
    from distributed import LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address="127.0.0.1:0", silence_logs=logging.ERROR) as cluster:
        out = tmp_path / "dask.trig"
        report = run_dask([corpus], output=out, fmt="trig", scheduler=cluster.scheduler_address)
    assert report.workers == 1 and report.documents == 5
    ds = Dataset()
    ds.parse(out, format="trig")
    assert _same(ds, local_graph)


def test_facts_only_nquads_match_the_local_engine(corpus, tmp_path):
    from kgextract.rdf.provenance import facts_only

    local = tmp_path / "local-facts.nq"
    run_corpus([corpus], output=local, fmt="nquads", cache=False, provenance="none")
    out = tmp_path / "dask-facts.nq"
    report = run_dask([corpus], output=out, fmt="nquads", workers=1, provenance="none")
    assert report.documents == 5
    facts = _load(out)
    assert _same(facts, _load(local))
    assert len(facts_only(facts)) == len(facts) > 0  # nothing left to strip


def test_workers_auto_sizes_the_local_cluster_by_the_rule(tmp_path, monkeypatch):
    """``workers="auto"``: a handful of input files gives a cluster of one process (no cluster is started here)."""
    from kgextract.dask import engine

    class Stop(Exception):
        pass

    seen = {}

    def fake_extract(files, config, scheduler, workers, *rest):
        seen["workers"], seen["files"] = workers, len(files)
        raise Stop

    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text("Acme names Ann Lee chief executive.\n", encoding="utf-8")
    monkeypatch.setattr(engine, "_extract", fake_extract)
    with pytest.raises(Stop):
        run_dask([tmp_path], output=tmp_path / "out.nq", fmt="nquads", workers="auto")
    assert seen == {"workers": 1, "files": 3}
