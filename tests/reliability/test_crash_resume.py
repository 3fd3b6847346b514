"""``kgextract extract`` killed from outside (SIGKILL) at several points, then run again.

tests/run/test_resume.py kills the run from inside at named points
(``KGEXTRACT_CRASH_AT``); this test kills a real subprocess from outside,
as an OOM killer or a power cut would, while it writes its per-document
files: before the first file, then after 1, 3 and 5 files (cumulative over
the re-runs). The last run must end with exactly the files of an
uninterrupted run, byte for byte, and no temporary file anywhere.
"""

from __future__ import annotations

import signal
import subprocess
import time
from pathlib import Path

import pytest

from .conftest import cli_env, kgextract_command, run_cli, temp_files, tree

pytestmark = pytest.mark.model

#: Kill once this many per-document files exist (0: while the model loads).
KILL_AFTER = (0, 1, 3, 5)


def args(corpus: Path, root: Path, *more) -> list[str]:
    return ["extract", str(corpus), "-o", str(root / "all.nq"), "--output-dir", str(root / "docs"),
            "-f", "nquads", "-q", *map(str, more)]


def run_and_kill(cmd: list[str], docs: Path, files: int, timeout: float = 90) -> bool:
    """Start ``cmd``; SIGKILL it once ``docs`` holds ``files`` files. True if it was killed."""
    proc = subprocess.Popen(cmd, env=cli_env(), stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + timeout
    try:
        if files == 0:
            time.sleep(0.3)  # the model is loading: kill now
        while files and proc.poll() is None and time.monotonic() < deadline:
            if files and docs.is_dir() and sum(1 for p in docs.glob("*.nq")) >= files:
                break
            time.sleep(0.005)
        killed = proc.poll() is None
        if killed:
            proc.send_signal(signal.SIGKILL)
    finally:
        if proc.poll() is None and time.monotonic() >= deadline:
            proc.kill()
        proc.wait(30)
    assert time.monotonic() < deadline, "the run neither finished nor wrote the files in time"
    return killed and proc.returncode == -signal.SIGKILL


def test_killed_from_outside_at_several_points_reruns_to_the_same_files(releases, tmp_path):
    assert len(list(releases.glob("*.txt"))) > max(KILL_AFTER), "too few releases for the kill points"
    reference = tmp_path / "reference"
    done = run_cli(*args(releases, reference))
    assert done.returncode == 0, done.stderr[-3000:]
    want = tree(reference)

    root = tmp_path / "run"
    cmd = kgextract_command() + args(releases, root, "--batch-size", 1)  # one file per document
    kills = [files for files in KILL_AFTER if run_and_kill(cmd, root / "docs", files)]
    assert kills == list(KILL_AFTER), f"only {kills} of the kill points hit a running process"

    final = run_cli(*args(releases, root))
    assert final.returncode == 0, final.stderr[-3000:]
    got = tree(root)
    assert sorted(got) == sorted(want)
    assert [name for name in want if got[name] != want[name]] == []
    assert temp_files(root) == []
    again = run_cli(*args(releases, root))  # and nothing is left to do
    assert again.returncode == 0 and tree(root) == want
