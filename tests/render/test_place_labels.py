"""Offline place names: populated places near the events from the gazetteer the caller gives,
the larger towns from lower zooms, none without a gazetteer, every name escaped."""

from __future__ import annotations

import pytest
from render_fixtures import XSS_PAYLOADS, event

from gazetteer import store
from geomap.render import build_map
from geomap.render.places import MIN_ZOOM, place_labels


class FileGazetteer:
    """A real gazetteer file (the project's schema) with hand-made places."""

    def __init__(self, path, places):
        self.conn = store.connect(path, create=True)
        self.conn.executemany(
            "INSERT INTO feature (geonameid, name, asciiname, lat, lon, feature_class, "
            "feature_code, country_code, population, source) "
            "VALUES (?, ?, ?, ?, ?, ?, 'PPL', 'SY', ?, 'test')",
            [(index + 1, name, name, lat, lon, kind, population)
             for index, (name, lat, lon, population, kind) in enumerate(places)])
        self.conn.commit()

    def connection(self):
        return self.conn


@pytest.fixture
def gazetteer(tmp_path):
    return FileGazetteer(tmp_path / "gazetteer.sqlite", [
        ("Big City", 36.20, 37.15, 2_000_000, "P"),
        ("Near Suburb", 36.21, 37.17, 40_000, "P"),   # a few km from Big City
        ("Coast Town", 34.90, 35.90, 100_000, "P"),   # ~150 km away: still near
        ("Far Capital", 51.50, -0.10, 9_000_000, "P"),  # nowhere near an event
        ("A Mountain", 36.00, 37.00, 0, "T"),          # not a populated place
        (XSS_PAYLOADS[2], 36.50, 37.50, 5_000, "P"),
    ])


def test_only_populated_places_near_the_events_become_labels(gazetteer):
    labels = place_labels(gazetteer, [event(1, lat=36.2, lon=37.16)])
    names = labels["name"]
    assert "Big City" in names and "Coast Town" in names and "Near Suburb" in names
    assert "Far Capital" not in names and "A Mountain" not in names
    assert {len(column) for column in labels.values()} == {len(names)}


def test_larger_towns_show_from_lower_zooms_and_close_ones_later(gazetteer):
    labels = place_labels(gazetteer, [event(1, lat=36.2, lon=37.16)])
    zoom = dict(zip(labels["name"], labels["zoom"], strict=True))
    assert zoom["Big City"] == MIN_ZOOM
    assert zoom["Near Suburb"] > zoom["Big City"] + 2  # only once they no longer collide


def test_label_names_are_escaped(gazetteer):
    names = place_labels(gazetteer, [event(1, lat=36.2, lon=37.16)])["name"]
    assert "&lt;img src=x onerror=&quot;window.__pwned=3&quot;&gt;" in names
    assert not any("<" in name for name in names)


def test_no_gazetteer_no_labels_and_no_default_opened(monkeypatch, tmp_path):
    from gazetteer.core import Gazetteer

    def refuse(*args, **kwargs):
        raise AssertionError("the renderer opened a gazetteer it was not given")

    monkeypatch.setattr(Gazetteer, "open", refuse)
    assert place_labels(None, [event(1)]) == {"name": [], "lat": [], "lon": [], "zoom": []}
    page = build_map([event(1)], offline=True)
    layer = next(child for child in page._children.values() if hasattr(child, "payload"))
    assert layer.payload["labels"]["name"] == []
