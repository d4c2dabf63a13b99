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
- **Scores, in bulk.** geomap.events.pair_scores applies the rule to all candidate pairs at
  once (numpy over each report's fields, read once), with match_score's very decisions.
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

import gc
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import numpy as np

from geomap.events import pair_scores
from geomap.events.acled_columns import acled_columns
from geomap.events.identity import (
    NEAR_KM,
    TOLL_FACTOR,
    TOLL_SLACK,
    WINDOW_DAYS,
    report_of,
)
from geomap.events.wording import normal_name
from geomap.geodesy import EARTH_RADIUS_KM
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
    with _without_gc():
        return [group[0] if len(group) == 1 else merge(group) for group in happenings(events)]


def happenings(events: Iterable[Event]) -> list[list[Event]]:
    """The reports grouped by happening, each group and the list in canonical order."""
    with _without_gc():
        ordered = sorted(events, key=_canonical)
        return [[ordered[i] for i in group] for group in group_reports(ordered)]


@contextmanager
def _without_gc() -> Iterator[None]:
    """Dedup makes millions of small tuples and no reference cycles: the cyclic collector would
    rescan every live event again and again (a fifth of the time at 100k reports, more at 1M)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def group_reports(events: list[Event]) -> list[list[int]]:
    """Indices of ``events`` grouped by happening, each group and the list in index order."""
    count = len(events)
    pairs = candidate_keys(events)
    first, second = pairs // count, pairs % count
    # each report read once, and only the reports some pair asks about
    involved, local = np.unique(np.concatenate([first, second]), return_inverse=True)
    reports = [report_of(events[i]) for i in involved.tolist()]
    score = pair_scores.scores(reports, local[:len(first)], local[len(first):])
    matched = ~np.isnan(score)
    first, second, score = first[matched], second[matched], score[matched]
    order = np.lexsort((second, first, -score))  # best first, then canonical order
    compatible = set((first * count + second).tolist())
    cluster = list(range(count))
    members: dict[int, list[int]] = {}
    for i, j in zip(first[order].tolist(), second[order].tolist(), strict=True):
        ci, cj = cluster[i], cluster[j]
        if ci == cj:
            continue
        left, right = members.get(ci, [i]), members.get(cj, [j])
        if not all((x * count + y if x < y else y * count + x) in compatible
                   for x in left for y in right):
            continue  # complete link: every member must match every member
        keep, gone = (ci, cj) if ci < cj else (cj, ci)
        joined = sorted(left + right)
        for index in (right if keep == ci else left):
            cluster[index] = keep
        members[keep] = joined
        members.pop(gone, None)
    return [members.get(i, [i]) for i in range(count) if cluster[i] == i]


def candidate_pairs(events: list[Event]) -> Iterator[tuple[int, int]]:
    """Pairs (i < j) that may be one happening, each once and in order; every pair the rule
    could accept is among them."""
    count = len(events)
    pairs = candidate_keys(events)
    return zip((pairs // count).tolist(), (pairs % count).tolist(), strict=True)


def candidate_keys(events: list[Event]) -> np.ndarray:
    """candidate_pairs as sorted ints i * len(events) + j."""
    count = len(events)
    return np.unique(np.concatenate([first * count + second
                                     for first, second in _pair_arrays(events)]))


def _pair_arrays(events: list[Event]) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    count, types, places = len(events), {}, {None: -1}
    rows, points = [], []
    for e in events:  # one pass: a pass per field costs more than all the numpy work
        rows.append((types.setdefault(e.event_type, len(types)),
                     -1 if e.event_date is None else e.event_date.toordinal(), _half(e),
                     places.setdefault(e.place_id or e.geonameid, len(places)),
                     e.geo_precision == 3, *_toll(e)))
        points.append((np.nan, np.nan) if e.lon is None or e.lat is None else (e.lat, e.lon))
    codes, days, halves, ids, regional, low, high = np.array(rows, np.int64).reshape(
        count, 7).T.copy()
    regional = regional.astype(bool)
    lats, lons = np.array(points, np.float64).reshape(count, 2).T.copy()
    dated = days >= 0
    widest = int(halves[dated].max()) if dated.any() else 0
    mapped = np.nonzero(dated & ~np.isnan(lats))[0]
    if len(mapped):
        cells = ((np.floor(lats[mapped] / CELL_DEG).astype(np.int64) + _ROWS) * _COLUMNS
                 + np.floor(lons[mapped] / CELL_DEG).astype(np.int64) + 2 * _ROWS)
        first, second = _grid_pairs(mapped, codes[mapped], days[mapped], halves[mapped],
                                    cells, lats[mapped], widest)
        yield _plausible(first, second, lats, lons, (ids, regional, low, high))
    # the few others in Python: region-level reports, and unmapped events by place name
    timing = Timing(days.tolist(), halves.tolist(), widest)
    regional = regional & dated
    unmapped = [i for i in np.nonzero(dated & np.isnan(lats))[0].tolist() if events[i].location]
    by_region = _regions(events, timing, types) if regional.any() else {}
    by_name: dict[tuple, list[int]] = defaultdict(list)  # type, day, place name -> events
    for i in unmapped:
        by_name[(types[events[i].event_type], timing.days[i], _name_key(events[i]))].append(i)
    others = [pair for i in np.nonzero(regional)[0].tolist()
              for pair in _in_region(i, events, timing, by_region, types[events[i].event_type])]
    others += [pair for i in unmapped for pair in _same_name(
        i, timing, by_name, (types[events[i].event_type], _name_key(events[i])))]
    pairs = np.array(others, dtype=np.int64).reshape(-1, 2)
    yield pairs[:, 0], pairs[:, 1]


def _plausible(first: np.ndarray, second: np.ndarray, lats: np.ndarray, lons: np.ndarray,
               fields: tuple[np.ndarray, ...]) -> tuple[np.ndarray, np.ndarray]:
    """Drop, all at once, the grid's pairs the rule must reject on numbers alone: places more
    than NEAR_KM apart (unless one is region-level or both are one feature) and tolls that one
    report gives as none and the other as some, or far apart (identity.figures_agree).
    ``fields``: each event's place code (-1 none), region-level flag and toll (low, high)."""
    ids, regional, low, high = fields
    phi1, phi2 = np.radians(lats[first]), np.radians(lats[second])
    half_chord = (np.sin((phi2 - phi1) / 2) ** 2 + np.cos(phi1) * np.cos(phi2)
                  * np.sin(np.radians(lons[second] - lons[first]) / 2) ** 2)
    distance = 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.minimum(1.0, half_chord)))
    near = (distance <= NEAR_KM + 0.01) | regional[first] | regional[second] | (
        (ids[first] == ids[second]) & (ids[first] != -1))
    lower_high = np.minimum(high[first], high[second])
    higher_low = np.maximum(low[first], low[second])
    agree = (low[first] < 0) | (low[second] < 0) | (higher_low <= lower_high) | (
        (lower_high > 0) & (higher_low <= TOLL_FACTOR * lower_high + TOLL_SLACK))
    keep = near & agree
    return first[keep], second[keep]


