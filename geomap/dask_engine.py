"""The pipeline on a dask.distributed cluster: `run_on_dask(articles, client=...)`.

The engine itself is geomap.engines.dask (it knows nothing of the stages); this binds it to the
pipeline, for callers that manage their own client. `run_pipeline(..., engine="dask")` is the
usual way in.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

from distributed import Client

from geomap.engines import PipelineSettings
from geomap.engines.batches import CHUNK_SIZE
from geomap.engines.dask import connect, run_chunks_on_dask
from geomap.model import Article, ArticleResult
from geomap.pipeline import process_batch, settings_from_environment, warm_up


def run_on_dask(articles: Iterable[Article], *, offline: bool = True, workers: int | None = None,
                scheduler: str | None = None, chunk_size: int = CHUNK_SIZE,
                client: Client | None = None, parquet_dir: str | os.PathLike | None = None,
                part_prefix: str = "part",
                settings: PipelineSettings | None = None) -> Iterator[ArticleResult]:
    """Like run_pipeline(engine="dask"); pass ``client`` to reuse a connection you manage.

    ``parquet_dir`` must be storage every worker can write (same path on each machine).
    """
    return run_chunks_on_dask(
        articles, process_batch, settings or settings_from_environment(offline),
        warm_up=warm_up, workers=workers, scheduler=scheduler, chunk_size=chunk_size,
        client=client, parquet_dir=parquet_dir, part_prefix=part_prefix)


__all__ = ["connect", "run_on_dask"]
