"""Same input, same bytes: across runs, hash seeds, output formats and worker counts.

Each run is a fresh process (so ``PYTHONHASHSEED`` changes set and dict
orders); every format is written, the merged graph and the per-document
files, and compared byte for byte.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kgextract.rdf.serialize import FORMATS

from .conftest import cli_env, run_cli, tree

pytestmark = pytest.mark.model

#: Writes every format of one corpus into OUT, in one process (the model is loaded once).
SCRIPT = """
import sys
from pathlib import Path
from kgextract.rdf.serialize import FORMATS
from kgextract.run import run_corpus
corpus, out = Path(sys.argv[1]), Path(sys.argv[2])
for name, fmt in sorted(FORMATS.items()):
    report = run_corpus([corpus], output=out / f"all{fmt.extension}", output_dir=out / name, fmt=name,
                        cache=False)
    assert not report.problems, report.problems
"""


def start_all_formats(corpus: Path, out: Path, seed: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", SCRIPT, str(corpus), str(out)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=cli_env(PYTHONHASHSEED=seed))


@pytest.fixture(scope="module")
def corpus(releases, tmp_path_factory) -> Path:
    """Four of the releases (every format is extracted again: keep it small)."""
    folder = tmp_path_factory.mktemp("four")
    for path in sorted(releases.glob("*.txt"))[:4]:
        (folder / path.name).write_bytes(path.read_bytes())
    return folder


@pytest.fixture(scope="module")
def seed_runs(corpus, tmp_path_factory):
    root = tmp_path_factory.mktemp("determinism")
    seeds = ("0", "4242")
    procs = {seed: start_all_formats(corpus, root / f"seed-{seed}", seed) for seed in seeds}  # in parallel
    for seed, proc in procs.items():
        try:
            _, err = proc.communicate(timeout=180)
        except subprocess.TimeoutExpired:
            proc.kill()
            pytest.fail(f"the run with PYTHONHASHSEED={seed} hung")
        assert proc.returncode == 0, err[-3000:]
    return {seed: tree(root / f"seed-{seed}") for seed in seeds}


def test_every_format_is_written(seed_runs, corpus):
    files = seed_runs["0"]
    ids = sorted(p.stem for p in corpus.glob("*.txt"))
    for name, fmt in FORMATS.items():
        assert f"all{fmt.extension}" in files
        assert sorted(Path(f).stem for f in files if f.startswith(f"{name}/")) == ids


def test_two_runs_with_other_hash_seeds_write_identical_bytes(seed_runs):
    a, b = seed_runs["0"], seed_runs["4242"]
    assert sorted(a) == sorted(b)
    assert [name for name in a if a[name] != b[name]] == []


def test_two_workers_and_another_seed_write_identical_bytes(seed_runs, corpus, tmp_path):
    out = tmp_path / "w2"
    proc = run_cli("extract", corpus, "-o", out / "all.trig", "--output-dir", out / "trig", "-f", "trig",
                   "--workers", 2, "--no-cache", "-q", env=cli_env(PYTHONHASHSEED="7"), timeout=180)
    assert proc.returncode == 0, proc.stderr[-3000:]
    want = {k: v for k, v in seed_runs["0"].items() if k == "all.trig" or k.startswith("trig/")}
    got = tree(out)
    assert sorted(got) == sorted(want)
    assert [name for name in want if got[name] != want[name]] == []
