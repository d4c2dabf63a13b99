/* geomap: the control panel. One folding box in the top-right corner holds the search box and
 * the sections (types, filters, time, event table), so nothing else competes for the corners:
 * on a phone it starts folded to one button; on a desktop it starts open. Each section folds on
 * its own heading (a real <button>, reachable by keyboard). */
(function () {
  "use strict";

  var NARROW_PX = 700;

  window.GeomapPanel = function (layer) {
    var map = layer.map, control = L.control({position: "topright"}), panel = {};
    var div = L.DomUtil.create("div", "geomap-panel leaflet-control");
    var toggle = L.DomUtil.create("button", "geomap-panel-toggle", div);
    var body = L.DomUtil.create("div", "geomap-panel-body", div);
    toggle.type = "button";
    body.id = "geomap-panel-body";
    toggle.setAttribute("aria-controls", body.id);
    L.DomEvent.disableClickPropagation(div);
    L.DomEvent.disableScrollPropagation(div);

    panel.isNarrow = function () { return map.getSize().x < NARROW_PX; };
    panel.setOpen = function (open) {
      body.hidden = !open;
      toggle.setAttribute("aria-expanded", String(open));
      toggle.textContent = open ? "\u2715 Close" : "\u2630 Search & filters";
      div.classList.toggle("geomap-panel-open", open);
    };
    panel.isOpen = function () { return !body.hidden; };
    panel.width = function () { return div.offsetWidth; };
    /* On a phone the open panel covers the map: fold it once the user has chosen a place. */
    panel.foldIfNarrow = function () { if (panel.isNarrow()) panel.setOpen(false); };
    toggle.addEventListener("click", function () { panel.setOpen(body.hidden); });

    function fit() {  // the panel never runs past the bottom of the map
      body.style.maxHeight = Math.max(120, map.getSize().y - 80) + "px";
    }
    map.on("resize", fit);

    /* A section with a heading that folds it; returns the element to fill. */
    panel.section = function (name, title, open) {
      var section = L.DomUtil.create("section", "geomap-section geomap-section-" + name, body);
      var heading = L.DomUtil.create("button", "geomap-section-heading", section);
      var content = L.DomUtil.create("div", "geomap-section-body", section);
      heading.type = "button";
      heading.textContent = title;
      content.id = "geomap-section-" + name;
      heading.setAttribute("aria-controls", content.id);
      function set(state) {
        content.hidden = !state;
        heading.setAttribute("aria-expanded", String(state));
      }
      heading.addEventListener("click", function () {
        set(content.hidden);
        if (!content.hidden) section.dispatchEvent(new CustomEvent("geomap:open"));
      });
      set(open);
      content.section = section;
      return content;
    };
    panel.body = body;
    control.onAdd = function () { return div; };
    control.addTo(map);
    fit();
    panel.setOpen(!panel.isNarrow());
    layer.panel = panel;
    if (panel.isOpen() && !layer.restoredView) layer.fitBounds();  // now beside the panel
    return panel;
  };
})();
