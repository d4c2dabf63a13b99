"""Where articles are processed: in this process, a pool of processes, or a Dask cluster.

The engines know nothing of the stages: they move chunks of articles to a ``work`` function
(geomap.pipeline.process_batch, passed in) together with the run's settings (a frozen, picklable
geomap.pipeline.Pipeline, shipped with each chunk and never through the environment), and stream
results back in input order. So the pipeline imports the engines and never the other way round.
"""

from __future__ import annotations

ENGINES = ("local", "processes", "dask")

__all__ = ["ENGINES"]
