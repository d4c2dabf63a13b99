"""The scheduled job behind `geomap run --config geomap.toml`.

One run: take the lock -> read every source -> process only articles that are new, changed, or
were processed by another PIPELINE_VERSION -> store them batch by batch (one transaction each) ->
if anything changed (or an output is missing, or the output settings changed), dedup the stored
events and regenerate every output atomically from the store.

    >>> from geomap.config import load_config
    >>> summary = run(load_config("examples/geomap.toml"))   # doctest: +SKIP
    >>> print(summary.line())                                # doctest: +SKIP
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field

from geomap.config import RunConfig
from geomap.errors import EXIT_OK, EXIT_PARTIAL, InputError, NoUsableInput
from geomap.ingest import iter_articles
from geomap.lock import lock_path_for, run_lock
from geomap.model import Article
from geomap.outputs import regenerate_outputs
from geomap.pipeline import PIPELINE_VERSION, run_pipeline
from geomap.store import EventStore, content_hash

log = logging.getLogger("geomap.run")
LOOKUP_BATCH = 500  # articles checked against the store per query


@dataclass
class RunSummary:
    run_id: int = 0
    new: int = 0
    changed: int = 0
    retried: int = 0  # stored as failed by an earlier run: tried again every run
    unchanged: int = 0
    failed: int = 0
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
        return EXIT_PARTIAL if self.problems or self.failed else EXIT_OK

    def line(self) -> str:
        outputs = (f"outputs written: {', '.join(self.outputs_written)}" if self.outputs_written
                   else "nothing new: outputs unchanged")
        return (f"run {self.run_id}: articles {self.new} new, {self.changed} changed, "
                f"{self.retried} retried, {self.failed} failed, {self.unchanged} unchanged, "
                f"{len(self.problems)} inputs "
                f"skipped; {self.events} events; {outputs}; {self.seconds:.1f} s")

    def as_dict(self) -> dict:
        return {"run_id": self.run_id, "articles_new": self.new, "articles_changed": self.changed,
                "articles_retried": self.retried, "articles_failed": self.failed,
                "articles_unchanged": self.unchanged,
                "inputs_skipped": len(self.problems), "events": self.events,
                "events_stored": self.events_stored, "outputs_written": self.outputs_written,
                "seconds": round(self.seconds, 3)}


def run(config: RunConfig) -> RunSummary:
    """Do one scheduled run; LockHeld (exit 7) if another run is going, without touching anything.

    Raises NoUsableInput (exit 4) when no source gave a single article and the store is empty.
    """
    started = time.monotonic()
    with run_lock(lock_path_for(config.store)), EventStore.open(config.store) as store:
        _export_worker_environment(config)
        _ensure_gazetteer_countries(config)
        summary = RunSummary(run_id=store.start_run(config.engine))
        status = "interrupted"
        try:
            _process_sources(config, store, summary)
            if summary.processed == 0 and not summary.unchanged and store.article_count() == 0:
                status = "no input"
                raise NoUsableInput("no source gave a readable article: "
                                    + "; ".join(str(p) for p in summary.problems[:5]))
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
            status = "partial" if summary.exit_code == EXIT_PARTIAL else "ok"
        except Exception:
            status = "failed" if status == "interrupted" else status
            raise
        finally:
            summary.seconds = time.monotonic() - started
            store.finish_run(summary.run_id, status, {
                **summary.as_dict(), "outputs_written": len(summary.outputs_written),
                "message": summary.line()})
    return summary


def _export_worker_environment(config: RunConfig) -> None:
    """Stages read their resources from the environment, which pool and Dask workers inherit."""
    if config.gazetteer:
        os.environ["GEOMAP_GAZETTEER"] = str(config.gazetteer)
    if config.user_agent:
        os.environ["GEOMAP_USER_AGENT"] = config.user_agent
    os.environ["GEOMAP_OFFLINE"] = "1" if config.offline else "0"


def _ensure_gazetteer_countries(config: RunConfig) -> None:
    """gazetteer.countries: download the missing ones once when online (never fails the run)."""
    if config.gazetteer_countries:
        from gazetteer.download import ensure_countries
        from gazetteer.paths import default_path

        ensure_countries(config.gazetteer or default_path(), config.gazetteer_countries,
                         offline=config.offline, user_agent=config.user_agent, log=log)


def _process_sources(config: RunConfig, store: EventStore, summary: RunSummary) -> None:
    in_flight: deque[tuple[Article, str, str]] = deque()

    def articles_to_process() -> Iterator[Article]:
        for article, digest, location in _pending_articles(config, store, summary):
            in_flight.append((article, digest, location))
            yield article

    batch = []
    dask_options = {}
    if config.parquet_dir is not None and config.engine == "dask":
        dask_options = {"parquet_dir": config.parquet_dir,
                        "part_prefix": f"run{summary.run_id:06d}"}
    results = run_pipeline(articles_to_process(), offline=config.offline, engine=config.engine,
                           workers=config.workers, scheduler=config.scheduler, **dask_options)
    for result in results:
        article, digest, location = in_flight.popleft()
        if not result.ok:
            summary.failed += 1
            log.warning("article %s (%s) failed: %s", article.id, article.path,
                        "; ".join(result.errors))
        batch.append((article, digest, location, result))
        if len(batch) >= config.batch_size:
            summary.events_stored += store.save_results(
                batch, pipeline_version=PIPELINE_VERSION, run_id=summary.run_id)
            batch = []
    if batch:
        summary.events_stored += store.save_results(
            batch, pipeline_version=PIPELINE_VERSION, run_id=summary.run_id)


def _pending_articles(config: RunConfig, store: EventStore,
                      summary: RunSummary) -> Iterator[tuple[Article, str, str]]:
    """(article, content hash, source) for each article the store lacks in this version."""
    seen: dict[str, str] = {}
    for location in [*config.sources, *config.feeds]:
        problems: list[InputError] = []
        count = 0
        articles = iter_articles([location], published=config.published, problems=problems,
                                 offline=config.offline, user_agent=config.user_agent)
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
                elif stored[:2] != (digest, PIPELINE_VERSION):
                    summary.changed += 1
                elif stored[2] == "failed":
                    # A failure may be passing (a missing gazetteer, a worker lost): the next
                    # run is how the work gets completed.
                    summary.retried += 1
                else:
                    summary.unchanged += 1
                    continue
                yield article, digest, location
        for problem in problems:
            log.warning("skipped: %s", problem)
        summary.problems.extend(problems)
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
    settings = json.dumps([config.output_settings(), PIPELINE_VERSION], sort_keys=True)
    digest = hashlib.sha256(settings.encode("utf-8")).hexdigest()[:16]
    return f"{store.data_version}:{digest}"


__all__ = ["RunSummary", "run"]
