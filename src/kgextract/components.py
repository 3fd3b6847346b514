"""The old home of the relation components, now :mod:`kgextract.pipeline.components`.

spaCy loads every ``spacy_factories`` entry point of the environment whenever it
looks up a factory, so an install made before the move (whose metadata still names
``kgextract.components:make_dateline``) would break ``spacy.load`` for every
pipeline. This alias keeps such installs working; ``pip install -e .`` rewrites
the entry points from ``pyproject.toml``, after which nothing imports this module.
Delete it once no install predates the move.

>>> from kgextract.pipeline import components
>>> make_relations is components.make_relations
True
"""

from kgextract.pipeline.components import make_dateline, make_relations

__all__ = ["make_dateline", "make_relations"]
