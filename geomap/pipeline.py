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
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from gazetteer.errors import GazetteerFileError, ServiceUnavailable
from geomap.engines import ENGINES, PipelineSettings
from geomap.engines.batches import CHUNK_SIZE
from geomap.engines.processes import run_processes
from geomap.errors import GazetteerUnusable
from geomap.model import Article, ArticleResult, Event

PIPELINE_VERSION = "1"  # bump when a change should reprocess every stored article

__all__ = ["CHUNK_SIZE", "ENGINES", "PIPELINE_VERSION", "ArticleResult", "Pipeline",
           "PipelineSettings", "process_article", "run_pipeline"]


def settings_from_environment(offline: bool = True) -> PipelineSettings:
    """Settings for callers that give none: the user's GEOMAP_* variables, read here at the
    edge (a scheduled run passes its config's settings instead)."""
    return PipelineSettings(offline=offline,
                            user_agent=os.environ.get("GEOMAP_USER_AGENT", "").strip() or None,
                            fallback_url=os.environ.get("GEOMAP_FALLBACK_URL", "").strip()
                            or None)


def process_article(article: Article, *, offline: bool = True,
                    settings: PipelineSettings | None = None,
                    gazetteer: object | None = None) -> ArticleResult:
    """Geoparse one article and extract its events; a failure stays local to this article.

    ``gazetteer``: an open gazetteer.Gazetteer (default: the one the settings name, else the
    process's default).

    Online, names the gazetteer lacks go to the geopy fallback chain, built once per process
    from the settings' user agent and fallback URL (Nominatim requires an identifying agent;
    without one there is no fallback and the run stays offline in effect). ``settings`` wins
    over ``offline``; without it, $GEOMAP_USER_AGENT and $GEOMAP_FALLBACK_URL are read. A gazetteer
    that fails under an article raises GazetteerUnusable: that is never the article's fault.
    """
    settings = settings or settings_from_environment(offline)
    offline = settings.offline
    fallback = None if offline else online_fallback(settings)
    if fallback is not None:
        fallback.missed = 0
    try:
        from geomap.events import extract_events
        from geomap.geoparse import geoparse

        mentions = geoparse(article.text, published=article.published, offline=offline,
                            gazetteer=gazetteer, fallback=fallback)
        events = extract_events(article, mentions)
    except (GazetteerFileError, GazetteerUnusable, sqlite3.Error) as error:
        # The gazetteer, not the article: storing this as the article's failure would drop its
        # events for good, so the whole run stops instead (exit code 5) and keeps them.
        raise GazetteerUnusable(f"gazetteer unusable: {type(error).__name__}: {error}") from None
    except Exception as error:  # one bad article must not stop a run of thousands
        return ArticleResult(article.id, errors=(f"{type(error).__name__}: {error}",))
    missed = fallback.missed if fallback is not None else 0
    return ArticleResult(article.id, tuple(mentions), tuple(events), fallback_missed=missed)


class OutageAware:
    """The fallback chain, with "service down" counted per article instead of logged per name.

    A name asked while the service is down resolves to nothing; ``missed`` tells the run that
    this article must be processed again once the service answers.
    """

    def __init__(self, fallback: object):
        self.fallback = fallback
        self.missed = 0

    def lookup(self, name: str, country: str | None = None) -> list:
        try:
            return self.fallback.lookup(name, country=country)
        except ServiceUnavailable:
            self.missed += 1
            return []


_FALLBACK: dict[object, OutageAware | None] = {}


def online_fallback(settings: PipelineSettings) -> OutageAware | None:
    """The process's geopy fallback chain (rate limiter, circuit breaker and cache inside).

    One per process and settings, so a pool or Dask worker keeps one rate limiter and one
    breaker for its whole life rather than one per article. ``settings.fallback_url`` names a
    private Nominatim or Photon instead of the public Nominatim.
    """
    agent = settings.user_agent
    if not agent:
        if "" not in _FALLBACK:
            _FALLBACK[""] = None
            logging.getLogger(__name__).warning(
                "online mode without a user agent (gazetteer.user_agent / GEOMAP_USER_AGENT): "
                "the geocoder fallback is off")
        return None
    key = (agent, settings.fallback_url, settings.gazetteer)
    if key not in _FALLBACK:
        from gazetteer import Gazetteer
        from gazetteer.fallback import fallback_for

        _FALLBACK[key] = OutageAware(fallback_for(Gazetteer.open(settings.gazetteer),
                                                  user_agent=agent, url=settings.fallback_url))
    return _FALLBACK[key]


def process_batch(articles: Sequence[Article],
                  settings: PipelineSettings) -> list[ArticleResult]:
    """The unit of work shipped to a pool or Dask worker (module-level so it pickles by name)."""
    return [process_article(article, settings=settings) for article in articles]


def run_pipeline(articles: Iterable[Article], *, offline: bool = True, engine: str = "local",
                 workers: int | None = None, scheduler: str | None = None,
                 chunk_size: int = CHUNK_SIZE, parquet_dir: str | os.PathLike | None = None,
                 part_prefix: str = "part",
                 settings: PipelineSettings | None = None) -> Iterator[ArticleResult]:
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
    settings = settings or settings_from_environment(offline)
    if engine == "local":
        for article in articles:
            yield process_article(article, settings=settings)
        return
    # A scheduled run with nothing new must not pay for starting a pool or a cluster.
    iterator = iter(articles)
    first = next(iterator, None)
    if first is None:
        return
    articles = itertools.chain([first], iterator)
    if engine == "processes":
        yield from run_processes(articles, process_batch, settings, workers=workers,
                                 chunk_size=chunk_size)
    elif engine == "dask":
        from geomap.engines.dask import run_chunks_on_dask

        yield from run_chunks_on_dask(articles, process_batch, settings, warm_up=warm_up,
                                      workers=workers, scheduler=scheduler,
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


def warm_up() -> None:
    """Load the stages and their resources in this process, so the first article is not slow."""
    process_article(Article("warm-up", "Warm-up in Aleppo."), offline=True)
