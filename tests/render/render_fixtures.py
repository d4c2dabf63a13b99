"""Test data for the render tests: an XSS payload corpus and an event factory."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from geomap.model import Event

#: Classic payloads (OWASP XSS filter evasion cheat sheet style). Each would set
#: window.__pwned if it ever ran.
XSS_PAYLOADS = [
    "<script>window.__pwned=1</script>",
    "</script><script>window.__pwned=2</script>",
    "<img src=x onerror=\"window.__pwned=3\">",
    "<svg onload=window.__pwned=4>",
    "<svg><script>window.__pwned=5</script></svg>",
    "\"><img src=x onerror=window.__pwned=6>",
    "'><img src=x onerror=window.__pwned=7>",
    "' onmouseover='window.__pwned=8' x='",
    "\" onmouseover=\"window.__pwned=9\" x=\"",
    "</textarea><img src=x onerror=window.__pwned=10>",
    "</title><img src=x onerror=window.__pwned=11>",
    "</style><img src=x onerror=window.__pwned=12>",
    "<iframe src=\"javascript:window.__pwned=13\"></iframe>",
    "<body onload=window.__pwned=14>",
    "<details open ontoggle=window.__pwned=15>",
    "<a href=\"javascript:window.__pwned=16\">click</a>",
    "<math><mtext></p><img src=x onerror=window.__pwned=17></mtext></math>",
    "\u2028window.__pwned=18\u2029",
    "<!--<img src=x onerror=window.__pwned=19>-->",
    "{{constructor.constructor('window.__pwned=20')()}}",
    "${window.__pwned=21}",
    "<input autofocus onfocus=window.__pwned=22>",
    "<object data=\"javascript:window.__pwned=23\"></object>",
    "&lt;img src=x onerror=window.__pwned=24&gt;",
    # Server-side: branca re-parses rendered HTML as Jinja; these must stay text, not run.
    "{{ 7*7 }} {% for x in range(3) %}loop{% endfor %} {# open comment",
    "{{ cycler.__init__.__globals__.os.getcwd() }}",
]
XSS_URLS = [
    "javascript:window.__pwned=101",
    "JaVaScRiPt:window.__pwned=102",
    " javascript:window.__pwned=103",
    "data:text/html,<script>window.__pwned=104</script>",
    "vbscript:msgbox(1)",
    "https://example.org/\"><img src=x onerror=window.__pwned=105>",
    "https://example.org/' onmouseover='window.__pwned=106",
]


def event(index: int, event_type: str = "Battles", *, day: date | None = date(2024, 3, 1),
          lat: float = 36.2, lon: float = 37.15, fatalities: int | None = 1, **fields) -> Event:
    values = dict(event_date=day, time_precision=1 if day else None, fatalities=fatalities,
                  location=f"Place {index}", country="Syria", lat=lat, lon=lon, geo_precision=1,
                  notes=f"Sentence number {index} of the test article.",
                  source_url=f"https://example.org/{index}")
    values = {"event_id": f"ev-{index}", "article_id": f"art-{index % 7}",
              "event_type": event_type, "sub_event_type": "Armed clash", **values, **fields}
    return Event(**values)

#: Spreadsheet formulas: a CSV download must not let a cell run as one.
CSV_FORMULAS = ["=HYPERLINK(\"https://example.org\",\"x\")", "+1+1", "-2+3", "@SUM(A1:A2)"]


class OpenedPage:
    """A page with every request and page error recorded."""

    def __init__(self, browser, path: Path, *, block_network: bool = False,
                 size: tuple[int, int] = (1200, 800), console_errors: bool = True,
                 accept_downloads: bool = False):
        self.context = browser.new_context(viewport={"width": size[0], "height": size[1]},
                                           accept_downloads=accept_downloads)
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        if console_errors:
            self.page.on("console", lambda message: self.errors.append(message.text)
                         if message.type == "error" else None)
        self.context.on("request", lambda request: self.requests.append(request.url))
        if block_network:
            self.context.route("http*://**/*", lambda route: route.abort())
        self.page.goto(path.resolve().as_uri())
        self.page.wait_for_function("window.geomap && window.geomap.layer.ready",
                                    timeout=60_000)

    def evaluate(self, script: str, argument=None):
        return self.page.evaluate(script, argument)

    def marker_count(self) -> int:
        """Events Leaflet draws now: its L.CircleMarker layers plus the counts of the cluster
        bubbles (L.Marker layers) that stand for the others."""
        return self.evaluate("""() => {
            let count = 0;
            geomap.layer.group.eachLayer(layer => {
                if (layer instanceof L.CircleMarker) count += 1;
                else if (layer instanceof L.Marker)
                    count += layer.geomapCluster.properties.point_count;
            });
            return count;
        }""")

    def click_marker(self, index: int) -> str:
        """Zoom until event ``index`` is drawn on its own, click its pixel, return the popup."""
        popup = self.open_popup(index).locator(".leaflet-popup-content")
        return popup.inner_text()

    def open_popup(self, index: int):
        """Zoom until event ``index`` is drawn on its own, click its pixel; the popup's locator."""
        shown = self.evaluate("""index => new Promise(resolve =>
            geomap.layer.showEvent(index, marker => setTimeout(() => resolve(!!marker), 100)))""",
                              index)
        assert shown, f"event {index} is not drawn"
        x, y = self.evaluate("""index => {
            const latlng = geomap.layer.markers[index].getLatLng();
            const point = geomap.map.latLngToContainerPoint(latlng);
            const box = geomap.map.getContainer().getBoundingClientRect();
            return [box.left + point.x, box.top + point.y];
        }""", index)
        self.page.mouse.click(x, y)
        popup = self.page.locator(".leaflet-popup")
        popup.wait_for(timeout=5_000)
        return popup

    def close(self) -> None:
        self.context.close()
