"""The offline background: Natural Earth 1:10m country outlines and our own place names.

With ``tiles="none"`` (the offline default) a plain background gives no orientation. The
outlines are world-atlas's ``countries-10m.json`` (Natural Earth 1:10m, TopoJSON), a pinned npm
asset like Leaflet (geomap.render.assets), embedded gzip+base64 (~1.1 MB) and turned into
polygons in the page by topojson-client. Names are the labels geomap.render.places chose from the
caller's gazetteer (in the event data array), drawn only for the zoom each was given.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from jinja2 import Template

from geomap.render.assets import read_asset
from geomap.render.inline import add_raw_html
from geomap.render.layers import EventLayer
from geomap.render.page import InlineAssets, find_map
from geomap.render.payload import encode_payload

OUTLINES = ("world-atlas", "countries-10m.json")
OUTLINES_ATTRIBUTION = 'Outlines: <a href="https://www.naturalearthdata.com/">Natural Earth</a>'


@lru_cache(maxsize=1)
def outline_block() -> tuple[str, str]:
    """(encoding, text) of the TopoJSON, compressed once per process (~0.3 s)."""
    import json

    topology = json.loads(read_asset(*OUTLINES, offline=True))
    return encode_payload(topology, compress_above=0)


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
        offline = find_map(self).offline
        read_asset(*OUTLINES, offline=offline)  # fetch into the cache unless offline
        encoding, text = outline_block()
        name = f"{self.get_name()}_data"
        add_raw_html(self.get_root(), name, f'<script type="application/json" id="{name}" '
                     f'data-encoding="{encoding}">{text}</script>')
        super().render(**kwargs)
