"""The user's own article (Reuters, Kerry on Aleppo, 7 October 2016) comes out as a reader would
expect: right places, right kinds, no persons or agencies."""

from __future__ import annotations

from geomap.geodesy import haversine_km
from geomap.geoparse import geoparse


def _mentions(user_example):
    text = user_example.read_text(encoding="utf-8")
    return text, geoparse(text)


def test_offsets_quote_the_text(user_example):
    text, mentions = _mentions(user_example)
    assert mentions
    assert all(text[m.start:m.end] == m.name for m in mentions)


def test_syrian_places_resolve_to_the_right_points(user_example):
    _, mentions = _mentions(user_example)
    expected = {  # name -> (lat, lon) of the real place, from public maps
        "Aleppo": (36.20, 37.16),
        "Tartus": (34.89, 35.89),
        "Karam Houmid": (36.19, 37.18),
        "Al-Tharda mountain": (35.27, 40.18),
    }
    for name, (lat, lon) in expected.items():
        found = [m for m in mentions if m.name == name]
        assert found, f"{name} not found"
        for mention in found:
            assert mention.place is not None, name
            assert mention.place.country == "SY"
            assert haversine_km(lat, lon, mention.place.lat, mention.place.lon) < 25, name


def test_cities_are_read_as_cities_not_their_governorates(user_example):
    _, mentions = _mentions(user_example)
    for name in ("Aleppo", "Tartus"):
        assert {m.place.feature_class for m in mentions if m.name == name} == {"P"}, name


def test_countries_are_countries(user_example):
    _, mentions = _mentions(user_example)
    for name, iso in (("Syria", "SY"), ("Russia", "RU"), ("US", "US")):
        found = [m for m in mentions if m.name == name]
        assert found, name
        assert all(m.place and m.place.country == iso and m.place.feature_code.startswith("PCL")
                   for m in found), name


def test_persons_and_agencies_are_not_places(user_example):
    text, mentions = _mentions(user_example)
    names = {m.name.lower() for m in mentions}
    for word in ("kerry", "obama", "ismail", "reuters", "abdalrhman", "konashenkov", "fabius"):
        assert word not in names
    assert not any("Islamic" in m.name for m in mentions)


def test_kinds(user_example):
    text, mentions = _mentions(user_example)
    by_name = {}
    for m in mentions:
        by_name.setdefault(m.name, set()).add(m.kind)
    post = text.index("Washington Post")
    washington = [m for m in mentions if m.start == post]
    assert washington and washington[0].kind == "embedded"
    navy = text.index("US Navy")
    assert [m.kind for m in mentions if m.start == navy] == ["embedded"]
    assert by_name["Moscow"] == {"metonym"}
    assert by_name["Syrian"] == {"demonym"}
    assert by_name["Russian"] == {"demonym"}
    assert all(m.country_hint == "SY" for m in mentions if m.name == "Syrian")
    assert "literal" in by_name["Aleppo"]


def test_lowercase_tag_lines_are_noise(user_example):
    text, mentions = _mentions(user_example)
    tag = text.index("syria aleppo")
    assert not [m for m in mentions if tag <= m.start < tag + len("syria aleppo")]
