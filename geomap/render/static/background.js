/* geomap: the offline background. Natural Earth country polygons (TopoJSON, inflated and
 * converted here) on their own canvas pane below the events, and the place names of
 * layer.data.labels (escaped in Python), each shown from the zoom Python gave it. */
(function () {
  "use strict";

  var MAX_LABELS_IN_VIEW = 250;

  window.GeomapBackground = function (layer, dataId, options) {
    var map = layer.map;
    // Below the overlay pane (400), where the event canvas lives, above tiles (200).
    map.createPane("geomapOutlines").style.zIndex = 350;
    var labelPane = map.createPane("geomapLabels");
    labelPane.style.zIndex = 390;
    labelPane.style.pointerEvents = "none";
    map.getContainer().classList.add("geomap-no-tiles");  // sea-coloured background
    var topology = GeomapEvents.readData(dataId);
    var countries = topojson.feature(topology, topology.objects.countries);
    var outlines = L.geoJSON(countries, {
      interactive: false, pane: "geomapOutlines", style: options.style,
      renderer: L.canvas({pane: "geomapOutlines", padding: 0.3})
    }).addTo(map);
    if (options.attribution) map.attributionControl.addAttribution(options.attribution);
    layer.overlays["Country outlines"] = outlines;

    var labels = layer.data.labels, group = L.layerGroup().addTo(map);
    function drawLabels() {
      group.clearLayers();
      if (!map.hasLayer(outlines)) return;
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
    outlines.on("add remove", drawLabels);
    drawLabels();
    layer.overlays["Place names"] = group;
    return outlines;
  };
})();
