"""The pipeline on a dask.distributed cluster: `run_on_dask(articles, client=...)`.

The engine itself is geomap.engines.dask (it knows nothing of the stages); this binds it to the
pipeline, for callers that manage their own client. `Pipeline(engine="dask").run(articles)` is
the usual way in.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

from distributed import Client

from geomap.engines.batches import CHUNK_SIZE
from geomap.engines.dask import connect, run_chunks_on_dask
from geomap.model import Article, ArticleResult
from geomap.pipeline import Pipeline, process_batch, warm_up


def run_on_dask(articles: Iterable[Article], pipeline: Pipeline | None = None, *,
                offline: bool = True, workers: int | None = None, scheduler: str | None = None,
                chunk_size: int = CHUNK_SIZE, client: Client | None = None,
                parquet_dir: str | os.PathLike | None = None,
                part_prefix: str = "part") -> Iterator[ArticleResult]:
    """Like ``Pipeline(engine="dask").run``; pass ``client`` to reuse a connection you manage.

    Without a ``pipeline``, ``Pipeline(offline=offline)`` (the default gazetteer). The
    gazetteer path is fixed here, so every worker opens the file the client names.
    ``parquet_dir`` must be storage every worker can write (same path on each machine).
    """
    settings = (pipeline or Pipeline(offline=offline)).resolved()
    return run_chunks_on_dask(
        articles, process_batch, settings, warm_up=warm_up, workers=workers,
        scheduler=scheduler, chunk_size=chunk_size, client=client, parquet_dir=parquet_dir,
        part_prefix=part_prefix)


__all__ = ["connect", "run_on_dask"]
