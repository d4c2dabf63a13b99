"""Map controls: the overlay list (events, heat, outlines, place names), the fit and fullscreen
buttons (top left; the panel of geomap.render.panel has the top right)."""

from __future__ import annotations

from jinja2 import Template

from geomap.render.layers import EventLayer
from geomap.render.page import InlineAssets


class OverlayControl(InlineAssets):
    """Leaflet's layer list over the overlays the geomap pieces registered; add it last."""

    _template = Template("""
{% macro script(this, kwargs) %}
L.control.layers(null, {{ this.layer.get_name() }}.overlays,
                 {collapsed: true, position: "topleft"}).addTo({{ this._parent.get_name() }});
{% endmacro %}
""")

    def __init__(self, layer: EventLayer):
        super().__init__()
        self._name = "GeomapOverlays"
        self.layer = layer


class FitButton(InlineAssets):
    """A button that brings every event back into view."""

    _template = Template("""
{% macro script(this, kwargs) %}
(function (layer) {
    var control = L.control({position: "topleft"});
    control.onAdd = function () {
        var bar = L.DomUtil.create("div", "leaflet-bar leaflet-control");
        var link = L.DomUtil.create("a", "geomap-fit", bar);
        link.href = "#";
        link.title = link.ariaLabel = "Show all events";
        link.setAttribute("role", "button");
        link.textContent = "\u2922";
        L.DomEvent.disableClickPropagation(bar);
        L.DomEvent.on(link, "click", function (event) {
            L.DomEvent.preventDefault(event);
            layer.fitBounds();
        });
        return bar;
    };
    control.addTo(layer.map);
})({{ this.layer.get_name() }});
{% endmacro %}
""")

    def __init__(self, layer: EventLayer):
        super().__init__()
        self._name = "GeomapFit"
        self.layer = layer


class Fullscreen(InlineAssets):
    npm_css = (("leaflet.fullscreen", "Control.FullScreen.css"),)
    npm_js = (("leaflet.fullscreen", "Control.FullScreen.js"),)
    _template = Template("""
{% macro script(this, kwargs) %}
L.control.fullscreen({position: "topleft"}).addTo({{ this._parent.get_name() }});
{% endmacro %}
""")

    def __init__(self) -> None:
        super().__init__()
        self._name = "GeomapFullscreen"
