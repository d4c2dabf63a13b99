"""Events -> the one data array the page reads, with every article-derived string escaped.

The page never receives raw article text: each string is passed through ``html.escape`` here,
before it reaches folium or JavaScript, and the JSON is embedded so that no string can close the
``<script>`` element it lives in (``<``, ``>``, ``&``, U+2028 and U+2029 are ``\\u`` escapes) nor
open a Jinja block in branca's second template pass (``{{``, ``{%``, ``{#``).
Links are kept only for http(s) URLs; anything else (``javascript:``, ``data:`` ...) is text.

The layout is columnar (one array per field, strings interned in one table) because at 100,000
events a list of per-event objects repeats every key 100,000 times and doubles the page size.
"""

from __future__ import annotations

import base64
import gzip
import html
import json
import math
import re
from collections.abc import Iterable
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from geomap.model import Event
from geomap.render.notes import clean_notes
from geomap.render.style import colour_for, type_order

_EPOCH = date(1970, 1, 1)
_JSON_SCRIPT_ESCAPES = {
    "<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029",
    # branca re-parses every rendered macro as a Jinja template (Element(html) in
    # MacroElement.render): "{{ ... }}" in article text would be *executed in Python*. These
    # pairs cannot occur in JSON's own syntax, only inside strings, where \u escapes are equal.
    "{{": "{\\u007b", "{%": "{\\u0025", "{#": "{\\u0023",
}
_BRACES = str.maketrans({"{": "&#123;", "}": "&#125;"})
_SPACE_OR_CONTROL = re.compile(r"[\x00-\x20\x7f\s]")
COORDINATE_DECIMALS = 5  # ~1 m: plenty for a screen, 30 % smaller than 7 decimals at 100k events


def escape_text(value: Any) -> str | None:
    """Article-derived text, safe to place in HTML element content or a quoted attribute."""
    if value is None:
        return None
    # Braces as entities too: the text passes through branca's second Jinja pass (see above).
    return html.escape(str(value), quote=True).translate(_BRACES)


