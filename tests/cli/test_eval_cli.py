"""``kgextract eval`` end to end on a tiny gold folder and prediction folder."""

import json

import pytest
from typer.testing import CliRunner

import kgextract.cli.eval  # noqa: F401 - registers the command
from kgextract.cli.app import app

GOLD = {
    "id": "d1",
    "entities": [
        {"id": "p1", "type": "Person", "name": "Ann Lee", "aliases": ["Ms. Lee"]},
        {"id": "r1", "type": "Role", "name": "Chief Executive Officer", "aliases": ["CEO"]},
        {"id": "o1", "type": "Organization", "name": "Acme"},
    ],
    "relations": [
        {"s": "DOC", "p": "datePublished", "o": "2024-01-05"},
        {"s": "p1", "p": "hasRole", "o": "r1"},
        {"s": "p1", "p": "memberOf", "o": "o1"},
    ],
}

PRED_TTL = """\
@prefix schema: <https://schema.org/> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix kgx: <https://w3id.org/kgextract/ontology#> .
@prefix kgxid: <https://w3id.org/kgextract/id/> .

kgxid:doc\\/d1 a schema:NewsArticle ; schema:identifier "d1" ;
    schema:datePublished "2024-01-05"^^xsd:date .
kgxid:person\\/ann-lee a schema:Person ; rdfs:label "Ann Lee" ;
    org:memberOf kgxid:organization\\/acme .
kgxid:role\\/ceo a org:Role ; rdfs:label "CEO" .
kgxid:role\\/chair a org:Role ; rdfs:label "Chair" .
kgxid:organization\\/acme a schema:Organization ; rdfs:label "Acme" .
kgxid:membership\\/m1 a org:Membership ; org:member kgxid:person\\/ann-lee ;
    org:role kgxid:role\\/ceo .
kgxid:membership\\/m2 a org:Membership ; org:member kgxid:person\\/ann-lee ;
    org:role kgxid:role\\/chair .
kgxid:assertion\\/a1 a kgx:Assertion ; rdf:subject kgxid:membership\\/m2 ;
    rdf:predicate org:role ; rdf:object kgxid:role\\/chair ;
    kgx:sentence "Ann Lee chairs the board meeting." ; kgx:confidence 0.6 ;
    prov:wasAttributedTo kgxid:extractor\\/roles .
kgxid:extractor\\/roles a kgx:Extractor ; rdfs:label "kgx.roles.v1" .
"""

runner = CliRunner()


def invoke(*args: str):
    """Run ``kgextract eval ARGS``."""
    return runner.invoke(app, ["eval", *map(str, args)])


@pytest.fixture
def folders(tmp_path):
    gold, pred = tmp_path / "gold", tmp_path / "pred"
    gold.mkdir()
    pred.mkdir()
    (gold / "d1.gold.json").write_text(json.dumps(GOLD), encoding="utf-8")
    (pred / "d1.ttl").write_text(PRED_TTL, encoding="utf-8")
    return gold, pred


def test_help_names_arguments_and_options():
    result = invoke("--help")
    assert result.exit_code == 0
    for word in ("GOLD_DIR", "PRED_DIR", "--json", "--explain", "relaxed"):
        assert word in result.output


def test_scores_and_writes_json(folders, tmp_path):
    gold, pred = folders
    out = tmp_path / "scores.json"
    result = invoke(gold, pred, "--json", out)
    assert result.exit_code == 0, result.output
    assert "Overall" in result.output and "hasRole" in result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    strict = data["strict"]
    entities = strict["entities"]
    assert (entities["tp"], entities["fp"], entities["fn"]) == (3, 1, 0)
    assert (strict["relations"]["tp"], strict["relations"]["fp"]) == (3, 1)
    assert strict["relations"]["recall"] == 1.0
    assert data["documents"] == ["d1"]
    assert data["strict"]["documents"][0]["spurious_entities"] == ["role/chair"]


def test_explain_lists_spurious_relation_with_evidence(folders):
    result = invoke(*folders, "--explain")
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    assert "spurious Role Chair [role/chair]" in text
    assert ("spurious Ann Lee —hasRole→ Chair “Ann Lee chairs the board meeting.” "
            "(0.60, kgx.roles.v1)") in text


def test_missing_and_extra_predictions_warn(folders):
    gold, pred = folders
    (gold / "d2.gold.json").write_text(json.dumps({**GOLD, "id": "d2"}), encoding="utf-8")
    (pred / "d3.ttl").write_text(PRED_TTL, encoding="utf-8")
    result = invoke(gold, pred)
    assert result.exit_code == 0, result.output
    assert "[W004]" in result.output and "'d2'" in result.output
    assert "[W003]" in result.output and "'d3'" in result.output


def test_invalid_gold_fails_with_numbered_error(folders):
    gold, pred = folders
    (gold / "d1.gold.json").write_text(json.dumps({**GOLD, "colour": "red"}), encoding="utf-8")
    result = invoke(gold, pred)
    assert result.exit_code == 1
    assert "[E007]" in result.output


def test_unreadable_prediction_is_reported_and_scored_empty(folders):
    gold, pred = folders
    (pred / "d1.ttl").write_text("not @@ turtle", encoding="utf-8")
    result = invoke(gold, pred)
    assert result.exit_code == 1
    assert "[E006]" in result.output and "Overall" in result.output


def test_missing_prediction_folder(folders, tmp_path):
    result = invoke(folders[0], tmp_path / "nowhere")
    assert result.exit_code == 1
    assert "[E004]" in result.output
