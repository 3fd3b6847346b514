"""The base layer: plain data and text helpers every stage may use, with no spaCy.

- :mod:`kgextract.base.gazetteers`: the versioned word lists and tables in ``base/data/``;
- :mod:`kgextract.base.names`: name normalisation and entity keys;
- :mod:`kgextract.base.countries`: countries, nationality adjectives, government names;
- :mod:`kgextract.base.dates`: English date expressions to ISO 8601 values;
- :mod:`kgextract.base.linking`: places linked offline to ISO 3166, GeoNames and Wikidata.
- :mod:`kgextract.base.chars`: character tables (the dashes).

Nothing here imports a stage above it (``ingest``, ``nlp``, ...) or spaCy; the contract in
``pyproject.toml`` (``[tool.importlinter]``) checks both.
"""
