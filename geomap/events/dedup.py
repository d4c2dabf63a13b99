"""One happening reported by several articles becomes one event that lists every report.

Which reports are one happening is geomap.events.identity's rule (same type, place, time, no
conflicting figures, actors or participants). Here we find the pairs worth asking about, group
them and merge each group:

- **Candidates, in O(n log n).** Events are sorted once into a canonical order (so nothing
  depends on input order), then grouped by day and by a grid cell of ``CELL_DEG`` degrees; a
  day-precise event is compared only with events of its day in the cells within ``NEAR_KM``.
  Week- and month-precise events are grouped by blocks of ``BLOCK_DAYS`` days covering their
  window, and region-level reports (geo_precision 3) meet the events of their region through the
  events' admin1. An event without coordinates is filed under its place name (country, admin1,
  location) instead of a cell, so it can merge only with reports of that very name; an event
  without a date, or without any place, has no evidence of being another report's happening
  and stays alone.
- **Groups, by complete link.** Compatible pairs are taken best first (by sentence similarity,
  then canonical order); two groups join only if every member of one matches every member of
  the other. No chaining: A~B and B~C never make A and C one event unless A~C.
- **Merge.** The merged event is the first report's (canonical order: earliest date, then
  article), with the place of its finest-placed report and the date of its most precise one;
  ``article_ids``/``sources``/``source_urls`` list every report (union, first seen first) and
  ``n_reports`` counts them. Conflicting tolls follow ACLED: the most conservative figure is
  ``fatalities``, ``fatalities_low``/``fatalities_high`` span the reports; injured: the lowest
  given.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import date

from geomap.events.identity import NEAR_KM, WINDOW_DAYS, Report, match_score, normal_name, report_of
from geomap.model import Event

#: Grid cell size in degrees of latitude (~22 km): NEAR_KM fits in the neighbouring cells.
CELL_DEG = 0.2
#: Days per block for week- and month-precise events.
BLOCK_DAYS = 8
_KM_PER_DEG = 111.32
_PLACE_FIELDS = ("location", "admin1", "admin2", "admin3", "country", "iso", "lat", "lon",
                 "geo_precision", "geonameid", "place_id", "region")


def deduplicate(events: Iterable[Event]) -> list[Event]:
    """Merge the reports of one happening; the result does not depend on input order.

    >>> deduplicate([])
    []
    """
    return [group[0] if len(group) == 1 else merge(group) for group in happenings(events)]


def happenings(events: Iterable[Event]) -> list[list[Event]]:
    """The reports grouped by happening, each group and the list in canonical order."""
    ordered = sorted(events, key=_canonical)
    return [[ordered[i] for i in group] for group in group_reports(ordered)]


def group_reports(events: list[Event]) -> list[list[int]]:
    """Indices of ``events`` grouped by happening, each group and the list in index order."""
    reports: dict[int, Report] = {}

    def report(index: int) -> Report:
        if index not in reports:
            reports[index] = report_of(events[index])
        return reports[index]

    scores: dict[tuple[int, int], float] = {}
    for i, j in candidate_pairs(events):
        score = match_score(report(i), report(j))
        if score is not None:
            scores[i, j] = score
    cluster = list(range(len(events)))
    members: dict[int, list[int]] = {}
    for (i, j), _ in sorted(scores.items(), key=lambda item: (-item[1], item[0])):
        ci, cj = cluster[i], cluster[j]
        if ci == cj:
            continue
        left, right = members.get(ci, [i]), members.get(cj, [j])
        if not all((min(x, y), max(x, y)) in scores for x in left for y in right):
            continue  # complete link: every member must match every member
        keep, gone = (ci, cj) if ci < cj else (cj, ci)
        joined = sorted(left + right)
        for index in (right if keep == ci else left):
            cluster[index] = keep
        members[keep] = joined
        members.pop(gone, None)
    return [members.get(i, [i]) for i in range(len(events)) if cluster[i] == i]


def candidate_pairs(events: list[Event]) -> Iterator[tuple[int, int]]:
    """Pairs (i < j) that may be one happening; every pair the rule could accept is among them."""
    by_day: dict[int, list[int]] = defaultdict(list)
    by_block: dict[int, list[int]] = defaultdict(list)
    cells: list[tuple | None] = []
    for index, event in enumerate(events):
        cell = _cell(event)
        cells.append(cell)
        if cell is None or event.event_date is None:
            continue
        day = event.event_date.toordinal()
        half = WINDOW_DAYS.get(event.time_precision or 1, WINDOW_DAYS[3])
        if half == 0:
            by_day[day].append(index)
        for block in range((day - half) // BLOCK_DAYS, (day + half) // BLOCK_DAYS + 1):
            by_block[block].append(index)
    for day in sorted(by_day):
        grid = _grid(by_day[day], cells)
        for i in by_day[day]:
            yield from ((i, j) for j in _neighbours(i, events[i], cells[i], grid) if j > i)
    seen: set[tuple[int, int]] = set()
    for block in sorted(by_block):
        members = by_block[block]
        askers = [i for i in members if _windowed(events[i]) or events[i].geo_precision == 3]
        if not askers:
            continue
        grid = _grid(members, cells)
        regions = _regions(members, events) if any(
            events[i].geo_precision == 3 for i in askers) else {}
        for i in askers:
            found = set(_neighbours(i, events[i], cells[i], grid)) if _windowed(events[i]) \
                else set()
            if events[i].geo_precision == 3:
                found.update(_in_region(events[i], regions))
            for j in found:
                pair = (min(i, j), max(i, j))
                if j != i and pair not in seen:
                    seen.add(pair)
                    yield pair


def _windowed(event: Event) -> bool:
    return WINDOW_DAYS.get(event.time_precision or 1, WINDOW_DAYS[3]) > 0


def _cell(event: Event) -> tuple | None:
    if event.lat is not None and event.lon is not None:
        return (math.floor(event.lat / CELL_DEG), math.floor(event.lon / CELL_DEG))
    if event.location:
        return ("name", normal_name(event.country), normal_name(event.admin1),
                normal_name(event.location))
    return None


def _grid(indices: list[int], cells: list[tuple | None]) -> dict[tuple, list[int]]:
    grid: dict[tuple, list[int]] = defaultdict(list)
    for index in indices:
        grid[cells[index]].append(index)
    return grid


def _neighbours(index: int, event: Event, cell: tuple, grid: dict) -> Iterator[int]:
    if cell[0] == "name":
        yield from grid.get(cell, ())
        return
    row, column = cell
    # a cell is narrower in km away from the equator: widen the search by longitude
    shrink = max(math.cos(math.radians(min(89.0, abs(event.lat) + CELL_DEG))), 0.01)
    reach = math.ceil(NEAR_KM / (_KM_PER_DEG * CELL_DEG * shrink))
    for dy in (-1, 0, 1):
        for dx in range(-reach, reach + 1):
            yield from grid.get((row + dy, column + dx), ())


def _regions(indices: list[int], events: list[Event]) -> dict[tuple, list[int]]:
    regions: dict[tuple, list[int]] = defaultdict(list)
    for index in indices:
        event = events[index]
        if event.admin1 and event.geo_precision != 3:
            regions[normal_name(event.country), normal_name(event.admin1)].append(index)
    return regions


def _in_region(event: Event, regions: dict[tuple, list[int]]) -> set[int]:
    country = normal_name(event.country)
    names = {normal_name(event.location), normal_name(event.admin1)} - {None}
    return {j for name in names for j in regions.get((country, name), ())}


def _canonical(event: Event) -> tuple:
    return (event.event_date or date.max, event.article_id, event.event_id, event.event_type,
            event.sub_event_type or "", event.location or "", event.notes or "",
            -999.0 if event.lat is None else event.lat, -999.0 if event.lon is None else event.lon)


def _union(values: Iterable[Iterable[str]]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(value for group in values for value in group))


def _span(events: list[Event]) -> tuple[int | None, int | None, int | None]:
    """(fatalities, low, high): the most conservative figure and the span of all reports."""
    known = [e for e in events if e.fatalities is not None]
    if not known:
        return None, None, None
    lows = [e.fatalities_low if e.fatalities_low is not None else e.fatalities for e in known]
    highs = [e.fatalities_high if e.fatalities_high is not None else e.fatalities for e in known]
    fatalities = min(e.fatalities for e in known)
    low, high = min(lows + [fatalities]), max(highs)
    if low == high == fatalities and all(e.fatalities_low is None for e in known):
        return fatalities, None, None  # every report gives the same single figure
    return fatalities, low, high


def merge(group: list[Event]) -> Event:
    """One event from the reports of one happening (in canonical order)."""
    base = group[0]
    placed = min(group, key=lambda e: e.geo_precision or 4)
    dated = min(group, key=lambda e: (e.event_date is None, e.time_precision or 4))
    fatalities, low, high = _span(group)
    injured = [e.injured for e in group if e.injured is not None]
    changes = {name: getattr(placed, name) for name in _PLACE_FIELDS}
    changes.update(
        event_date=dated.event_date, time_precision=dated.time_precision, year=dated.year,
        actor1=base.actor1 or next((e.actor1 for e in group if e.actor1), None),
        actor2=base.actor2 or next((e.actor2 for e in group if e.actor2), None),
        fatalities=fatalities, fatalities_low=low, fatalities_high=high,
        injured=min(injured) if injured else None,
        confidence=max((e.confidence for e in group if e.confidence is not None), default=None),
        article_ids=_union(e.article_ids for e in group),
        sources=_union(e.sources for e in group),
        source_urls=_union(e.source_urls for e in group),
        n_reports=sum(e.n_reports for e in group),
    )
    return base.replace(**changes)
