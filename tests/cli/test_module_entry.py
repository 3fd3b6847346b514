"""``python -m kgextract`` runs the same command line as the ``kgextract`` script."""

import subprocess
import sys
from importlib.resources import files


def test_python_dash_m_shows_the_commands():
    out = subprocess.run([sys.executable, "-m", "kgextract", "--help"], capture_output=True,
                         text=True, check=True).stdout
    assert "extract" in out and "eval" in out and "serve" in out


def test_the_package_declares_its_types():
    assert files("kgextract").joinpath("py.typed").is_file()
