"""A run killed at any point (SIGKILL) and started again ends with the uninterrupted run's files."""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kgextract.cli import app
from kgextract.run.runner import CRASH_ENV

from .helpers import popen_cli, run_cli

pytestmark = pytest.mark.model


def outputs(root: Path) -> dict[str, bytes]:
    """The files a run leaves in ``root``, manifest and cache aside, by relative path."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and ".kgx-cache" not in p.as_posix() and not p.name.endswith(".manifest.json")}


def args(corpus: Path, root: Path, *more: str) -> list[str]:
    return ["extract", str(corpus), "-o", str(root / "graph.nq"), "-f", "nquads",
            "--output-dir", str(root / "docs"), "-q", *more]


@pytest.fixture
def reference(corpus, tmp_path) -> dict[str, bytes]:
    root = tmp_path / "reference"
    result = CliRunner().invoke(app, args(corpus, root))
    assert result.exit_code == 0, result.output
    return outputs(root)


def resume(corpus: Path, root: Path) -> dict[str, bytes]:
    result = CliRunner().invoke(app, args(corpus, root))
    assert result.exit_code == 0, result.output
    assert not [p for p in root.rglob("*.tmp")], "temporary files left behind"
    return outputs(root)


@pytest.mark.parametrize("point", ["shard:3", "output"])
def test_killed_run_resumes_to_the_same_files(corpus, tmp_path, reference, point):
    root = tmp_path / "run"
    killed = run_cli(*args(corpus, root), env={CRASH_ENV: point})
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert resume(corpus, root) == reference


def _children(pid: int) -> list[int]:
    kids = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            kids.append(int(stat.parent.name))
    return kids


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_parallel_run_killed_mid_way(corpus, tmp_path, reference):
    """No hook: kill the parent of a --workers 2 run once results appear; its workers end too."""
    root = tmp_path / "run"
    proc = popen_cli(*args(corpus, root, "--workers", "2", "--batch-size", "1"))
    shards = root / "graph.nq.kgx-cache" / "shards"
    deadline = time.monotonic() + 120
    while proc.poll() is None and time.monotonic() < deadline and len(list(shards.glob("*/*.json"))) < 2:
        time.sleep(0.01)
    workers = _children(proc.pid)
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=60)
    deadline = time.monotonic() + 20
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    leftover = [w for w in workers if _alive(w)]
    for w in leftover:
        os.kill(w, signal.SIGKILL)
    assert not leftover, "worker processes outlived the killed run"
    assert resume(corpus, root) == reference
