"""The map in a real browser (Debian chromium via Playwright): what a user sees and does."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from render_fixtures import XSS_PAYLOADS, XSS_URLS, event

from geomap.export import write_events
from geomap.render import render_map

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser"),
              pytest.mark.usefixtures("assets_cached")]

TYPE_INDEX = {"Battles": 0, "Explosions/Remote violence": 1, "Violence against civilians": 2,
              "Protests": 3}


@pytest.fixture(scope="module")
def offline_map(tmp_path_factory, sample_events, assets_cached):
    path = tmp_path_factory.mktemp("maps") / "offline.html"
    render_map(sample_events, path, offline=True, title="Test map")
    return path


def test_offline_map_makes_no_request_but_the_file_and_raises_no_error(open_page, offline_map):
    opened = open_page(offline_map, block_network=True)
    opened.page.wait_for_timeout(300)
    assert opened.errors == []
    assert opened.requests == [offline_map.resolve().as_uri()]


@pytest.mark.parametrize("compressed", [False, True], ids=["json", "gzip"])
def test_leaflet_holds_as_many_event_features_as_the_export(open_page, tmp_path, sample_events,
                                                            monkeypatch, compressed):
    import geomap.render.layers as layers

    if compressed:  # large maps embed gzip+base64 data; force it on this small one
        monkeypatch.setattr(layers, "COMPRESS_ABOVE_BYTES", 0)
    events = [*sample_events, event(999, lat=None, lon=None)]  # unmapped: no marker
    # GeoJSON keeps the unmapped event with a null geometry (RFC 7946 §3.2); the map cannot.
    mapped = write_events(events, tmp_path / "events.geojson") - 1
    render_map(events, tmp_path / "map.html", offline=True)
    html = (tmp_path / "map.html").read_text()
    # The events' block (the offline outlines are always compressed, whatever the size).
    assert bool(re.search(r'id="geomap_events_\w+_data" data-encoding="gzip-base64"',
                          html)) is compressed
    opened = open_page(tmp_path / "map.html", block_network=True)
    assert opened.marker_count() == mapped == len(sample_events)
    assert opened.evaluate("geomap.layer.visibleCount") == mapped
    assert sample_events[5].notes in opened.click_marker(5)
    assert opened.errors == []


def test_a_real_click_on_a_marker_opens_its_popup(open_page, offline_map, sample_events):
    opened = open_page(offline_map, block_network=True)
    text = opened.click_marker(17)
    chosen = sample_events[17]
    assert chosen.notes in text
    assert chosen.event_type in text
    assert chosen.event_date.isoformat() in text
    assert opened.errors == []


def test_unticking_a_type_removes_exactly_its_events(open_page, offline_map, sample_events):
    opened = open_page(offline_map, block_network=True)
    explosions = sum(e.event_type == "Explosions/Remote violence" for e in sample_events)
    before = opened.marker_count()
    index = TYPE_INDEX["Explosions/Remote violence"]
    box = opened.page.locator(f'.geomap-legend input[data-type="{index}"]')
    box.click()
    opened.page.wait_for_timeout(200)
    assert opened.marker_count() == before - explosions
    assert f"Showing {before - explosions} of {before} events" in opened.page.inner_text(
        ".geomap-legend")
    assert "hide=1" in opened.evaluate("location.hash")  # the permalink carries the filter
    box.click()
    opened.page.wait_for_timeout(200)
    assert opened.marker_count() == before


def test_permalink_restores_hidden_types_and_time_window(open_page, offline_map, sample_events):
    target = offline_map.resolve().as_uri()
    opened = open_page(offline_map, block_network=True)
    opened.page.goto(target + "#map=8/36/37&hide=0&from=2024-03-05&to=2024-03-09")
    opened.page.reload()
    opened.page.wait_for_function("window.geomap && window.geomap.layer.ready")
    expected = sum(e.event_type != "Battles" and date(2024, 3, 5) <= e.event_date
                   <= date(2024, 3, 9) for e in sample_events)
    assert opened.marker_count() == expected
    assert not opened.page.locator('.geomap-legend input[data-type="0"]').is_checked()
    assert opened.evaluate("geomap.map.getZoom()") == 8


def test_moving_the_time_slider_hides_events_outside_the_window(open_page, offline_map,
                                                                sample_events):
    opened = open_page(offline_map, block_network=True)
    first = min(e.event_date for e in sample_events)
    last = max(e.event_date for e in sample_events)
    # Keyboard on the range inputs: the same events a user's drag produces.
    opened.page.locator(".geomap-from").focus()
    for _ in range(10):
        opened.page.keyboard.press("ArrowRight")
    opened.page.locator(".geomap-to").focus()
    for _ in range(10):
        opened.page.keyboard.press("ArrowLeft")
    opened.page.wait_for_timeout(300)
    start, end = first + timedelta(days=10), last - timedelta(days=10)
    expected = sum(start <= e.event_date <= end for e in sample_events)
    assert 0 < expected < len(sample_events)
    assert opened.marker_count() == expected
    label = opened.page.inner_text(".geomap-window")
    assert start.isoformat() in label and end.isoformat() in label


def test_playback_steps_through_time_and_stops_at_the_end(open_page, tmp_path, sample_events,
                                                          monkeypatch):
    import functools

    import geomap.render

    monkeypatch.setattr(geomap.render, "TimeSlider",  # a faster pace than a reader's
                        functools.partial(geomap.render.TimeSlider, interval_ms=60))
    path = tmp_path / "map.html"
    render_map(sample_events, path, offline=True)
    opened = open_page(path, block_network=True)
    opened.page.click(".geomap-play")
    assert 0 < opened.marker_count() < len(sample_events)
    first_window = opened.page.inner_text(".geomap-window")
    opened.page.wait_for_function("document.querySelector('.geomap-play').textContent === '\u25b6'",
                                  timeout=20_000)
    assert opened.page.inner_text(".geomap-window") != first_window
    assert opened.page.inner_text(".geomap-window").endswith(
        max(e.event_date for e in sample_events).isoformat())
    assert opened.errors == []


def test_heat_layer_toggles_from_the_layer_list(open_page, offline_map):
    opened = open_page(offline_map, block_network=True)
    opened.page.hover(".leaflet-control-layers")
    opened.page.get_by_text("Heat map").click()
    opened.page.locator("canvas.leaflet-heatmap-layer").wait_for(timeout=5_000)
    opened.page.get_by_text("Heat map").click()
    assert opened.page.locator("canvas.leaflet-heatmap-layer").count() == 0
    assert opened.errors == []


def test_online_map_fetches_only_tiles(open_page, tmp_path, sample_events):
    path = tmp_path / "online.html"
    render_map(sample_events, path, tiles="osm")
    opened = open_page(path, block_network=True)
    opened.page.wait_for_timeout(300)
    assert [e for e in opened.errors if "Failed to load resource" not in e] == []
    others = [url for url in opened.requests[1:] if "tile.openstreetmap.org" not in url]
    assert others == []
    assert any("tile.openstreetmap.org" in url for url in opened.requests)
    assert "OpenStreetMap" in opened.page.inner_text(".leaflet-control-attribution")
    assert "GeoNames" in opened.page.inner_text(".leaflet-control-attribution")


def test_xss_corpus_executes_nothing_and_shows_as_text(open_page, tmp_path):
    events, titles = [], {}
    for index, payload in enumerate(XSS_PAYLOADS):
        url = XSS_URLS[index % len(XSS_URLS)]
        events.append(event(index, lat=30 + index, lon=30 + index, notes=payload,
                            location=payload, actor1=payload, source=payload,
                            sub_event_type=payload, source_url=url, event_id=payload,
                            article_id=f"a{index}"))
        titles[f"a{index}"] = payload
    events.append(event(500, event_type=XSS_PAYLOADS[2], lat=10, lon=10))
    path = tmp_path / "xss.html"
    render_map(events, path, offline=True, title=XSS_PAYLOADS[1], titles=titles)
    opened = open_page(path, block_network=True)
    popups = opened.evaluate("""() => geomap.layer.markers.map(marker => {
        geomap.layer._openTooltip({layer: marker});
        geomap.layer.openPopup(marker.geomapIndex);
        const popup = document.querySelector('.leaflet-popup-content');
        return [popup.textContent, Array.from(popup.querySelectorAll('a'), a => a.protocol)];
    })""")
    texts = [text for text, _ in popups]
    assert {protocol for _, protocols in popups for protocol in protocols} == {"https:"}
    opened.click_marker(0)
    opened.page.wait_for_timeout(500)
    assert opened.evaluate("typeof window.__pwned") == "undefined"
    for payload, text in zip(XSS_PAYLOADS, texts, strict=False):
        assert payload in text  # shown, as text
    protocols = opened.evaluate(
        "Array.from(document.querySelectorAll('a[href]'), a => a.protocol)")
    assert "https:" in protocols  # the well-formed https URLs are still linked
    assert set(protocols) <= {"http:", "https:", "file:"}  # "file:" = Leaflet's "#" buttons
    assert opened.evaluate("""Array.from(document.querySelectorAll('[href],[src]'))
        .filter(e => /javascript|data:text|vbscript/i.test(e.getAttribute('href') || '')
                     || e.hasAttribute('src')).length""") == 0
    # geomap's own inputs (search, filters, date boxes) are known by class; any other is injected.
    injected = opened.evaluate("""document.querySelectorAll(
        '.leaflet-popup-content img, .leaflet-popup-content svg, iframe, object, details, '
        + 'input:not([type=checkbox]):not([type=range]):not(.geomap-search-input)'
        + ':not(.geomap-filter-actor):not(.geomap-filter-fatalities):not(.geomap-from-date)'
        + ':not(.geomap-to-date), .geomap-legend img').length""")
    assert injected == 0
    assert XSS_PAYLOADS[1] in opened.page.inner_text(".geomap-legend-title")
    assert opened.errors == []


def test_events_at_the_same_spot_share_one_popup(open_page, tmp_path):
    same = [event(index, lat=36.2, lon=37.15, notes=f"Same place, sentence {index}.")
            for index in range(3)]
    path = render_map([*same, event(9, lat=35.0, lon=36.0)], tmp_path / "map.html",
                      offline=True)
    opened = open_page(path, block_network=True)
    text = opened.click_marker(1)
    assert "3 events at this place" in text
    assert all(f"Same place, sentence {index}." in text for index in range(3))


def test_hovering_a_marker_shows_type_and_place(open_page, offline_map, sample_events):
    opened = open_page(offline_map, block_network=True)
    opened.click_marker(3)
    opened.page.keyboard.press("Escape")
    opened.page.wait_for_timeout(400)  # the popup's auto-pan must finish before we aim
    x, y = opened.evaluate("""() => {
        const p = geomap.map.latLngToContainerPoint(geomap.layer.markers[3].getLatLng());
        const box = geomap.map.getContainer().getBoundingClientRect();
        return [box.left + p.x, box.top + p.y];
    }""")
    # Leaflet's canvas throttles mouse moves (32 ms): pause off the marker, or the move back
    # is merged with the move away and no mouseover fires.
    opened.page.mouse.move(x + 40, y + 40)
    opened.page.wait_for_timeout(150)
    opened.page.mouse.move(x, y)
    tooltip = opened.page.locator(".leaflet-tooltip")
    tooltip.wait_for(timeout=5_000)
    assert tooltip.inner_text() == f"{sample_events[3].event_type} \u2014 Place 3, Syria"


def test_fit_button_brings_every_event_back_into_view(open_page, offline_map, sample_events):
    opened = open_page(offline_map, block_network=True)
    opened.click_marker(0)  # zoomed in on one event: most are off screen
    assert opened.marker_count() < len(sample_events)
    opened.page.click(".geomap-fit")
    assert opened.marker_count() == len(sample_events)


def test_fullscreen_button_toggles_the_map(open_page, offline_map):
    opened = open_page(offline_map, block_network=True)
    opened.evaluate("void geomap.map.on('enterFullscreen', () => { window.__entered = true; })")
    opened.page.click(".leaflet-control-zoom-fullscreen")
    opened.page.wait_for_function("window.__entered === true", timeout=5_000)
    assert opened.errors == []
