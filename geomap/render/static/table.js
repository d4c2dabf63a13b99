/* geomap: the event table (a section of the panel), synced with the filters. Sortable by date,
 * type, place and fatalities; a row (click, or Enter on the focused row) zooms to its event and
 * opens the popup, which makes every event reachable by keyboard. "CSV" and "GeoJSON" download
 * what the filters leave, built here from the data array (a Blob: no network).
 * Cell text comes escaped from Python; exports decode it back to plain text. */
(function () {
  "use strict";

  var MAX_ROWS = 200;  // rendered rows; the count says how many more the filters leave
  var FIELDS = ["event_date", "event_type", "sub_event_type", "place", "country", "latitude",
                "longitude", "fatalities", "actor1", "actor2", "notes", "source", "source_urls",
                "n_reports"];
  var COLUMNS = [["date", "Date"], ["type", "Type"], ["place", "Place"], ["fat", "Fatalities"]];

  function sortKey(layer, column) {
    var d = layer.data;
    if (column === "date") return function (i) { return d.day[i] === null ? -Infinity : d.day[i]; };
    if (column === "fat") return function (i) { return d.fat[i] === null ? -1 : d.fat[i]; };
    if (column === "type") return function (i) { return d.type[i]; };
    return function (i) { return layer.plain(d.place[i]).toLowerCase(); };
  }

  /* One flat record per event: plain text, for the downloads. */
  function record(layer, i) {
    var d = layer.data, article = d.articles[d.article[i]];
    var urls = [d.article[i]].concat(d.more[i] || []).map(function (r) {
      var a = d.articles[r];
      return layer.plain(a[2] >= 0 ? a[2] : a[3]);
    }).filter(Boolean);
    return {
      event_date: d.day[i] === null ? "" : GeomapEvents.isoDay(d.day[i]),
      event_type: GeomapEvents.plain(d.types[d.type[i]]), sub_event_type: layer.plain(d.sub[i]),
      place: layer.plain(d.place[i]), country: layer.plain(d.country[i]),
      latitude: d.lat[i], longitude: d.lon[i], fatalities: d.fat[i] === null ? "" : d.fat[i],
      actor1: layer.plain(d.actor1[i]), actor2: layer.plain(d.actor2[i]),
      notes: d.notes[i] ? GeomapEvents.plain(d.notes[i]) : "",
      source: layer.plain(article[1]), source_urls: urls.join(" "),
      n_reports: Math.max(d.nrep[i] || 1, urls.length)
    };
  }

  /* A CSV cell: quoted, and a leading = + - @ (a spreadsheet formula) neutralised with '. */
  function csvCell(value) {
    var text = String(value);
    if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = "'" + text;
    return /[",\n\r]/.test(text) || text !== String(value) ? "\"" + text.replace(/"/g, "\"\"") +
      "\"" : text;
  }

  function download(name, type, text) {
    var url = URL.createObjectURL(new Blob([text], {type: type}));
    var link = document.createElement("a");
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  window.GeomapTable = function (layer) {
    var section = layer.panel.section("table", "Events", false);
    var div = L.DomUtil.create("div", "geomap-table", section);
    div.innerHTML =
      "<div class=\"geomap-table-tools\"><span class=\"geomap-table-count\"></span> " +
      "<button type=\"button\" class=\"geomap-export-csv\">CSV</button> " +
      "<button type=\"button\" class=\"geomap-export-geojson\">GeoJSON</button></div>" +
      "<div class=\"geomap-table-scroll\"><table><thead><tr>" + COLUMNS.map(function (c) {
        return "<th scope=\"col\" aria-sort=\"none\"><button type=\"button\" data-sort=\"" +
          c[0] + "\">" + c[1] + "</button></th>";
      }).join("") + "</tr></thead><tbody></tbody></table></div>";
    var tbody = div.querySelector("tbody"), count = div.querySelector(".geomap-table-count");
    var sort = {column: "date", descending: true};

    function rows() {
      var out = [];
      for (var i = 0; i < layer.count; i++) if (layer.visible[i]) out.push(i);
      var key = sortKey(layer, sort.column), sign = sort.descending ? -1 : 1;
      var keys = out.map(key);
      var order = out.map(function (_, k) { return k; }).sort(function (a, b) {
        return keys[a] < keys[b] ? -sign : keys[a] > keys[b] ? sign : out[a] - out[b];
      });
      return order.map(function (k) { return out[k]; });
    }
    function render() {
      if (section.hidden) return;  // built when seen: a 100k-event filter stays fast
      var d = layer.data, list = rows(), html = [];
      for (var k = 0; k < Math.min(MAX_ROWS, list.length); k++) {
        var i = list[k];
        html.push("<tr tabindex=\"0\" data-i=\"" + i + "\"><td>" +
          (d.day[i] === null ? "?" : GeomapEvents.isoDay(d.day[i])) + "</td><td>" +
          "<span class=\"geomap-swatch\" style=\"background:" + d.colours[d.type[i]] +
          "\"></span>" + d.types[d.type[i]].replace(/\//g, "/<wbr>") + "</td><td>" +
          layer._text(d.place[i]) +
          "</td><td class=\"geomap-num\">" + (d.fat[i] === null ? "" : d.fat[i]) + "</td></tr>");
      }
      tbody.innerHTML = html.join("");
      count.textContent = list.length > MAX_ROWS ? "First " + MAX_ROWS + " of " + list.length +
        " events" : list.length + (list.length === 1 ? " event" : " events");
      div.querySelectorAll("th").forEach(function (th) {
        var column = th.firstChild.getAttribute("data-sort");
        th.setAttribute("aria-sort", column !== sort.column ? "none" :
                        sort.descending ? "descending" : "ascending");
      });
    }
    function open(row) {
      var i = Number(row.getAttribute("data-i"));
      layer.panel.foldIfNarrow();
      layer.showEvent(i, function (marker) { if (marker) layer.openPopup(i); });
    }
    tbody.addEventListener("click", function (event) {
      var row = event.target.closest("tr[data-i]");
      if (row) open(row);
    });
    tbody.addEventListener("keydown", function (event) {
      var row = event.target.closest("tr[data-i]");
      if (!row) return;
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); open(row); }
      if (event.key === "ArrowDown" && row.nextElementSibling) row.nextElementSibling.focus();
      if (event.key === "ArrowUp" && row.previousElementSibling) row.previousElementSibling.focus();
    });
    div.querySelector("thead").addEventListener("click", function (event) {
      var button = event.target.closest("button[data-sort]");
      if (!button) return;
      var column = button.getAttribute("data-sort");
      sort = {column: column, descending: sort.column === column ? !sort.descending :
              column === "date" || column === "fat"};
      render();
    });

    function visibleRecords() {
      var out = [];
      for (var i = 0; i < layer.count; i++) if (layer.visible[i]) out.push(record(layer, i));
      return out;
    }
    layer.exportCsv = function () {
      var records = visibleRecords(), header = FIELDS;
      return [header.join(",")].concat(records.map(function (r) {
        return header.map(function (name) { return csvCell(r[name]); }).join(",");
      })).join("\r\n") + "\r\n";
    };
    layer.exportGeoJson = function () {
      return JSON.stringify({type: "FeatureCollection", features: visibleRecords().map(
        function (r) {
          return {type: "Feature", properties: r,
                  geometry: {type: "Point", coordinates: [r.longitude, r.latitude]}};
        })});
    };
    div.querySelector(".geomap-export-csv").addEventListener("click", function () {
      download("events.csv", "text/csv;charset=utf-8", layer.exportCsv());
    });
    div.querySelector(".geomap-export-geojson").addEventListener("click", function () {
      download("events.geojson", "application/geo+json", layer.exportGeoJson());
    });
    layer.onChange(render);
    section.section.addEventListener("geomap:open", render);
    render();
    return section;
  };
})();
