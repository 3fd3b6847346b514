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


def test_the_command_line_starts_without_spacy():
    """--help, query, serve and eval need no pipeline: loading spaCy would cost them a second."""
    code = "import sys, kgextract, kgextract.cli; print(sorted(m for m in ('spacy', 'thinc') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_package_names_still_resolve():
    import kgextract

    assert kgextract.extract.__module__ == "kgextract.api"
    assert set(kgextract.__all__) <= set(dir(kgextract))
