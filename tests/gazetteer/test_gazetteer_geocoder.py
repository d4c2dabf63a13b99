"""OfflineGeocoder is a real geopy Geocoder: same call shape, Location results."""

from __future__ import annotations

import pytest
from geopy.geocoders.base import Geocoder
from geopy.location import Location

from gazetteer import OfflineGeocoder


@pytest.fixture(scope="module")
def geocoder(gaz):
    return OfflineGeocoder(gaz)


def test_is_a_geopy_geocoder_returning_a_location(geocoder):
    assert isinstance(geocoder, Geocoder)
    location = geocoder.geocode("Aleppo")
    assert isinstance(location, Location)
    assert (round(location.latitude, 2), round(location.longitude, 2)) == (36.20, 37.16)
    assert location.address == "Aleppo, Syria"
    assert location.raw["geonameid"] == 170063 and location.raw["feature_code"] == "PPLA"


def test_exactly_one_false_gives_a_list_and_country_filters(geocoder):
    locations = geocoder.geocode("Tripoli", exactly_one=False)
    assert isinstance(locations, list) and len(locations) > 1
    assert {loc.raw["country_code"] for loc in locations} >= {"LY", "LB"}
    lebanon = geocoder.geocode("Tripoli", country="LB")
    assert lebanon.raw["country_code"] == "LB"


def test_no_match_is_none_as_in_geopy(geocoder):
    assert geocoder.geocode("Qwzxyplork") is None
    assert geocoder.geocode("Qwzxyplork", exactly_one=False) is None


def test_opens_the_default_gazetteer_by_itself(gaz):
    assert OfflineGeocoder().gazetteer is gaz
