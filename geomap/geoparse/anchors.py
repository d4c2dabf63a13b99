"""The article's resolved places as proximity anchors: how near a candidate lies to any of them.

A long article names thousands of places; scanning every anchor for every candidate would make
resolution quadratic in article length. Past a few dozen anchors they are bucketed on a coarse
latitude/longitude grid, and a candidate only visits the cells within reach (800 km, the widest
distance that earns a bonus), so the cost per candidate stays bounded.
"""

from __future__ import annotations

import math
from collections import defaultdict

from geomap.geoparse.weights import ANCHOR

_KM_PER_DEGREE = 111.195
#: Beyond this no bonus is given; 7.3 degrees of latitude is a little more.
_REACH_KM = ANCHOR.country_km
_LAT_BAND = 7.3
_CELL = 8.0  # degrees: wider than the latitude band, so three rows always suffice
_COLUMNS = int(360 / _CELL)
#: Below this many anchors a plain scan is faster than the grid.
_GRID_FROM = 48


class Anchors:
    """(lat, lon, normalised name) of the article's resolved non-region places."""

    __slots__ = ("points", "_grid")

    def __init__(self, points: list[tuple[float, float, str]]):
        self.points = points
        self._grid: dict[tuple[int, int], list[tuple[float, float, str]]] | None = None
        if len(points) > _GRID_FROM:
            grid: dict[tuple[int, int], list[tuple[float, float, str]]] = defaultdict(list)
            for point in points:
                grid[_cell(point[0], point[1])].append(point)
            self._grid = dict(grid)

    def __bool__(self) -> bool:
        return bool(self.points)

    def near(self, lat0: float, lon0: float) -> list[tuple[float, float, str]]:
        """The anchors that may lie within reach of (lat0, lon0) (a superset of them)."""
        if self._grid is None:
            return self.points
        shrink = math.cos(math.radians(lat0))
        reach = _REACH_KM / (_KM_PER_DEGREE * shrink) if shrink > 1e-9 else 360.0
        rows = range(math.floor((lat0 - _LAT_BAND) / _CELL),
                     math.floor((lat0 + _LAT_BAND) / _CELL) + 1)
        if reach >= 180.0:
            columns = range(_COLUMNS)
        else:
            west, east = lon0 + 180.0 - reach, lon0 + 180.0 + reach
            columns = sorted({c % _COLUMNS for c in range(math.floor(west / _CELL),
                                                          math.floor(east / _CELL) + 1)})
        out: list[tuple[float, float, str]] = []
        for row in rows:
            for column in columns:
                out.extend(self._grid.get((row, column), ()))
        return out


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat / _CELL), math.floor((lon + 180.0) / _CELL) % _COLUMNS


def distance_bonus(candidate, anchors: Anchors, own: str) -> float:
    """``ANCHOR.near`` within 50 km of another place of the article, ``ANCHOR.region`` within
    200 km, ``ANCHOR.country`` within 800 km (see weights.AnchorWeights)."""
    return bonus_at(nearest_km(candidate, anchors, own))


def bonus_at(km: float) -> float:
    """The anchor bonus of a sense whose nearest other place of the article is ``km`` away."""
    if km < ANCHOR.near_km:
        return ANCHOR.near
    if km < ANCHOR.region_km:
        return ANCHOR.region
    if km < _REACH_KM:
        return ANCHOR.country
    return 0.0


def nearest_km(candidate, anchors: Anchors, own: str) -> float:
    """How far the nearest other place of the article lies (inf beyond the bonus's reach)."""
    best = math.inf
    lat0, lon0 = candidate.lat, candidate.lon
    shrink = math.cos(math.radians(lat0))
    hypot = math.hypot
    for lat, lon, norm in anchors.near(lat0, lon0):
        # Within the 800 km that matter, the flat-Earth distance is within 1 % of the great
        # circle; anchors a latitude band away need no arithmetic at all.
        if norm == own or abs(lat0 - lat) > _LAT_BAND:
            continue
        dlon = abs(lon0 - lon)
        if dlon > 180.0:
            dlon = 360.0 - dlon
        distance = _KM_PER_DEGREE * hypot(lat0 - lat, dlon * shrink)
        if distance < best:
            best = distance
    return best
