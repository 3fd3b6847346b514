"""``kgextract extract`` end to end on small folders written into ``tmp_path``."""

from __future__ import annotations

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from typer.main import get_command
from typer.testing import CliRunner

from kgextract.cli import app

pytestmark = pytest.mark.model

GOOD = {
    "acme-2023-05-05.txt": "PARIS, 5 May 2023 - Acme Corp opened a plant. Jane Roe, chief financial officer of "
                           "Acme Corp, said the results were strong.\n",
    "summit.md": "# Summit\n\nThe Global Water Summit took place in Berlin, Germany, on 4 May 2023.\n",
}
LABEL = URIRef("http://www.w3.org/2000/01/rdf-schema#label")
RDF_FORMATS = {"turtle": (".ttl", "turtle"), "trig": (".trig", "trig"), "nquads": (".nq", "nquads"),
               "json-ld": (".jsonld", "json-ld")}


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in GOOD.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def invoke(*args: str):
    # a wide terminal: rich must not wrap the messages the tests look for
    return CliRunner().invoke(app, ["extract", *map(str, args)], env={"COLUMNS": "400"})


def parse(path, fmt: str) -> Dataset:
    ds = Dataset(default_union=True)  # triples of every named graph
    ds.parse(path, format=fmt)
    return ds


def labels(ds: Graph) -> set[str]:
    return {str(o) for _, _, o in ds.triples((None, LABEL, None))}


def rdf_files(folder, ext: str = ".ttl") -> list[str]:
    """The graph files in ``folder`` (not the run's cache or manifest)."""
    return sorted(p.name for p in folder.iterdir() if p.is_file() and p.suffix == ext and not p.name.startswith("."))


def temp_files(folder) -> list[str]:
    return sorted(str(p) for p in folder.rglob("*.tmp"))


def document_graphs(ds: Dataset) -> set[str]:
    return {str(g.identifier) for g in ds.graphs() if len(g) and "/graph/" in str(g.identifier)}


def test_output_file_is_parseable_turtle(corpus, tmp_path):
    out = tmp_path / "out.ttl"
    result = invoke(corpus, "-o", out)
    assert result.exit_code == 0, result.output
    graph = Graph().parse(out, format="turtle")
    assert {"Jane Roe", "Acme Corp", "Global Water Summit", "Berlin", "Germany"} <= labels(graph)
    assert "2 documents" in result.stderr


def test_output_dir_writes_one_file_per_input_named_after_its_stem(corpus, tmp_path):
    out = tmp_path / "pred"
    result = invoke(corpus, "--output-dir", out, "-q")
    assert result.exit_code == 0, result.output
    assert rdf_files(out) == ["acme-2023-05-05.ttl", "summit.ttl"]
    one = Graph().parse(out / "summit.ttl", format="turtle")
    assert "Global Water Summit" in labels(one) and "Jane Roe" not in labels(one)
    assert (None, URIRef("https://schema.org/identifier"), Literal("summit")) in one


def test_output_and_output_dir_together(corpus, tmp_path):
    result = invoke(corpus, "-o", tmp_path / "all.nq", "--output-dir", tmp_path / "pred", "-f", "nquads", "-q")
    assert result.exit_code == 0, result.output
    whole = parse(tmp_path / "all.nq", "nquads")
    parts = [parse(tmp_path / "pred" / name, "nquads") for name in rdf_files(tmp_path / "pred", ".nq")]
    assert len(parts) == 2
    for part in parts:  # the whole graph may add corpus-level triples
        assert set(part.quads()) <= set(whole.quads())


@pytest.mark.parametrize("fmt", sorted(RDF_FORMATS))
def test_formats_parse_back(corpus, tmp_path, fmt):
    ext, rdflib_name = RDF_FORMATS[fmt]
    out = tmp_path / f"out{ext}"
    result = invoke(corpus, "-o", out, "--format", fmt, "--output-dir", tmp_path / "pred", "-q")
    assert result.exit_code == 0, result.output
    ds = parse(out, rdflib_name)
    assert {"Jane Roe", "Global Water Summit"} <= labels(ds)
    assert rdf_files(tmp_path / "pred", ext) == [f"acme-2023-05-05{ext}", f"summit{ext}"]
    if fmt in ("trig", "nquads"):
        assert len(document_graphs(ds)) == 2  # one named graph per document


def test_formats_hold_the_same_triples(corpus, tmp_path):
    graphs = {}
    for fmt, (ext, name) in RDF_FORMATS.items():
        out = tmp_path / f"out{ext}"
        assert invoke(corpus, "-o", out, "-f", fmt, "-q").exit_code == 0
        graphs[fmt] = {t for t in parse(out, name).triples((None, None, None))}
    assert graphs["turtle"] == graphs["trig"] == graphs["nquads"] == graphs["json-ld"]


def test_unknown_format_is_e002(corpus, tmp_path):
    result = invoke(corpus, "-o", tmp_path / "out.ttl", "--format", "ttl2")
    assert result.exit_code == 1
    assert "E002" in result.stderr and "ttl2" in result.stderr
    for name in RDF_FORMATS:
        assert name in result.stderr
    assert not (tmp_path / "out.ttl").exists()


