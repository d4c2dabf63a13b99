"""The map in the field (issue 13), in Debian chromium: a phone and a desktop, offline, on the
project's Aleppo example -- layout, first view, place search, event table, popups, downloads."""

from __future__ import annotations

import json
import unicodedata
from itertools import combinations
from pathlib import Path

import pytest
from render_fixtures import OpenedPage

from geomap.cli import main

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser"),
              pytest.mark.usefixtures("assets_cached")]

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "articles" / \
    "2016-10-07-aleppo-airstrikes.txt"
PHONE, DESKTOP = (390, 844), (1280, 800)
#: What must be on screen and apart: the corners' controls (the panel folded on a phone).
CONTROLS = [".leaflet-control-zoom", ".leaflet-control-zoom-fullscreen", ".geomap-fit",
            ".leaflet-control-layers", ".geomap-panel", ".leaflet-control-scale",
            ".leaflet-control-attribution"]


@pytest.fixture(scope="module")
def example_map(tmp_path_factory, assets_cached) -> Path:
    pytest.importorskip("geomap.events.dedup")
    path = tmp_path_factory.mktemp("field") / "aleppo.html"
    assert main(["map", str(EXAMPLE), "--published", "2016-10-07", "--offline",
                 "-o", str(path)]) == 0
    return path


class Viewed(OpenedPage):
    """One page at one screen size, the network blocked, every request and error recorded."""

    def __init__(self, browser, path: Path, size: tuple[int, int]):
        super().__init__(browser, path, block_network=True, size=size, console_errors=False,
                         accept_downloads=True)
        self.page.wait_for_timeout(200)

    def boxes(self, selectors: list[str]) -> dict[str, dict]:
        return {selector: self.page.locator(selector).first.bounding_box()
                for selector in selectors}

    def shot(self, name: str) -> None:
        Path("/tmp/map").mkdir(exist_ok=True)
        self.page.screenshot(path=f"/tmp/map/{name}.png")


@pytest.fixture
def view(browser):
    opened: list[Viewed] = []

    def opener(path: Path, size: tuple[int, int]) -> Viewed:
        opened.append(Viewed(browser, path, size))
        return opened[-1]

    yield opener
    for viewed in opened:
        viewed.context.close()


def overlaps(a: dict, b: dict) -> bool:
    return (a["x"] < b["x"] + b["width"] and b["x"] < a["x"] + a["width"]
            and a["y"] < b["y"] + b["height"] and b["y"] < a["y"] + a["height"])


def on_screen(box: dict, size: tuple[int, int]) -> bool:
    return (box["x"] >= 0 and box["y"] >= 0 and box["x"] + box["width"] <= size[0]
            and box["y"] + box["height"] <= size[1])


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_controls_are_on_screen_apart_and_the_first_view_shows_every_event(view, example_map,
                                                                           size):
    viewed = view(example_map, size)
    # The background is built just after the page's load event: the world's countries.
    viewed.page.wait_for_function(
        "geomap.layer.overlays['Country outlines']._shapes.length > 200", timeout=10_000)
    assert viewed.page.evaluate("geomap.layer.data.labels.name.length") > 100
    viewed.shot(f"first-view-{size[0]}")
    folded = size == PHONE
    assert viewed.page.locator(".geomap-panel-body").is_hidden() is folded
    # The panel's open state is part of the layout too: open on desktop, folded on the phone.
    boxes = viewed.boxes(CONTROLS)
    for selector, box in boxes.items():
        assert box is not None and on_screen(box, size), selector
    separate = [s for s in CONTROLS if s not in (".leaflet-control-zoom-fullscreen",)]
    for first, second in combinations(separate, 2):
        assert not overlaps(boxes[first], boxes[second]), (first, second)
    inside = viewed.page.evaluate("""() => {
        const bounds = geomap.map.getBounds();
        return geomap.layer.markers.every(m => bounds.contains(m.getLatLng()));
    }""")
    assert inside
    assert viewed.requests == [example_map.resolve().as_uri()]
    assert viewed.errors == []


