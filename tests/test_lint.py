"""The checkout lints clean: ruff with the settings in pyproject.toml ([tool.ruff], [tool.ruff.lint]).

A finding anywhere in src/, tests/ or benchmarks/ fails here with ruff's report (file, line, rule).
Fix it by hand or with ``python -m ruff check --fix src tests benchmarks`` (safe fixes only);
``ruff format`` is not used in this project.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = ROOT / "pyproject.toml"

pytestmark = [
    pytest.mark.skipif(not PYPROJECT.is_file(), reason="needs a checkout (pyproject.toml)"),
    pytest.mark.skipif(importlib.util.find_spec("ruff") is None,
                       reason="ruff is not installed (pip install kgextract[test])"),
]


def ruff(*args: str) -> subprocess.CompletedProcess:
    """Run ``python -m ruff check`` at the checkout's root, where it reads pyproject.toml."""
    return subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)


def test_the_checkout_lints_clean():
    out = ruff("src", "tests", "benchmarks")
    assert out.returncode == 0, out.stdout + out.stderr


def test_the_check_reports_a_finding(tmp_path):
    # the check above can fail: the same settings flag an unused import and a bare zip()
    bad = tmp_path / "bad.py"
    bad.write_text("import os\n\n\ndef pairs(a, b):\n    return list(zip(a, b))\n", encoding="utf-8")
    out = ruff("--config", str(PYPROJECT), str(bad))
    assert out.returncode == 1, out.stdout + out.stderr
    assert "F401" in out.stdout and "B905" in out.stdout
