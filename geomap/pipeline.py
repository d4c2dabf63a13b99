"""Article -> mentions -> events, for one article or a stream of them, on a chosen engine.

``Pipeline`` is the whole run's settings as one frozen, picklable value: the gazetteer file, the
online fallback (user agent, service URL), the lexicon's language and the engine. It travels with
the work to every pool or Dask worker, and each process opens its resources from it once
(`open_resources`); no stage finds a resource by itself and no setting travels in an environment
variable. Stages are pure functions of their inputs plus those read-only resources, so the same
`process_article` runs in-process, in a process pool, or on Dask workers, with the same events.

    >>> from geomap.model import Article
    >>> results = Pipeline().run([Article("a1", "Airstrikes hit Aleppo.")])  # doctest: +SKIP
    >>> # on a cluster: Pipeline(engine="dask", scheduler="tcp://10.0.0.5:8786").run(articles)
"""

from __future__ import annotations

import dataclasses
import itertools
import logging
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from gazetteer.errors import GazetteerFileError, ServiceUnavailable
from geomap.engines import ENGINES
from geomap.engines.batches import CHUNK_SIZE
from geomap.engines.processes import run_processes
from geomap.errors import GazetteerUnusable
from geomap.model import Article, ArticleResult, Event

PIPELINE_VERSION = "1"  # bump when a change should reprocess every stored article

__all__ = ["CHUNK_SIZE", "ENGINES", "PIPELINE_VERSION", "ArticleResult", "Pipeline",
           "Resources", "open_resources", "process_article", "run_pipeline"]


@dataclass(frozen=True)
class Pipeline:
    """Every setting of a run, shipped with each chunk of work (so it must stay picklable).

    >>> pipeline = Pipeline(engine="processes", workers=2)        # doctest: +SKIP
    >>> events = pipeline.events(iter_articles(["articles/"]))    # doctest: +SKIP
    """

    #: The gazetteer file. None: the default one, fixed in the caller's process by `resolved`
    #: (gazetteer.paths.default_path) before any work leaves it, so workers never guess.
    gazetteer: str | None = None
    offline: bool = True
    #: Nominatim's policy requires an identifying agent: without one there is no fallback.
    user_agent: str | None = None
    fallback_url: str | None = None  # a private Nominatim or Photon; None: the public Nominatim
    lexicon: str = "en"  # the language folder under geomap/lexicons
    engine: str = "local"  # one of ENGINES
    workers: int | None = None
    scheduler: str | None = None  # a Dask scheduler address; None: a LocalCluster
    chunk_size: int = CHUNK_SIZE
    dedup: bool = True  # merge the reports of one happening (geomap.events.dedup)

    def __post_init__(self) -> None:
        if self.engine not in ENGINES:
            raise ValueError(f"unknown engine {self.engine!r}; choose one of "
                             f"{', '.join(ENGINES)}")
        if self.gazetteer is not None:
            object.__setattr__(self, "gazetteer", os.fspath(self.gazetteer))

    def resolved(self) -> Pipeline:
        """This pipeline with its gazetteer path fixed: the default one is found (and built on
        first use, or rebuilt when an upgrade made it stale) here, in the caller's process."""
        if self.gazetteer is not None:
            return self
        from gazetteer.build import build_default, is_stale_default
        from gazetteer.paths import default_path

        path = default_path()
        if not path.is_file() or is_stale_default(path):
            build_default(path)
        return dataclasses.replace(self, gazetteer=str(path))

    def process(self, article: Article) -> ArticleResult:
        return process_article(article, self)

    def run(self, articles: Iterable[Article], *, parquet_dir: str | os.PathLike | None = None,
            part_prefix: str = "part") -> Iterator[ArticleResult]:
        return run_pipeline(articles, self, parquet_dir=parquet_dir, part_prefix=part_prefix)

    def events(self, articles: Iterable[Article]) -> list[Event]:
        """Every article's events, the reports of one happening merged into one event listing
        every report (unless ``dedup`` is false): `collect`, the one such path."""
        return collect(articles, self.run, dedup=self.dedup).events


