/* geomap: what a click on an event shows -- its popup (type, date, fatalities, place, actors,
 * the article's sentence and every report, linked only for http(s) URLs) and its tooltip.
 * Every string was HTML-escaped in Python (geomap/render/payload.py); this file concatenates
 * those strings into HTML and never inserts anything else from the data. */
(function () {
  "use strict";

  var GeomapEvents = window.GeomapEvents, isoDay = GeomapEvents.isoDay;
  var TIME_PRECISION = {1: "day", 2: "within a week", 3: "within a month"};
  var GEO_PRECISION = {1: "town / neighbourhood", 2: "near a town / part of a region",
                       3: "region only"};

  GeomapEvents.prototype.popupHtml = function (i) {
    var d = this.data, s = this._text.bind(this), rows = [];
    function row(label, value) {
      if (value) rows.push("<tr><th>" + label + "</th><td>" + value + "</td></tr>");
    }
    function muted(text) { return " <span class=\"geomap-muted\">(" + text + ")</span>"; }
    row("Date", (d.day[i] === null ? "unknown" : isoDay(d.day[i])) +
        (d.tprec[i] ? muted(TIME_PRECISION[d.tprec[i]]) : ""));
    var fatalities = d.fat[i] === null ? "unknown" : String(d.fat[i]);
    if (d.fatLow[i] !== null || d.fatHigh[i] !== null) {
      fatalities += muted((d.fatLow[i] === null ? "?" : d.fatLow[i]) + "\u2013" +
                          (d.fatHigh[i] === null ? "?" : d.fatHigh[i]));
    }
    row("Fatalities", fatalities);
    if (d.injured[i] !== null) row("Injured", String(d.injured[i]));
    row("Place", s(d.place[i]) +
        (d.gprec[i] ? muted("precision " + d.gprec[i] + ": " + GEO_PRECISION[d.gprec[i]]) : ""));
    row("Actors", [s(d.actor1[i]), s(d.actor2[i])].filter(Boolean).join(" \u2014 "));
    var html = "<div class=\"geomap-popup\"><div class=\"geomap-popup-type\">" +
      "<span class=\"geomap-swatch\" style=\"background:" + d.colours[d.type[i]] + "\"></span><b>" +
      d.types[d.type[i]] + "</b>" + (d.sub[i] >= 0 ? " \u00b7 " + s(d.sub[i]) : "") + "</div>" +
      "<table>" + rows.join("") + "</table>";
    if (d.notes[i]) {
      html += "<blockquote class=\"geomap-notes\">\u201c" + d.notes[i] + "\u201d</blockquote>";
    }
    var reports = [d.article[i]].concat(d.more[i] || []), sources = reports.map(function (r) {
      var article = d.articles[r];  // [title, source, link, unlinkable URL]
      // A headline that is also the quoted sentence is not repeated.
      var parts = [s(article[0]) === d.notes[i] ? "" : s(article[0])];
      if (article[2] >= 0) {  // the source's name (or the URL itself) is the link
        parts.push("<a href=\"" + s(article[2]) + "\" target=\"_blank\" " +
                   "rel=\"noopener noreferrer nofollow\">" + (s(article[1]) || s(article[2])) +
                   "</a>");
      } else {
        parts.push(s(article[1]));
        if (article[3] >= 0) parts.push("<span class=\"geomap-muted\">" + s(article[3]) + "</span>");
      }
      parts = parts.filter(Boolean);
      return parts.join(" \u00b7 ");
    }).filter(Boolean);
    var count = Math.max(d.nrep[i] || 1, reports.length);
    if (count > 1) html += "<div class=\"geomap-muted\">" + count + " reports</div>";
    if (sources.length === 1) html += "<div class=\"geomap-source\">" + sources[0] + "</div>";
    else if (sources.length) {
      html += "<ul class=\"geomap-source\"><li>" + sources.join("</li><li>") + "</li></ul>";
    }
    return html + "</div>";
  };

  /* Events at exactly the same spot cannot be told apart by clicking: one popup lists them. */
  GeomapEvents.prototype.eventsAt = function (i) {
    var d = this.data, same = [];
    for (var j = 0; j < this.count; j++) {
      if (this.visible[j] && d.lat[j] === d.lat[i] && d.lon[j] === d.lon[i]) same.push(j);
    }
    return same;
  };

  GeomapEvents.prototype.openPopup = function (i) {
    var same = this.eventsAt(i), shown = same.slice(0, 50), self = this;
    var html = shown.map(function (j) { return self.popupHtml(j); }).join("<hr>");
    if (same.length > 1) {
      html = "<div class=\"geomap-muted\">" + same.length + " events at this place" +
        (same.length > shown.length ? ", first " + shown.length + " shown" : "") + "</div>" + html;
    }
    this.map.closeTooltip(this.tooltip);
    this.popup.setLatLng(this.markers[i].getLatLng()).setContent(html).openOn(this.map);
  };

  GeomapEvents.prototype._onClick = function (e) {
    var layer = e.layer;
    if (layer.geomapIndex !== undefined) return this.openPopup(layer.geomapIndex);
    if (layer.geomapCluster) {
      var zoom = this.index.getClusterExpansionZoom(layer.geomapCluster.properties.cluster_id);
      this.map.setView(layer.getLatLng(), Math.min(zoom, this.map.getMaxZoom()));
    }
  };

  GeomapEvents.prototype._openTooltip = function (e) {
    var i = e.layer.geomapIndex;
    if (i === undefined) return;
    var d = this.data;
    this.tooltip.setLatLng(e.layer.getLatLng())
      .setContent("<b>" + d.types[d.type[i]] + "</b> \u2014 " + this._text(d.place[i]));
    this.map.openTooltip(this.tooltip);
  };

})();
