"""The on-disk cache of the gazetteer indexes: built once, read back, never an error, never stale."""

from __future__ import annotations

import os

import pytest

from kgextract import atomic
from kgextract.base import index_cache, linking
from kgextract.base.index_cache import cache_key, cached_index


class Builder:
    """A build function that counts its calls."""

    def __init__(self, value):
        self.value, self.calls = value, 0

    def __call__(self):
        self.calls += 1
        return self.value


def test_built_once_then_read_back(tmp_path):
    build = Builder({"geneva": [0, 3], "kiev": [7]})
    assert cached_index("cities", "k1", build, folder=tmp_path) == build.value
    assert cached_index("cities", "k1", build, folder=tmp_path) == build.value
    assert build.calls == 1
    assert len(list(tmp_path.iterdir())) == 1  # no temporary file left behind


def test_a_new_key_builds_a_new_index(tmp_path):
    old, new = Builder({"a": [1]}), Builder({"a": [2]})
    cached_index("cities", cache_key("cities", "3.0.2", "code-1"), old, folder=tmp_path)
    assert cached_index("cities", cache_key("cities", "3.0.3", "code-1"), new, folder=tmp_path) == {"a": [2]}
    assert new.calls == 1


@pytest.mark.parametrize("damage", [
    lambda b: b[: len(b) // 2],  # truncated (a run killed mid-write without the atomic rename)
    lambda b: b"not an index at all",
    lambda b: b[:-40] + b"\x00" * 40,
    lambda b: b"",
])
def test_a_corrupt_file_is_rebuilt_and_replaced(tmp_path, damage):
    build = Builder({"x": [1, 2, 3]})
    cached_index("cities", "k", build, folder=tmp_path)
    (path,) = tmp_path.iterdir()
    path.write_bytes(damage(path.read_bytes()))
    assert cached_index("cities", "k", build, folder=tmp_path) == {"x": [1, 2, 3]}
    assert build.calls == 2
    assert cached_index("cities", "k", build, folder=tmp_path) == {"x": [1, 2, 3]}
    assert build.calls == 2  # the repaired file is read again


def test_a_file_under_a_renamed_key_is_not_trusted(tmp_path):
    build = Builder({"x": [1]})
    cached_index("cities", "k1", build, folder=tmp_path)
    (path,) = tmp_path.iterdir()
    path.rename(tmp_path / path.name.replace("k1", "k2"))
    assert cached_index("cities", "k2", Builder({"y": [2]}), folder=tmp_path) == {"y": [2]}


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_folder_falls_back_to_memory(tmp_path):
    tmp_path.chmod(0o500)
    try:
        build = Builder({"x": [1]})
        assert cached_index("cities", "k", build, folder=tmp_path) == {"x": [1]}
        assert list(tmp_path.iterdir()) == []
    finally:
        tmp_path.chmod(0o700)


def test_a_folder_that_cannot_exist_falls_back_to_memory(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    build = Builder({"x": [1]})
    assert cached_index("cities", "k", build, folder=blocker / "cache") == {"x": [1]}
    assert cached_index("cities", "k", build, folder=blocker / "cache") == {"x": [1]}
    assert build.calls == 2


def test_the_folder_follows_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("KGEXTRACT_CACHE_DIR", str(tmp_path / "kgx"))
    assert index_cache.cache_folder() == tmp_path / "kgx"
    monkeypatch.delenv("KGEXTRACT_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert index_cache.cache_folder() == tmp_path / "xdg" / "kgextract"


_NAMES = ["Geneva", "Genf", "Kiev", "Springfield", "Paris", "the Hague", "Baden-Baden", "São Paulo",
          "Nowhereville", "Lagos", "Portland", "Victoria", "Cambridge", "Valencia"]


def test_the_cached_city_index_links_as_the_fresh_one(tmp_path, monkeypatch):
    """Cold (built and written), warm (read back) and in memory (no folder) give the same links."""
    def links():
        return [(name, ctx, linking.link_name(name, ctx)) for name in _NAMES for ctx in ([], ["US"], ["GB"])]

    monkeypatch.setenv("KGEXTRACT_CACHE_DIR", str(tmp_path))
    linking._city_index.cache_clear()
    try:
        cold = links()
        assert len(list(tmp_path.glob("cities-*.idx"))) == 1
        linking._city_index.cache_clear()
        warm = links()
        blocker = tmp_path / "file"
        blocker.write_text("")
        monkeypatch.setenv("KGEXTRACT_CACHE_DIR", str(blocker / "below"))
        linking._city_index.cache_clear()
        in_memory = links()
    finally:
        linking._city_index.cache_clear()
    assert cold == warm == in_memory
    assert sum(link is not None for _, _, link in cold) > len(_NAMES)  # the check has links to compare


def test_a_refused_write_falls_back_to_memory(tmp_path, monkeypatch):
    """The read-only case where permissions cannot be tested (as root): the OS refuses the file."""
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(atomic.tempfile, "mkstemp", refuse)
    build = Builder({"x": [1]})
    assert cached_index("cities", "k", build, folder=tmp_path) == {"x": [1]}
    assert list(tmp_path.iterdir()) == []
