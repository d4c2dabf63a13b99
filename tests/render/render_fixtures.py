"""Test data for the render tests: an XSS payload corpus and an event factory."""

from __future__ import annotations

from datetime import date

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
