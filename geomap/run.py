"""The scheduled job behind `geomap run --config geomap.toml`.

One run: take the lock -> check the store, the gazetteer and (when required) the online fallback
before touching anything -> read every source -> process only articles that are new, changed, or
were processed by another PIPELINE_VERSION (and those resolved while the fallback was down, once
it is back) -> store them batch by batch (one transaction each) -> prune the articles no source
yields any more -> if anything changed (or an output is missing, or the output settings changed),
dedup the stored events and regenerate every output atomically from the store.

An article that failed is kept with its error and not retried until it or the pipeline changes:
failures of the gazetteer or the store stop the whole run instead (see geomap.preflight), so no
article is ever stored as failed for a fault that is not its own.

    >>> from geomap.config import load_config
    >>> summary = run(load_config("examples/geomap.toml"))   # doctest: +SKIP
    >>> print(summary.line())                                # doctest: +SKIP
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field

from geomap.config import RunConfig
from geomap.errors import (
    EXIT_OK,
    EXIT_PARTIAL,
    EXIT_SERVICE,
    InputError,
    NoUsableInput,
    StoreUnusable,
)
from geomap.ingest import iter_articles
from geomap.lock import lock_path_for, run_lock
from geomap.model import Article
from geomap.outputs import regenerate_outputs
from geomap.pipeline import PIPELINE_VERSION, Pipeline
from geomap.preflight import check_fallback, check_gazetteer
from geomap.split import split_article
from geomap.store import EventStore, content_hash

log = logging.getLogger("geomap.run")
LOOKUP_BATCH = 500  # articles checked against the store per query


@dataclass
class RunSummary:
    run_id: int = 0
    new: int = 0
    changed: int = 0
    retried: int = 0  # resolved while the online fallback was down: tried again once it is up
    unchanged: int = 0
    failed: int = 0
    pruned: int = 0  # stored articles no source yields any more, removed with their events
    fallback_missed: int = 0  # articles this run resolved without the (down) fallback
    require_fallback: bool = False
    events_stored: int = 0  # events written by this run's processed articles
    events: int = 0  # events in the outputs (after filters and dedup)
    outputs_written: list[str] = field(default_factory=list)
    problems: list[InputError] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def processed(self) -> int:
        return self.new + self.changed + self.retried

    @property
    def exit_code(self) -> int:
        if self.fallback_missed and self.require_fallback:
            return EXIT_SERVICE
        return EXIT_PARTIAL if self.problems or self.failed or self.fallback_missed else EXIT_OK

    def line(self) -> str:
        outputs = (f"outputs written: {', '.join(self.outputs_written)}" if self.outputs_written
                   else "nothing new: outputs unchanged")
        return (f"run {self.run_id}: articles {self.new} new, {self.changed} changed, "
                f"{self.retried} retried, {self.failed} failed, {self.unchanged} unchanged, "
                f"{self.pruned} pruned, {len(self.problems)} inputs "
                f"skipped; {self.events} events; {outputs}; {self.seconds:.1f} s")

    def as_dict(self) -> dict:
        return {"run_id": self.run_id, "articles_new": self.new, "articles_changed": self.changed,
                "articles_retried": self.retried, "articles_failed": self.failed,
                "articles_unchanged": self.unchanged, "articles_pruned": self.pruned,
                "articles_without_fallback": self.fallback_missed,
                "inputs_skipped": len(self.problems), "events": self.events,
                "events_stored": self.events_stored, "outputs_written": self.outputs_written,
                "seconds": round(self.seconds, 3)}


def run(config: RunConfig) -> RunSummary:
    """Do one scheduled run; LockHeld (exit 7) if another run is going, without touching anything.

    Raises NoUsableInput (exit 4) when no source gave a single article and the store is empty;
    GazetteerUnusable (5), FallbackUnavailable (6) or StoreUnusable (9) before any article is
    processed when the infrastructure is not there, keeping the previous events and outputs.
    """
    started = time.monotonic()
    with run_lock(lock_path_for(config.store)), EventStore.open(config.store) as store:
        try:
            return _run_locked(config, store, started)
        except sqlite3.Error as error:  # the gazetteer's errors are GazetteerUnusable by now
            raise StoreUnusable(f"{config.store}: store failed mid-run ({error}); nothing after "
                                "the last committed batch was kept") from None


def _run_locked(config: RunConfig, store: EventStore, started: float) -> RunSummary:
    store.check()
    _ensure_gazetteer_countries(config)
    check_gazetteer(config)
    check_fallback(config)
    summary = RunSummary(run_id=store.start_run(config.engine),
                         require_fallback=config.require_fallback)
    status = "interrupted"
    try:
        seen, protected = _process_sources(config, store, summary)
        if summary.processed == 0 and not summary.unchanged and store.article_count() == 0:
            status = "no input"
            raise NoUsableInput("no source gave a readable article: "
                                + "; ".join(str(p) for p in summary.problems[:5]))
        if config.prune:
            _prune(store, seen, protected, summary)
        if summary.fallback_missed:
            log.warning("online fallback unavailable: %d articles were resolved without it; "
                        "they are processed again by the next run that reaches it",
                        summary.fallback_missed)
        state = _outputs_state(config, store)
        if store.get_meta("outputs_state") == state and all(
                path.exists() for path in config.outputs.values()):
            summary.events = int(store.get_meta("outputs_events") or 0)
        else:
            summary.events, summary.outputs_written = regenerate_outputs(config, store)
            # Recorded only once every output is in place: a crash before this line makes
            # the next run regenerate them all.
            store.set_meta("outputs_events", str(summary.events))
            store.set_meta("outputs_state", state)
        status = "partial" if summary.exit_code != EXIT_OK else "ok"
    except Exception:
        status = "failed" if status == "interrupted" else status
        raise
    finally:
        summary.seconds = time.monotonic() - started
        store.finish_run(summary.run_id, status, {
            **summary.as_dict(), "outputs_written": len(summary.outputs_written),
            "message": summary.line()})
    return summary


def _prune(store: EventStore, seen: set[str], protected: set[str],
           summary: RunSummary) -> None:
    """A source that vanished takes its articles and events along (a rename: delete + add)."""
    gone = store.vanished(seen, protected)
    if gone:
        removed = store.prune(gone)
        summary.pruned = len(gone)
        log.info("pruned %d articles no source yields any more (%d events removed)",
                 len(gone), removed)


def dry_run(config: RunConfig) -> RunSummary:
    """What `run` would do, touching nothing: no lock file, no store write, no output.

    The summary's counts say what would be processed and pruned; ``outputs_written`` lists the
    outputs that would be rewritten.
    """
    started = time.monotonic()
    with EventStore.open(config.store, create=False, read_only=True) as store:
        summary = RunSummary(require_fallback=config.require_fallback)
        seen: dict[str, str] = {}
        protected: set[str] = set()
        for _ in _pending_articles(config, store, summary, seen, protected, record=False):
            pass
        gone = store.vanished(set(seen), protected) if config.prune else []
        summary.pruned = len(gone)
        state = _outputs_state(config, store)
        stale = summary.processed or gone or store.get_meta("outputs_state") != state
        summary.outputs_written = [kind for kind, path in config.outputs.items()
                                   if stale or not path.exists()]
        summary.events = int(store.get_meta("outputs_events") or 0)
    summary.seconds = time.monotonic() - started
    return summary


def check(config: RunConfig) -> list[str]:
    """`geomap run --check`: each check in turn; raises the first problem's error (its exit
    code), else returns what was checked."""
    from geomap.preflight import check_outputs, check_store

    check_store(config)
    check_outputs(config)
    _ensure_gazetteer_countries(config)
    check_gazetteer(config)
    check_fallback(config)
    return [f"store {config.store}", f"outputs {', '.join(map(str, config.outputs.values()))}",
            f"gazetteer {config.gazetteer or 'default'}",
            "fallback " + ("not used (offline)" if config.offline else
                           "probed" if config.require_fallback else "not required")]


def _ensure_gazetteer_countries(config: RunConfig) -> None:
    """gazetteer.countries: download the missing ones once when online (never fails the run)."""
    if config.gazetteer_countries:
        from gazetteer.download import ensure_countries
        from gazetteer.paths import default_path

        ensure_countries(config.gazetteer or default_path(), config.gazetteer_countries,
                         offline=config.offline, user_agent=config.user_agent, log=log)


def pipeline_of(config: RunConfig) -> Pipeline:
    """The run's settings as the one value every worker gets (nothing goes through the
    environment: a worker opens exactly the gazetteer and fallback the config names)."""
    return Pipeline(gazetteer=str(config.gazetteer) if config.gazetteer else None,
                    offline=config.offline, user_agent=config.user_agent, lexicon=config.language,
                    fallback_url=config.fallback_url, engine=config.engine,
                    workers=config.workers, scheduler=config.scheduler)


def version_of(config: RunConfig) -> str:
    """What an article was processed with, as stored beside it: the pipeline's version, and the
    lexicon's language when it is not English (so stores made before languages stay current)."""
    if config.language == "en":
        return PIPELINE_VERSION
    return f"{PIPELINE_VERSION}+{config.language}"


