/* geomap: filters beside type and time -- country (a list of the countries in the data),
 * actor (words that either actor contains) and a minimum of fatalities. Option labels are set
 * as text from the decoded strings, never as markup. */
(function () {
  "use strict";

  function countries(layer) {
    var counts = {}, d = layer.data;
    for (var i = 0; i < layer.count; i++) {
      if (d.country[i] >= 0) counts[d.country[i]] = (counts[d.country[i]] || 0) + 1;
    }
    return Object.keys(counts).map(Number).map(function (index) {
      return {index: index, name: layer.plain(index), count: counts[index]};
    }).sort(function (a, b) { return a.name.localeCompare(b.name); });
  }

  function field(parent, label, element) {
    var wrap = L.DomUtil.create("label", "geomap-field", parent);
    wrap.appendChild(document.createTextNode(label + " "));
    wrap.appendChild(element);
    return element;
  }

  window.GeomapFilters = function (layer) {
    var section = layer.panel.section("filters", "Country, actor, fatalities", false);
    var div = L.DomUtil.create("div", "geomap-filters", section);
    var country = field(div, "Country", document.createElement("select"));
    country.className = "geomap-filter-country";
    var all = document.createElement("option");
    all.value = "-1";
    all.textContent = "All countries";
    country.appendChild(all);
    countries(layer).forEach(function (entry) {
      var option = document.createElement("option");
      option.value = String(entry.index);
      option.textContent = entry.name + " (" + entry.count + ")";
      country.appendChild(option);
    });
    var actor = field(div, "Actor", document.createElement("input"));
    actor.type = "search";
    actor.className = "geomap-filter-actor";
    actor.placeholder = "e.g. military";
    var fatalities = field(div, "Fatalities \u2265", document.createElement("input"));
    fatalities.type = "number";
    fatalities.min = "0";
    fatalities.value = "0";
    fatalities.className = "geomap-filter-fatalities";

    // A permalink may have set filters already: the controls show them.
    country.value = String(layer.filters.country);
    if (country.value === "") country.value = "-1";
    actor.value = layer.filters.actor;
    fatalities.value = String(layer.filters.minFatalities);
    var pending = null;
    function apply() {
      pending = null;
      layer.setFilters({country: Number(country.value), actor: actor.value.trim(),
                        minFatalities: Math.max(0, Number(fatalities.value) || 0)});
    }
    function soon() {  // typing: one update after a short pause, not one per key
      clearTimeout(pending);
      pending = setTimeout(apply, 200);
    }
    country.addEventListener("change", apply);
    actor.addEventListener("input", soon);
    fatalities.addEventListener("input", soon);
    return section;
  };
})();
