"""The time filter: from/to sliders over the event days, with playback."""

from __future__ import annotations

from jinja2 import Template

from geomap.render.layers import EventLayer
from geomap.render.page import InlineAssets


class TimeSlider(InlineAssets):
    """Own slider over the event layer's data array rather than leaflet-timeline or folium's
    TimestampedGeoJson (#1268): those need their own GeoJSON copy of every event, and the
    clustered layer would have to be rebuilt on each step."""

    static_js = ("timeline.js",)
    _template = Template("""
{% macro script(this, kwargs) %}
GeomapTimeline({{ this.layer.get_name() }}, {{ this.options|tojson }});
{% endmacro %}
""")

    def __init__(self, layer: EventLayer, *, interval_ms: int = 400):
        super().__init__()
        self._name = "GeomapTimeline"
        self.layer = layer
        self.options = {"intervalMs": interval_ms}