def _process_sources(config: RunConfig, store: EventStore,
                     summary: RunSummary) -> tuple[set[str], set[str]]:
    """Process what is pending; returns (every article id read, paths that could not be read)."""
    in_flight: deque[tuple[Article, str, str]] = deque()
    seen: dict[str, str] = {}
    protected: set[str] = set()

    def articles_to_process() -> Iterator[Article]:
        for article, digest, location in _pending_articles(config, store, summary, seen,
                                                           protected):
            in_flight.append((article, digest, location))
            yield article

    batch = []
    dask_options = {}
    if config.parquet_dir is not None and config.engine == "dask":
        dask_options = {"parquet_dir": config.parquet_dir,
                        "part_prefix": f"run{summary.run_id:06d}"}
    results = pipeline_of(config).run(articles_to_process(), **dask_options)
    for result in results:
        article, digest, location = in_flight.popleft()
        if not result.ok:
            summary.failed += 1
            log.warning("article %s (%s) failed: %s", article.id, article.path,
                        "; ".join(result.errors))
        if result.fallback_missed:
            summary.fallback_missed += 1
        batch.append((article, digest, location, result))
        if len(batch) >= config.batch_size:
            summary.events_stored += store.save_results(
                batch, pipeline_version=version_of(config), run_id=summary.run_id)
            batch = []
    if batch:
        summary.events_stored += store.save_results(
            batch, pipeline_version=version_of(config), run_id=summary.run_id)
    return set(seen), protected


