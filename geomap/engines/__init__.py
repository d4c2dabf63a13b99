"""Where articles are processed: in this process, a pool of processes, or a Dask cluster.

The engines know nothing of the stages: they move chunks of articles to a ``work`` function
(geomap.pipeline.process_batch, passed in) and stream results back in input order, so the pipeline
imports the engines and never the other way round. ``PipelineSettings`` is everything a worker
needs, as one frozen, picklable value shipped with each chunk.
"""

from __future__ import annotations

from dataclasses import dataclass

ENGINES = ("local", "processes", "dask")


@dataclass(frozen=True)
class PipelineSettings:
    """What every worker must agree on: it travels with the work, never in the environment."""

    offline: bool = True
    gazetteer: str | None = None  # None: $GEOMAP_GAZETTEER, else the user cache
    user_agent: str | None = None  # required by Nominatim's policy for the online fallback
    fallback_url: str | None = None  # private Nominatim or Photon; None: the public Nominatim


__all__ = ["ENGINES", "PipelineSettings"]
