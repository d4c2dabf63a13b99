"""Place names for the offline background: populated places near the events, thinned by zoom.

Without tiles the map has outlines but no names, and at regional zoom nobody can tell where
they are. The labels come from the gazetteer the caller passes in (never a default opened
behind the caller's back): the populated places within a few degrees of any event, each with
the lowest zoom at which it is the most populous place in its label-sized cell, so a zoom level
shows as many names as fit and the larger towns first.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any, Protocol

from geomap.model import Event
from geomap.render.payload import COORDINATE_DECIMALS, escape_text, is_mapped

#: Places within this many 1-degree cells of an event are candidates (~200 km at mid-latitudes:
#: enough to name the surroundings of a front line, not the whole continent).
NEAR_CELLS = 2
#: Labels appear from MIN_ZOOM on and are thinned up to MAX_ZOOM (every candidate left shows).
MIN_ZOOM, MAX_ZOOM = 4, 13
#: The room one label needs, in screen pixels at its zoom (a town name in 11 px type).
LABEL_WIDTH_PX, LABEL_HEIGHT_PX = 100, 18
#: At most this many labels per page: ~30 bytes each, so at most ~120 kB.
MAX_LABELS = 4000
MAX_CANDIDATES = 20_000


class HasConnection(Protocol):
    def connection(self) -> Any: ...


def _cells(events: Iterable[Event]) -> set[tuple[int, int]]:
    near: set[tuple[int, int]] = set()
    for cell in {(math.floor(e.lat), math.floor(e.lon)) for e in events if is_mapped(e)}:
        for dlat in range(-NEAR_CELLS, NEAR_CELLS + 1):
            for dlon in range(-NEAR_CELLS, NEAR_CELLS + 1):
                near.add((cell[0] + dlat, cell[1] + dlon))
    return near


def _candidates(gazetteer: HasConnection, cells: set[tuple[int, int]]) -> list[tuple]:
    """(population, name, lat, lon) of the populated places in ``cells``, most populous first."""
    if not cells:
        return []
    south = min(lat for lat, _ in cells)
    north = max(lat for lat, _ in cells) + 1
    west = min(lon for _, lon in cells)
    east = max(lon for _, lon in cells) + 1
    rows = gazetteer.connection().execute(
        "SELECT population, name, lat, lon FROM feature WHERE feature_class = 'P' "
        "AND lat >= ? AND lat < ? AND lon >= ? AND lon < ? ORDER BY population DESC",
        (south, north, west, east))
    return [row for row in rows
            if (math.floor(row[2]), math.floor(row[3])) in cells and row[1]]


def _mercator_y(lat: float) -> float:
    lat = max(-85.0, min(85.0, lat))
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def _min_zooms(places: list[tuple]) -> list[int | None]:
    """For each place (most populous first), the lowest zoom at which no more populous place
    is within a label's box of it (LABEL_WIDTH_PX across, LABEL_HEIGHT_PX up and down)."""
    zooms: list[int | None] = [None] * len(places)
    for zoom in range(MIN_ZOOM, MAX_ZOOM + 1):
        world_px = 256 * 2 ** zoom
        taken: set[tuple[int, int]] = set()
        for index, (_population, _name, lat, lon) in enumerate(places):
            # Cells of half a label; a label blocks the cells a neighbour's label would touch.
            column = math.floor((lon + 180) / 360 * world_px / (LABEL_WIDTH_PX / 2))
            row = math.floor(_mercator_y(lat) / (2 * math.pi) * world_px / LABEL_HEIGHT_PX)
            if any((column + dx, row + dy) in taken for dx in (-2, -1, 0, 1, 2)
                   for dy in (-1, 0, 1)):
                continue
            taken.add((column, row))
            if zooms[index] is None:
                zooms[index] = zoom
    return zooms


def place_labels(gazetteer: HasConnection | None, events: Iterable[Event]) -> dict[str, list]:
    """Columnar labels ``{name, lat, lon, zoom}`` (names escaped) for the events' surroundings;
    empty without a gazetteer."""
    empty: dict[str, list] = {"name": [], "lat": [], "lon": [], "zoom": []}
    if gazetteer is None:
        return empty
    # The most populous candidates are the only ones that can lead a cell before MAX_ZOOM runs
    # out of room; the cap bounds the thinning time for events spread over a continent.
    places = _candidates(gazetteer, _cells(events))[:MAX_CANDIDATES]
    labels = empty
    chosen = [(place, zoom) for place, zoom in zip(places, _min_zooms(places), strict=True)
              if zoom is not None]
    chosen.sort(key=lambda item: item[1])  # lowest zoom first: the cap keeps the big towns
    for (_population, name, lat, lon), zoom in chosen[:MAX_LABELS]:
        labels["name"].append(escape_text(name))
        labels["lat"].append(round(lat, COORDINATE_DECIMALS - 1))
        labels["lon"].append(round(lon, COORDINATE_DECIMALS - 1))
        labels["zoom"].append(zoom)
    return labels
