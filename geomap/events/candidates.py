"""Which reports of a corpus may be one happening: the candidate pairs dedup asks the rule about,
found in O(n log n) (see geomap.events.dedup for the whole method).

Events are filed by type, day and grid cell of ``CELL_DEG`` degrees; a day-precise event meets
only events of its type and day in the cells within ``NEAR_KM``, a week- or month-precise one
those of the days its window can overlap. Region-level reports meet the events of their region
(by admin1) on the days their windows share; an event without coordinates meets the events of
its very place name. Pairs the rule must reject on numbers alone (distance, tolls) are dropped
here, all at once. Every pair the rule could accept is among the candidates.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import repeat
from operator import attrgetter, is_

import numpy as np

from geomap.events.columns import coded, converted, distinct
from geomap.events.identity import NEAR_KM, TOLL_FACTOR, TOLL_SLACK, WINDOW_DAYS
from geomap.events.wording import normal_name
from geomap.geodesy import EARTH_RADIUS_KM
from geomap.model import Event

#: Grid cell size in degrees (~28 km of latitude): NEAR_KM fits in the neighbouring cells.
CELL_DEG = 0.25
_KM_PER_DEG = 111.32
#: The grid as ints: row * _COLUMNS + column, rows and columns shifted to be positive.
_ROWS = round(90 / CELL_DEG) + 2
_COLUMNS = 1 << 13
#: Day numbers (date ordinals, -1 undated) are below this: keys of (type, day, region) as ints.
_DAYS = date.max.toordinal() + 2


def candidate_pairs(events: list[Event]) -> Iterator[tuple[int, int]]:
    """Pairs (i < j) that may be one happening, each once and in order; every pair the rule
    could accept is among them."""
    count = len(events)
    pairs = candidate_keys(events)
    return zip((pairs // count).tolist(), (pairs % count).tolist(), strict=True)


def candidate_keys(events: list[Event], column: dict[str, tuple] | None = None) -> np.ndarray:
    """candidate_pairs as sorted ints i * len(events) + j; ``column``: read_columns(events),
    when the caller has read them."""
    count = len(events)
    column = read_columns(events) if column is None else column
    return distinct(np.concatenate([first * count + second
                                    for first, second in _pair_arrays(events, column)]))


def _pair_arrays(events: list[Event],
                 column: dict[str, tuple]) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    types: dict[str, int] = {}
    codes = converted(column["event_type"], lambda kind: types.setdefault(kind, len(types)))
    days = converted(column["event_date"], lambda day: -1 if day is None else day.toordinal())
    halves = converted(column["time_precision"],
                       lambda precision: WINDOW_DAYS.get(precision or 1, WINDOW_DAYS[3]))
    ids = coded([place_id or geonameid for place_id, geonameid
                 in zip(column["place_id"], column["geonameid"], strict=True)], {None: -1})
    regional = converted(column["geo_precision"], lambda precision: precision == 3, bool)
    low, high = _tolls(column["fatalities"], column["fatalities_low"], column["fatalities_high"])
    lats, lons = _points(column["lat"], column["lon"])
    dated = days >= 0
    widest = int(halves[dated].max()) if dated.any() else 0
    mapped = np.nonzero(dated & ~np.isnan(lats))[0]
    if len(mapped):
        cells = ((np.floor(lats[mapped] / CELL_DEG).astype(np.int64) + _ROWS) * _COLUMNS
                 + np.floor(lons[mapped] / CELL_DEG).astype(np.int64) + 2 * _ROWS)
        first, second = _grid_pairs(mapped, codes[mapped], days[mapped], halves[mapped],
                                    cells, lats[mapped], widest)
        yield _plausible(first, second, lats, lons, (ids, regional, low, high))
    asking = np.flatnonzero(regional & dated)
    if len(asking):
        yield _region_pairs(events, column, asking, ~regional, (codes, days, halves, widest))
    # the few others in Python: unmapped events by place name
    timing = Timing(days.tolist(), halves.tolist(), widest)
    unmapped = [i for i in np.nonzero(dated & np.isnan(lats))[0].tolist() if events[i].location]
    by_name: dict[tuple, list[int]] = defaultdict(list)  # type, day, place name -> events
    for i in unmapped:
        by_name[(types[events[i].event_type], timing.days[i], _name_key(events[i]))].append(i)
    others = [pair for i in unmapped for pair in _same_name(
        i, timing, by_name, (types[events[i].event_type], _name_key(events[i])))]
    pairs = np.array(others, dtype=np.int64).reshape(-1, 2)
    yield pairs[:, 0], pairs[:, 1]


_READ = ("event_type", "event_date", "time_precision", "place_id", "geonameid", "geo_precision",
         "fatalities", "fatalities_low", "fatalities_high", "lat", "lon", "country", "admin1")


def read_columns(events: list[Event], order: list[int] | None = None) -> dict[str, tuple]:
    """The fields candidates are found by, a tuple per field, of ``events`` or of
    ``[events[i] for i in order]``: every event is read once, in C, and in the order given (a
    pass per field costs more, and so does reading a million events out of their order in
    memory: they do not stay in the cache)."""
    rows = list(map(attrgetter(*_READ), events))
    if order is not None:
        rows = list(map(rows.__getitem__, order))
    return dict(zip(_READ, zip(*rows, strict=True) if rows else [()] * len(_READ), strict=True))


def _tolls(told: tuple, lows: tuple, highs: tuple) -> tuple[np.ndarray, np.ndarray]:
    """(low, high) of each event's reported deaths, as identity.report_of reads them; -1 where
    unknown. (None reads as NaN in a float array: numpy does per column what a loop did.)"""
    told, low, high = (np.array(column, np.float64) for column in (told, lows, highs))
    low = np.minimum(np.where(np.isnan(low), told, low), told)
    high = np.maximum(np.where(np.isnan(high), told, high), told)
    unknown = np.isnan(told)
    return (np.where(unknown, -1, low).astype(np.int64),
            np.where(unknown, -1, high).astype(np.int64))


def _points(lat_column: tuple, lon_column: tuple) -> tuple[np.ndarray, np.ndarray]:
    """Each event's (lat, lon); both NaN where either is missing."""
    lats, lons = np.array(lat_column, np.float64), np.array(lon_column, np.float64)
    missing = (np.fromiter(map(is_, lat_column, repeat(None)), bool, len(lat_column))
               | np.fromiter(map(is_, lon_column, repeat(None)), bool, len(lon_column)))
    lats[missing] = lons[missing] = np.nan
    return lats, lons


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


