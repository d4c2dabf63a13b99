/* geomap: the view and filters in the URL hash (#map=zoom/lat/lon&hide=1,3&from=..&to=..
 * &country=..&actor=..&minfat=..), so a link reopens the same view. Only numbers, ISO dates and
 * the actor words (used as filter text, never as markup) are read back from the hash. */
(function () {
  "use strict";

  var MS_PER_DAY = 86400000;

  function parseDay(text) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text || "")) return null;
    var ms = Date.parse(text + "T00:00:00Z");
    return isNaN(ms) ? null : Math.round(ms / MS_PER_DAY);
  }

  window.GeomapPermalink = {
    read: function () {
      var state = {}, params = new URLSearchParams(window.location.hash.slice(1));
      var view = (params.get("map") || "").split("/").map(Number);
      if (view.length === 3 && view.every(isFinite)) {
        state.view = {zoom: view[0], center: [view[1], view[2]]};
      }
      if (params.get("hide")) {
        state.hiddenTypes = params.get("hide").split(",").map(Number).filter(isFinite);
      }
      var from = parseDay(params.get("from")), to = parseDay(params.get("to"));
      if (from !== null && to !== null) state.window = [from, to];
      var filters = {}, country = Number(params.get("country"));
      var minimum = Number(params.get("minfat"));
      if (params.get("country") && Number.isInteger(country)) filters.country = country;
      if (params.get("minfat") && minimum > 0) filters.minFatalities = minimum;
      if (params.get("actor")) filters.actor = params.get("actor").slice(0, 100);
      state.filters = filters;
      return state;
    },
    attach: function (layer) {
      function write() {
        var map = layer.map, c = map.getCenter(), parts = [];
        parts.push("map=" + map.getZoom() + "/" + c.lat.toFixed(4) + "/" + c.lng.toFixed(4));
        var hidden = Object.keys(layer.hiddenTypes);
        if (hidden.length) parts.push("hide=" + hidden.join(","));
        var f = layer.filters;
        if (f.country >= 0) parts.push("country=" + f.country);
        if (f.actor) parts.push("actor=" + encodeURIComponent(f.actor));
        if (f.minFatalities > 0) parts.push("minfat=" + f.minFatalities);
        if (layer.window) {
          parts.push("from=" + GeomapEvents.isoDay(layer.window[0]));
          parts.push("to=" + GeomapEvents.isoDay(layer.window[1]));
        }
        history.replaceState(null, "", "#" + parts.join("&"));
      }
      layer.map.on("moveend", write);
      layer.onChange(write);
    }
  };
})();
