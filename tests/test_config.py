"""RunConfig: one validated model of a run's settings, one default for each."""

import pytest

from kgextract.config import ExtractConfig, RunConfig
from kgextract.dask.select import ENGINES
from kgextract.errors import KgextractError
from kgextract.rdf.provenance import PROVENANCE_LEVELS
from kgextract.rdf.serialize import FORMATS


def test_the_registries_first_entries_are_the_defaults():
    run = RunConfig()
    assert run.engine == ENGINES[0] and run.provenance == PROVENANCE_LEVELS[0]
    assert run.fmt in FORMATS and run.extract == ExtractConfig()


@pytest.mark.parametrize("value, expected", [("auto", "auto"), ("AUTO", "auto"), ("3", 3), (2, 2)])
def test_workers_are_parsed(value, expected):
    assert RunConfig(workers=value).workers == expected


@pytest.mark.parametrize("value", ["0", -1, "two", 1.5])
def test_bad_workers_say_e167(value):
    with pytest.raises(KgextractError, match="E167"):
        RunConfig(workers=value)


def test_one_path_or_many():
    assert RunConfig(paths="in").paths == ["in"]
    assert RunConfig(paths=("a", "b")).paths == ["a", "b"]


def test_of_lays_options_over_a_base_and_takes_config_for_extract():
    base = RunConfig(fmt="trig", workers=2, extract=ExtractConfig(batch_size=4))
    run = RunConfig.of(base, workers=3, config=ExtractConfig(threshold=0.5))
    assert (run.fmt, run.workers, run.extract.threshold, run.extract.batch_size) == ("trig", 3, 0.5, 32)
    assert RunConfig.of(base, config=None).extract == ExtractConfig()  # config=None: the defaults, as before
    assert base.workers == 2  # the base is not changed


def test_unknown_options_are_refused():
    with pytest.raises(TypeError, match="fromat"):
        RunConfig.of(None, fromat="trig")
    with pytest.raises(ValueError):
        RunConfig(fromat="trig")
