"""The XSS payload corpus against the new parts of the page: search results, table cells,
filter options, place labels, several reports per event, and the CSV/GeoJSON downloads (where a
payload must come back as the same plain text and a formula must not run in a spreadsheet)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from render_fixtures import CSV_FORMULAS, XSS_PAYLOADS, XSS_URLS, event
from test_place_labels import FileGazetteer

from geomap.render import render_map

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser"),
              pytest.mark.usefixtures("assets_cached")]

TEXTS = XSS_PAYLOADS + CSV_FORMULAS


@pytest.fixture(scope="module")
def hostile_map(tmp_path_factory, assets_cached) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    gazetteer = FileGazetteer(folder / "gazetteer.sqlite", [
        (text, 30.0 + index * 0.05, 30.0, 10_000 + index, "P")
        for index, text in enumerate(TEXTS)])
    events = []
    for index, text in enumerate(TEXTS):
        events.append(event(
            index, lat=30 + index * 0.05, lon=30 + index * 0.05, notes=text, location=text,
            country=text, actor1=text, actor2=text, sub_event_type=text, source=text,
            source_url=XSS_URLS[index % len(XSS_URLS)], article_id=f"a{index}",
            article_ids=(f"a{index}", f"b{index}"), sources=(text, text + " 2"),
            source_urls=(XSS_URLS[index % len(XSS_URLS)], "https://example.org/ok"),
            n_reports=3))
    path = folder / "hostile.html"
    render_map(events, path, offline=True, titles={f"b{i}": t for i, t in enumerate(TEXTS)},
               gazetteer=gazetteer)
    return path


@pytest.fixture
def page(browser, hostile_map):
    context = browser.new_context(viewport={"width": 1280, "height": 800},
                                  accept_downloads=True)
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    context.route("http*://**/*", lambda route: route.abort())
    page.goto(hostile_map.resolve().as_uri())
    page.wait_for_function("window.geomap && window.geomap.layer.ready", timeout=60_000)
    yield page
    context.close()


def assert_nothing_ran(page) -> None:
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    # The legend's size key is geomap's own SVG; any other element of these kinds is injected.
    injected = page.evaluate("""document.querySelectorAll(
        '.geomap-panel img, .geomap-panel svg:not(.geomap-size svg), .geomap-panel script, '
        + '.geomap-panel iframe, .geomap-panel object, .geomap-panel details, '
        + '.geomap-label img, .geomap-label svg, .leaflet-popup-content img, '
        + '.leaflet-popup-content svg').length""")
    assert injected == 0
    protocols = page.evaluate("Array.from(document.querySelectorAll('a[href]'), a => a.protocol)")
    assert set(protocols) <= {"http:", "https:", "file:", "blob:"}


def test_search_results_show_payloads_as_text(page):
    for query in ("img", "script", "svg", "onerror", "{{", "javascript"):
        page.fill(".geomap-search-input", query)
        options = page.locator(".geomap-search-results [role=option]")
        assert options.count() > 0, query
        for text in options.all_inner_texts():
            assert query.lower() in text.lower()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    assert_nothing_ran(page)


def test_table_cells_and_filter_options_show_payloads_as_text(page):
    page.click(".geomap-section-table .geomap-section-heading")
    page.click(".geomap-section-filters .geomap-section-heading")
    table = page.inner_text(".geomap-table")
    options = page.inner_text(".geomap-filter-country")
    for text in TEXTS:
        assert text.strip() in table or text.strip() in table.replace("\n", " ")
        assert text.strip().split("\n")[0][:20] in options
    page.locator(".geomap-table tbody tr").first.focus()
    page.keyboard.press("Enter")
    page.locator(".leaflet-popup-content").wait_for(timeout=5_000)
    popup = page.inner_text(".leaflet-popup-content")
    assert "3 reports" in popup
    links = page.evaluate("""Array.from(document.querySelectorAll(
        '.leaflet-popup-content a'), a => a.getAttribute('href'))""")
    assert "https://example.org/ok" in links
    assert all(link.startswith(("https://", "http://")) for link in links)
    page.select_option(".geomap-filter-country", index=3)
    page.fill(".geomap-filter-actor", XSS_PAYLOADS[0][:12])
    page.wait_for_timeout(400)
    assert_nothing_ran(page)


def test_place_labels_show_payloads_as_text(page):
    page.evaluate("void geomap.map.setView([30.6, 30.2], 12, {animate: false})")
    page.wait_for_timeout(300)
    labels = page.locator(".geomap-label").all_inner_texts()
    assert any("<" in label for label in labels)  # a payload, drawn as its characters
    assert_nothing_ran(page)


def test_downloads_give_back_the_plain_text_and_neutralise_formulas(page):
    page.click(".geomap-section-table .geomap-section-heading")
    with page.expect_download() as download:
        page.click(".geomap-export-csv")
    rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text())))
    notes = {row["notes"] for row in rows}
    for text in XSS_PAYLOADS:
        assert " ".join(text.split()) in notes or text.strip() in notes
    for formula in CSV_FORMULAS:
        assert "'" + formula in notes and formula not in notes
    assert all(not row["notes"].startswith(("=", "+", "-", "@")) for row in rows)
    with page.expect_download() as download:
        page.click(".geomap-export-geojson")
    features = json.loads(Path(download.value.path()).read_text())["features"]
    assert {feature["properties"]["actor1"] for feature in features} >= set(XSS_PAYLOADS[:10])
    assert_nothing_ran(page)
    assert page.errors == []
