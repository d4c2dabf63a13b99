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

from geomap.config import ENGINES, keys_help, load_config
from geomap.errors import GeomapError

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
retries); 3 some inputs or articles were skipped (outputs written); 4 no usable input; 7 another
run holds the lock (this run did nothing); 8 configuration error (names the key).""")
@click.option("--config", "config_path", required=True,
              type=click.Path(dir_okay=False, path_type=str), help="the TOML run configuration")
@click.option("--engine", type=click.Choice(ENGINES), help="override engine.name")
@click.option("--scheduler", help="Dask scheduler address; implies --engine dask")
@click.option("--workers", type=click.IntRange(min=1), help="override engine.workers")
@click.option("--log-json", is_flag=True, help="log JSON lines to stderr")
@click.option("--offline", is_flag=True, help="never touch the network (overrides the config)")
@click.option("--gazetteer", "gazetteer_path", type=click.Path(dir_okay=False),
              help="gazetteer file (overrides gazetteer.path)")
def run_command(config_path: str, engine: str | None, scheduler: str | None,
                workers: int | None, log_json: bool, offline: bool,
                gazetteer_path: str | None) -> None:
    """Regenerate the configured outputs from new or changed articles (incremental, locked).

    Reads every source, processes only articles that are new, changed, or were processed by
    another pipeline version, keeps their events in the SQLite store, and rewrites the outputs
    (atomically) only when something changed. Logs go to stderr, ending with one summary line.
    """
    configure_logging(log_json)
    try:
        summary = _run(config_path, engine, scheduler, workers, offline, gazetteer_path)
    except GeomapError as error:
        # Through the logger, so a cron log written with --log-json stays one JSON object a line.
        logging.getLogger("geomap.run").error("%s", error, extra={"fields": {
            "exit_code": error.exit_code, "error": type(error).__name__}})
        click.get_current_context().exit(error.exit_code)
    logging.getLogger("geomap.run").info(summary.line(), extra={"fields": summary.as_dict()})
    if summary.exit_code:
        click.get_current_context().exit(summary.exit_code)


def _run(config_path: str, engine: str | None, scheduler: str | None, workers: int | None,
         offline: bool, gazetteer_path: str | None = None) -> RunSummary:
    from geomap.run import run

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
    if gazetteer_path:
        overrides["gazetteer"] = Path(gazetteer_path)
    config = replace(config, **overrides)
    signal.signal(signal.SIGTERM, _terminate)
    return run(config)
