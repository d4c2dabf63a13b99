"""Regenerate a run's outputs from the event store: filter, dedup, write each file atomically.

Each output is written to a temporary file beside it and renamed into place (geomap.atomic), so a
crash or kill -9 mid-write leaves the previous file whole; the run records the store's data version
only after every output is written, so the next run regenerates whatever a crash interrupted.
"""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path

from geomap.atomic import atomic_path
from geomap.config import RunConfig
from geomap.errors import GeomapError
from geomap.filters import filter_events
from geomap.model import Event
from geomap.store import EventStore

log = logging.getLogger("geomap.run")


class OutputFailed(GeomapError):
    """An output writer failed (a bug, a full disk): the previous file stays in place."""


def regenerate_outputs(config: RunConfig, store: EventStore) -> tuple[int, list[str]]:
    """Write every configured output from the store; returns (events written, output kinds)."""
    from geomap.events.dedup import deduplicate

    events = list(filter_events(
        store.iter_events(), date_from=config.date_from, date_to=config.date_to,
        countries=config.countries, event_types=config.event_types))
    if config.dedup:
        events = deduplicate(events)
    written, failed = [], []
    unavailable: GeomapError | None = None
    for kind, path in config.outputs.items():
        remove_stale_temporaries(path)
        try:
            with atomic_path(path) as temporary:
                write_output(kind, events, temporary, config)
        except GeomapError as error:  # a known cause (map assets not cached offline): one line
            log.error("could not write %s; the previous file is kept: %s", path, error)
            unavailable = unavailable or error
            continue
        except Exception:  # one broken writer must not keep the other outputs from updating
            log.exception("could not write %s; the previous file is kept", path)
            failed.append(str(path))
            continue
        log.info("wrote %s (%d events)", path, len(events))
        written.append(kind)
    if failed:
        raise OutputFailed(f"could not write {', '.join(failed)} (see the log); the next run "
                           "tries again")
    if unavailable is not None:
        raise unavailable  # its own exit code (6 for assets offline), after the other outputs
    return len(events), written


def write_output(kind: str, events: list[Event], path: Path, config: RunConfig) -> None:
    if kind == "map":
        from gazetteer import Gazetteer
        from gazetteer.paths import default_path
        from geomap.render import render_map

        # The gazetteer the run read with (checked before any article) names the map's places.
        render_map(events, path, offline=config.effective_map_offline, tiles=config.map_tiles,
                   title=config.map_title,
                   gazetteer=Gazetteer.open(config.gazetteer or default_path()))
    else:
        from geomap.export import write_events  # the format follows the file extension

        write_events(events, path)


def remove_stale_temporaries(path: Path) -> None:
    """Delete temp files a killed run left beside ``path`` (atomic_write/atomic_path names).

    Only called under the run lock: the configured outputs belong to this job, so a temp file of
    theirs that exists now is from a run that died.
    """
    patterns = (f".{path.name}.*.tmp", f".{path.stem}.*{path.suffix}", f"..{path.stem}.*")
    for pattern in patterns:
        for leftover in path.parent.glob(pattern):
            with contextlib.suppress(OSError):
                leftover.unlink()
                log.info("removed %s, left by an interrupted run", leftover)