def _toll(event: Event) -> tuple[int, int]:
    """(low, high) of the reported deaths, as identity.report_of reads them; (-1, -1) unknown."""
    if event.fatalities is None:
        return -1, -1
    low = event.fatalities if event.fatalities_low is None else event.fatalities_low
    high = event.fatalities if event.fatalities_high is None else event.fatalities_high
    return min(low, event.fatalities), max(high, event.fatalities)


@dataclass(frozen=True)
class Timing:
    """Each event's day (date ordinal, -1 undated) and window half-width, and the widest."""

    days: list[int]
    halves: list[int]
    widest: int

    def window(self, index: int) -> range:
        """The days another event's date may fall on and still share this event's window."""
        day, reach = self.days[index], self.halves[index] + self.widest
        return range(day - reach, day + reach + 1)

    def overlap(self, i: int, j: int) -> bool:
        return abs(self.days[i] - self.days[j]) <= self.halves[i] + self.halves[j]


def _grid_pairs(index: np.ndarray, code: np.ndarray, day: np.ndarray, half: np.ndarray,
                cell: np.ndarray, lat: np.ndarray, widest: int) -> tuple[np.ndarray, np.ndarray]:
    """Pairs of mapped events of one type whose days may overlap, in cells within NEAR_KM:
    one sort of (type, cell, day) keys -- one int each, fast to sort and search -- then, per
    neighbouring cell, one binary search for the first and last day an event can share."""
    base = (code << 46) | (cell << 20)
    keys = base | day
    order = np.argsort(keys, kind="stable")
    sorted_keys = keys[order]
    shrink = np.maximum(np.cos(np.radians(np.minimum(89.0, np.abs(lat) + CELL_DEG))), 0.01)
    reach = np.ceil(NEAR_KM / (_KM_PER_DEG * CELL_DEG * shrink)).astype(np.int64)
    windowed = half > 0
    # day-precise events meet their own day here; windowed ones every day their window can
    # share with another's, and find the day-precise ones from their side
    span = np.where(windowed, half + widest, 0)
    firsts, seconds = [], []
    for width in np.unique(reach).tolist():
        rows = order[reach[order] == width]  # in key order: sorted queries search fastest
        for offset in _offsets(width):
            around = base[rows] + (offset << 20)
            low = np.searchsorted(sorted_keys, around | (day[rows] - span[rows]), "left")
            counts = np.searchsorted(sorted_keys, around | (day[rows] + span[rows]),
                                     "right") - low
            found = np.nonzero(counts)[0]
            if not len(found):
                continue
            low, counts = low[found], counts[found]
            mine = np.repeat(rows[found], counts)
            starts = np.repeat(low - np.cumsum(counts) + counts, counts)
            theirs = order[starts + np.arange(counts.sum())]
            keep = (np.abs(day[mine] - day[theirs]) <= half[mine] + half[theirs]) & (
                mine != theirs)
            # each pair once: by the lower row when both are alike, else by the windowed one
            keep &= np.where(windowed[mine] == windowed[theirs], mine < theirs, windowed[mine])
            firsts.append(index[mine[keep]])
            seconds.append(index[theirs[keep]])
    if not firsts:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    first, second = np.concatenate(firsts), np.concatenate(seconds)
    return np.minimum(first, second), np.maximum(first, second)


