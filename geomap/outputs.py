"""Regenerate a run's outputs from the event store: filter, dedup, write each file atomically.

Each output is written to a temporary file beside it and renamed into place (geomap.atomic), so a
crash or kill -9 mid-write leaves the previous file whole; the run records the store's data version
only after every output is written, so the next run regenerates whatever a crash interrupted.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from geomap.atomic import atomic_path
from geomap.config import RunConfig
from geomap.errors import GeomapError
from geomap.model import Event
from geomap.store import EventStore

log = logging.getLogger("geomap.run")


class OutputFailed(GeomapError):
    """An output writer failed (a bug, a full disk): the previous file stays in place."""


def regenerate_outputs(config: RunConfig, store: EventStore) -> tuple[int, list[str]]:
    """Write every configured output from the store; returns (events written, output kinds)."""
    from geomap.events.dedup import deduplicate

    events = list(store.iter_events(date_from=config.date_from, date_to=config.date_to,
                                    event_types=config.event_types or None))
    if config.countries:
        matches = country_matcher(config.countries)
        events = [event for event in events if matches(event)]
    if config.dedup:
        events = deduplicate(events)
    written, failed = [], []
    for kind, path in config.outputs.items():
        remove_stale_temporaries(path)
        try:
            with atomic_path(path) as temporary:
                write_output(kind, events, temporary, config)
        except Exception:  # one broken writer must not keep the other outputs from updating
            log.exception("could not write %s; the previous file is kept", path)
            failed.append(str(path))
            continue
        log.info("wrote %s (%d events)", path, len(events))
        written.append(kind)
    if failed:
        raise OutputFailed(f"could not write {', '.join(failed)} (see the log); the next run "
                           "tries again")
    return len(events), written


def write_output(kind: str, events: list[Event], path: Path, config: RunConfig) -> None:
    if kind == "map":
        from geomap.render import render_map

        render_map(events, path, offline=config.effective_map_offline, tiles=config.map_tiles,
                   title=config.map_title)
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


def country_matcher(countries: Sequence[str]) -> Callable[[Event], bool]:
    """Match events by country name or ISO 3166 code, whichever the filter and the event use."""
    import pycountry

    names: set[str] = set()
    numeric: set[int] = set()
    for value in countries:
        names.add(value.casefold())
        try:
            country = pycountry.countries.lookup(value)
        except LookupError:
            log.warning("filters.countries: %r is not a known country; matched by name only", value)
            continue
        names.update(_names(country))
        numeric.add(int(country.numeric))

    def matches(event: Event) -> bool:
        return (event.iso in numeric) or (
            event.country is not None and event.country.casefold() in names)

    return matches


def _names(country: object) -> Iterable[str]:
    for attribute in ("name", "official_name", "common_name", "alpha_2", "alpha_3"):
        value = getattr(country, attribute, None)
        if value:
            yield value.casefold()
