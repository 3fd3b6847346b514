"""Tables, figures, exports and an offline HTML view of the knowledge graph.

The submodules are imported on demand, so ``kgextract export`` and
``kgextract viz`` need neither pandas nor matplotlib:

- :mod:`kgextract.viz.tables`: pandas DataFrames of entities, relations with
  their evidence, roles, events, and SPARQL results (``query_frame``);
- :mod:`kgextract.viz.figures`: matplotlib figures (network, timeline, an
  organization's people, bar charts);
- :mod:`kgextract.viz.export`: RDF back to NetworkX (``rdf_to_networkx``),
  GraphML, GEXF, Cytoscape JSON;
- :mod:`kgextract.viz.html`: one standalone interactive HTML page.

>>> from kgextract.viz.export import EXPORT_FORMATS
>>> sorted(EXPORT_FORMATS)
['cytoscape-json', 'gexf', 'graphml']
"""

__all__: list[str] = []