@dataclass(frozen=True)
class Resources:
    """What a process opens from a Pipeline, once: the stages get these, never find them."""

    gazetteer: Any  # gazetteer.Gazetteer
    lexicon: Any  # geomap.lexicons.Lexicon
    fallback: OutageAware | None  # None offline, or online without a user agent


_OPEN: dict[tuple, Resources] = {}


def open_resources(pipeline: Pipeline) -> Resources:
    """This process's resources for ``pipeline``, opened on first use and kept for its life.

    One per process and settings, so a pool or Dask worker keeps one gazetteer connection, one
    rate limiter and one circuit breaker for all its articles rather than one per article.
    """
    key = (pipeline.gazetteer, pipeline.offline, pipeline.user_agent, pipeline.fallback_url,
           pipeline.lexicon)
    found = _OPEN.get(key)
    if found is None:
        from gazetteer import Gazetteer
        from geomap.lexicons import load_lexicon

        resolved = pipeline.resolved()
        # build=False: an explicit path that is missing is an error, never a new default file.
        gazetteer = Gazetteer.open(resolved.gazetteer, build=False)
        found = _OPEN[key] = Resources(gazetteer, load_lexicon(pipeline.lexicon),
                                       online_fallback(resolved, gazetteer))
    return found


def process_article(article: Article, pipeline: Pipeline | None = None, *,
                    offline: bool = True) -> ArticleResult:
    """Geoparse one article and extract its events; a failure stays local to this article.

    ``pipeline`` names the resources (default: ``Pipeline(offline=offline)``, the default
    gazetteer). Online, names the gazetteer lacks go to the pipeline's geopy fallback chain.
    A gazetteer that fails under an article raises GazetteerUnusable: that is never the
    article's fault.
    """
    pipeline = pipeline or (_OFFLINE if offline else _ONLINE)
    try:
        resources = open_resources(pipeline)
    except (GazetteerFileError, sqlite3.Error) as error:
        raise GazetteerUnusable(f"gazetteer unusable: {type(error).__name__}: {error}") from None
    fallback = None if pipeline.offline else resources.fallback
    if fallback is not None:
        fallback.missed = 0
    try:
        from geomap.events import extract_events
        from geomap.geoparse import default_geoparser

        # Read once: the geoparser's tokens and the event stage's sentences come from one Document.
        parser = default_geoparser(resources.gazetteer, fallback)
        document = parser.read(article.text or "")
        mentions = parser.parse_document(document, offline=pipeline.offline)
        events = extract_events(article, mentions, resources.lexicon, resources.gazetteer,
                                document=document)
    except (GazetteerFileError, GazetteerUnusable, sqlite3.Error) as error:
        # The gazetteer, not the article: storing this as the article's failure would drop its
        # events for good, so the whole run stops instead (exit code 5) and keeps them.
        raise GazetteerUnusable(f"gazetteer unusable: {type(error).__name__}: {error}") from None
    except Exception as error:  # one bad article must not stop a run of thousands
        return ArticleResult(article.id, errors=(f"{type(error).__name__}: {error}",))
    missed = fallback.missed if fallback is not None else 0
    return ArticleResult(article.id, tuple(mentions), tuple(events), fallback_missed=missed)


_OFFLINE, _ONLINE = Pipeline(), Pipeline(offline=False)


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


def online_fallback(pipeline: Pipeline, gazetteer: object) -> OutageAware | None:
    """The geopy fallback chain (rate limiter, circuit breaker and cache inside), or None.

    ``pipeline.fallback_url`` names a private Nominatim or Photon instead of the public one.
    """
    if pipeline.offline:
        return None
    if not pipeline.user_agent:
        logging.getLogger(__name__).warning(
            "online mode without a user agent (gazetteer.user_agent / GEOMAP_USER_AGENT): "
            "the geocoder fallback is off")
        return None
    from gazetteer.fallback import fallback_for

    return OutageAware(fallback_for(gazetteer, user_agent=pipeline.user_agent,
                                    url=pipeline.fallback_url))


def process_batch(articles: Sequence[Article], pipeline: Pipeline) -> list[ArticleResult]:
    """The unit of work shipped to a pool or Dask worker (module-level so it pickles by name)."""
    return [process_article(article, pipeline) for article in articles]


