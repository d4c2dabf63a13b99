"""The interactive HTML map: ``render_map(events, "map.html")``.

Small pieces (geomap.render.layers, panel, legend, timeline, controls, outlines), each a folium
MacroElement with its own template, composed on one GeomapMap whose front-end assets are pinned
npm files inlined into the page (geomap.render.assets). The panel (search, types, filters, time,
event table) folds to one button on a phone; the offline background is Natural Earth outlines
plus place names from the gazetteer the caller passes (geomap.render.places). Online and offline
pages carry the same inlined scripts -- reproducible, no CDN drift; they differ in tiles and in
whether missing assets may be fetched. With ``offline=True`` the file makes zero network requests.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from urllib.parse import urlsplit

import folium

from geomap.atomic import atomic_write
from geomap.errors import GeomapError
from geomap.model import Event
from geomap.render.controls import FitButton, Fullscreen, OverlayControl
from geomap.render.layers import EventLayer, HeatLayer
from geomap.render.legend import Legend
from geomap.render.outlines import CountryOutlines
from geomap.render.page import GeomapMap
from geomap.render.panel import EventTable, Filters, Panel, Search
from geomap.render.payload import build_payload, escape_text
from geomap.render.places import HasConnection, place_labels
from geomap.render.timeline import TimeSlider

__all__ = ["render_map", "build_map", "assert_self_contained", "ExternalResourceError"]

#: Anything in the page that would make the browser fetch: <script src>, <link href>, CSS url()
#: or @import with a scheme. Links (<a href>) do not load anything and are allowed.
_EXTERNAL = re.compile(
    r"""<script[^>]*\ssrc\s*=|<link[^>]*\shref\s*=|url\(\s*['"]?\s*(?:https?:)?//|"""
    r"""@import\s+(?:url\()?\s*['"]?\s*(?:https?:)?//|<iframe[^>]*\ssrc\s*=\s*['"]?https?:""",
    re.IGNORECASE)


class ExternalResourceError(GeomapError):
    """An offline page would still fetch something: a bug in geomap, never in the input."""


def assert_self_contained(html: str) -> None:
    """Raise if the page references any resource the browser would fetch."""
    match = _EXTERNAL.search(html)
    if match:
        context = html[max(0, match.start() - 60): match.end() + 60]
        raise ExternalResourceError(f"offline page still loads a resource: ...{context}...")


def _tile_layer(tiles: str) -> folium.TileLayer | None:
    if tiles == "none":
        return None
    if tiles == "osm":
        return folium.TileLayer("OpenStreetMap", max_zoom=19)
    host = urlsplit(tiles).netloc or tiles
    return folium.TileLayer(tiles, attr=f"Tiles: {escape_text(host)}", max_zoom=19)


def build_map(events: Iterable[Event], *, offline: bool = False, tiles: str | None = None,
              title: str | None = None, titles: Mapping[str, str] | None = None,
              gazetteer: HasConnection | None = None) -> GeomapMap:
    """Compose the map (not yet rendered); ``tiles`` defaults to "osm", or "none" offline."""
    tiles = tiles or ("none" if offline else "osm")
    events = list(events)
    payload = build_payload(events, dict(titles or {}), labels=place_labels(gazetteer, events))
    figure = folium.Figure(title=escape_text(title) or "geomap")
    # min_zoom 1: a 390 px phone must be able to show events on both sides of the world.
    page = GeomapMap(location=[20, 0], zoom_start=2, tiles=None, offline=offline,
                     control_scale=True, prefer_canvas=True, min_zoom=1)
    figure.add_child(page)
    tile_layer = _tile_layer(tiles)
    if tile_layer is not None:
        tile_layer.add_to(page)
    layer = EventLayer(payload)
    page.add_child(layer)
    if tile_layer is None:
        page.add_child(CountryOutlines(layer))
    page.add_child(HeatLayer(layer))
    page.add_child(Panel(layer))
    page.add_child(Search(layer))
    page.add_child(Legend(layer, title=title))
    page.add_child(Filters(layer))
    page.add_child(TimeSlider(layer))
    page.add_child(EventTable(layer))
    page.add_child(Fullscreen())
    page.add_child(FitButton(layer))
    page.add_child(OverlayControl(layer))
    return page


def render_map(events: Iterable[Event], path: str | os.PathLike, *, offline: bool = False,
               tiles: str | None = None, title: str | None = None,
               titles: Mapping[str, str] | None = None,
               gazetteer: HasConnection | None = None) -> Path:
    """Write the interactive map of ``events`` to ``path`` (atomically) and return the path.

    ``offline``: one self-contained file, zero network requests (tiles default to "none": a
    plain background with country outlines); assets must already be cached.
    ``tiles``: "osm", "none" or a tile URL template ("https://.../{z}/{x}/{y}.png").
    ``titles``: article_id -> article title, shown in the popups.
    ``gazetteer``: an open gazetteer.Gazetteer whose populated places near the events become the
    offline background's labels and search entries; without one, no labels (nothing is opened
    behind the caller's back).

    >>> render_map(events, "outputs/map.html", offline=True)   # doctest: +SKIP
    """
    page = build_map(events, offline=offline, tiles=tiles, title=title, titles=titles,
                     gazetteer=gazetteer)
    html = page.get_root().render()
    if offline and (tiles in (None, "none")):
        assert_self_contained(html)
    target = Path(path)
    with atomic_write(target) as handle:
        handle.write(html)
    return target