def test_the_phone_panel_unfolds_within_the_screen(view, example_map):
    viewed = view(example_map, PHONE)
    viewed.page.click(".geomap-panel-toggle")
    box = viewed.page.locator(".geomap-panel").bounding_box()
    assert on_screen(box, PHONE)
    assert not overlaps(box, viewed.page.locator(".leaflet-control-zoom").bounding_box())
    viewed.shot("panel-open-390")


def test_search_finds_a_background_place_and_centres_the_map_there(view, example_map):
    viewed = view(example_map, DESKTOP)
    viewed.page.fill(".geomap-search-input", "Tartus")
    option = viewed.page.locator(".geomap-search-results [role=option]").first
    option.wait_for(timeout=5_000)
    # The gazetteer spells it with diacritics; the search folds them.
    folded = unicodedata.normalize("NFD", option.inner_text()).encode("ascii", "ignore")
    assert folded.decode().lower().startswith("tartus")
    viewed.page.keyboard.press("ArrowDown")
    viewed.page.keyboard.press("Enter")
    lat, lon = viewed.page.evaluate("[geomap.map.getCenter().lat, geomap.map.getCenter().lng]")
    assert abs(lat - 34.89) < 0.1 and abs(lon - 35.89) < 0.1
    viewed.shot("search-tartus-1280")


def test_the_table_lists_the_events_and_a_row_opens_its_popup(view, example_map):
    viewed = view(example_map, DESKTOP)
    viewed.page.click(".geomap-section-table .geomap-section-heading")
    rows = viewed.page.locator(".geomap-table tbody tr")
    count = viewed.page.evaluate("geomap.layer.count")
    assert rows.count() == count
    assert "Karam Houmid" in viewed.page.inner_text(".geomap-table")
    row = viewed.page.locator(".geomap-table tbody tr", has_text="Karam Houmid")
    row.focus()
    viewed.page.keyboard.press("Enter")  # the keyboard reaches every marker through the table
    popup = viewed.page.locator(".leaflet-popup-content")
    popup.wait_for(timeout=5_000)
    assert "Karam Houmid" in popup.inner_text()
    assert "[victims" not in popup.inner_text()  # our annotation is not the article's sentence
    viewed.shot("table-popup-1280")
    viewed.page.click(".geomap-table th button[data-sort=fat]")
    first = viewed.page.locator(".geomap-table tbody tr").first.inner_text()
    top = max(f for f in viewed.page.evaluate("geomap.layer.data.fat") if f is not None)
    assert first.rstrip().endswith(str(top))


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_every_popup_opens_on_click_and_stays_on_screen(view, example_map, size):
    viewed = view(example_map, size)
    for index in range(viewed.page.evaluate("geomap.layer.count")):
        popup = viewed.open_popup(index)
        viewed.page.wait_for_timeout(350)  # auto-pan
        assert on_screen(popup.bounding_box(), size)
        viewed.page.keyboard.press("Escape")
    viewed.shot(f"popup-{size[0]}")
    assert viewed.errors == []


def test_downloads_hold_what_the_filters_leave(view, example_map, tmp_path):
    viewed = view(example_map, DESKTOP)
    viewed.page.click(".geomap-section-table .geomap-section-heading")
    viewed.page.click(".geomap-section-filters .geomap-section-heading")
    viewed.page.fill(".geomap-filter-fatalities", "1")
    viewed.page.wait_for_timeout(400)
    expected = viewed.page.evaluate("geomap.layer.visibleCount")
    assert 0 < expected < viewed.page.evaluate("geomap.layer.count")
    with viewed.page.expect_download() as download:
        viewed.page.click(".geomap-export-geojson")
    features = json.loads(Path(download.value.path()).read_text())["features"]
    assert len(features) == expected
    assert all(feature["properties"]["fatalities"] >= 1 for feature in features)
    with viewed.page.expect_download() as download:
        viewed.page.click(".geomap-export-csv")
    lines = Path(download.value.path()).read_text().strip().splitlines()
    assert lines[0].startswith("event_date,event_type") and len(lines) == expected + 1
    assert viewed.requests == [example_map.resolve().as_uri()]