def test_no_output_is_e008(corpus):
    result = invoke(corpus)
    assert result.exit_code == 1
    assert "E008" in result.stderr


def test_missing_input_is_e004(tmp_path):
    result = invoke(tmp_path / "nope", "-o", tmp_path / "out.ttl")
    assert result.exit_code == 1
    assert "E004" in result.stderr


def test_folder_without_releases_is_e003(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "notes.csv").write_text("a,b\n", encoding="utf-8")
    result = invoke(tmp_path / "in", "-o", tmp_path / "out.ttl")
    assert result.exit_code == 1
    assert "E003" in result.stderr


def test_unknown_model_is_e001(corpus, tmp_path):
    result = invoke(corpus, "-o", tmp_path / "out.ttl", "--model", "xx_no_such_model")
    assert result.exit_code == 1
    assert "E001" in result.stderr and "xx_no_such_model" in result.stderr


def test_bad_inputs_are_reported_and_the_rest_is_written(corpus, tmp_path):
    bad = {
        "empty.txt": b"  \n\n",
        "blob.txt": bytes(range(256)) * 4,
        "latin.txt": "PARIS, 6 May 2023 - Caf\u00e9 owner John Doe spoke.".encode("latin-1") + b"\x81\x8d\x8f\x90\x9d",
    }
    for name, data in bad.items():
        (corpus / name).write_bytes(data)
    result = invoke(corpus, "-o", tmp_path / "out.ttl", "--output-dir", tmp_path / "pred")
    assert result.exit_code == 3, result.output
    for name, code in (("empty.txt", "E010"), ("blob.txt", "E011"), ("latin.txt", "E012")):
        line = next((ln for ln in result.stderr.splitlines() if name in ln), "")
        assert code in line, (name, result.stderr)
    assert rdf_files(tmp_path / "pred") == ["acme-2023-05-05.ttl", "summit.ttl"]
    assert {"Jane Roe", "Global Water Summit"} <= labels(Graph().parse(tmp_path / "out.ttl"))
    assert "2 documents" in result.stderr and "3 failed" in result.stderr


def test_output_is_written_atomically(corpus, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "all.ttl").write_text("stale", encoding="utf-8")
    result = invoke(corpus, "-o", out / "all.ttl", "--output-dir", out, "-q")
    assert result.exit_code == 0, result.output
    assert rdf_files(out) == ["acme-2023-05-05.ttl", "all.ttl", "summit.ttl"]
    assert "stale" not in (out / "all.ttl").read_text(encoding="utf-8")
    assert temp_files(tmp_path) == []


def test_unwritable_output_is_e070_and_leaves_no_temp_file(corpus, tmp_path):
    out = tmp_path / "out"
    (out / "all.ttl").mkdir(parents=True)  # a folder where the file should go: the final rename fails
    result = invoke(corpus, "-o", out / "all.ttl", "-q")
    assert result.exit_code == 1
    assert "E070" in result.stderr
    assert (out / "all.ttl").is_dir() and list((out / "all.ttl").iterdir()) == []
    assert temp_files(tmp_path) == []


@pytest.mark.parametrize("fmt", sorted(RDF_FORMATS))
def test_same_input_gives_byte_identical_output(corpus, tmp_path, fmt):
    ext = RDF_FORMATS[fmt][0]
    runs = []
    for n in (1, 2):
        assert invoke(corpus, "-o", tmp_path / f"run{n}{ext}", "--output-dir", tmp_path / f"pred{n}",
                      "-f", fmt, "-q").exit_code == 0
        runs.append([(tmp_path / f"run{n}{ext}").read_bytes()]
                    + [(tmp_path / f"pred{n}" / name).read_bytes() for name in rdf_files(tmp_path / f"pred{n}", ext)])
    assert len(runs[0]) == 3
    assert runs[0] == runs[1]


def test_rerun_into_the_same_output_gives_byte_identical_output(corpus, tmp_path):
    out = tmp_path / "all.trig"
    outputs = []
    for _ in range(2):
        assert invoke(corpus, "-o", out, "--output-dir", tmp_path / "pred", "-f", "trig", "-q").exit_code == 0
        outputs.append([out.read_bytes()] + [(tmp_path / "pred" / n).read_bytes()
                                             for n in rdf_files(tmp_path / "pred", ".trig")])
    assert outputs[0] == outputs[1]


def test_threshold_option(corpus, tmp_path):
    assert invoke(corpus, "-o", tmp_path / "all.nq", "-f", "nquads", "-q").exit_code == 0
    assert invoke(corpus, "-o", tmp_path / "high.nq", "-f", "nquads", "--threshold", "0.99", "-q").exit_code == 0
    member_of = URIRef("http://www.w3.org/ns/org#memberOf")
    assert (None, member_of, None) in parse(tmp_path / "all.nq", "nquads")
    assert (None, member_of, None) not in parse(tmp_path / "high.nq", "nquads")


