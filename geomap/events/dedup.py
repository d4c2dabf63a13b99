"""One happening reported by several articles becomes one event that lists every report.

Which reports are one happening is geomap.events.identity's rule (same type, place, time, no
conflicting figures, actors or participants). Here we find the pairs worth asking about, group
them and merge each group:

- **Candidates, in O(n log n).** Events are sorted once into a canonical order (so nothing
  depends on input order), then filed by day and grid cell of ``CELL_DEG`` degrees; a
  day-precise event is compared only with events of its own type, its day and the cells within
  ``NEAR_KM``; a week- or month-precise event with those of the days its window can overlap.
  Region-level reports (geo_precision 3) meet the events of their region (by admin1) on the
  days their windows share. An event without coordinates is filed under its place name
  (country, admin1, location) instead of a cell, so it can merge only with reports of that very
  name; an event without a date, or without any place, has no evidence of being another
  report's happening and stays alone.
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
from functools import lru_cache

import numpy as np

from geomap.events.identity import NEAR_KM, WINDOW_DAYS, Report, match_score, normal_name, report_of
from geomap.model import Event

#: Grid cell size in degrees (~28 km of latitude): NEAR_KM fits in the neighbouring cells.
CELL_DEG = 0.25
_KM_PER_DEG = 111.32
#: The grid as ints: row * _COLUMNS + column, rows and columns shifted to be positive.
_ROWS = round(90 / CELL_DEG) + 2
_COLUMNS = 1 << 13
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
        if not all(((x, y) if x < y else (y, x)) in scores for x in left for y in right):
            continue  # complete link: every member must match every member
        keep, gone = (ci, cj) if ci < cj else (cj, ci)
        joined = sorted(left + right)
        for index in (right if keep == ci else left):
            cluster[index] = keep
        members[keep] = joined
        members.pop(gone, None)
    return [members.get(i, [i]) for i in range(len(events)) if cluster[i] == i]


def candidate_pairs(events: list[Event]) -> Iterator[tuple[int, int]]:
    """Pairs (i < j) that may be one happening; every pair the rule could accept is among them
    (and a few twice)."""
    types: dict[str, int] = {}
    spans: list[tuple[int, int] | None] = []
    mapped: list[tuple[int, int, int, int, int, float]] = []  # index, type, day, half, cell, lat
    by_name: dict[tuple, list[int]] = defaultdict(list)  # type, day, place name -> events
    askers: list[tuple[int, int, tuple | None]] = []  # region-level or unmapped: index, type, name
    for index, event in enumerate(events):
        cell = _cell(event)
        span = None
        if cell is not None and event.event_date is not None:
            span = (event.event_date.toordinal(), _half(event))
            code = types.setdefault(event.event_type, len(types))
            if isinstance(cell, int):
                mapped.append((index, code, *span, cell, event.lat))
            else:
                by_name[(code, span[0], cell)].append(index)
            if event.geo_precision == 3 or not isinstance(cell, int):
                askers.append((index, code, None if isinstance(cell, int) else cell))
        spans.append(span)
    widest = max((span[1] for span in spans if span), default=0)
    if mapped:
        first, second = _grid_pairs(np.array(mapped), widest)
        yield from zip(first.tolist(), second.tolist(), strict=True)
    by_region = _regions(events, spans, types)
    for i, code, name in askers:
        if events[i].geo_precision == 3:
            yield from _in_region(i, events, spans, by_region, (code, widest))
        if name is not None:
            yield from _same_name(i, spans, by_name, (code, name, widest))


def _grid_pairs(mapped: np.ndarray, widest: int) -> tuple[np.ndarray, np.ndarray]:
    """Pairs of mapped events of one type whose days may overlap, in cells within NEAR_KM:
    one sort of (type, day, cell) keys, then a binary search per neighbouring cell and day."""
    index, code, day, half, cell = (mapped[:, k].astype(np.int64) for k in range(5))
    keys = (code << 52) | (day << 26) | cell
    order = np.argsort(keys, kind="stable")
    sorted_keys = keys[order]
    shrink = np.maximum(np.cos(np.radians(np.minimum(89.0, np.abs(mapped[:, 5]) + CELL_DEG))),
                        0.01)
    reach = np.ceil(NEAR_KM / (_KM_PER_DEG * CELL_DEG * shrink)).astype(np.int64)
    firsts, seconds = [], []
    windowed = half > 0
    for width in np.unique(reach).tolist():
        for offset in _offsets(width):
            # day-precise events meet their own day here; windowed ones meet every day their
            # window can share with another's, and find the day-precise ones from their side
            for delta in range(-(2 * widest), 2 * widest + 1):
                asking = (reach == width) & (windowed if delta else True)
                if delta:
                    asking &= np.abs(delta) <= half + widest
                if not asking.any():
                    continue
                rows = np.nonzero(asking)[0]
                wanted = keys[rows] + offset + (delta << 26)
                low = np.searchsorted(sorted_keys, wanted, "left")
                counts = np.searchsorted(sorted_keys, wanted, "right") - low
                if not counts.any():
                    continue
                mine = np.repeat(rows, counts)
                starts = np.repeat(low - np.cumsum(counts) + counts, counts)
                theirs = order[starts + np.arange(counts.sum())]
                keep = (np.abs(day[mine] - day[theirs]) <= half[mine] + half[theirs]) & (
                    mine != theirs)
                # each pair once: by the lower row when both are alike, else by the windowed one
                keep &= np.where(windowed[mine] == windowed[theirs], mine < theirs,
                                 windowed[mine])
                firsts.append(index[mine[keep]])
                seconds.append(index[theirs[keep]])
    if not firsts:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    first, second = np.concatenate(firsts), np.concatenate(seconds)
    return np.minimum(first, second), np.maximum(first, second)


def _half(event: Event) -> int:
    return WINDOW_DAYS.get(event.time_precision or 1, WINDOW_DAYS[3])


def _cell(event: Event) -> int | tuple | None:
    """The grid cell as one int (row, column), or for an unmapped event its place name."""
    if event.lat is not None and event.lon is not None:
        return ((math.floor(event.lat / CELL_DEG) + _ROWS) * _COLUMNS
                + math.floor(event.lon / CELL_DEG) + _ROWS * 2)
    if event.location:
        return ("name", normal_name(event.country), normal_name(event.admin1),
                normal_name(event.location))
    return None


def _same_name(i: int, spans: list, by_name: dict,
               code_cell_widest: tuple) -> Iterator[tuple[int, int]]:
    """An unmapped event meets the unmapped events of its very place name."""
    (code, cell, widest), (day, half) = code_cell_widest, spans[i]
    for other_day in range(day - half - widest, day + half + widest + 1):
        for j in by_name.get((code, other_day, cell), ()):
            if j > i and abs(other_day - day) <= half + spans[j][1]:
                yield (i, j)


@lru_cache(maxsize=64)
def _offsets(reach: int) -> tuple[int, ...]:
    return tuple(dy * _COLUMNS + dx for dy in (-1, 0, 1) for dx in range(-reach, reach + 1))


def _region_names(event: Event) -> set[str]:
    return {normal_name(event.location), normal_name(event.admin1)} - {None}


def _regions(events: list[Event], spans: list, types: dict[str, int]) -> dict[tuple, list[int]]:
    """(type, day, country, admin1) -> the finer events of that region, for the regions that
    region-level reports name."""
    wanted = {(normal_name(e.country), name) for e, span in zip(events, spans, strict=True)
              if span and e.geo_precision == 3 for name in _region_names(e)}
    regions: dict[tuple, list[int]] = defaultdict(list)
    if not wanted:
        return regions
    for index, event in enumerate(events):
        key = (normal_name(event.country), normal_name(event.admin1))
        if spans[index] and event.geo_precision != 3 and key in wanted:
            regions[(types[event.event_type], spans[index][0], *key)].append(index)
    return regions


def _in_region(i: int, events: list[Event], spans: list, regions: dict,
               code_and_widest: tuple[int, int]) -> Iterator[tuple[int, int]]:
    (code, widest), event, (day, half) = code_and_widest, events[i], spans[i]
    country = normal_name(event.country)
    for other_day in range(day - half - widest, day + half + widest + 1):
        for name in _region_names(event):
            for j in regions.get((code, other_day, country, name), ()):
                if abs(other_day - day) <= half + spans[j][1]:
                    yield (i, j) if i < j else (j, i)


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
