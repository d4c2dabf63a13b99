/* geomap: a heat layer of the visible events, offered as an overlay (off by default) and
 * refreshed only while it is on the map. */
(function () {
  "use strict";

  window.GeomapHeat = function (layer, options) {
    var heat = L.heatLayer([], options);
    function refresh() {
      if (layer.map.hasLayer(heat)) heat.setLatLngs(layer.visibleLatLngs());
    }
    heat.on("add", refresh);
    layer.onChange(refresh);
    layer.overlays["Heat map"] = heat;
    return heat;
  };
})();
