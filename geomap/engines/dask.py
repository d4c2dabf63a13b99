"""The Dask engine: chunks of articles as futures on a dask.distributed cluster.

Articles are shipped in chunks (a bounded window, so the client streams millions of articles
without holding them); each worker runs the ``work`` function it is given (the pipeline's
process_batch) with the run's settings (a geomap.pipeline.Pipeline). Results come back to the
client in input order: dedup, the store and rendering run there. With ``parquet_dir`` each
partition's events are also written by the worker that made them, as
``<parquet_dir>/<prefix>-<partition>.parquet``
(GeoParquet via geomap.export): a dataset that Dask, DuckDB or GeoPandas read as one table.

Every worker needs geomap installed (same version as the client) and the gazetteer file at the
path the client uses (shared storage, or the same path on every machine).
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from distributed import Client, LocalCluster
from distributed.diagnostics.plugin import WorkerPlugin

from geomap.engines.batches import CHUNK_SIZE, chunked, ordered_results, worker_count


class GeomapWorkerSetup(WorkerPlugin):
    """Warms the stages up on each worker once, with the run's own settings.

    Remote workers do not inherit the client's environment and need none: the settings (the
    gazetteer's path among them) travel with the plugin and with every task. Warming up in
    `setup` opens the resources before the first task, not inside it.
    """

    idempotent = True
    name = "geomap-setup"

    def __init__(self, warm_up: Callable[[Any], None] | None, settings: Any):
        self.warm_up = warm_up
        self.settings = settings

    def setup(self, worker: object) -> None:
        if self.warm_up is not None:
            self.warm_up(self.settings)


def connect(scheduler: str | None, workers: int | None) -> tuple[Client, LocalCluster | None]:
    """A client on ``scheduler``, or on a new LocalCluster of single-threaded worker processes
    (one thread each: the stages are CPU-bound Python, so threads would only share one GIL)."""
    if scheduler:
        return Client(scheduler), None
    cluster = LocalCluster(n_workers=worker_count(workers), threads_per_worker=1, processes=True,
                           dashboard_address=None)
    return Client(cluster), cluster


def process_partition(work: Callable[..., list], items: list[Any], settings: Any,
                      parquet_dir: str | None, name: str) -> list:
    """A worker's task: ``work(items, settings)``; write its events as one Parquet part if asked."""
    results = work(items, settings)
    if parquet_dir is not None:
        from geomap.atomic import atomic_path
        from geomap.export import write_events

        events = [event for result in results for event in result.events]
        with atomic_path(os.path.join(parquet_dir, f"{name}.parquet")) as temporary:
            write_events(events, temporary)
    return results


def run_chunks_on_dask(items: Iterable[Any], work: Callable[..., list], settings: Any, *,
                       warm_up: Callable[[Any], None] | None = None, workers: int | None = None,
                       scheduler: str | None = None, chunk_size: int = CHUNK_SIZE,
                       client: Client | None = None,
                       parquet_dir: str | os.PathLike | None = None,
                       part_prefix: str = "part") -> Iterator[Any]:
    """``work(chunk, settings)`` for each chunk on the cluster; results in input order."""
    own_client, cluster = (client, None) if client is not None else connect(scheduler, workers)
    try:
        own_client.register_plugin(GeomapWorkerSetup(warm_up, settings))
        window = max(2, sum(own_client.nthreads().values())) * 4
        directory = os.fspath(parquet_dir) if parquet_dir is not None else None
        partitions = itertools.count()
        yield from ordered_results(
            chunked(items, chunk_size),
            # pure=False: identical chunks in one run are still separate work items.
            lambda chunk: own_client.submit(
                process_partition, work, chunk, settings, directory,
                f"{part_prefix}-{next(partitions):06d}", pure=False),
            lambda future: future.result(),
            window=window,
        )
    finally:
        if client is None:
            own_client.close()
            if cluster is not None:
                cluster.close()
