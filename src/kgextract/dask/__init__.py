"""Beyond one machine: the extraction on a Dask cluster (``kgextract extract --engine dask``).

:func:`run_dask` sends partitions of the input files to dask.distributed
workers (each loads the model once and writes an N-Quads shard with a
manifest), then merges the shards' results across documents exactly as the
local engine does, and reports as it does (``kgextract.run.RunReport``).
See ``docs/cluster.md``. Needs ``pip install "dask[distributed]"``.
"""

from kgextract.lazy import lazy_exports

# Imported on first use (kgextract.lazy): `kgextract --help` and `kgextract query` need only a few of them.
_HOMES = {
    "run_dask": "kgextract.dask.engine",
}
__getattr__, __dir__ = lazy_exports(globals(), _HOMES)

__all__ = ["run_dask"]
