"""The per-document stage: spaCy's pipeline, then the dateline, relations and resolution.

- :mod:`kgextract.pipeline.components`: ``kgx_dateline`` and ``kgx_relations``, the spaCy
  components that run the dateline, ``relations/`` and ``resolve/`` within one ``Doc``,
  and ``kgextract.load()``;
- :mod:`kgextract.pipeline.extractor`: the ``Extractor`` that runs documents through them
  in batches, one ``DocumentResult`` (or ``DocumentError``) per document;
- :mod:`kgextract.pipeline.long_text`: long texts parsed in pieces and joined;
- :mod:`kgextract.pipeline.allocator`: memory returned to the system between batches.
"""
