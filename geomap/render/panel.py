"""The control panel and what lives in it besides the legend and the time slider: the place
search, the country/actor/fatality filters and the event table with its downloads.

One folding panel (static/panel.js) instead of a control per corner: on a 390 px phone four
corner boxes overlap each other and the map; folded, the panel is one button.
"""

from __future__ import annotations

from jinja2 import Template

from geomap.render.layers import EventLayer
from geomap.render.page import InlineAssets


class _PanelPart(InlineAssets):
    """A piece that calls ``<function>(layer)`` once the layer (and the panel) exist."""

    function = ""
    _template = Template("""
{% macro script(this, kwargs) %}
{{ this.function }}({{ this.layer.get_name() }});
{% endmacro %}
""")

    def __init__(self, layer: EventLayer):
        super().__init__()
        self._name = self.function
        self.layer = layer


class Panel(_PanelPart):
    """The folding panel; add it right after the event layer, before the sections."""

    static_js = ("panel.js",)
    function = "GeomapPanel"


class Search(_PanelPart):
    static_js = ("search.js",)
    function = "GeomapSearch"


class Filters(_PanelPart):
    static_js = ("filters.js",)
    function = "GeomapFilters"


class EventTable(_PanelPart):
    static_js = ("table.js",)
    function = "GeomapTable"
