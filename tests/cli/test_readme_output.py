"""The README's first example output is what a user sees at the top of ``graph.ttl``."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kgextract.cli import app

pytestmark = pytest.mark.model

REPO = Path(__file__).resolve().parents[2]


def _first_turtle_block(readme: str) -> str:
    match = re.search(r"```turtle\n(.*?)```", readme, re.S)
    assert match, "the README has no turtle example"
    return match.group(1)


def test_readme_first_example_is_the_top_of_graph_ttl(tmp_path):
    out = tmp_path / "graph.ttl"
    res = CliRunner().invoke(app, ["extract", str(REPO / "corpus"), "-o", str(out), "--no-cache", "-q"])
    assert res.exit_code == 0, res.output
    shown = _first_turtle_block((REPO / "README.md").read_text(encoding="utf-8"))
    top = out.read_text(encoding="utf-8")[: len(shown)]
    assert shown == top, (
        "README.md's first turtle example is no longer the top of graph.ttl: replace it with the first "
        f"{shown.count(chr(10))} lines of `kgextract extract corpus/ -o graph.ttl`")
