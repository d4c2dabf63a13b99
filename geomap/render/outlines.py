"""The offline background: Natural Earth 1:10m country outlines and our own place names.

With ``tiles="none"`` (the offline default) a plain background gives no orientation. The
outlines are world-atlas's ``countries-10m.json`` (Natural Earth 1:10m, TopoJSON), a pinned npm
asset like Leaflet (geomap.render.assets), embedded gzip+base64 (~1.1 MB) and turned into
polygons in the page by topojson-client. Names are the labels geomap.render.places chose from the
caller's gazetteer (in the event data array), drawn only for the zoom each was given.
"""

from __future__ import annotations

import base64
import gzip
from functools import lru_cache
from typing import Any

from jinja2 import Template

from geomap.atomic import atomic_write
from geomap.render.assets import PACKAGES, package_dir, read_asset
from geomap.render.inline import add_raw_html
from geomap.render.layers import EventLayer
from geomap.render.page import InlineAssets, find_map

OUTLINES = ("world-atlas", "countries-10m.json")
OUTLINES_ATTRIBUTION = 'Outlines: <a href="https://www.naturalearthdata.com/">Natural Earth</a>'


@lru_cache(maxsize=1)
def outline_block(*, offline: bool = True) -> tuple[str, str]:
    """(encoding, text) of the TopoJSON as the page embeds it: gzip+base64 (script-safe
    whatever the file holds). Compressing 3.6 MB costs seconds on a busy machine, so the result
    is kept beside the verified package in the asset cache and reused by every later map."""
    directory = package_dir(PACKAGES[OUTLINES[0]], offline=offline)
    cached = directory / (OUTLINES[1] + ".gz.b64")
    if cached.is_file():
        return "gzip-base64", cached.read_text("ascii")
    packed = gzip.compress(read_asset(*OUTLINES, offline=offline), compresslevel=9, mtime=0)
    text = base64.b64encode(packed).decode("ascii")
    with atomic_write(cached) as handle:
        handle.write(text)
    return "gzip-base64", text


class CountryOutlines(InlineAssets):
    npm_js = (("topojson-client", "dist/topojson-client.min.js"),)
    static_js = ("background.js",)
    _template = Template("""
{% macro script(this, kwargs) %}
GeomapBackground({{ this.layer.get_name() }}, {{ (this.get_name() ~ "_data")|tojson }},
                 {{ this.options|tojson }});
{% endmacro %}
""")

    def __init__(self, layer: EventLayer):
        super().__init__()
        self._name = "GeomapOutlines"
        self.layer = layer
        self.options: dict[str, Any] = {
            "style": {"color": "#7d8a97", "weight": 0.8, "fillColor": "#f4f1ea",
                      "fillOpacity": 1},
            "attribution": OUTLINES_ATTRIBUTION}

    def render(self, **kwargs: Any) -> None:
        encoding, text = outline_block(offline=find_map(self).offline)
        name = f"{self.get_name()}_data"
        add_raw_html(self.get_root(), name, f'<script type="application/json" id="{name}" '
                     f'data-encoding="{encoding}">{text}</script>')
        super().render(**kwargs)
