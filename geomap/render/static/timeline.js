/* geomap: the time filter. Two sliders (from, to) over the event days and a play button that
 * slides a window through time. Works on the same data array as the event layer, so a step
 * moves only the markers that enter or leave the window. */
(function () {
  "use strict";

  window.GeomapTimeline = function (layer, options) {
    if (!layer.dayRange) return null;
    var min = layer.dayRange[0], max = layer.dayRange[1], span = max - min;
    var control = L.control({position: "bottomleft"});
    var timer = null;
    control.onAdd = function () {
      var div = L.DomUtil.create("div", "geomap-timeline leaflet-control");
      var start = layer.window ? layer.window[0] : min, end = layer.window ? layer.window[1] : max;
      div.innerHTML =
        "<button type=\"button\" class=\"geomap-play\" title=\"Play through time\">\u25b6</button>" +
        "<label>From <input type=\"range\" class=\"geomap-from\" min=\"" + min + "\" max=\"" + max +
        "\" step=\"1\" value=\"" + start + "\"></label>" +
        "<label>to <input type=\"range\" class=\"geomap-to\" min=\"" + min + "\" max=\"" + max +
        "\" step=\"1\" value=\"" + end + "\"></label>" +
        "<span class=\"geomap-window\"></span>";
      L.DomEvent.disableClickPropagation(div);
      L.DomEvent.disableScrollPropagation(div);
      var from = div.querySelector(".geomap-from"), to = div.querySelector(".geomap-to");
      var label = div.querySelector(".geomap-window"), play = div.querySelector(".geomap-play");
      from.disabled = to.disabled = play.disabled = span === 0;
      var frame = null;
      function showLabel() {
        label.textContent = GeomapEvents.isoDay(Number(from.value)) + " \u2013 " +
          GeomapEvents.isoDay(Number(to.value));
      }
      function apply() {
        frame = null;
        layer.setWindow(Number(from.value), Number(to.value));
      }
      function onInput(event) {
        if (Number(from.value) > Number(to.value)) {
          if (event.target === from) to.value = from.value; else from.value = to.value;
        }
        showLabel();
        // Coalesce a fast drag into one update per animation frame.
        if (frame === null) frame = requestAnimationFrame(apply);
      }
      from.addEventListener("input", onInput);
      to.addEventListener("input", onInput);
      function stop() {
        clearInterval(timer);
        timer = null;
        play.textContent = "\u25b6";
      }
      play.addEventListener("click", function () {
        if (timer) { stop(); return; }
        // A window of a tenth of the span, moved in at most 30 steps: any span plays in seconds.
        var width = Math.max(0, Math.round(span / 10)), step = Math.max(1, Math.ceil(span / 30));
        from.value = min;
        to.value = min + width;
        play.textContent = "\u23f8";
        showLabel();
        apply();
        timer = setInterval(function () {
          if (Number(to.value) >= max) { stop(); return; }
          from.value = Math.min(max, Number(from.value) + step);
          to.value = Math.min(max, Number(to.value) + step);
          showLabel();
          apply();
        }, options.intervalMs || 400);
      });
      showLabel();
      return div;
    };
    control.addTo(layer.map);
    return control;
  };
})();
