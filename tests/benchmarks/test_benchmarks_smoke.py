"""Smoke tests of the scripts in benchmarks/: their core functions on a tiny slice, so they cannot rot.

The scripts are not a package; they are loaded from their files (with their
shared ``common`` module). Tests that read ../shared skip when it is absent.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
BENCH = REPO / "benchmarks"
SHARED = REPO.parent / "shared"
CONLL04 = SHARED / "benchmarks" / "conll04"
IEER = SHARED / "benchmarks" / "nist_ieer"


def _load(name: str, module_name: str | None = None):
    module_name = module_name or f"kgx_benchmarks_{name}"
    if module_name in sys.modules:
        return sys.modules[module_name]
    if name != "common":
        _load("common", "common")  # the scripts say ``from common import ...``
    spec = importlib.util.spec_from_file_location(module_name, BENCH / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def conll04():
    return _load("conll04")


@pytest.fixture(scope="module")
def ieer():
    return _load("ieer")


@pytest.fixture(scope="module")
def throughput():
    return _load("throughput")


# --- no model, no data ------------------------------------------------------------------------------

def test_common_score_and_matching():
    common = _load("common", "common")
    assert common.Score(tp=2, n_pred=4, n_gold=2).f1 == pytest.approx(2 / 3)
    assert common.Score().f1 == 0.0
    assert common.max_matching([{"a"}, {"a", "b"}, {"b"}]) == 2


@pytest.mark.parametrize("tokens, text", [
    (["Acme", "Corp", ".", "of", "Boston", ",", "Mass", "."], "Acme Corp. of Boston, Mass."),
    (["He", "said", "`", "`", "no", "'", "'", "to", "IBM", "'s", "offer"], 'He said "no" to IBM\'s offer'),
    (["14", ",", "800", "feet", "(", "AP", ")"], "14,800 feet (AP)"),
])
def test_conll04_detokenize(conll04, tokens, text):
    out, offsets = conll04.detokenize(tokens)
    assert out == text
    assert len(offsets) == len(tokens)
    assert all(out[s:e] in (t, "", '"') for t, (s, e) in zip(tokens, offsets, strict=True))


def test_ieer_parse_file_offsets(ieer):
    raw = ('<DOC><DOCNO> N1 </DOCNO><DATE_TIME> 03/14/1998 09:00:00 </DATE_TIME><TEXT>\n\t   '
           '<b_enamex type="PERSON">Kofi\nAnnan<e_enamex> spoke\nin <b_enamex type="LOCATION">Africa<e_enamex>.\n'
           '\t   Then <b_enamex type="ORGANIZATION" status="opt">U.N.<e_enamex> left <b_numex type="MONEY">dlrs 3'
           '<e_numex>.\n</TEXT></DOC>')
    (story,) = ieer.parse_file(raw)
    assert story.text == "Kofi Annan spoke in Africa.\n\nThen U.N. left dlrs 3."
    assert [(t, story.text[s:e]) for t, s, e in story.gold] == [("PERSON", "Kofi Annan"), ("LOCATION", "Africa")]
    assert [story.text[s:e] for _, s, e in story.optional] == ["U.N."]
    un = story.text.index("U.N.")
    scores = ieer.score(story.gold, story.optional, [("PERSON", 0, 10), ("ORGANIZATION", un, un + 4)])
    assert (scores["PERSON"].tp, scores["ORGANIZATION"].n_pred) == (1, 0)  # the optional hit counts neither way


def test_throughput_corpus_is_unique(throughput):
    docs = throughput.build_corpus([("a", "Acme names Ann Lee CEO."), ("b", "Beta opens a plant.")], 7)
    assert len(docs) == 7 and len({i for i, _ in docs}) == 7 and len({t for _, t in docs}) == 7


@pytest.mark.parametrize("script", ["conll04", "ieer"])
def test_missing_shared_exits_cleanly(script, tmp_path, capsys):
    with pytest.raises(SystemExit) as exc:
        _load(script).main(["--shared", str(tmp_path / "absent")])
    assert exc.value.code == 2
    assert "not found" in capsys.readouterr().err


# --- with the model (and ../shared) ------------------------------------------------------------------

@pytest.mark.model
@pytest.mark.shared
@pytest.mark.skipif(not CONLL04.is_dir(), reason="../shared/benchmarks/conll04 is absent")
def test_conll04_on_five_sentences(conll04, extractor, tmp_path, capsys):
    sentences = conll04.load_sentences(CONLL04 / "conll04_test.json", limit=5)
    assert len(sentences) == 5 and all(s.text.strip() for s in sentences)
    report = conll04.score(sentences, conll04.run_kgextract(sentences, extractor))
    assert report["sentences"] == 5
    for part in (report["relations"], report["entities"], report["adjusted"]["relations"]):
        assert 0.0 <= part["combined"]["f1"] <= 1.0
        assert part["combined"]["n_gold"] == sum(v["n_gold"] for k, v in part.items() if k != "combined")
    assert report["entities"]["Loc"]["n_gold"] > 0
    text = conll04.render(report, "test-model", show_misses=2)
    assert "Work_For -> memberOf" in text and "REBEL" in text and "SpERT" in text
    out = tmp_path / "conll04.json"
    assert conll04.main(["--limit", "5", "--json", str(out)]) == 0
    assert json.loads(out.read_text())["sentences"] == 5
    assert "combined (micro)" in capsys.readouterr().out


@pytest.mark.model
@pytest.mark.shared
@pytest.mark.skipif(not IEER.is_dir(), reason="../shared/benchmarks/nist_ieer is absent")
def test_ieer_on_one_file(ieer, extractor):
    stories = ieer.load_stories(IEER, ["APW_19980429"])
    assert len(stories) == 3 and all(s.text[e - 1] != " " for s in stories for _, _, e in s.gold)
    report = ieer.run(stories[:1])
    assert report["stories"] == 1 and report["mention_offset_mismatches"] == 0
    for system in ("spacy", "kgextract"):
        for variant in ("exact", "lenient"):
            assert set(report["systems"][system][variant]) == {*ieer.TYPES, "micro"}
    exact = report["systems"]["kgextract"]["exact"]["micro"]["tp"]
    assert report["systems"]["kgextract"]["lenient"]["micro"]["tp"] >= exact
    assert "DATE" in ieer.render(report, examples=3)


@pytest.mark.model
def test_throughput_on_five_releases(throughput):
    sources = throughput.source_texts([REPO / "corpus", SHARED / "corpus"])
    if not sources:
        pytest.skip("no releases in corpus/ or ../shared/corpus")
    report = throughput.benchmark(sources, [5], batch_size=4, workers=1, repeats=2)
    configs = [r["config"] for r in report["rows"]]
    assert configs == ["spacy", "kgextract", "cli"]  # with rounds, no "spacy, again"
    for row in report["rows"]:
        assert row["docs"] == 5 and row["tokens"] > 0 and row["rss_mib"] > 0 and row["docs_per_s"] > 0
        assert row["runs"] == 2 and row["spread"] >= 0
    assert "docs/s" in throughput.render(report)


@pytest.mark.model
def test_throughput_only_keeps_the_chosen_configurations_and_the_baseline(throughput):
    sources = throughput.source_texts([REPO / "corpus", SHARED / "corpus"])
    if not sources:
        pytest.skip("no releases in corpus/ or ../shared/corpus")
    report = throughput.benchmark(sources, [2], batch_size=2, workers=1, only=["cli"])
    assert [r["config"] for r in report["rows"]] == ["spacy", "cli", "spacy, again"]
    assert all(r["docs"] == 2 for r in report["rows"])


# --- article extraction (HTML reader) ----------------------------------------------------------------

ARTICLES = SHARED / "benchmarks" / "article_extraction"


@pytest.mark.shared
@pytest.mark.skipif(not ARTICLES.is_dir(), reason="../shared/benchmarks/article_extraction is absent")
def test_article_extraction_runs_on_a_slice():
    bench = _load("article_extraction")
    results = bench.run(ARTICLES, limit=3, n_bootstrap=2)
    ours = results["kgextract (read_document)"]
    assert 0.0 <= ours["f1"] <= 1.0 and set(ours) >= {"precision", "recall", "accuracy"}
    assert len(results) == 5
    assert "kgextract (read_document)" in bench.render(results)


def test_startup_benchmark_reports_ratios_and_imports():
    startup = _load("startup")
    report = startup.benchmark({"python -c pass": ("pass",), "import json": ("import json",),
                                "import email": ("import email.parser",)}, repeats=2)
    rows = {r["command"]: r for r in report["rows"]}
    assert rows["python -c pass"]["ratio_vs_python"] == 1.0
    assert rows["import json"]["min_s"] <= rows["import json"]["median_s"] <= rows["import json"]["max_s"]
    assert startup.imported("import pydantic") == ["pydantic"]
    assert "| import json |" in startup.render(report)


@pytest.mark.parametrize("name", sorted(p.stem for p in BENCH.glob("*.py")))
def test_every_script_imports(name, monkeypatch):
    """A module the scripts import that moves or goes fails here, not the next time someone measures."""
    monkeypatch.syspath_prepend(str(BENCH))  # as when run as a script: siblings import by name
    module = _load(name)
    assert module.__file__ == str(BENCH / f"{name}.py")
