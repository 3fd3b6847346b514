"""Every notebook in ``notebooks/`` runs top to bottom in a fresh kernel, headless,
from its own folder (as ``jupyter nbconvert --execute`` or ``pytest --nbmake`` would),
and is committed without outputs.

Needs ``nbclient``, ``nbformat`` and ``ipykernel``, and the spaCy model (the
notebooks extract ``corpus/``); skipped when those packages are missing.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat", reason="needs nbformat (pip install nbclient ipykernel)")
nbclient = pytest.importorskip("nbclient", reason="needs nbclient (pip install nbclient ipykernel)")
pytest.importorskip("ipykernel", reason="needs ipykernel for the python3 kernel")

NOTEBOOKS = sorted((Path(__file__).resolve().parents[2] / "notebooks").glob("*.ipynb"))


def test_there_are_notebooks():
    assert [p.name for p in NOTEBOOKS][:3] == ["01_extract.ipynb", "02_relationships.ipynb",
                                               "03_sparql.ipynb"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_committed_clean(path):
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, (
                f"{path.name}: clear the outputs before committing (e.g. "
                f"jupyter nbconvert --clear-output --inplace {path.name})")


@pytest.mark.model
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs(path, monkeypatch):
    monkeypatch.setenv("PYDEVD_DISABLE_FILE_VALIDATION", "1")  # quiet debugpy in the kernel
    nb = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(
        nb, timeout=600, startup_timeout=180, kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}})
    client.execute()  # raises CellExecutionError, with the cell and traceback, on failure
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs
              if o.output_type == "error"]
    assert errors == []
    if os.environ.get("KGX_KEEP_NOTEBOOK_OUTPUTS"):  # for looking at the result by hand
        nbformat.write(nb, Path(os.environ["KGX_KEEP_NOTEBOOK_OUTPUTS"]) / path.name)
