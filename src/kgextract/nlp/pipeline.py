"""Assemble the spaCy pipeline: the statistical model plus kgextract's components."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

import kgextract.nlp.entity_fixes  # noqa: F401  (registers kgx_entity_fixes)
import kgextract.nlp.events  # noqa: F401  (registers kgx_events)
import kgextract.nlp.line_breaks  # noqa: F401  (registers kgx_line_breaks)
import kgextract.nlp.roles  # noqa: F401  (registers kgx_roles)
from kgextract.errors import Errors, KgextractError
from kgextract.nlp.extensions import register_extensions
from kgextract.nlp.model import resolve_model_name

__all__ = ["COMPONENTS", "assemble", "build_pipeline"]

#: kgextract's components, in the order they run after spaCy's ``ner``.
COMPONENTS = ("kgx_entity_fixes", "kgx_roles", "kgx_events")


@lru_cache(maxsize=4)
def build_pipeline(model: str = "auto") -> Language:
    """``assemble(model)``, built once per model name and shared."""
    return assemble(model)


def assemble(model: str = "auto") -> Language:
    """Load ``model`` anew and add kgextract's mention components after its entity recognizer."""
    register_extensions()
    name = resolve_model_name(model)
    try:
        nlp = spacy.load(name)
    except OSError as err:
        raise KgextractError(Errors.E001.format(name=name)) from err
    if "ner" not in nlp.pipe_names:
        raise KgextractError(Errors.E001.format(name=f"{name} (it has no 'ner' component)"))
    before = "parser" if "parser" in nlp.pipe_names else "ner"
    nlp.add_pipe("kgx_line_breaks", before=before)
    last = "ner"
    for component in COMPONENTS:
        nlp.add_pipe(component, after=last)
        last = component
    return nlp