def safe_href(url: str | None) -> str | None:
    """An escaped http(s) URL for an ``href``, or None for any other scheme or a malformed URL."""
    if not url:
        return None
    url = url.strip()
    if _SPACE_OR_CONTROL.search(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in {"http", "https"} or not parts.netloc:
        return None
    return html.escape(url, quote=True).translate(_BRACES)


def encode_payload(value: Any, *, compress_above: int) -> tuple[str, str]:
    """(encoding, text) of the page's data: script-safe JSON, or gzip+base64 when the JSON is
    larger than ``compress_above`` bytes (news sentences compress ~3x; base64 is script-safe)."""
    text = embed_json(value)
    if len(text) <= compress_above:
        return "json", text
    # Level 3: at 100k events 0.9 s for 7.8 MB; level 6 takes 4x longer for 13 % less.
    packed = gzip.compress(text.encode("utf-8"), compresslevel=3, mtime=0)
    return "gzip-base64", base64.b64encode(packed).decode("ascii")


def embed_json(value: Any) -> str:
    """JSON that is safe inside any ``<script>`` element (and still parses to the same value)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for character, escaped in _JSON_SCRIPT_ESCAPES.items():
        text = text.replace(character, escaped)
    return text


class _StringTable:
    """Interns escaped strings: titles, sources and places repeat across many events."""

    def __init__(self) -> None:
        self.strings: list[str] = []
        self._index: dict[str, int] = {}  # escaped text -> index
        self._raw: dict[Any, int] = {}  # raw value -> index: escape each distinct value once

    def add(self, value: Any) -> int:
        if value is None or value == "":
            return -1
        index = self._raw.get(value)
        if index is None:
            text = escape_text(value)
            index = self._index.get(text)
            if index is None:
                index = self._index[text] = len(self.strings)
                self.strings.append(text)
            self._raw[value] = index
        return index

    def add_href(self, href: str | None) -> int:
        """Intern an href already made safe by :func:`safe_href` (-1 for None)."""
        if href is None:
            return -1
        index = self._index.get(href)
        if index is None:
            index = self._index[href] = len(self.strings)
            self.strings.append(href)
        return index


def _number(value: Any) -> int | None:
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return None
    return int(value)


def is_mapped(event: Event) -> bool:
    return (event.lat is not None and event.lon is not None
            and math.isfinite(event.lat) and math.isfinite(event.lon))


def _reports(event: Event) -> list[tuple[str | None, str | None, str | None]]:
    """Every report of the event as (article_id, source, url), the first report first.

    ``article_ids``, ``sources`` and ``source_urls`` are parallel when dedup filled them; a URL
    or source listed without its article (or the reverse) still becomes a report of its own.
    """
    ids = event.article_ids or (event.article_id,)
    if len(ids) <= 1 and len(event.sources) <= 1 and len(event.source_urls) <= 1:
        return [(event.article_id, event.source, event.source_url)]  # one report: most events
    count = max(len(ids), len(event.sources), len(event.source_urls), 1)

    def at(values: tuple, index: int) -> str | None:
        return values[index] if index < len(values) else None

    reports = [(at(ids, k), at(event.sources, k), at(event.source_urls, k)) for k in range(count)]
    first = (event.article_id, event.source or reports[0][1], event.source_url or reports[0][2])
    return list(dict.fromkeys([first, *reports[1:]]))


def build_payload(events: Iterable[Event], titles: dict[str, str] | None = None,
                  labels: dict[str, list] | None = None) -> dict[str, Any]:
    """The page's data: columnar arrays over the mapped events (unmapped ones cannot be drawn).

    Per-article values (title, source, link) live once in ``articles``; mostly-null counts are
    sparse ``{index: value}`` objects; days are offsets from ``day0``. At 100k events this keeps
    the page under 25 MB (one object per event would be 2-3 times that). Reports beyond the
    first are in sparse ``more`` (lists of report rows) and ``nrep`` (the count when several).
    ``labels`` (geomap.render.places) are the background's place names, embedded as given.
    """
    mapped = [event for event in events if is_mapped(event)]
    titles = titles or {}
    types = type_order({event.event_type for event in mapped})
    type_index = {name: index for index, name in enumerate(types)}
    table = _StringTable()
    articles: dict[tuple, int] = {}
    days = [event.event_date for event in mapped if event.event_date]
    day0 = (min(days) - _EPOCH).days if days else 0
    columns: dict[str, list[Any]] = {name: [] for name in (
        "lat", "lon", "type", "sub", "day", "tprec", "fat", "place", "gprec", "actor1",
        "actor2", "notes", "article", "country")}
    sparse: dict[str, dict[int, Any]] = {"fatLow": {}, "fatHigh": {}, "injured": {}, "nrep": {},
                                         "more": {}}
    for row, event in enumerate(mapped):
        columns["lat"].append(round(event.lat, COORDINATE_DECIMALS))
        columns["lon"].append(round(event.lon, COORDINATE_DECIMALS))
        columns["type"].append(type_index[event.event_type])
        columns["sub"].append(table.add(event.sub_event_type))
        columns["day"].append((event.event_date - _EPOCH).days - day0
                              if event.event_date else None)
        columns["tprec"].append(_number(event.time_precision))
        columns["fat"].append(_number(event.fatalities))
        for name, value in (("fatLow", event.fatalities_low), ("fatHigh", event.fatalities_high),
                            ("injured", event.injured)):
            if _number(value) is not None:
                sparse[name][row] = _number(value)
        place = ", ".join(dict.fromkeys(  # "Aleppo, Aleppo, Syria" -> "Aleppo, Syria"
            part for part in (event.location, event.admin1, event.country) if part))
        columns["place"].append(table.add(place))
        columns["gprec"].append(_number(event.geo_precision))
        columns["actor1"].append(table.add(event.actor1))
        columns["actor2"].append(table.add(event.actor2))
        columns["country"].append(table.add(event.country))
        columns["notes"].append(escape_text(clean_notes(event.notes)))  # unique: not interned
        rows = [articles.setdefault(key, len(articles)) for key in _reports(event)]
        columns["article"].append(rows[0])
        if len(rows) > 1:
            sparse["more"][row] = rows[1:]
        if (event.n_reports or 1) > 1:
            sparse["nrep"][row] = int(event.n_reports)
    article_rows = [[
        table.add(titles.get(article_id)), table.add(source), table.add_href(href),
        # A URL that may not be linked is still shown, as text.
        -1 if href else table.add(url),
    ] for (article_id, source, url), href in zip(
        articles, map(safe_href, (url for _, _, url in articles)), strict=True)]
    return {
        "types": [escape_text(name) for name in types],
        "colours": [colour_for(name) for name in types],
        "strings": table.strings,
        "articles": article_rows,
        "day0": day0,
        "sparse": sparse,
        "labels": labels or {"name": [], "lat": [], "lon": [], "zoom": []},
        **columns,
    }
