"""Which events a map or a file shows: by date window, country and event type.

One definition for the scheduled run's ``[filters]`` (geomap.outputs) and for the `--from`, `--to`,
`--country` and `--type` flags of `geomap map` and `geomap export`, so both select alike.

    >>> keep = event_filter(date_from=date(2024, 1, 1), countries=["SDN", "South Sudan"])
    >>> selected = [event for event in events if keep(event)]        # doctest: +SKIP
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from datetime import date

from geomap.model import Event

log = logging.getLogger("geomap.run")


def event_filter(*, date_from: date | None = None, date_to: date | None = None,
                 countries: Sequence[str] = (), event_types: Sequence[str] = ()
                 ) -> Callable[[Event], bool]:
    """A predicate: inside the inclusive date window, in one of ``countries`` (name or ISO
    code), of one of ``event_types`` (ACLED event types). An empty criterion keeps everything.

    An undated event passes a date filter only when the filter has no bound: it cannot be shown
    to fall inside a window.
    """
    in_country = country_matcher(countries) if countries else None
    types = set(event_types)

    def keep(event: Event) -> bool:
        if date_from or date_to:
            if event.event_date is None:
                return False
            if date_from and event.event_date < date_from:
                return False
            if date_to and event.event_date > date_to:
                return False
        if types and event.event_type not in types:
            return False
        return in_country is None or in_country(event)

    return keep


def filter_events(events: Iterable[Event], **criteria) -> list[Event]:
    """The events ``event_filter(**criteria)`` keeps, in their order."""
    keep = event_filter(**criteria)
    return [event for event in events if keep(event)]


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