@pytest.mark.parametrize("args", [["--threshold", "1.5"], ["--batch-size", "0"], ["--max-bytes", "0"]])
def test_out_of_range_options_are_usage_errors(corpus, tmp_path, args):
    result = invoke(corpus, "-o", tmp_path / "out.ttl", *args)
    assert result.exit_code == 2
    assert not (tmp_path / "out.ttl").exists()


def test_max_bytes_skips_large_files(corpus, tmp_path):
    result = invoke(corpus, "-o", tmp_path / "out.ttl", "--max-bytes", "100", "-q")
    assert result.exit_code == 3
    assert "E013" in result.stderr and "acme-2023-05-05.txt" in result.stderr
    assert "Global Water Summit" in labels(Graph().parse(tmp_path / "out.ttl"))


def test_help_mentions_every_option():
    command = get_command(app).commands["extract"]
    result = CliRunner().invoke(app, ["extract", "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    options = [p for p in command.params if p.opts[0].startswith("-")]  # typer vendors its own click
    opts = [opt for p in options for opt in p.opts + p.secondary_opts]
    assert {"-o", "--output", "--output-dir", "--format", "--model", "--threshold", "--batch-size",
            "--max-bytes", "--quiet"} <= set(opts)
    for opt in opts:
        assert opt in result.output, opt
    for fmt in RDF_FORMATS:
        assert fmt in result.output
    assert "3" in result.output and "Exit status" in result.output


def test_error_message_keeps_a_long_path_on_one_line(corpus, tmp_path):
    deep = corpus / ("a_rather_long_folder_name_for_releases" * 2) / "and_another_long_folder_name_below_it"
    deep.mkdir(parents=True)
    (deep / "empty_release.txt").write_text("", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(corpus), "-o", str(tmp_path / "out.ttl"), "-q"],
                                env={"COLUMNS": "80"})
    assert result.exit_code == 3
    assert str(deep / "empty_release.txt") in result.stderr


# --- readable Turtle and --provenance ---------------------------------------------------------------

def test_turtle_output_starts_with_the_people(corpus, tmp_path):
    out = tmp_path / "out.ttl"
    assert invoke(corpus, "-o", out, "-q").exit_code == 0
    body = out.read_text(encoding="utf-8").split("\n\n", 1)[1]
    assert body.startswith("# People\n\nperson:jane-roe a schema:Person ;\n    rdfs:label \"Jane Roe\" ;")
    assert body.index("# Memberships") < body.index("# Provenance")


@pytest.mark.parametrize("fmt", ["turtle", "nquads"])
def test_provenance_none_writes_the_facts_only(corpus, tmp_path, fmt):
    ext, parser = RDF_FORMATS[fmt]
    full, facts = tmp_path / f"full{ext}", tmp_path / f"facts{ext}"
    assert invoke(corpus, "-o", full, "--format", fmt, "-q").exit_code == 0
    res = invoke(corpus, "-o", facts, "--output-dir", tmp_path / "docs", "--format", fmt, "--provenance", "none", "-q")
    assert res.exit_code == 0, res.output
    for path in (facts, tmp_path / "docs" / f"summit{ext}"):
        graph = parse(path, parser)
        assert not list(graph.quads((None, URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                                     URIRef("https://w3id.org/kgextract/ontology#Assertion"), None)))
        assert not [p for _, p, _, _ in graph.quads((None, None, None, None))
                    if str(p).startswith("http://www.w3.org/ns/prov#")]
    extractors = {label for label in labels(parse(full, parser)) if label.startswith("kgx")}
    assert extractors and labels(parse(facts, parser)) == labels(parse(full, parser)) - extractors
    assert facts.stat().st_size < full.stat().st_size / 2


def test_unknown_provenance_level_is_e009(corpus, tmp_path):
    res = invoke(corpus, "-o", tmp_path / "out.ttl", "--provenance", "some")
    assert res.exit_code == 1 and "[E009]" in res.stderr


def test_switching_provenance_rewrites_cached_outputs(corpus, tmp_path):
    out, docs = tmp_path / "all.nq", tmp_path / "docs"
    args = (corpus, "-o", out, "--output-dir", docs, "--format", "nquads", "-q")
    assert invoke(*args).exit_code == 0
    full = out.read_bytes(), (docs / "summit.nq").read_bytes()
    assert invoke(*args, "--provenance", "none").exit_code == 0
    facts = out.read_bytes(), (docs / "summit.nq").read_bytes()
    assert all(b"/id/assertion/" in f for f in full) and not any(b"/id/assertion/" in f for f in facts)
    assert invoke(*args).exit_code == 0
    assert (out.read_bytes(), (docs / "summit.nq").read_bytes()) == full


def test_an_unknown_extractor_stops_the_run_with_e048(corpus, tmp_path):
    out = tmp_path / "g.ttl"
    res = invoke(corpus, "-o", out, "--extractor", "kgx.roles.v1", "--extractor", "kgx.nope.v1")
    assert res.exit_code == 1 and "[E048]" in res.output and "kgx.nope.v1" in res.output
    assert "kgx.document.v2" in res.output and not out.exists()
