"""Beyond one machine: the extraction on a Dask cluster (``kgextract extract --engine dask``).

:func:`run_dask` sends partitions of the input files to dask.distributed
workers (each loads the model once and writes an N-Quads shard with a
manifest), then merges the shards' results across documents exactly as the
local engine does. See ``docs/cluster.md``. Needs ``pip install "dask[distributed]"``.
"""

from kgextract.dask.engine import DaskReport, run_dask

__all__ = ["DaskReport", "run_dask"]
