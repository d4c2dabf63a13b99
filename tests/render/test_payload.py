"""The data the page reads: escaped strings, script-safe JSON, only http(s) links."""

from __future__ import annotations

import json
from datetime import date

import pytest
from render_fixtures import XSS_PAYLOADS, XSS_URLS, event

from geomap.render.payload import build_payload, embed_json, escape_text, safe_href
from geomap.render.style import MAX_RADIUS, MIN_RADIUS, colour_for, radius_for


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_embedded_json_cannot_close_its_script_or_open_a_template(payload):
    text = embed_json({"notes": payload, "title": escape_text(payload)})
    for forbidden in ("<", ">", "\u2028", "\u2029", "{{", "{%", "{#"):
        assert forbidden not in text
    assert json.loads(text) == {"notes": payload, "title": escape_text(payload)}


def test_escaped_text_has_no_markup_or_template_characters():
    for payload in XSS_PAYLOADS:
        escaped = escape_text(payload)
        assert not set("<>\"'{}") & set(escaped)


@pytest.mark.parametrize("url", XSS_URLS[:5] + ["ftp://example.org/x", "//example.org/x",
                                                 "https://", "http://exa mple.org", ""])
def test_only_http_urls_become_links(url):
    assert safe_href(url) is None


def test_http_urls_are_linked_with_attribute_characters_escaped():
    assert safe_href("https://example.org/a?x=1&y=2") == "https://example.org/a?x=1&amp;y=2"
    assert safe_href(XSS_URLS[5]) is None  # whitespace inside a URL: refused outright
    assert safe_href('https://example.org/"><x>') == "https://example.org/&quot;&gt;&lt;x&gt;"
    assert '"' not in (safe_href('https://example.org/"x') or "")


def test_payload_is_columnar_with_per_article_and_sparse_values():
    events = [event(1, notes="a <b>", lat=36.123456789, lon=37.0, fatalities_low=3),
              event(9, "Protests", notes="b", lat=35.0, lon=36.0, day=None, fatalities=None,
                    source_url="javascript:x"),
              event(15, lat=None, lon=None)]
    payload = build_payload(events, {"art-1": "Title & co"})
    assert payload["types"] == ["Battles", "Protests"]
    assert payload["colours"] == [colour_for("Battles"), colour_for("Protests")]
    assert payload["lat"] == [36.12346, 35.0]
    assert payload["notes"] == ["a &lt;b&gt;", "b"]
    assert payload["article"] == [0, 1]
    title, source, link, unlinked = payload["articles"][0]
    assert payload["strings"][title] == "Title &amp; co" and source == -1 and unlinked == -1
    assert payload["strings"][link] == "https://example.org/1"
    title, _source, link, unlinked = payload["articles"][1]
    assert (title, link) == (-1, -1) and payload["strings"][unlinked] == "javascript:x"
    assert payload["day0"] == (date(2024, 3, 1) - date(1970, 1, 1)).days
    assert payload["day"] == [0, None]
    assert payload["fat"] == [1, None]
    assert payload["sparse"] == {"fatLow": {0: 3}, "fatHigh": {}, "injured": {}, "nrep": {},
                                 "more": {}}
    per_event = {name: column for name, column in payload.items()
                 if isinstance(column, list) and name not in {"types", "colours", "strings",
                                                               "articles", "labels"}}
    assert {len(column) for column in per_event.values()} == {2}


def test_symbol_area_is_proportional_to_fatalities_with_a_floor_and_cap():
    assert radius_for(None) == radius_for(0) == MIN_RADIUS
    assert radius_for(100) ** 2 == pytest.approx(4 * radius_for(25) ** 2)
    assert radius_for(10**6) == MAX_RADIUS


def test_each_event_type_has_its_own_colour():
    from geomap.render.style import TYPE_COLOURS

    assert len(set(TYPE_COLOURS.values())) == len(TYPE_COLOURS) == 6
