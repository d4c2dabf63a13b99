"""The HTML file itself: self-contained offline, no CDN, no template execution, atomic."""

from __future__ import annotations

import re

import pytest
from render_fixtures import event

from geomap.render import ExternalResourceError, assert_self_contained, render_map
from geomap.render.assets import AssetError

pytestmark = pytest.mark.usefixtures("assets_cached")

CDN_HOSTS = ("cdn.jsdelivr.net", "code.jquery.com", "cdnjs.cloudflare.com",
             "netdna.bootstrapcdn.com", "unpkg.com", "raw.githubusercontent.com")


def test_offline_page_inlines_everything_and_names_no_cdn(tmp_path):
    path = render_map([event(1)], tmp_path / "map.html", offline=True)
    html = path.read_text("utf-8")
    assert not re.search(r"<script[^>]+src=|<link[^>]+href=", html)
    for host in CDN_HOSTS:
        assert f"//{host}" not in html
    assert "Leaflet 1.9.4" in html and "leaflet-heatmap-layer" in html
    assert "url(images/" not in html  # Leaflet's CSS images became data URIs
    assert "jquery" not in html.lower() and "bootstrap" not in html.lower()


def test_offline_default_has_no_tiles_but_country_outlines(tmp_path):
    html = render_map([event(1)], tmp_path / "map.html", offline=True).read_text("utf-8")
    assert "tile.openstreetmap.org" not in html
    assert "Country outlines" in html


def test_online_page_uses_the_same_inlined_assets_plus_tiles(tmp_path):
    html = render_map([event(1)], tmp_path / "map.html", tiles="osm").read_text("utf-8")
    assert "tile.openstreetmap.org" in html
    assert not re.search(r"<script[^>]+src=", html)


def test_template_syntax_in_article_text_is_never_evaluated(tmp_path):
    marker = tmp_path / "ssti"
    payload = ("{{ cycler.__init__.__globals__.os.mkdir('" + str(marker) + "') }} {{ 7*7 }} "
               "{% if 1 %}")
    html = render_map([event(1, notes=payload, location=payload)], tmp_path / "map.html",
                      offline=True, title=payload).read_text("utf-8")
    assert not marker.exists()
    # The text arrives in the page as escaped text, not as Jinja's output ("49").
    assert "\\u0026#123;\\u0026#123; 7*7 \\u0026#125;\\u0026#125;" in html


def test_self_containment_check_catches_remote_resources():
    for page in ('<script src="https://x/y.js"></script>', '<link rel=stylesheet href="//x">',
                 "<style>a{background:url(https://x/y.png)}</style>",
                 "<style>@import 'https://x/y.css';</style>"):
        with pytest.raises(ExternalResourceError):
            assert_self_contained(page)
    assert_self_contained('<a href="https://example.org">a link loads nothing</a>')


def test_a_failed_render_keeps_the_previous_map(tmp_path, monkeypatch):
    path = tmp_path / "map.html"
    path.write_text("previous map")
    monkeypatch.setenv("GEOMAP_ASSET_CACHE", str(tmp_path / "empty-cache"))
    with pytest.raises(AssetError, match="offline"):
        render_map([event(1)], path, offline=True)
    assert path.read_text() == "previous map"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.html"]


def test_an_empty_event_list_still_makes_a_map(tmp_path):
    html = render_map([], tmp_path / "map.html", offline=True).read_text("utf-8")
    assert '"lat":[]' in html