def _half(event: Event) -> int:
    return WINDOW_DAYS.get(event.time_precision or 1, WINDOW_DAYS[3])


def _name_key(event: Event) -> tuple:
    return (normal_name(event.country), normal_name(event.admin1), normal_name(event.location))


def _same_name(i: int, timing: Timing, by_name: dict,
               code_and_name: tuple) -> Iterator[tuple[int, int]]:
    """An unmapped event meets the unmapped events of its very place name."""
    code, name = code_and_name
    for other_day in timing.window(i):
        for j in by_name.get((code, other_day, name), ()):
            if j > i and timing.overlap(i, j):
                yield (i, j)


@lru_cache(maxsize=64)
def _offsets(reach: int) -> tuple[int, ...]:
    return tuple(dy * _COLUMNS + dx for dy in (-1, 0, 1) for dx in range(-reach, reach + 1))


def _region_names(event: Event) -> set[str]:
    return {normal_name(event.location), normal_name(event.admin1)} - {None}


def _regions(events: list[Event], timing: Timing, types: dict[str, int]) -> dict[tuple, list]:
    """(type, day, country, admin1) -> the finer events of that region and day, for the
    regions, types and days that region-level reports ask about."""
    wanted = {(types[e.event_type], day, normal_name(e.country), name)
              for index, e in enumerate(events) if e.geo_precision == 3
              and timing.days[index] >= 0 for day in timing.window(index)
              for name in _region_names(e)}
    regions: dict[tuple, list[int]] = defaultdict(list)
    # a million events share a few thousand (country, admin1) spellings: normalise those once
    spellings = {(e.country, e.admin1) for e in events}
    names = {raw: (normal_name(raw[0]), normal_name(raw[1])) for raw in spellings}
    for index, event in enumerate(events):
        key = (types[event.event_type], timing.days[index], *names[event.country, event.admin1])
        if key in wanted and event.geo_precision != 3:
            regions[key].append(index)
    return regions


def _in_region(i: int, events: list[Event], timing: Timing, regions: dict,
               code: int) -> Iterator[tuple[int, int]]:
    country = normal_name(events[i].country)
    for other_day in timing.window(i):
        for name in _region_names(events[i]):
            for j in regions.get((code, other_day, country, name), ()):
                if timing.overlap(i, j):
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
        event_date=dated.event_date, time_precision=dated.time_precision,
        actor1=base.actor1 or next((e.actor1 for e in group if e.actor1), None),
        actor2=base.actor2 or next((e.actor2 for e in group if e.actor2), None),
        fatalities=fatalities, fatalities_low=low, fatalities_high=high,
        injured=min(injured) if injured else None,
        confidence=max((e.confidence for e in group if e.confidence is not None), default=None),
        article_ids=_union(e.article_ids for e in group),
        sources=_union(e.sources for e in group),
        source_urls=_union(e.source_urls for e in group),
        n_reports=sum(e.n_reports for e in group),
        victims=_union(e.victims for e in group),
        # ACLED's timestamp is the record's last update: the latest report's.
        timestamp=max((e.timestamp for e in group if e.timestamp is not None), default=None),
    )
    # inter codes, source scale and tags depend on the merged actors and sources: stated from
    # the merged fields, so the event is built once (a second build cost a tenth of dedup)
    return base.replace(**(changes | acled_columns(base, **changes)))
