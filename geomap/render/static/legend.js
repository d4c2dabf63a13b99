/* geomap: the categorical legend (a section of the panel). One row per event type (colour, name, visible/total count)
 * whose checkbox is the type filter, a key for symbol sizes, and the visible-event total.
 * Type names come escaped from the data; the title comes escaped from Python. */
(function () {
  "use strict";

  function sizeKey(layer) {
    return [1, 10, 100].map(function (fatalities) {
      var r = layer.radius(fatalities);
      return "<span class=\"geomap-size\"><svg width=\"" + (2 * r + 2) + "\" height=\"" +
        (2 * r + 2) + "\"><circle cx=\"" + (r + 1) + "\" cy=\"" + (r + 1) + "\" r=\"" + r +
        "\"/></svg>" + fatalities + "</span>";
    }).join("");
  }

  window.GeomapLegend = function (layer, options) {
    var section = layer.panel.section("types", "Event types", true);
    var div = L.DomUtil.create("div", "geomap-legend", section);
    var data = layer.data, totals = layer.typeCounts(false);
    var html = options.title ? "<div class=\"geomap-legend-title\">" + options.title + "</div>" : "";
    html += "<div class=\"geomap-legend-types\">";
    data.types.forEach(function (name, t) {
      html += "<label><input type=\"checkbox\" data-type=\"" + t + "\"" +
        (layer.hiddenTypes[t] ? "" : " checked") + "><span class=\"geomap-swatch\" style=\"background:" +
        data.colours[t] + "\"></span>" + name + " <span class=\"geomap-count\" data-count=\"" + t +
        "\"></span><span class=\"geomap-muted\"> / " + totals[t] + "</span></label>";
    });
    html += "</div><div class=\"geomap-legend-sizes\">Fatalities " + sizeKey(layer) + "</div>" +
      "<div class=\"geomap-legend-total\"></div>";
    div.innerHTML = html;
    div.querySelectorAll("input[data-type]").forEach(function (box) {
      box.addEventListener("change", function () {
        layer.setTypeVisible(Number(box.getAttribute("data-type")), box.checked);
      });
    });
    function refresh() {
      var counts = layer.typeCounts(true);
      div.querySelectorAll("[data-count]").forEach(function (span) {
        span.textContent = counts[Number(span.getAttribute("data-count"))];
      });
      div.querySelector(".geomap-legend-total").textContent =
        "Showing " + layer.visibleCount + " of " + layer.count + " events";
    }
    layer.onChange(refresh);
    refresh();
    return section;
  };
})();
