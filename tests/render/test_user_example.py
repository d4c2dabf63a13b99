"""The user's example (../shared/examples) and the project's own, end to end in a browser."""

from __future__ import annotations

import json

import pytest

from geomap.cli import main

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser"),
              pytest.mark.usefixtures("assets_cached")]


def map_and_export(article, published: str, tmp_path) -> tuple[list[dict], object]:
    geojson, html = tmp_path / "events.geojson", tmp_path / "map.html"
    common = [str(article), "--published", published, "--offline"]
    assert main(["export", *common, "-o", str(geojson)]) == 0
    assert main(["map", *common, "-o", str(html)]) == 0
    return json.loads(geojson.read_text())["features"], html


@pytest.mark.parametrize("which", ["user", "project"])
def test_the_map_shows_every_exported_event_and_its_sentence(which, request, tmp_path,
                                                            open_page):
    if which == "user":
        article, published = request.getfixturevalue("user_example"), "2016-10-07"
    else:
        article, published = request.getfixturevalue("project_example"), "2024-05-14"
    features, html = map_and_export(article, published, tmp_path)
    assert features, "the event stage found no mapped event"
    opened = open_page(html, block_network=True)
    assert opened.marker_count() == len(features)
    assert opened.errors == []
    notes = opened.evaluate("geomap.layer.data.notes")
    for index, sentence in enumerate(notes):
        popup = opened.click_marker(index)
        text = opened.evaluate("s => { const e = document.createElement('textarea');"
                               " e.innerHTML = s; return e.value; }", sentence)
        assert text.split("\n")[0][:60] in popup
        opened.page.keyboard.press("Escape")
