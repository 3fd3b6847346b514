"""kgextract type-checks clean: mypy with the settings in pyproject.toml ([tool.mypy]).

A type error anywhere in src/kgextract fails here with mypy's report (file, line,
error code). mypy keeps its cache in .mypy_cache at the checkout's root: a cold run
takes some seconds, a warm one about one.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import kgextract

ROOT = Path(kgextract.__file__).resolve().parents[2]
PYPROJECT = ROOT / "pyproject.toml"

pytestmark = [
    pytest.mark.skipif(not PYPROJECT.is_file(), reason="needs a checkout (pyproject.toml)"),
    pytest.mark.skipif(importlib.util.find_spec("mypy") is None,
                       reason="mypy is not installed (pip install kgextract[test])"),
]


def mypy(*args: str) -> subprocess.CompletedProcess:
    """Run ``python -m mypy`` at the checkout's root, where it reads pyproject.toml."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run([sys.executable, "-m", "mypy", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600)


def test_the_package_type_checks():
    out = mypy()
    assert out.returncode == 0, out.stdout + out.stderr
    assert "Success: no issues found" in out.stdout


def test_a_type_error_fails_the_check(tmp_path):
    # the check must be able to fail: a misuse of one of kgextract's own types, under the project's settings
    bad = tmp_path / "misuse.py"
    bad.write_text("from kgextract.base.dates import DateValue\n\n"
                   "value: DateValue = DateValue(2023)\n", encoding="utf-8")
    out = mypy("--config-file", str(PYPROJECT), str(bad))
    assert out.returncode == 1
    assert "misuse.py:3: error:" in out.stdout and "[arg-type]" in out.stdout


def test_no_module_is_excused_wholesale():
    # untyped third-party packages may be imported as Any; kgextract's own modules are all checked
    config = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["tool"]["mypy"]
    assert config["files"] == ["src/kgextract"]
    assert "ignore_errors" not in config and "ignore_missing_imports" not in config
    for override in config.get("overrides", []):
        modules = override["module"] if isinstance(override["module"], list) else [override["module"]]
        assert not any(m == "kgextract" or m.startswith("kgextract.") for m in modules), override
        assert set(override) <= {"module", "ignore_missing_imports"}, override
