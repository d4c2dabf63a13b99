/* geomap: the event layer. One columnar data array -> a supercluster index -> on each view
 * change, cluster bubbles (DOM) and single events (circle markers on one canvas) for what is on
 * screen only. Filters rebuild the index from the visible events. Popups: popup.js.
 *
 * Every string in the data was HTML-escaped in Python (geomap/render/payload.py); this file
 * concatenates those strings into HTML and never inserts anything else from the data. */
(function () {
  "use strict";

  var MS_PER_DAY = 86400000;
  // time_precision 1 day, 2 week, 3 month (ACLED): the span an event may have happened in.
  var PRECISION_DAYS = {1: 1, 2: 7, 3: 30};

  function isoDay(day) {
    return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
  }

  /* Undo the payload's size savings once: sparse counts to arrays, day offsets to days. */
  function expand(data) {
    var n = data.lat.length;
    Object.keys(data.sparse).forEach(function (name) {
      var values = new Array(n).fill(null), sparse = data.sparse[name];
      Object.keys(sparse).forEach(function (row) { values[row] = sparse[row]; });
      data[name] = values;
    });
    for (var i = 0; i < n; i++) if (data.day[i] !== null) data.day[i] += data.day0;
    return data;
  }

  /* A cluster bubble: a donut whose arcs are the share of each event type inside it. */
  function clusterIcon(count, typeCounts, colours) {
    var size = count < 10 ? 30 : count < 100 ? 36 : count < 1000 ? 42 : 50;
    var label = count < 10000 ? String(count) : Math.round(count / 1000) + "k";
    var r = size / 2 - 3.5, circumference = 2 * Math.PI * r, offset = 0, arcs = "";
    for (var t = 0; t < typeCounts.length; t++) {
      if (!typeCounts[t]) continue;
      var length = circumference * typeCounts[t] / count;
      arcs += "<circle r=\"" + r + "\" cx=\"" + size / 2 + "\" cy=\"" + size / 2 +
        "\" fill=\"none\" stroke=\"" + colours[t] + "\" stroke-width=\"5\" stroke-dasharray=\"" +
        length.toFixed(2) + " " + (circumference - length).toFixed(2) +
        "\" stroke-dashoffset=\"" + (-offset).toFixed(2) + "\"/>";
      offset += length;
    }
    var svg = "<svg width=\"" + size + "\" height=\"" + size + "\" viewBox=\"0 0 " + size + " " +
      size + "\" aria-hidden=\"true\"><circle r=\"" + (r + 3.5) + "\" cx=\"" + size / 2 + "\" cy=\"" +
      size / 2 + "\" fill=\"#fff\" fill-opacity=\"0.9\"/><g transform=\"rotate(-90 " + size / 2 +
      " " + size / 2 + ")\">" + arcs + "</g></svg>";
    return L.divIcon({html: svg + "<span>" + label + "</span>", className: "geomap-cluster",
                      iconSize: L.point(size, size)});
  }

  /* HTML-escaped data strings back to plain text (for search, CSV and filters). A <textarea>
   * parses entities but never markup, so nothing in the string can run. */
  var decoder = document.createElement("textarea");
  function plain(html) {
    decoder.innerHTML = html;
    return decoder.value;
  }

  function GeomapEvents(map, data, options, state) {
    this.map = map;
    this.data = expand(data);
    this.options = options;
    this.count = data.lat.length;
    this.hiddenTypes = {};
    // Other filters: a country (string index), an actor substring, a fatality minimum.
    this.filters = {country: -1, actor: "", minFatalities: 0};
    this._plain = {};
    this.window = null;  // [fromDay, toDay] inclusive, or null for "all time"
    this.visible = new Uint8Array(this.count);
    this.visibleCount = 0;
    this.overlays = {};
    this.listeners = [];
    this.ready = false;
    this._computeExtent();
    state = state || {};
    (state.hiddenTypes || []).forEach(function (t) { this.hiddenTypes[t] = true; }, this);
    if (state.window && this.dayRange) this.window = this._clampWindow(state.window);
    for (var key in state.filters || {}) this.filters[key] = state.filters[key];

    // Without a tile layer Leaflet has no maxZoom (folium #1395); clustering needs one.
    if (!isFinite(map.getMaxZoom())) map.setMaxZoom(options.maxZoom || 18);
    if (options.attribution) map.attributionControl.addAttribution(options.attribution);

    this.renderer = L.canvas({padding: 0.5});
    this.group = L.featureGroup();
    this.overlays["Events"] = this.group;
    this.popup = L.popup(this._popupOptions());
    map.on("resize", function () { L.setOptions(this.popup, this._popupOptions()); }, this);
    this.tooltip = L.tooltip({direction: "top", offset: [0, -6], opacity: 0.95});
    this.group.on("click", this._onClick, this);
    this.group.on("mouseover", this._openTooltip, this);
    this.group.on("mouseout", function () { map.closeTooltip(this.tooltip); }, this);
    this.markers = this._createMarkers();
    this.points = this.markers.map(function (marker, i) {
      return {type: "Feature", properties: {i: i, t: data.type[i]},
              geometry: {type: "Point", coordinates: [data.lon[i], data.lat[i]]}};
    });
    this.group.addTo(map);
    map.on("moveend", this.redraw, this);
    this.group.on("add", this.redraw, this);
    this.restoredView = !!state.view;
    if (state.view) map.setView(state.view.center, state.view.zoom, {animate: false});
    else this.fitBounds();
    this.update();
    this.ready = true;
    this.readyAt = performance.now();
    document.dispatchEvent(new CustomEvent("geomap:ready", {detail: this}));
  }

  GeomapEvents.prototype._computeExtent = function () {
    var d = this.data, n = this.count, minDay = Infinity, maxDay = -Infinity;
    var south = 90, north = -90, west = 180, east = -180;
    for (var i = 0; i < n; i++) {
      if (d.lat[i] < south) south = d.lat[i];
      if (d.lat[i] > north) north = d.lat[i];
      if (d.lon[i] < west) west = d.lon[i];
      if (d.lon[i] > east) east = d.lon[i];
      var day = d.day[i];
      if (day !== null) {
        if (day < minDay) minDay = day;
        var end = day + (PRECISION_DAYS[d.tprec[i]] || 1) - 1;
        if (end > maxDay) maxDay = end;
      }
    }
    this.bounds = n ? L.latLngBounds([south, west], [north, east]) : null;
    this.dayRange = isFinite(minDay) ? [minDay, maxDay] : null;
  };

  GeomapEvents.prototype.radius = function (fatalities) {
    var o = this.options;
    if (!fatalities || fatalities < 0) return o.minRadius;
    return Math.min(o.maxRadius, Math.max(o.minRadius, o.radiusScale * Math.sqrt(fatalities)));
  };

  GeomapEvents.prototype._createMarkers = function () {
    var d = this.data, n = this.count, markers = new Array(n);
    for (var i = 0; i < n; i++) {
      var marker = L.circleMarker([d.lat[i], d.lon[i]], {
        renderer: this.renderer, radius: this.radius(d.fat[i]), color: "#222", weight: 1,
        fillColor: d.colours[d.type[i]], fillOpacity: 0.85
      });
      marker.geomapIndex = i;
      markers[i] = marker;
    }
    return markers;
  };

  /* Popups fit the screen they open on: a phone gets a narrower, shorter one. */
  GeomapEvents.prototype._popupOptions = function () {
    // The left column of buttons stays clear: on a phone it would cover the popup's corner.
    var size = this.map.getSize(), left = size.x < 700 ? 58 : 10;
    return {maxWidth: Math.max(200, Math.min(380, size.x - left - 50)),
            minWidth: Math.min(240, size.x - left - 60), maxHeight: Math.max(160, Math.min(360,
            Math.round(size.y * 0.55))), autoPan: true,
            autoPanPaddingTopLeft: [left, 50], autoPanPaddingBottomRight: [10, 30]};
  };

  /* Every event in view. Padding scales with the screen (the folded controls sit in the top
   * corners); one event or one street gets a town-level zoom, not the maximum. */
  GeomapEvents.prototype.fitBounds = function () {
    if (!this.bounds) return;
    var size = this.map.getSize(), side = Math.round(Math.min(60, size.x * 0.08));
    var top = Math.round(Math.min(70, size.y * 0.1));
    // An open panel (desktop) covers the right of the map: fit the events beside it.
    var panel = this.panel && this.panel.isOpen() ? this.panel.width() + 10 : 0;
    if (size.x - panel < 300) panel = 0;
    this.map.fitBounds(this.bounds, {maxZoom: 11, animate: false,
                                     paddingTopLeft: [side + 40, top],
                                     paddingBottomRight: [side + panel, top]});
  };

  GeomapEvents.prototype.plain = function (index) {
    if (index < 0) return "";
    var text = this._plain[index];
    if (text === undefined) text = this._plain[index] = plain(this.data.strings[index]);
    return text;
  };

  GeomapEvents.prototype.setFilters = function (filters) {
    for (var key in filters) this.filters[key] = filters[key];
    this.update();
  };

  /* Every filter but time (the histogram counts what the other filters leave). */
  GeomapEvents.prototype.passesFilters = function (i) {
    var d = this.data, f = this.filters;
    if (this.hiddenTypes[d.type[i]]) return false;
    if (f.country >= 0 && d.country[i] !== f.country) return false;
    if (f.minFatalities > 0 && !(d.fat[i] >= f.minFatalities)) return false;
    if (f.actor) {
      var query = f.actor.toLowerCase();
      if (this.plain(d.actor1[i]).toLowerCase().indexOf(query) < 0 &&
          this.plain(d.actor2[i]).toLowerCase().indexOf(query) < 0) return false;
    }
    return true;
  };

  GeomapEvents.prototype.isVisible = function (i) {
    var d = this.data;
    if (!this.passesFilters(i)) return false;
    if (!this.window) return true;
    var day = d.day[i];
    if (day === null) return false;  // an undated event cannot be placed in a time window
    var end = day + (PRECISION_DAYS[d.tprec[i]] || 1) - 1;
    return end >= this.window[0] && day <= this.window[1];
  };

  /* Recompute visibility and rebuild the cluster index over the visible events. */
  GeomapEvents.prototype.update = function () {
    var points = [];
    for (var i = 0; i < this.count; i++) {
      this.visible[i] = this.isVisible(i) ? 1 : 0;
      if (this.visible[i]) points.push(this.points[i]);
    }
    this.visibleCount = points.length;
    this.index = new Supercluster({radius: 50, maxZoom: this.options.clusterMaxZoom,
                                   minPoints: 2});
    this._donuts = {};
    this.index.load(points);
    this.redraw();
    for (var j = 0; j < this.listeners.length; j++) this.listeners[j](this);
  };

  /* Draw what is on screen: cluster bubbles and single events, nothing else. */
  GeomapEvents.prototype.redraw = function () {
    var map = this.map;
    if (!this.index || !map.hasLayer(this.group)) return;
    var b = map.getBounds().pad(0.2), west = b.getWest(), east = b.getEast();
    if (east - west >= 360) { west = -180; east = 180; }
    else {
      west = ((west + 180) % 360 + 360) % 360 - 180;  // supercluster wants [-180, 180]
      east = ((east + 180) % 360 + 360) % 360 - 180;
    }
    var items = this.index.getClusters(
      [west, Math.max(-85, b.getSouth()), east, Math.min(85, b.getNorth())],
      Math.round(map.getZoom()));
    this.group.clearLayers();
    for (var k = 0; k < items.length; k++) {
      var item = items[k], properties = item.properties;
      if (properties.cluster) {
        var c = item.geometry.coordinates;
        var bubble = L.marker([c[1], c[0]], {
          icon: clusterIcon(properties.point_count,
                            this._typeCounts(properties.cluster_id, properties.point_count),
                            this.data.colours),
          keyboard: false, title: properties.point_count + " events"});
        bubble.geomapCluster = item;
        this.group.addLayer(bubble);
      } else {
        this.group.addLayer(this.markers[properties.i]);
      }
    }
  };

  /* Events per type inside a cluster, for its donut, when the bubble is first drawn (kept
   * until the filters change). Exact up to DONUT_EXACT events; above, each child cluster
   * contributes a sample of its leaves in proportion to its size: the arcs of a 100k bubble
   * are shares of a circle, not a census. (supercluster's map/reduce would count exactly for
   * every cluster at every zoom: +70 % clustering time at 100k events, paid at load.) */
  var DONUT_EXACT = 1000;
  GeomapEvents.prototype._typeCounts = function (clusterId, size) {
    var counts = this._donuts[clusterId];
    if (counts) return counts;
    counts = this._donuts[clusterId] = new Array(this.data.types.length).fill(0);
    var index = this.index;
    function add(leaves, weight) {
      for (var k = 0; k < leaves.length; k++) counts[leaves[k].properties.t] += weight;
    }
    if (size <= DONUT_EXACT) {
      add(index.getLeaves(clusterId, Infinity), 1);
      return counts;
    }
    index.getChildren(clusterId).forEach(function (child) {
      var p = child.properties;
      if (!p.cluster) { counts[p.t] += 1; return; }
      var leaves = index.getLeaves(p.cluster_id, Math.ceil(DONUT_EXACT * p.point_count / size));
      add(leaves, p.point_count / leaves.length);
    });
    return counts;
  };

  /* How many events the layer shows right now: single circles plus the counts of bubbles. */
  GeomapEvents.prototype.drawnCount = function () {
    var total = 0;
    this.group.eachLayer(function (layer) {
      if (layer instanceof L.CircleMarker) total += 1;
      else if (layer.geomapCluster) total += layer.geomapCluster.properties.point_count;
    });
    return total;
  };

  GeomapEvents.prototype.onChange = function (listener) { this.listeners.push(listener); };

  GeomapEvents.prototype.setTypeVisible = function (typeIndex, visible) {
    if (visible) delete this.hiddenTypes[typeIndex];
    else this.hiddenTypes[typeIndex] = true;
    this.update();
  };

  GeomapEvents.prototype._clampWindow = function (window) {
    var lo = Math.max(this.dayRange[0], Math.min(window[0], window[1]));
    var hi = Math.min(this.dayRange[1], Math.max(window[0], window[1]));
    if (lo <= this.dayRange[0] && hi >= this.dayRange[1]) return null;
    return [lo, hi];
  };

  /* Show events that may have happened between two days (inclusive); the full range (or null)
   * means "all time", which also shows undated events. */
  GeomapEvents.prototype.setWindow = function (fromDay, toDay) {
    this.window = (fromDay === null || !this.dayRange) ? null : this._clampWindow([fromDay, toDay]);
    this.update();
  };

  /* Zoom in until event ``i`` is drawn on its own, then call ``done(marker)`` (or null). */
  GeomapEvents.prototype.showEvent = function (i, done) {
    var map = this.map, marker = this.markers[i];
    done = done || function () {};
    if (!this.visible[i]) return done(null);
    var zoom = Math.max(map.getZoom(), Math.min(map.getMaxZoom(), this.options.clusterMaxZoom + 1));
    map.setView(marker.getLatLng(), zoom, {animate: false});
    done(this.group.hasLayer(marker) ? marker : null);
  };

  GeomapEvents.prototype.typeCounts = function (onlyVisible) {
    var counts = this.data.types.map(function () { return 0; });
    for (var i = 0; i < this.count; i++) {
      if (!onlyVisible || this.visible[i]) counts[this.data.type[i]]++;
    }
    return counts;
  };

  GeomapEvents.prototype.visibleLatLngs = function () {
    var d = this.data, out = [];
    for (var i = 0; i < this.count; i++) if (this.visible[i]) out.push([d.lat[i], d.lon[i]]);
    return out;
  };

  GeomapEvents.prototype._text = function (index) {
    return index >= 0 ? this.data.strings[index] : "";
  };

  /* The data block: JSON, or gzip+base64 JSON for large maps (inflated by fflate). */
  GeomapEvents.readData = function (id) {
    var element = document.getElementById(id);
    if (element.getAttribute("data-encoding") !== "gzip-base64") {
      return JSON.parse(element.textContent);
    }
    var binary = atob(element.textContent), bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return JSON.parse(fflate.strFromU8(fflate.gunzipSync(bytes)));
  };

  GeomapEvents.isoDay = isoDay;
  GeomapEvents.plain = plain;
  window.GeomapEvents = GeomapEvents;
})();
