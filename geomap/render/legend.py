"""The categorical legend: event types with colours and counts (the type filter), size key."""

from __future__ import annotations

from jinja2 import Template

from geomap.render.layers import EventLayer
from geomap.render.page import InlineAssets
from geomap.render.payload import escape_text


class Legend(InlineAssets):
    static_js = ("legend.js",)
    _template = Template("""
{% macro script(this, kwargs) %}
GeomapLegend({{ this.layer.get_name() }}, {{ this.options|tojson }});
{% endmacro %}
""")

    def __init__(self, layer: EventLayer, *, title: str | None = None):
        super().__init__()
        self._name = "GeomapLegend"
        self.layer = layer
        # The title may come from a user or a feed: escaped like article text.
        self.options = {"title": escape_text(title)}
