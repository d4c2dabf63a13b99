/* geomap: the offline background. Natural Earth country polygons (TopoJSON, inflated and
 * converted here) drawn straight onto one canvas below the events, and the place names of
 * layer.data.labels (escaped in Python), each shown from the zoom Python gave it.
 *
 * Not L.geoJSON: at 1:10m that makes ~10^6 L.LatLng objects (a second of page load); here each
 * ring is one Float64Array, projected on the fly, skipping points closer than a pixel. */
(function () {
  "use strict";

  var MAX_LABELS_IN_VIEW = 250, PAD = 0.3;

  /* Polygons as [{bbox: [west, south, east, north], rings: [Float64Array lon,lat,...]}]. */
  function polygons(collection) {
    var out = [];
    collection.features.forEach(function (feature) {
      var g = feature.geometry;
      if (!g) return;
      var parts = g.type === "Polygon" ? [g.coordinates] :
        g.type === "MultiPolygon" ? g.coordinates : [];
      parts.forEach(function (rings) {
        var bbox = [180, 90, -180, -90], arrays = rings.map(function (ring) {
          var flat = new Float64Array(ring.length * 2), previous = ring.length ? ring[0][0] : 0;
          for (var k = 0; k < ring.length; k++) {
            // Rings that cross the antimeridian (Russia, Fiji) are unwrapped into one run of
            // longitudes past 180 and drawn a second time a world away.
            var lon = ring[k][0], lat = ring[k][1];
            while (lon - previous > 180) lon -= 360;
            while (previous - lon > 180) lon += 360;
            previous = lon;
            flat[2 * k] = lon;
            flat[2 * k + 1] = lat;
            if (lon < bbox[0]) bbox[0] = lon;
            if (lat < bbox[1]) bbox[1] = lat;
            if (lon > bbox[2]) bbox[2] = lon;
            if (lat > bbox[3]) bbox[3] = lat;
          }
          return flat;
        });
        out.push({bbox: bbox, rings: arrays});
      });
    });
    return out;
  }

  var Outlines = L.Layer.extend({
    initialize: function (shapes, style, pane) {
      this._shapes = shapes;
      this._style = style;
      this.options.pane = pane;
    },
    onAdd: function (map) {
      this._canvas = L.DomUtil.create("canvas", "leaflet-zoom-hide", this.getPane());
      map.on("moveend resize", this._draw, this);
      this._draw();
    },
    onRemove: function (map) {
      map.off("moveend resize", this._draw, this);
      L.DomUtil.remove(this._canvas);
    },
    _draw: function () {
      var map = this._map, size = map.getSize(), ratio = window.devicePixelRatio || 1;
      var pad = size.multiplyBy(PAD).round(), full = size.add(pad.multiplyBy(2));
      var canvas = this._canvas, style = this._style;
      L.DomUtil.setPosition(canvas, map.containerPointToLayerPoint(pad.multiplyBy(-1)));
      canvas.width = full.x * ratio;
      canvas.height = full.y * ratio;
      canvas.style.width = full.x + "px";
      canvas.style.height = full.y + "px";
      var context = canvas.getContext("2d");
      context.setTransform(ratio, 0, 0, ratio, 0, 0);
      // World pixels at this zoom, shifted so the canvas's top-left corner is (0, 0).
      var scale = 256 * Math.pow(2, map.getZoom());
      var origin = map.getPixelBounds().min.subtract(pad);
      var view = map.getBounds().pad(PAD), west = view.getWest(), east = view.getEast();
      var south = view.getSouth(), north = view.getNorth();
      context.fillStyle = style.fillColor;
      context.strokeStyle = style.color;
      context.lineWidth = style.weight;
      context.lineJoin = "round";
      for (var s = 0; s < this._shapes.length; s++) {
        var shape = this._shapes[s], b = shape.bbox;
        if (b[3] < south || b[1] > north) continue;
        if (b[2] >= west && b[0] <= east) this._path(context, shape, 0, scale, origin);
        if (b[2] > 180 && b[2] - 360 >= west) this._path(context, shape, -360, scale, origin);
        if (b[0] < -180 && b[0] + 360 <= east) this._path(context, shape, 360, scale, origin);
      }
    },
    _path: function (context, shape, shift, scale, origin) {
      context.beginPath();
      for (var r = 0; r < shape.rings.length; r++) {
        var flat = shape.rings[r], lastX = Infinity, lastY = Infinity;
        for (var k = 0; k < flat.length; k += 2) {
          var lat = Math.max(-85.05, Math.min(85.05, flat[k + 1])) * Math.PI / 180;
          var x = (flat[k] + shift + 180) / 360 * scale - origin.x;
          var y = (1 - Math.log(Math.tan(Math.PI / 4 + lat / 2)) / Math.PI) / 2 * scale -
            origin.y;
          if (k === 0) context.moveTo(x, y);
          else if (Math.abs(x - lastX) + Math.abs(y - lastY) < 0.8) continue;
          else context.lineTo(x, y);
          lastX = x;
          lastY = y;
        }
        context.closePath();
      }
      context.fill("evenodd");
      context.stroke();
    }
  });

  window.GeomapBackground = function (layer, dataId, options) {
    var map = layer.map;
    // Below the overlay pane (400), where the event canvas lives, above tiles (200).
    map.createPane("geomapOutlines").style.zIndex = 350;
    var labelPane = map.createPane("geomapLabels");
    labelPane.style.zIndex = 390;
    labelPane.style.pointerEvents = "none";
    map.getContainer().classList.add("geomap-no-tiles");  // sea-coloured background
    // The polygons are built once the page has loaded: events and controls come first, the
    // background (~0.3 s of decoding on a fast machine) a moment later.
    var outlines = new Outlines([], options.style, "geomapOutlines").addTo(map);
    function build() {
      var topology = GeomapEvents.readData(dataId);
      outlines._shapes = polygons(topojson.feature(topology, topology.objects.countries));
      if (map.hasLayer(outlines)) outlines._draw();
      outlines.fire("ready");
    }
    if (document.readyState === "complete") build();
    else window.addEventListener("load", function () { setTimeout(build, 0); });
    if (options.attribution) map.attributionControl.addAttribution(options.attribution);
    layer.overlays["Country outlines"] = outlines;

    var labels = layer.data.labels, group = L.layerGroup().addTo(map);
    function drawLabels() {
      group.clearLayers();
      if (!map.hasLayer(group)) return;
      var zoom = map.getZoom(), bounds = map.getBounds().pad(0.1), shown = 0;
      for (var i = 0; i < labels.name.length && shown < MAX_LABELS_IN_VIEW; i++) {
        if (labels.zoom[i] > zoom || !bounds.contains([labels.lat[i], labels.lon[i]])) continue;
        group.addLayer(L.marker([labels.lat[i], labels.lon[i]], {
          pane: "geomapLabels", interactive: false, keyboard: false,
          icon: L.divIcon({className: "geomap-label", html: "<span>" + labels.name[i] +
                           "</span>", iconSize: null})
        }));
        shown++;
      }
    }
    map.on("moveend", drawLabels);
    group.on("add", drawLabels);
    drawLabels();
    if (labels.name.length) layer.overlays["Place names"] = group;
    return outlines;
  };
})();
