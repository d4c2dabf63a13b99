"""Country outlines for maps without tiles, from the `countryinfo` package's GeoJSON.

With ``tiles="none"`` (the offline default) a plain background alone gives no orientation; the
outlines (~170 kB at 0.01° precision) are in the package already installed, so no download.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from jinja2 import Template

from geomap.render.inline import add_raw_html
from geomap.render.layers import EventLayer
from geomap.render.page import InlineAssets
from geomap.render.payload import embed_json

OUTLINE_DECIMALS = 2  # ~1 km: the source is a world overview, finer digits carry nothing


def _round(coordinates: Any) -> Any:
    if coordinates and isinstance(coordinates[0], (int, float)):
        return [round(coordinates[0], OUTLINE_DECIMALS), round(coordinates[1], OUTLINE_DECIMALS)]
    return [_round(part) for part in coordinates]


@lru_cache(maxsize=1)
def country_outlines() -> dict[str, Any]:
    """A FeatureCollection of country polygons (no properties: names are not shown)."""
    from countryinfo import all_countries

    features = []
    for country in all_countries():
        try:
            collection = country.geo_json()
        except Exception:  # countryinfo lacks outlines for some territories; skip those
            continue
        for feature in (collection or {}).get("features", []):
            geometry = feature.get("geometry")
            if geometry and geometry.get("type") in {"Polygon", "MultiPolygon"}:
                features.append({"type": "Feature", "properties": {}, "geometry": {
                    "type": geometry["type"], "coordinates": _round(geometry["coordinates"])}})
    return {"type": "FeatureCollection", "features": features}


class CountryOutlines(InlineAssets):
    _template = Template("""
{% macro script(this, kwargs) %}
(function () {
    // Below the overlay pane (400), where the event canvas lives, above tiles (200).
    var map = {{ this._parent.get_name() }};
    map.createPane("geomapOutlines").style.zIndex = 350;
    map.getContainer().classList.add("geomap-no-tiles");  // sea-coloured background
    var outlines = L.geoJSON(
        JSON.parse(document.getElementById({{ (this.get_name() ~ "_data")|tojson }})
                   .textContent),
        {interactive: false, pane: "geomapOutlines", style: {{ this.style|tojson }}});
    outlines.addTo(map);
    {{ this.layer.get_name() }}.overlays["Country outlines"] = outlines;
})();
{% endmacro %}
""")

    def __init__(self, layer: EventLayer):
        super().__init__()
        self._name = "GeomapOutlines"
        self.layer = layer
        self.data_json = embed_json(country_outlines())
        self.style = {"color": "#8a96a3", "weight": 0.8, "fillColor": "#f7f5f0",
                      "fillOpacity": 1}

    def render(self, **kwargs: Any) -> None:
        name = f"{self.get_name()}_data"
        add_raw_html(self.get_root(), name, f'<script type="application/json" id="{name}">'
                     f"{self.data_json}</script>")
        super().render(**kwargs)
