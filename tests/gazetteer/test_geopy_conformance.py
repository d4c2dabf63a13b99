"""OfflineGeocoder behaves as geopy's own geocoders do, so code written for geopy works with it:
"X, Y" queries, Nominatim's keywords, reverse(), geopy's exceptions, RateLimiter, geopandas."""

from __future__ import annotations

import pytest
from geopy.distance import distance
from geopy.exc import GeocoderQueryError, GeocoderRateLimited, GeocoderServiceError, GeopyError
from geopy.extra.rate_limiter import RateLimiter
from geopy.location import Location

from gazetteer import OfflineGeocoder
from gazetteer.errors import GazetteerError, GazetteerFileError, RateLimited, ServiceUnavailable


@pytest.fixture(scope="module")
def geocoder(gaz):
    return OfflineGeocoder(gaz)


@pytest.mark.parametrize(("query", "country", "admin1"), [
    ("Aleppo, Syria", "SY", None),
    ("Tripoli, Lebanon", "LB", None),
    ("Tripoli, LBN", "LB", None),
    ("Tripoli, Libya", "LY", None),
    ("Paris, Texas", "US", "Texas"),
    ("Springfield, Illinois, USA", "US", "Illinois"),
])
def test_a_comma_restricts_the_name_to_the_region_or_country_after_it(geocoder, query, country,
                                                                      admin1):
    location = geocoder.geocode(query)
    assert isinstance(location, Location), query
    assert location.raw["country_code"] == country
    if admin1:
        assert location.raw["admin1_name"] == admin1
    assert location.raw["name"] in query


def test_a_comma_query_with_no_match_inside_the_region_is_none(geocoder):
    assert geocoder.geocode("Tartus, Egypt") is None
    # an unknown qualifier is no restriction: the whole query is looked up as one name
    assert geocoder.geocode("Qwzxyplork, Nowhereland") is None


@pytest.mark.parametrize("codes", ["LB", "LBN", "Lebanon", ["LBN"], ("lb", "Iceland")])
def test_country_codes_take_a_code_a_name_or_a_list(geocoder, codes):
    assert geocoder.geocode("Tripoli", country_codes=codes).raw["country_code"] == "LB"
    assert geocoder.geocode("Tripoli", country=codes).raw["country_code"] == "LB"


def test_an_unknown_country_filter_matches_nothing(geocoder):
    assert geocoder.geocode("Tripoli", country_codes="Atlantis") is None


def test_nominatim_keywords_are_accepted(geocoder):
    location = geocoder.geocode("Homs", language="en", country_codes=["sy"], featuretype="city")
    assert location.raw["country_code"] == "SY" and location.raw["feature_class"] == "P"
    state = geocoder.geocode("Texas", featuretype="state")
    assert state.raw["feature_code"] == "ADM1"
    structured = geocoder.geocode({"city": "Paris", "state": "Texas", "country": "USA"})
    assert structured.raw["admin1_name"] == "Texas"


def test_exactly_one_false_lists_ranked_candidates_up_to_the_limit(geocoder):
    locations = geocoder.geocode("Tripoli", exactly_one=False, limit=3)
    assert 1 < len(locations) <= 3
    assert locations[0].raw["geonameid"] == geocoder.geocode("Tripoli").raw["geonameid"]
    scores = [location.raw["score"] for location in locations]
    assert scores == sorted(scores, reverse=True)


def test_reverse_gives_the_nearest_populated_place_with_its_region(geocoder):
    aleppo = geocoder.geocode("Aleppo, Syria")
    location = geocoder.reverse((aleppo.latitude + 0.001, aleppo.longitude - 0.001))
    assert location.raw["geonameid"] == aleppo.raw["geonameid"]
    assert location.raw["country_name"] == "Syria" and location.raw["admin1_name"]
    several = geocoder.reverse("34.43, 35.84", exactly_one=False, limit=4)
    assert len(several) == 4
    gaps = [distance((34.43, 35.84), (loc.latitude, loc.longitude)).km for loc in several]
    assert gaps == sorted(gaps) and gaps[0] < 5


def test_reverse_across_the_antimeridian_finds_the_near_side(geocoder):
    fiji = geocoder.reverse((-16.9, 179.99))
    assert fiji.raw["country_code"] == "FJ"


@pytest.mark.parametrize("bad", ["", "   ", None, 42])
def test_a_bad_query_raises_geopys_query_error(geocoder, bad):
    with pytest.raises(GeocoderQueryError):
        geocoder.geocode(bad)


def test_a_bad_point_raises_geopys_query_error(geocoder):
    with pytest.raises(GeocoderQueryError):
        geocoder.reverse("north of here")


def test_gazetteer_errors_are_geopy_errors(tmp_path):
    assert issubclass(GazetteerError, GeopyError)
    assert issubclass(ServiceUnavailable, GeocoderServiceError)
    limited = RateLimited("slow down", retry_after=7)
    assert isinstance(limited, GeocoderRateLimited) and limited.retry_after == 7
    with pytest.raises(GeopyError):
        OfflineGeocoder(tmp_path / "missing.sqlite")
    with pytest.raises(GazetteerFileError):
        OfflineGeocoder(tmp_path / "missing.sqlite")


def test_works_behind_geopys_rate_limiter(geocoder):
    calls = []
    geocode = RateLimiter(geocoder.geocode, min_delay_seconds=0.01, swallow_exceptions=False)
    for name in ("Aleppo, Syria", "Homs, Syria", "Qwzxyplork"):
        calls.append(geocode(name))
    assert [c.raw["name"] if c else None for c in calls] == ["Aleppo", "Homs", None]
    reverse = RateLimiter(geocoder.reverse, min_delay_seconds=0.01)
    assert reverse((33.51, 36.29)).raw["country_code"] == "SY"


def test_works_as_a_geopandas_provider(gaz):
    geopandas = pytest.importorskip("geopandas")  # an optional test dependency, not ours

    # geopandas instantiates the provider class with the keywords it is given
    frame = geopandas.tools.geocode(["Aleppo, Syria", "Tripoli, Lebanon", "Qwzxyplork"],
                                    provider=OfflineGeocoder, gazetteer=gaz)
    assert frame.geometry.iloc[0].y == pytest.approx(36.2, abs=0.05)
    assert frame.geometry.iloc[1].x == pytest.approx(35.84, abs=0.05)
    assert frame.geometry.iloc[2] is None or frame.geometry.iloc[2].is_empty
    assert frame.address.iloc[1].endswith("Lebanon")
    points = geopandas.GeoSeries.from_xy([37.16], [36.2], crs="EPSG:4326")
    reversed_frame = geopandas.tools.reverse_geocode(points, provider=OfflineGeocoder,
                                                     gazetteer=gaz)
    assert reversed_frame.address.iloc[0] == "Aleppo, Syria"
