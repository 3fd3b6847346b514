"""The one atomic writer and its one permission rule."""

import os

import pytest

from kgextract.atomic import atomic_write, atomic_writer, file_mode


def test_a_new_file_gets_the_mode_open_would_give(tmp_path):
    old = os.umask(0o027)
    try:
        path = atomic_write(tmp_path / "new.nq", b"x")
        plain = tmp_path / "plain"
        plain.write_bytes(b"x")
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o777 == plain.stat().st_mode & 0o777 == 0o640


def test_an_existing_file_keeps_its_mode(tmp_path):
    path = tmp_path / "g.ttl"
    path.write_bytes(b"old")
    path.chmod(0o600)
    atomic_write(path, b"new")
    assert path.read_bytes() == b"new" and file_mode(path) == 0o600


def test_a_failure_leaves_the_old_file_and_no_temporary_file(tmp_path):
    path = tmp_path / "g.nq"
    path.write_bytes(b"old")
    with pytest.raises(RuntimeError), atomic_writer(path) as fh:
        fh.write(b"half")
        raise RuntimeError("killed")
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["g.nq"]
    with pytest.raises(OSError):
        atomic_write(tmp_path / "missing" / "g.nq", b"x")
