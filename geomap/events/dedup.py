"""One event reported by several articles becomes one event with several sources.

Two events are the same when they come from different articles, have the same ACLED event_type,
lie within ``max_km`` of each other and happened within ``max_days`` days. The merged event keeps
the earliest-reported record's fields, lists every source, and takes the most conservative
(lowest) of the reported fatality and injury figures -- ACLED's rule for conflicting reports.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from geomap.geodesy import haversine_km
from geomap.model import Event

DEFAULT_MAX_KM = 10.0
DEFAULT_MAX_DAYS = 1
_SEPARATOR = "; "


def _same_happening(a: Event, b: Event, max_km: float, max_days: int) -> bool:
    if a.article_id == b.article_id or a.event_type != b.event_type:
        return False
    if a.event_date is None or b.event_date is None:
        return False
    if abs((a.event_date - b.event_date).days) > max_days:
        return False
    if None in (a.lat, a.lon, b.lat, b.lon):
        return False
    return haversine_km(a.lat, a.lon, b.lat, b.lon) <= max_km


def _joined(values: Iterable[str | None]) -> str | None:
    seen: list[str] = []
    for value in values:
        for part in (value or "").split(_SEPARATOR):
            if part and part not in seen:
                seen.append(part)
    return _SEPARATOR.join(seen) or None


def _lowest(values: Iterable[int | None]) -> int | None:
    known = [v for v in values if v is not None]
    return min(known) if known else None


def _merge(group: list[Event]) -> Event:
    base = group[0]
    fatalities = _lowest(e.fatalities for e in group)
    chosen = next((e for e in group if e.fatalities == fatalities), base)
    return base.replace(
        source=_joined(e.source for e in group),
        source_url=_joined(e.source_url for e in group),
        fatalities=fatalities,
        fatalities_low=chosen.fatalities_low,
        fatalities_high=chosen.fatalities_high,
        injured=_lowest(e.injured for e in group),
        confidence=max((e.confidence or 0.0) for e in group) or base.confidence,
    )


def deduplicate(events: Iterable[Event], *, max_km: float = DEFAULT_MAX_KM,
                max_days: int = DEFAULT_MAX_DAYS) -> list[Event]:
    """Merge events that several articles report; the result does not depend on input order.

    >>> deduplicate([])
    []
    """
    ordered = sorted(events, key=lambda e: (e.event_date or date.max, e.article_id, e.event_id))
    groups: list[list[Event]] = []
    for event in ordered:
        for group in groups:
            if any(_same_happening(member, event, max_km, max_days) for member in group) and all(
                    member.article_id != event.article_id for member in group):
                group.append(event)
                break
        else:
            groups.append([event])
    return [_merge(group) if len(group) > 1 else group[0] for group in groups]
