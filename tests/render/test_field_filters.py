"""Filters beside type and time (country, actor, fatalities), the time histogram and date
boxes, the permalink of all of them, and the first view of a single event."""

from __future__ import annotations

from datetime import date

import pytest
from render_fixtures import event

from geomap.render import render_map

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser"),
              pytest.mark.usefixtures("assets_cached")]


@pytest.fixture(scope="module")
def mixed_map(tmp_path_factory, assets_cached):
    events = [event(i, lat=35 + i * 0.1, lon=36 + i * 0.1, day=date(2024, 3, 1 + i % 20),
                    country=("Syria", "Iraq", "Lebanon")[i % 3],
                    actor1=("Rebel Brigade", "State Army", "Police")[i % 3],
                    fatalities=i % 7)
              for i in range(30)]
    path = tmp_path_factory.mktemp("filters") / "map.html"
    render_map(events, path, offline=True)
    return path, events


def visible(opened) -> int:
    return opened.evaluate("geomap.layer.visibleCount")


def test_country_actor_and_fatality_filters_combine(open_page, mixed_map):
    path, events = mixed_map
    opened = open_page(path, block_network=True)
    opened.page.click(".geomap-section-filters .geomap-section-heading")
    opened.page.select_option(".geomap-filter-country", label="Iraq (10)")
    assert visible(opened) == sum(e.country == "Iraq" for e in events)
    opened.page.select_option(".geomap-filter-country", value="-1")
    opened.page.fill(".geomap-filter-actor", "army")
    opened.page.wait_for_timeout(400)
    assert visible(opened) == sum(e.actor1 == "State Army" for e in events)
    opened.page.fill(".geomap-filter-fatalities", "4")
    opened.page.wait_for_timeout(400)
    expected = sum(e.actor1 == "State Army" and e.fatalities >= 4 for e in events)
    assert visible(opened) == expected and opened.marker_count() == expected
    hash_ = opened.evaluate("location.hash")
    assert "actor=army" in hash_ and "minfat=4" in hash_
    opened.page.reload()
    opened.page.wait_for_function("window.geomap && window.geomap.layer.ready")
    assert visible(opened) == expected  # the permalink carries every filter
    assert opened.page.input_value(".geomap-filter-actor") == "army"


def test_date_boxes_set_the_window_and_the_histogram_counts_days(open_page, mixed_map):
    path, events = mixed_map
    opened = open_page(path, block_network=True)
    assert opened.evaluate("""(() => {
        const c = document.querySelector('.geomap-histogram');
        const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        return data.some(v => v !== 0);
    })()""")  # bars were drawn
    opened.page.fill(".geomap-from-date", "2024-03-05")
    opened.page.fill(".geomap-to-date", "2024-03-09")
    opened.page.wait_for_timeout(300)
    expected = sum(date(2024, 3, 5) <= e.event_date <= date(2024, 3, 9) for e in events)
    assert visible(opened) == expected
    assert opened.page.inner_text(".geomap-window") == "2024-03-05 \u2013 2024-03-09"


def test_a_single_event_opens_at_town_zoom_not_the_maximum(open_page, tmp_path):
    path = render_map([event(1, lat=36.2, lon=37.15)], tmp_path / "one.html", offline=True)
    opened = open_page(path, block_network=True)
    zoom = opened.evaluate("geomap.map.getZoom()")
    assert 8 <= zoom <= 11
    assert opened.evaluate(
        "geomap.map.getBounds().contains(geomap.layer.markers[0].getLatLng())")
