"""Loading and checking gold files."""

import json
from pathlib import Path

import pytest

from kgextract.errors import KgextractError
from kgextract.eval.gold import GoldDocument, check_gold, load_gold, load_gold_dir

SHARED_DEV = Path(__file__).resolve().parents[3] / "shared" / "eval" / "dev"

VALID = {
    "id": "d1",
    "entities": [
        {"id": "p1", "type": "Person", "name": "Ann Lee", "aliases": ["Ms. Lee"]},
        {"id": "pl1", "type": "Place", "name": "Geneva", "alt_types": ["Organization"]},
    ],
    "relations": [
        {"s": "DOC", "p": "datePublished", "o": "2024-01-05"},
        {"s": "DOC", "p": "locationCreated", "o": "pl1"},
    ],
}


def write(folder: Path, name: str, data) -> Path:
    path = folder / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def test_load_valid_gold(tmp_path):
    doc = load_gold(write(tmp_path, "d1.gold.json", VALID))
    assert doc.entity("p1").names == ["Ann Lee", "Ms. Lee"]
    assert doc.entity("pl1").types == {"Place", "Organization"}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["entities"][0].update(type="Persn"), "entities.0.type"),
        (lambda d: d["entities"][0].update(colour="red"), "entities.0.colour"),
        (lambda d: d["relations"].append({"s": "p9", "p": "memberOf", "o": "pl1"}), "subject 'p9'"),
        (lambda d: d["relations"].append({"s": "p1", "p": "memberOf", "o": "o7"}), "object 'o7'"),
        (lambda d: d["relations"].append({"s": "p1", "p": "startDate", "o": "pl1"}),
         "takes a date"),
        (lambda d: d["relations"].append({"s": "p1", "p": "location", "o": "2024"}),
         "takes an entity"),
        (lambda d: d["entities"].append({"id": "p1", "type": "Person", "name": "X"}), "used twice"),
        (lambda d: d["relations"].append({"s": "DOC", "p": "knows", "o": "p1"}), "relations.2.p"),
        (lambda d: d["relations"].append({"s": "DOC", "p": "locationCreated", "o": "pl1",
                                          "start": "2020"}), "takes no start"),
        (lambda d: d["relations"].append({"s": "p1", "p": "memberOf", "o": "pl1",
                                          "end": "June"}), "end 'June'"),
        (lambda d: d["relations"].append({"s": "p1", "p": "memberOf", "o": "pl1",
                                          "status": "acting"}), "relations.2.status"),
        (lambda d: d["entities"][0].update(event_type="Meeting"), "event_type on a"),
        (lambda d: d["entities"].append({"id": "e1", "type": "Event", "name": "X",
                                         "event_type": "Party"}), "entities.2.event_type"),
    ],
)
def test_invalid_gold_names_the_problem(tmp_path, change, message):
    data = json.loads(json.dumps(VALID))
    change(data)
    with pytest.raises(KgextractError, match=r"\[E007\]") as err:
        load_gold(write(tmp_path, "d1.gold.json", data))
    assert message in str(err.value)


def test_broken_json_is_e007(tmp_path):
    with pytest.raises(KgextractError, match=r"\[E007\]"):
        load_gold(write(tmp_path, "d1.gold.json", "{not json"))


def test_id_must_match_file_name(tmp_path):
    with pytest.raises(KgextractError, match=r"\[E050\]"):
        load_gold(write(tmp_path, "other.gold.json", VALID))


def test_load_gold_dir(tmp_path):
    write(tmp_path, "d1.gold.json", VALID)
    write(tmp_path, "d0.gold.json", {"id": "d0"})
    write(tmp_path, "notes.json", {"anything": 1})
    assert list(load_gold_dir(tmp_path)) == ["d0", "d1"]


def test_load_gold_dir_errors(tmp_path):
    with pytest.raises(KgextractError, match=r"\[E004\]"):
        load_gold_dir(tmp_path / "missing")
    with pytest.raises(KgextractError, match=r"\[E005\]"):
        load_gold_dir(tmp_path)


def test_check_gold_accepts_dates_and_alts():
    data = json.loads(json.dumps(VALID))
    data["relations"].append({"s": "DOC", "p": "datePublished", "o": "2024-01", "alt": ["2024"]})
    assert check_gold(GoldDocument.model_validate(data)) == []


@pytest.mark.shared
@pytest.mark.skipif(not SHARED_DEV.is_dir(), reason="../shared/eval/dev is absent")
def test_shared_dev_gold_files_load():
    docs = load_gold_dir(SHARED_DEV)
    assert docs and all(doc.entities for doc in docs.values())
