"""Article -> mentions -> events, for one article or a stream of them, on a chosen engine.

Stages are pure functions of their inputs plus read-only resources (the gazetteer, opened once per
process and cached there), so the same `process_article` runs in-process, in a process pool, or on
Dask workers, and gives the same events whatever the engine.

    >>> from geomap.model import Article
    >>> results = run_pipeline([Article("a1", "Airstrikes hit Aleppo.")])  # doctest: +SKIP
    >>> # on a cluster: run_pipeline(articles, engine="dask", scheduler="tcp://10.0.0.5:8786")
"""

from __future__ import annotations

import itertools
import logging
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from geomap.model import Article, Event, Mention

PIPELINE_VERSION = "1"  # bump when a change should reprocess every stored article

ENGINES = ("local", "processes", "dask")
#: Articles per task: large enough that pickling and scheduling cost little per article, small
#: enough that a slow article does not hold a worker's whole share of the run.
CHUNK_SIZE = 64
#: Environment forwarded to Dask workers (pool workers inherit it), so every worker opens the
#: same gazetteer with the same fallback settings.
WORKER_ENVIRONMENT = ("GEOMAP_GAZETTEER", "GEOMAP_USER_AGENT", "GEOMAP_OFFLINE")


@dataclass(frozen=True, slots=True)
class ArticleResult:
    article_id: str
    mentions: tuple[Mention, ...] = ()
    events: tuple[Event, ...] = ()
    errors: tuple[str, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return not self.errors


def process_article(article: Article, *, offline: bool = True) -> ArticleResult:
    """Geoparse one article and extract its events; a failure stays local to this article.

    Online (``offline=False``), names the gazetteer lacks go to the geopy fallback chain, built
    once per process from $GEOMAP_USER_AGENT (Nominatim requires an identifying agent; without
    one there is no fallback and the run stays offline in effect).
    """
    try:
        from geomap.events import extract_events
        from geomap.geoparse import geoparse

        mentions = geoparse(article.text, published=article.published, offline=offline,
                            fallback=None if offline else online_fallback())
        events = extract_events(article, mentions)
    except Exception as error:  # one bad article must not stop a run of thousands
        return ArticleResult(article.id, errors=(f"{type(error).__name__}: {error}",))
    return ArticleResult(article.id, tuple(mentions), tuple(events))


_FALLBACK: dict[str, object] = {}


def online_fallback() -> object | None:
    """The process's geopy fallback chain (rate limiter, circuit breaker and cache inside).

    One per process, so a pool or Dask worker keeps one rate limiter and one breaker for its
    whole life rather than one per article.
    """
    agent = os.environ.get("GEOMAP_USER_AGENT", "").strip()
    if not agent:
        if "" not in _FALLBACK:
            _FALLBACK[""] = None
            logging.getLogger(__name__).warning(
                "online mode without a user agent (gazetteer.user_agent / GEOMAP_USER_AGENT): "
                "the geocoder fallback is off")
        return None
    if agent not in _FALLBACK:
        from gazetteer import Gazetteer
        from gazetteer.fallback import Fallback

        _FALLBACK[agent] = Fallback(Gazetteer.open(), user_agent=agent)
    return _FALLBACK[agent]


def process_batch(articles: Sequence[Article], offline: bool = True) -> list[ArticleResult]:
    """The unit of work shipped to a pool or Dask worker (module-level so it pickles by name)."""
    return [process_article(article, offline=offline) for article in articles]


def run_pipeline(articles: Iterable[Article], *, offline: bool = True, engine: str = "local",
                 workers: int | None = None, scheduler: str | None = None,
                 chunk_size: int = CHUNK_SIZE, parquet_dir: str | os.PathLike | None = None,
                 part_prefix: str = "part") -> Iterator[ArticleResult]:
    """Process a stream of articles; results come back in input order, one per article.

    ``engine``: "local" (this process), "processes" (a pool of ``workers`` processes on this
    machine) or "dask" (a dask.distributed cluster: ``scheduler`` is its address, e.g.
    "tcp://host:8786"; without one, a LocalCluster of ``workers`` single-threaded processes).
    The input is consumed lazily and only a bounded window of chunks is in flight, so a stream of
    millions of articles never sits in memory at once. Dask only: ``parquet_dir`` makes each
    worker also write its partition's events as ``<parquet_dir>/<part_prefix>-<n>.parquet``.
    """
    if parquet_dir is not None and engine != "dask":
        raise ValueError("parquet_dir is written by Dask workers: use engine='dask'")
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    if engine == "local":
        for article in articles:
            yield process_article(article, offline=offline)
        return
    # A scheduled run with nothing new must not pay for starting a pool or a cluster.
    iterator = iter(articles)
    first = next(iterator, None)
    if first is None:
        return
    articles = itertools.chain([first], iterator)
    if engine == "processes":
        yield from _run_processes(articles, offline, workers, chunk_size)
    elif engine == "dask":
        from geomap.dask_engine import run_on_dask

        yield from run_on_dask(articles, offline=offline, workers=workers, scheduler=scheduler,
                               chunk_size=chunk_size, parquet_dir=parquet_dir,
                               part_prefix=part_prefix)


@dataclass(frozen=True)
class Pipeline:
    """The pipeline with its settings bound, for callers that pass it around.

    >>> pipeline = Pipeline(engine="processes", workers=2)        # doctest: +SKIP
    >>> events = pipeline.events(iter_articles(["articles/"]))    # doctest: +SKIP
    """

    offline: bool = True
    engine: str = "local"
    workers: int | None = None
    scheduler: str | None = None
    chunk_size: int = CHUNK_SIZE
    dedup: bool = True  # merge the reports of one happening (geomap.events.dedup)

    def process(self, article: Article) -> ArticleResult:
        return process_article(article, offline=self.offline)

    def run(self, articles: Iterable[Article]) -> Iterator[ArticleResult]:
        return run_pipeline(articles, offline=self.offline, engine=self.engine,
                            workers=self.workers, scheduler=self.scheduler,
                            chunk_size=self.chunk_size)

    def events(self, articles: Iterable[Article]) -> list[Event]:
        """Every article's events, the reports of one happening merged into one event listing
        every report (unless ``dedup`` is false)."""
        from geomap.events.dedup import deduplicate

        events = [event for result in self.run(articles) for event in result.events]
        return deduplicate(events) if self.dedup else events


def chunked(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def ordered_results(chunks: Iterator[list[Article]], submit: Callable[[list[Article]], object],
             result: Callable[[object], list[ArticleResult]],
             window: int) -> Iterator[ArticleResult]:
    """Keep ``window`` chunks in flight; yield their results in submission order."""
    pending: deque = deque()
    for chunk in chunks:
        pending.append(submit(chunk))
        if len(pending) >= window:
            yield from result(pending.popleft())
    while pending:
        yield from result(pending.popleft())


def worker_count(workers: int | None) -> int:
    return max(1, workers or os.cpu_count() or 1)


def _run_processes(articles: Iterable[Article], offline: bool, workers: int | None,
                   chunk_size: int) -> Iterator[ArticleResult]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    count = worker_count(workers)
    # forkserver/spawn: a fork of a process holding SQLite connections and threads is unsafe.
    context = multiprocessing.get_context("forkserver")
    with ProcessPoolExecutor(max_workers=count, mp_context=context) as pool:
        yield from ordered_results(
            chunked(articles, chunk_size),
            lambda chunk: pool.submit(process_batch, chunk, offline),
            lambda future: future.result(),
            window=count * 4,
        )


def warm_up() -> None:
    """Load the stages and their resources in this process, so the first article is not slow."""
    process_article(Article("warm-up", "Warm-up in Aleppo."), offline=True)
