"""`geomap run --config FILE.toml`: the scheduled, incremental job (see geomap.run)."""

from __future__ import annotations

import json
import logging
import signal
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import click

from geomap.cli.options import FALLBACK_URL, from_environment
from geomap.config import ENGINES, RunConfig, keys_help, load_config
from geomap.errors import ConfigError, GeomapError

if TYPE_CHECKING:
    from geomap.run import RunSummary


class JsonLines(logging.Formatter):
    """One JSON object per log record, for journald/ELK; the run summary adds its counts."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created)) + "Z",
            "level": record.levelname.lower(), "logger": record.name,
            "message": record.getMessage(),
        }
        entry.update(getattr(record, "fields", {}))
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def configure_logging(json_lines: bool) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonLines() if json_lines else logging.Formatter(
        "%(asctime)s %(levelname)s %(message)s", "%Y-%m-%d %H:%M:%S"))
    root = logging.getLogger("geomap")
    root.handlers[:] = [handler]
    root.setLevel(logging.INFO)
    root.propagate = False
    # distributed logs every worker start at INFO: keep the cron log about geomap.
    logging.getLogger("distributed").setLevel(logging.WARNING)


def _terminate(signum: int, frame: object) -> None:
    # systemd stops a unit with SIGTERM: unwind so the run log says "interrupted". Safe anyway:
    # the store is transactional and outputs are atomic.
    raise KeyboardInterrupt


@click.command("run", epilog=f"""\b
Configuration keys (TOML; relative paths are relative to the config file):
{keys_help()}

\b
Example:
  geomap run --config examples/geomap.toml
  geomap run --config geomap.toml --engine dask --scheduler tcp://10.0.0.5:8786 --log-json

\b
Exit codes: 0 ok; 1 an output could not be written (its previous file is kept; the next run
retries); 3 some inputs or articles were skipped, or names were resolved without the fallback
(outputs written); 4 no usable input; 5 gazetteer unusable; 6 the required fallback is down;
7 another run holds the lock (this run did nothing); 8 configuration error (names the key);
9 event store unusable. Exit codes 5, 6 and 9 stop the run before any article is processed:
the previous events and outputs are kept.""")
@click.option("--config", "config_path", required=True,
              type=click.Path(dir_okay=False, path_type=str), help="the TOML run configuration")
@click.option("--engine", type=click.Choice(ENGINES), help="override engine.name")
@click.option("--scheduler", help="Dask scheduler address; implies --engine dask")
@click.option("--workers", type=click.IntRange(min=1), help="override engine.workers")
@click.option("--log-json", is_flag=True, help="log JSON lines to stderr")
@click.option("--offline", is_flag=True, help="never touch the network (overrides the config)")
@click.option("--gazetteer", type=click.Path(dir_okay=False, path_type=str),
              help="override gazetteer.path (must exist)")
@click.option("--fallback-url", help="override gazetteer.fallback_url (private Nominatim or "
              "Photon); default $GEOMAP_FALLBACK_URL")
@click.option("--dry-run", is_flag=True, help="say what would be processed, pruned and "
              "rewritten; touch nothing")
@click.option("--check", "check_only", is_flag=True, help="check the config, store, outputs' "
              "directories and gazetteer (and a required fallback); exit non-zero on the first "
              "problem")
def run_command(config_path: str, engine: str | None, scheduler: str | None,
                workers: int | None, log_json: bool, offline: bool, gazetteer: str | None,
                fallback_url: str | None, dry_run: bool, check_only: bool) -> None:
    """Regenerate the configured outputs from new or changed articles (incremental, locked).

    Reads every source, processes only articles that are new, changed, or were processed by
    another pipeline version, keeps their events in the SQLite store, removes the articles no
    source yields any more, and rewrites the outputs (atomically) only when something changed.
    The store, the gazetteer and a required fallback are checked before any article is touched.
    Logs go to stderr, ending with one summary line.
    """
    configure_logging(log_json)
    log = logging.getLogger("geomap.run")
    try:
        config = _config(config_path, engine, scheduler, workers, offline, gazetteer,
                         fallback_url)
        if check_only:
            from geomap.run import check

            for item in check(config):
                log.info("check passed: %s", item)
            return
        if dry_run:
            from geomap.run import dry_run as plan

            summary = plan(config)
            log.info("dry run: would process %d new, %d changed, %d retried articles "
                     "(%d unchanged), prune %d; outputs to rewrite: %s; nothing was touched",
                     summary.new, summary.changed, summary.retried, summary.unchanged,
                     summary.pruned, ", ".join(summary.outputs_written) or "none",
                     extra={"fields": {**summary.as_dict(), "dry_run": True}})
            return
        summary = _run(config)
    except GeomapError as error:
        # Through the logger, so a cron log written with --log-json stays one JSON object a line.
        logging.getLogger("geomap.run").error("%s", error, extra={"fields": {
            "exit_code": error.exit_code, "error": type(error).__name__}})
        click.get_current_context().exit(error.exit_code)
    logging.getLogger("geomap.run").info(summary.line(), extra={"fields": summary.as_dict()})
    if summary.exit_code:
        click.get_current_context().exit(summary.exit_code)


def _config(config_path: str, engine: str | None, scheduler: str | None, workers: int | None,
            offline: bool, gazetteer: str | None, fallback_url: str | None) -> RunConfig:
    config = load_config(config_path)
    overrides = {}
    if scheduler:
        overrides.update(scheduler=scheduler, engine="dask")
    if engine:
        overrides["engine"] = engine
    if workers:
        overrides["workers"] = workers
    if offline:
        overrides["offline"] = True
    if gazetteer:
        overrides["gazetteer"] = Path(gazetteer).expanduser().absolute()
    url = fallback_url or config.fallback_url or from_environment(FALLBACK_URL)
    if url and not url.startswith(("http://", "https://")):
        raise ConfigError(f"fallback URL must be http(s)://host[:port][/path], got {url!r}")
    overrides["fallback_url"] = url
    return replace(config, **overrides)


def _run(config: RunConfig) -> RunSummary:
    from geomap.run import run

    signal.signal(signal.SIGTERM, _terminate)
    return run(config)
