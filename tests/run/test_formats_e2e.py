"""Every input format, nested folders and format-from-content, through ``kgextract extract``."""

from __future__ import annotations

import pytest
from rdflib import Dataset, Literal
from typer.testing import CliRunner

from kgextract.cli import app
from kgextract.rdf.namespaces import RDF, RDFS, SDO

from .helpers import DOC_IDS

pytestmark = pytest.mark.model


def test_all_formats_end_to_end(corpus, tmp_path):
    out, per_doc = tmp_path / "out" / "graph.trig", tmp_path / "out" / "docs"
    result = CliRunner().invoke(app, ["extract", str(corpus), "-o", str(out), "-f", "trig",
                                      "--output-dir", str(per_doc), "-q"])
    assert result.exit_code == 0, result.output
    ds = Dataset(default_union=True)
    ds.parse(out, format="trig")
    ids = sorted(str(o) for a in ds.subjects(RDF.type, SDO.NewsArticle) for o in ds.objects(a, SDO.identifier))
    assert ids == DOC_IDS
    assert sorted(p.stem for p in per_doc.glob("*.trig")) == DOC_IDS
    # HTML saved as .txt is read as HTML: its <title> becomes the headline, the menu is gone
    assert (None, SDO.headline, Literal("Forum in Busan")) in ds
    assert not list(ds.subjects(RDFS.label, Literal("Home")))
    # the PDF's text layer and the JSON Lines records were read
    labels = {str(o) for o in ds.objects(None, RDFS.label)}
    assert {"Tokyo", "Nairobi", "Berlin"} <= labels
    assert (None, SDO.headline, Literal("Talks in Nairobi")) in ds
    # one named graph per document, plus the corpus graph
    names = sorted(str(g.identifier).rsplit("/", 1)[-1] for g in ds.graphs() if len(g))
    assert names == sorted([*DOC_IDS, "corpus"])
