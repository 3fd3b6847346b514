"""The layers of docs/architecture.md hold: the import-linter contracts in pyproject.toml.

A wrong-way import (a stage importing one above it, a cycle between the modules
of a package, spaCy in the base) fails here with import-linter's report, which
names the contract and the chain of imports that breaks it.
"""

from __future__ import annotations

import importlib
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import kgextract

SRC = Path(kgextract.__file__).resolve().parents[1]
PYPROJECT = SRC.parent / "pyproject.toml"

pytestmark = pytest.mark.skipif(not PYPROJECT.is_file(), reason="needs a checkout (pyproject.toml)")

_LINT = ("import sys; from importlinter.cli import lint_imports; "
         "sys.exit(lint_imports(config_filename=sys.argv[1], no_cache=True, no_logo=True))")


def lint(src: Path) -> subprocess.CompletedProcess:
    """Run import-linter with the project's contracts on the package under ``src``."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    return subprocess.run([sys.executable, "-c", _LINT, str(PYPROJECT)], cwd=src, env=env,
                          capture_output=True, text=True, timeout=300)


def test_the_import_contracts_are_kept():
    out = lint(SRC)
    assert out.returncode == 0, out.stdout + out.stderr


def test_an_upward_import_breaks_the_layers_contract(tmp_path):
    # the contract must be able to fail: a copy of the package where the base imports the CLI
    shutil.copytree(SRC / "kgextract", tmp_path / "kgextract", ignore=shutil.ignore_patterns("__pycache__"))
    names = tmp_path / "kgextract" / "base" / "names.py"
    names.write_text(names.read_text(encoding="utf-8") + "\nimport kgextract.cli  # noqa\n", encoding="utf-8")
    out = lint(tmp_path)
    assert out.returncode != 0
    assert "kgextract.base.names -> kgextract.cli" in out.stdout


def test_the_spacy_factory_entry_points_resolve():
    entry_points = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["entry-points"]
    for name, target in entry_points["spacy_factories"].items():
        module, _, attr = target.partition(":")
        assert callable(getattr(importlib.import_module(module), attr)), name
