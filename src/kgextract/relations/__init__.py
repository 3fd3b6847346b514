"""Relation extractors, each a small function registered by a versioned name.

Importing this package registers the built-in extractors.
"""

from kgextract.relations import document, events, places, roles  # noqa: F401
from kgextract.relations.registry import Candidate, Context, extractors, run_extractors

__all__ = ["Candidate", "Context", "extractors", "run_extractors"]