def run_pipeline(articles: Iterable[Article], pipeline: Pipeline | None = None, *,
                 offline: bool = True, engine: str = "local", workers: int | None = None,
                 scheduler: str | None = None, chunk_size: int = CHUNK_SIZE,
                 parquet_dir: str | os.PathLike | None = None,
                 part_prefix: str = "part") -> Iterator[ArticleResult]:
    """Process a stream of articles; results come back in input order, one per article.

    Without a ``pipeline``, one is made of ``offline``, ``engine``, ``workers``, ``scheduler``
    and ``chunk_size`` (with the default gazetteer and no online fallback).

    ``pipeline.engine``: "local" (this process), "processes" (a pool of ``workers`` processes
    on this machine) or "dask" (a dask.distributed cluster: ``scheduler`` is its address, e.g.
    "tcp://host:8786"; without one, a LocalCluster of ``workers`` single-threaded processes).
    The input is consumed lazily and only a bounded window of chunks is in flight, so a stream of
    millions of articles never sits in memory at once. Dask only: ``parquet_dir`` makes each
    worker also write its partition's events as ``<parquet_dir>/<part_prefix>-<n>.parquet``.
    """
    pipeline = pipeline or Pipeline(offline=offline, engine=engine, workers=workers,
                                    scheduler=scheduler, chunk_size=chunk_size)
    if parquet_dir is not None and pipeline.engine != "dask":
        raise ValueError("parquet_dir is written by Dask workers: use engine='dask'")
    if pipeline.engine == "local":
        for article in articles:
            yield process_article(article, pipeline)
        return
    # A scheduled run with nothing new must not pay for starting a pool or a cluster.
    iterator = iter(articles)
    first = next(iterator, None)
    if first is None:
        return
    articles = itertools.chain([first], iterator)
    pipeline = pipeline.resolved()  # workers get the path, never a default to find
    if pipeline.engine == "processes":
        yield from run_processes(articles, process_batch, pipeline, workers=pipeline.workers,
                                 chunk_size=pipeline.chunk_size)
    else:
        from geomap.engines.dask import run_chunks_on_dask

        yield from run_chunks_on_dask(
            articles, process_batch, pipeline, warm_up=warm_up, workers=pipeline.workers,
            scheduler=pipeline.scheduler, chunk_size=pipeline.chunk_size,
            parquet_dir=parquet_dir, part_prefix=part_prefix)


@dataclass
class Collected:
    """What one extraction read: deduplicated events, article titles, everything skipped."""

    events: list[Event] = field(default_factory=list)
    titles: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    articles: int = 0


def collect(articles: Iterable[Article], run: Callable[[Iterable[Article]],
            Iterable[ArticleResult]], *, dedup: bool = True,
            keep: Callable[[Event], bool] | None = None,
            on_article: Callable[[], None] | None = None) -> Collected:
    """The one articles -> events path: Pipeline.events, the API's ``extract`` and the CLI's
    map and export all come through here.

    ``run`` is the engine (``Pipeline.run``); a failed article is a problem, not an
    exception, so one bad article never costs the others. ``keep`` selects
    events (geomap.filters) before ``dedup`` merges the reports of one happening from several
    articles into one event with several sources, as the scheduled run does.
    """
    collected = Collected()

    def remember(stream: Iterable[Article]) -> Iterator[Article]:
        for article in stream:
            collected.articles += 1
            if article.title:
                collected.titles[article.id] = article.title
            yield article

    events: list[Event] = []
    for result in run(remember(articles)):
        events.extend(event for event in result.events if keep is None or keep(event))
        collected.problems.extend(f"article {result.article_id}: {error}"
                                  for error in result.errors)
        if on_article is not None:
            on_article()
    if dedup:
        from geomap.events.dedup import deduplicate

        events = deduplicate(events)
    collected.events = events
    return collected


def warm_up(pipeline: Pipeline | None = None) -> None:
    """Open the pipeline's resources and load the stages in this process, so the first article
    is not slow."""
    process_article(Article("warm-up", "Warm-up in Aleppo."), pipeline)
