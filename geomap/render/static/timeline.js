/* geomap: the time filter (a section of the panel). A histogram of events per day (what the
 * other filters leave, the chosen window highlighted), two date boxes for exact days, two
 * sliders (from, to) and a play button that slides a window through time. */
(function () {
  "use strict";

  var MS_PER_DAY = 86400000;

  function parseDay(text) {
    var ms = Date.parse(text + "T00:00:00Z");
    return isNaN(ms) ? null : Math.round(ms / MS_PER_DAY);
  }

  /* Events per bin over [min, max], counting what passes every filter but time. */
  function histogram(layer, min, bins, perBin) {
    var counts = new Array(bins).fill(0), d = layer.data;
    for (var i = 0; i < layer.count; i++) {
      if (d.day[i] === null || !layer.passesFilters(i)) continue;
      var bin = Math.min(bins - 1, Math.floor((d.day[i] - min) / perBin));
      counts[bin]++;
    }
    return counts;
  }

  window.GeomapTimeline = function (layer, options) {
    if (!layer.dayRange) return null;
    var min = layer.dayRange[0], max = layer.dayRange[1], span = max - min;
    var section = layer.panel.section("time", "Time", true);
    var div = L.DomUtil.create("div", "geomap-timeline", section);
    var timer = null, frame = null;
    var start = layer.window ? layer.window[0] : min, end = layer.window ? layer.window[1] : max;
    var minIso = GeomapEvents.isoDay(min), maxIso = GeomapEvents.isoDay(max);
    div.innerHTML =
      "<canvas class=\"geomap-histogram\" height=\"40\" role=\"img\" " +
      "aria-label=\"Events per day\"></canvas>" +
      "<div class=\"geomap-time-row\">" +
      "<input type=\"range\" class=\"geomap-from\" aria-label=\"From (slider)\" min=\"" + min +
      "\" max=\"" + max + "\" step=\"1\" value=\"" + start + "\">" +
      "<input type=\"range\" class=\"geomap-to\" aria-label=\"To (slider)\" min=\"" + min +
      "\" max=\"" + max + "\" step=\"1\" value=\"" + end + "\"></div>" +
      "<div class=\"geomap-time-row\">" +
      "<label>From <input type=\"date\" class=\"geomap-from-date\" min=\"" + minIso + "\" max=\"" +
      maxIso + "\"></label> <label>to <input type=\"date\" class=\"geomap-to-date\" min=\"" +
      minIso + "\" max=\"" + maxIso + "\"></label></div>" +
      "<div class=\"geomap-time-row\"><button type=\"button\" class=\"geomap-play\" " +
      "title=\"Play through time\" aria-label=\"Play through time\">\u25b6</button>" +
      "<span class=\"geomap-window\"></span></div>";
    var from = div.querySelector(".geomap-from"), to = div.querySelector(".geomap-to");
    var fromDate = div.querySelector(".geomap-from-date");
    var toDate = div.querySelector(".geomap-to-date");
    var label = div.querySelector(".geomap-window"), play = div.querySelector(".geomap-play");
    var canvas = div.querySelector(".geomap-histogram");
    from.disabled = to.disabled = play.disabled = fromDate.disabled = toDate.disabled = span === 0;

    function drawHistogram() {
      var width = canvas.clientWidth || 260, ratio = window.devicePixelRatio || 1;
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(40 * ratio);
      var bins = Math.max(1, Math.min(span + 1, Math.floor(width / 2)));
      var perBin = (span + 1) / bins, counts = histogram(layer, min, bins, perBin);
      var top = Math.max.apply(null, counts) || 1, context = canvas.getContext("2d");
      var barWidth = canvas.width / bins, lo = Number(from.value), hi = Number(to.value);
      context.clearRect(0, 0, canvas.width, canvas.height);
      for (var b = 0; b < bins; b++) {
        if (!counts[b]) continue;
        var dayLo = min + b * perBin, dayHi = dayLo + perBin - 1;
        context.fillStyle = dayHi >= lo && dayLo <= hi ? "#3b6ea5" : "#c5ccd4";
        var h = Math.max(1, Math.round(counts[b] / top * (canvas.height - 2)));
        context.fillRect(b * barWidth, canvas.height - h, Math.max(1, barWidth - ratio), h);
      }
    }
    function showLabel() {
      fromDate.value = GeomapEvents.isoDay(Number(from.value));
      toDate.value = GeomapEvents.isoDay(Number(to.value));
      label.textContent = fromDate.value + " \u2013 " + toDate.value;
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
    function onDate(event) {
      var day = parseDay(event.target.value);
      if (day === null) return;
      (event.target === fromDate ? from : to).value = Math.max(min, Math.min(max, day));
      onInput({target: event.target === fromDate ? from : to});
    }
    from.addEventListener("input", onInput);
    to.addEventListener("input", onInput);
    fromDate.addEventListener("change", onDate);
    toDate.addEventListener("change", onDate);
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
    layer.onChange(drawHistogram);
    section.section.addEventListener("geomap:open", drawHistogram);
    showLabel();
    drawHistogram();
    return section;
  };
})();