def _pending_articles(config: RunConfig, store: EventStore, summary: RunSummary,
                      seen: dict[str, str], protected: set[str], *,
                      record: bool = True) -> Iterator[tuple[Article, str, str]]:
    """(article, content hash, source) for each article the store lacks in this version.

    Fills ``seen`` (article id -> where it was read) and ``protected`` (paths with a read
    problem this run: their stored articles are not pruned, since unreadable is not deleted).
    """
    retry_fallback = not config.offline and bool(config.user_agent)
    for location in [*config.sources, *config.feeds]:
        problems: list[InputError] = []
        count = 0
        articles = (part for whole in iter_articles(
            [location], published=config.published, problems=problems, offline=config.offline,
            user_agent=config.user_agent) for part in split_article(whole,
                                                                     config.max_article_bytes))
        for chunk in _chunks(articles, LOOKUP_BATCH):
            unique = []
            for article in chunk:
                if article.id in seen:
                    problems.append(InputError(
                        f"duplicate article id {article.id!r} (first read from "
                        f"{seen[article.id]}); skipped", article.path))
                    continue
                seen[article.id] = article.path or location
                unique.append(article)
            count += len(unique)
            known = store.known([article.id for article in unique])
            for article in unique:
                digest = content_hash(article)
                stored = known.get(article.id)
                if stored is None:
                    summary.new += 1
                elif stored[:2] != (digest, version_of(config)):
                    summary.changed += 1
                elif stored[3] and retry_fallback:
                    summary.retried += 1
                else:
                    # A failed article stays failed until it or the pipeline changes: its fault
                    # is its own (infrastructure failures stop the run instead), and retrying it
                    # every run would make one bad article cost every run forever.
                    summary.unchanged += 1
                    continue
                yield article, digest, location
        for problem in problems:
            log.warning("skipped: %s", problem)
            protected.add(problem.path or location)
        if problems and not count:
            protected.add(location)
        summary.problems.extend(problems)
        if record:
            store.record_source(location, count, len(problems))


def _chunks(articles: Iterator[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for article in articles:
        chunk.append(article)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _outputs_state(config: RunConfig, store: EventStore) -> str:
    """Outputs are current when neither the stored data nor what they are made of changed."""
    settings = json.dumps([config.output_settings(), version_of(config)], sort_keys=True)
    digest = hashlib.sha256(settings.encode("utf-8")).hexdigest()[:16]
    return f"{store.data_version}:{digest}"


__all__ = ["RunSummary", "run"]
