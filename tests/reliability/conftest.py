"""Fixtures of the reliability tests: the real ``kgextract`` program in a subprocess, corpora.

``cli(*args, env=..., timeout=...)`` runs the installed ``kgextract`` entry
point (``python -c 'from kgextract.cli import main; main()'`` when the script
is not beside this Python) and never waits longer than ``timeout``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .badfiles import GOOD_RELEASES, release_texts_from

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"


def kgextract_command() -> list[str]:
    """The command that starts the ``kgextract`` program of this environment."""
    script = Path(sys.executable).parent / "kgextract"
    if script.is_file():
        return [str(script)]
    return [sys.executable, "-c", "from kgextract.cli import main; main()"]


def cli_env(**extra: str) -> dict[str, str]:
    """The environment of a subprocess run: wide lines (no wrapped messages), no colour."""
    env = {**os.environ, "COLUMNS": "400", "NO_COLOR": "1", "TERM": "dumb"}
    env.pop("KGEXTRACT_CRASH_AT", None)
    env.update(extra)
    return env


def run_cli(*args, env: dict[str, str] | None = None, timeout: float = 120,
            command: list[str] | None = None) -> subprocess.CompletedProcess:
    """Run ``kgextract ARGS`` to the end (or fail the test after ``timeout`` seconds)."""
    cmd = (command or kgextract_command()) + [str(a) for a in args]
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout,
                              env=env or cli_env(), stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired as err:
        pytest.fail(f"kgextract {' '.join(map(str, args))} hung for more than {timeout} s: {err}")


@pytest.fixture(scope="session")
def cli():
    return run_cli


@pytest.fixture(scope="session")
def release_texts() -> dict[str, str]:
    """Eight releases: corpus/ and ../shared/corpus when present, the built-in two otherwise."""
    texts = release_texts_from(REPO / "corpus", SHARED / "corpus", limit=8)
    if len(texts) < 6:  # without ../shared: pad with the built-in releases
        texts = {**texts, **dict(GOOD_RELEASES)}
    return texts


@pytest.fixture(scope="session")
def releases(tmp_path_factory, release_texts) -> Path:
    """A folder of good releases (``<id>.txt``), written once per session; do not modify."""
    folder = tmp_path_factory.mktemp("releases")
    for doc_id, text in release_texts.items():
        (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    return folder


def tree(root: Path, skip_cache: bool = True) -> dict[str, bytes]:
    """Every file under ``root`` by relative path (the cache folders and manifests aside)."""
    out = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if not path.is_file():
            continue
        if skip_cache and (".kgx-cache" in rel or "manifest.json" in rel):
            continue
        out[rel] = path.read_bytes()
    return out


def temp_files(root: Path) -> list[str]:
    """Temporary files a writer left under ``root`` (atomic writes use ``.<name>.*.tmp``)."""
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*")
                  if p.name.endswith(".tmp") or p.name.startswith(".") and ".tmp" in p.name)
