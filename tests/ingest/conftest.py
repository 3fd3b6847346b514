"""Fixtures for the ingest tests: small files written into ``tmp_path``."""

from __future__ import annotations

import pytest


@pytest.fixture
def write(tmp_path):
    """Write ``data`` (str as UTF-8, or bytes) to ``tmp_path / name``; return the path."""

    def _write(name: str, data: str | bytes):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, str):
            path.write_bytes(data.encode("utf-8"))
        else:
            path.write_bytes(data)
        return path

    return _write
