"""The event layer (clustered canvas symbols fed from one data array) and the heat layer."""

from __future__ import annotations

from typing import Any

from jinja2 import Template

from geomap.render.inline import add_raw_html
from geomap.render.page import InlineAssets
from geomap.render.payload import encode_payload
from geomap.render.style import radius_options

#: Shown in the map's attribution: where the coordinates come from.
PLACES_ATTRIBUTION = ('Places: <a href="https://www.geonames.org/">GeoNames</a> (CC BY 4.0), '
                      '<a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>')

#: Data larger than this is embedded gzip-compressed (100k events: ~25 MB of JSON).
COMPRESS_ABOVE_BYTES = 2_000_000


class EventLayer(InlineAssets):
    """All events as one JSON block and one JS layer (``window.geomap.layer`` in the page).

    One folium object per marker dies at ~10k events (DESIGN.md §6) and FastMarkerCluster cannot
    feed per-type filters (folium #1871). Here the data is embedded once; static/events.js
    clusters it with supercluster and draws only what is on screen, on one canvas.
    """

    npm_js = (("supercluster", "dist/supercluster.min.js"), ("fflate", "umd/index.js"))
    static_js = ("events.js", "popup.js", "permalink.js")
    _template = Template("""
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = new GeomapEvents(
    {{ this._parent.get_name() }},
    GeomapEvents.readData({{ this.data_id|tojson }}),
    {{ this.options|tojson }},
    GeomapPermalink.read());
GeomapPermalink.attach({{ this.get_name() }});
window.geomap = {map: {{ this._parent.get_name() }}, layer: {{ this.get_name() }}};
{% endmacro %}
""")

    def __init__(self, payload: dict[str, Any], *, attribution: str = PLACES_ATTRIBUTION,
                 cluster_max_zoom: int = 14):
        super().__init__()
        self._name = "GeomapEvents"
        self.payload = payload
        self.data_id = f"{self.get_name()}_data"
        self.options = {**radius_options(), "maxZoom": 18, "clusterMaxZoom": cluster_max_zoom,
                        "attribution": attribution}

    def render(self, **kwargs: Any) -> None:
        # Added as raw HTML, not through a template macro: branca would compile the (tens of MB
        # of) data as a Jinja template -- seconds of work, and article text as template code.
        encoding, text = encode_payload(self.payload, compress_above=COMPRESS_ABOVE_BYTES)
        add_raw_html(self.get_root(), self.data_id,
                     f'<script type="application/json" id="{self.data_id}" '
                     f'data-encoding="{encoding}">{text}</script>')
        super().render(**kwargs)


class HeatLayer(InlineAssets):
    """A heat overlay of the visible events (leaflet.heat), off until chosen in the layer list."""

    npm_js = (("leaflet.heat", "dist/leaflet-heat.js"),)
    static_js = ("heat.js",)
    _template = Template("""
{% macro script(this, kwargs) %}
GeomapHeat({{ this.layer.get_name() }}, {{ this.options|tojson }});
{% endmacro %}
""")

    def __init__(self, layer: EventLayer, *, radius: int = 18, blur: int = 22):
        super().__init__()
        self._name = "GeomapHeat"
        self.layer = layer
        self.options = {"radius": radius, "blur": blur, "maxZoom": 12}
