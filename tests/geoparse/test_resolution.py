"""Resolution with context: containment, co-mentioned countries, one sense per discourse."""

from __future__ import annotations

import pytest

from geomap.geodesy import haversine_km


def place_of(mentions, name):
    found = [m for m in mentions if m.name == name]
    assert found, f"{name} not recognised"
    return found[0].place


@pytest.mark.parametrize("text, name, country, near", [
    ("Clashes in Tripoli, Lebanon, left two dead.", "Tripoli", "LB", (34.44, 35.85)),
    ("Clashes in Tripoli, Libya, left two dead.", "Tripoli", "LY", (32.89, 13.19)),
    ("He grew up in Springfield, Ill., and moved away.", "Springfield", "US", (39.80, -89.64)),
    ("He grew up in Springfield, Mass., and moved away.", "Springfield", "US", (42.10, -72.59)),
])
def test_explicit_containment_beats_population(parse, text, name, country, near):
    place = place_of(parse(text), name)
    assert place.country == country
    assert haversine_km(place.lat, place.lon, *near) < 50


def test_washington_alone_is_the_capital(parse):
    place = place_of(parse("Officials in Washington said talks would resume."), "Washington")
    assert place.feature_code == "PPLC"


def test_co_mentioned_places_pull_a_name_to_their_region(parse):
    text = ("Floods closed roads in Athens and Watkinsville. Clarke County officials and "
            "Georgia emergency crews worked through the night near Athens.")
    place = place_of(parse(text), "Athens")
    assert place.country == "US"


def test_one_sense_per_discourse(parse):
    text = "Tripoli, Lebanon was calm. Later, gunfire was heard in Tripoli again."
    places = {(m.place.lat, m.place.lon) for m in parse(text) if m.name == "Tripoli"}
    assert len(places) == 1


def test_country_hint_nudges_ambiguous_names(parse):
    plain = place_of(parse("Protesters gathered in Hyderabad."), "Hyderabad")
    hinted = place_of(parse("Protesters gathered in Hyderabad.", country_hint="PK"), "Hyderabad")
    assert hinted.country == "PK"
    assert plain is not None


def test_demonyms_give_country_context(parse):
    mentions = parse("Syrian and Russian jets struck Tartus.")
    assert place_of(mentions, "Tartus").country == "SY"
    assert {m.country_hint for m in mentions if m.kind == "demonym"} == {"SY", "RU"}
