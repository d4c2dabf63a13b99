"""The page: a folium Map whose scripts and styles are written into the file, not linked."""

from __future__ import annotations

from typing import Any

import folium
from branca.element import Figure, MacroElement

from geomap.render.assets import read_asset
from geomap.render.inline import (
    add_to_header,
    data_uri,
    npm_script,
    npm_style,
    script_tag,
    static_text,
    style_tag,
)

# Default marker images as data URIs: once leaflet.css is inlined, Leaflet's image-path
# detection (which reads the CSS url of .leaflet-default-icon-path) yields a data: URI prefix
# and every default icon would 404, so the path is fixed explicitly.
_ICON_FIX = """L.Icon.Default.imagePath = "";
L.Icon.Default.mergeOptions({iconUrl: %s, iconRetinaUrl: %s, shadowUrl: %s});"""


class GeomapMap(folium.Map):
    """folium.Map without folium's CDN links (Leaflet 1.9.3, jQuery, Bootstrap, Font Awesome and
    an unpinned GitHub stylesheet, DESIGN.md §6): pinned npm Leaflet is inlined instead."""

    default_js: list[tuple[str, str]] = []
    default_css: list[tuple[str, str]] = []

    def __init__(self, *args: Any, offline: bool, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.offline = offline

    def render(self, **kwargs: Any) -> None:
        figure = self.get_root()
        assert isinstance(figure, Figure)
        add_to_header(figure, "leaflet_css", npm_style("leaflet", "dist/leaflet.css",
                                                        offline=self.offline))
        add_to_header(figure, "leaflet_js", npm_script("leaflet", "dist/leaflet.js",
                                                        offline=self.offline))
        images = []
        for name in ("marker-icon.png", "marker-icon-2x.png", "marker-shadow.png"):
            content = read_asset("leaflet", f"dist/images/{name}", offline=self.offline)
            images.append(f'"{data_uri(content, name)}"')
        add_to_header(figure, "leaflet_icon_fix", script_tag(_ICON_FIX % tuple(images)))
        add_to_header(figure, "geomap_css", style_tag(static_text("geomap.css")))
        super().render(**kwargs)


def find_map(element: MacroElement) -> GeomapMap:
    node = element
    while node is not None and not isinstance(node, GeomapMap):
        node = node._parent
    if node is None:
        raise TypeError(f"{type(element).__name__} must be added to a GeomapMap")
    return node


class InlineAssets(MacroElement):
    """Base for geomap's map pieces: declares the npm and own files it needs in the page head.

    ``npm_js``/``npm_css`` are (package, path) pairs of pinned packages; ``static_js`` are files
    in geomap/render/static. Each is written once per page, whatever the number of users.
    """

    npm_js: tuple[tuple[str, str], ...] = ()
    npm_css: tuple[tuple[str, str], ...] = ()
    static_js: tuple[str, ...] = ()

    def render(self, **kwargs: Any) -> None:
        figure = self.get_root()
        offline = find_map(self).offline
        for package, path in self.npm_css:
            add_to_header(figure, f"{package}/{path}", npm_style(package, path, offline=offline))
        for package, path in self.npm_js:
            add_to_header(figure, f"{package}/{path}", npm_script(package, path, offline=offline))
        for name in self.static_js:
            add_to_header(figure, f"geomap/{name}", script_tag(static_text(name)))
        super().render(**kwargs)
