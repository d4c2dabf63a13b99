"""Districts as places: admin2Codes.txt rows become ADM2 features (or name the dump's own)."""

from __future__ import annotations

from pathlib import Path

import pytest

from gazetteer import Gazetteer
from gazetteer.importer import import_files
from gazetteer.names import district_names
from geomap.cli import main


def row(geonameid: int, name: str, lat: float, lon: float, admin2: str,
        feature_class: str = "P", feature_code: str = "PPL", population: int = 0) -> str:
    return "\t".join([str(geonameid), name, name, "", str(lat), str(lon), feature_class,
                      feature_code, "UA", "", "14", admin2, "", "", str(population), "", "100",
                      "Europe/Kyiv", "2024-01-01"])


# Made-up places: district 1401 has its own ADM2 row (as real dumps do), 1402 has only villages.
ROWS = [
    row(8100001, "Verkhnie Pole", 48.10, 37.50, "1401"),
    row(8100002, "Nyzhnie Pole", 48.30, 37.90, "1401"),
    row(8100003, "Polianskyi Raion", 48.20, 37.60, "1401", "A", "ADM2", 40000),
    row(8100004, "Stepove", 47.60, 36.90, "1402"),
    row(8100005, "Lisove", 47.80, 37.10, "1402"),
]
ADMIN2 = ["UA.14.1401\tPolianskyi Raion\tPolianskyi Raion\t8100003",
          "UA.14.1402\tStepovyi\tStepovyi\t8100006",
          "UA.14\tbroken row\tbroken row\t1"]


@pytest.fixture
def districts(tmp_path: Path) -> Path:
    places = tmp_path / "UA.txt"
    places.write_text("\n".join(ROWS) + "\n", encoding="utf-8")
    codes = tmp_path / "admin2Codes.txt"
    codes.write_text("\n".join(ADMIN2) + "\n", encoding="utf-8")
    return tmp_path


def test_a_district_with_its_own_row_keeps_its_point_and_gains_district_names(districts):
    database = districts / "g.sqlite"
    reports = import_files(database, [districts / "UA.txt", districts / "admin2Codes.txt"])
    assert [r.kind for r in reports] == ["geonames", "admin2"]
    assert reports[1].imported == 2 and reports[1].error_count == 1  # the broken row, reported
    gaz = Gazetteer.open(database)
    try:
        own = gaz.candidates("Polianskyi district")[0]
        assert (own.geonameid, own.lat, own.lon, own.source) == (8100003, 48.20, 37.60,
                                                                  "geonames")
        assert gaz.candidates("Polianskyi")[0].geonameid == 8100003  # suffix-less too
        placed = gaz.candidates("Stepovyi raion")[0]
        assert (placed.feature_class, placed.feature_code, placed.admin1_code) == ("A", "ADM2",
                                                                                   "14")
        assert (placed.lat, placed.lon) == pytest.approx((47.70, 37.00))  # median of two
        village = gaz.candidates("Lisove")[0]
        assert (village.admin2_code, village.admin2_name) == ("1402", "Stepovyi")
        assert gaz.get(8100001).admin2_name == "Polianskyi Raion"
    finally:
        gaz.close()


def test_importing_twice_gives_the_same_gazetteer(districts):
    database = districts / "g.sqlite"
    files = [districts / "UA.txt", districts / "admin2Codes.txt"]
    import_files(database, files)
    gaz = Gazetteer.open(database)
    first = gaz.stats()
    gaz.close()
    import_files(database, files)
    gaz = Gazetteer.open(database)
    again = gaz.stats()
    gaz.close()
    assert (again["features"], again["name_keys"]) == (first["features"], first["name_keys"])


def test_cli_import_reads_admin2_codes_by_name(districts, capsys):
    database = districts / "g.sqlite"
    code = main(["gazetteer", "--gazetteer", str(database), "import", str(districts / "UA.txt"),
                 str(districts / "admin2Codes.txt")])
    assert code == 3  # the broken row
    assert "(admin2): 2 imported" in capsys.readouterr().out


def test_district_names_strip_and_add_the_division_words():
    names = district_names("Polianskyi Raion")
    assert {"Polianskyi", "Polianskyi district", "Polianskyi raion", "district of Polianskyi",
            "Polianskyi Raion"} <= set(names)
    assert district_names("Suki")[0] == "Suki"
    assert "Sūkī district" in district_names("Wuluswālī-ye Sūkī")
    assert "Sūkī district" in district_names("Wuluswali ye Sūkī")
    assert "Afrin district" in district_names("Mintaqat Afrin")


def test_files_without_admin2_tables_still_open(tmp_path, sample_geonames):
    """A gazetteer built before the admin2 tables existed answers with no district."""
    import sqlite3

    database = tmp_path / "old.sqlite"
    import_files(database, [sample_geonames])
    with sqlite3.connect(database) as conn:
        conn.execute("DROP TABLE feature_admin2")
        conn.execute("DROP TABLE admin2")
    gaz = Gazetteer.open(database)
    try:
        top = gaz.candidates("Aleppo")[0]
        assert top.admin2_name is None and top.admin1_code == "09"
    finally:
        gaz.close()


def test_a_placed_district_moves_when_more_villages_come_in(districts, tmp_path):
    database = districts / "g.sqlite"
    import_files(database, [districts / "UA.txt", districts / "admin2Codes.txt"])
    more = tmp_path / "more.txt"
    more.write_text(row(8100007, "Ozerne", 47.90, 37.30, "1402") + "\n", encoding="utf-8")
    import_files(database, [more, districts / "admin2Codes.txt"])
    gaz = Gazetteer.open(database)
    try:
        assert (gaz.get(8100006).lat, gaz.get(8100006).lon) == pytest.approx((47.80, 37.10))
    finally:
        gaz.close()
