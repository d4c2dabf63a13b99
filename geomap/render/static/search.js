/* geomap: place search over the event places and the background's place names (both escaped
 * in Python). Type, pick from the list (mouse, or arrows and Enter), and the map goes there.
 * Results are built as DOM text from the decoded strings; nothing is parsed as HTML. */
(function () {
  "use strict";

  var MAX_RESULTS = 8;

  /* Case and accents folded: "tartus" finds "Ṭarṭūs", "halab" finds "Ḥalab". */
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f\u02bb\u02bf\u02be'\u2019`]/g, "")
      .toLowerCase();
  }

  /* [{name, lower, lat, lon, events, zoom}] : one entry per distinct event place, then labels. */
  function entries(layer) {
    var d = layer.data, byPlace = {}, out = [];
    for (var i = 0; i < layer.count; i++) {
      var key = d.place[i];
      if (key < 0) continue;
      if (byPlace[key] === undefined) {
        byPlace[key] = out.length;
        var name = layer.plain(key);
        out.push({name: name, lower: fold(name), lat: d.lat[i], lon: d.lon[i],
                  events: 0, zoom: 12, first: i});
      }
      out[byPlace[key]].events++;
    }
    var labels = d.labels, seen = {};
    out.forEach(function (entry) { seen[entry.lower.split(",")[0]] = true; });
    for (var j = 0; j < labels.name.length; j++) {
      var label = GeomapEvents.plain(labels.name[j]), lower = fold(label);
      if (seen[lower]) continue;
      seen[lower] = true;
      out.push({name: label, lower: lower, lat: labels.lat[j], lon: labels.lon[j], events: 0,
                zoom: Math.max(11, labels.zoom[j])});
    }
    return out;
  }

  function matches(list, query) {
    var q = fold(query.trim()), starts = [], contains = [];
    if (!q) return [];
    for (var i = 0; i < list.length; i++) {
      var at = list[i].lower.indexOf(q);
      if (at === 0 || (at > 0 && /[\s,(-]/.test(list[i].lower[at - 1]))) starts.push(list[i]);
      else if (at > 0) contains.push(list[i]);
      if (starts.length >= MAX_RESULTS) break;
    }
    return starts.concat(contains).slice(0, MAX_RESULTS);
  }

  window.GeomapSearch = function (layer) {
    var panel = layer.panel, list = null, active = -1, shown = [];
    var box = L.DomUtil.create("div", "geomap-search", panel.body);
    panel.body.insertBefore(box, panel.body.firstChild);
    var input = L.DomUtil.create("input", "geomap-search-input", box);
    var results = L.DomUtil.create("ul", "geomap-search-results", box);
    input.type = "search";
    input.placeholder = "Search places\u2026";
    input.setAttribute("aria-label", "Search places");
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    results.id = "geomap-search-results";
    results.setAttribute("role", "listbox");
    input.setAttribute("aria-controls", results.id);

    function go(entry) {
      layer.map.setView([entry.lat, entry.lon], Math.max(layer.map.getZoom(), entry.zoom),
                        {animate: false});
      input.value = entry.name;
      close();
      panel.foldIfNarrow();
    }
    function close() {
      results.textContent = "";
      shown = [];
      active = -1;
      input.setAttribute("aria-expanded", "false");
    }
    function highlight(index) {
      active = index;
      Array.prototype.forEach.call(results.children, function (li, k) {
        li.setAttribute("aria-selected", String(k === index));
      });
    }
    input.addEventListener("input", function () {
      list = list || entries(layer);
      shown = matches(list, input.value);
      results.textContent = "";
      shown.forEach(function (entry, k) {
        var li = document.createElement("li");
        li.setAttribute("role", "option");
        li.id = "geomap-search-option-" + k;
        li.textContent = entry.name;  // text, never markup
        if (entry.events) {
          var count = document.createElement("span");
          count.className = "geomap-muted";
          count.textContent = " \u00b7 " + entry.events + (entry.events > 1 ? " events" : " event");
          li.appendChild(count);
        }
        li.addEventListener("mousedown", function (event) { event.preventDefault(); go(entry); });
        results.appendChild(li);
      });
      input.setAttribute("aria-expanded", String(shown.length > 0));
      active = -1;
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" && shown.length) {
        highlight(Math.min(shown.length - 1, active + 1));
      } else if (event.key === "ArrowUp" && shown.length) {
        highlight(Math.max(0, active - 1));
      } else if (event.key === "Enter" && shown.length) {
        go(shown[Math.max(0, active)]);
      } else if (event.key === "Escape") {
        close();
        return;
      } else {
        return;
      }
      event.preventDefault();
    });
    input.addEventListener("blur", function () { setTimeout(close, 150); });
    return input;
  };
})();