def _region_pairs(events: list[Event], column: dict[str, tuple], asking: np.ndarray,
                  finer: np.ndarray, timing: tuple) -> tuple[np.ndarray, np.ndarray]:
    """Region-level reports (``asking``, dated) meet the ``finer`` events of their type whose
    country and admin1 are the report's country and location or admin1, on the days their
    windows share: one sort of (type, region, day) keys, as ints, then one binary search for
    the first and last day per region a report names. ``timing``: each event's type code,
    day (-1 undated) and window half-width, and the widest half-width."""
    codes, days, halves, widest = timing
    numbers: dict[tuple, int] = {}
    region_of = converted(list(zip(column["country"], column["admin1"], strict=True)),
                          lambda raw: numbers.setdefault(
                              (normal_name(raw[0]), normal_name(raw[1])), len(numbers)))
    asked = [(i, numbers[key]) for i in asking.tolist()
             for key in _regions_named(events[i]) if key in numbers]
    if not asked:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    width = len(numbers)
    keys = (codes * width + region_of) * _DAYS + days + 1
    order = np.flatnonzero(finer)
    order = order[np.argsort(keys[order], kind="stable")]
    sorted_keys = keys[order]
    mine, region = np.array(asked, np.int64).T
    around = (codes[mine] * width + region) * _DAYS + days[mine] + 1
    reach = halves[mine] + widest
    low = np.searchsorted(sorted_keys, around - reach, "left")
    counts = np.searchsorted(sorted_keys, around + reach, "right") - low
    starts = np.repeat(low - np.cumsum(counts) + counts, counts)
    mine, theirs = np.repeat(mine, counts), order[starts + np.arange(counts.sum())]
    keep = np.abs(days[mine] - days[theirs]) <= halves[mine] + halves[theirs]
    mine, theirs = mine[keep], theirs[keep]
    return np.minimum(mine, theirs), np.maximum(mine, theirs)


def _regions_named(event: Event) -> set[tuple]:
    """The (country, admin1) keys a region-level report may stand for: its location or admin1."""
    country = normal_name(event.country)
    return {(country, name) for name in (normal_name(event.location),
                                         normal_name(event.admin1)) if name is not None}
