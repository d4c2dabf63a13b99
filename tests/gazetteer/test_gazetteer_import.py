"""`geomap gazetteer import` on small GeoNames-shaped files: formats, idempotence, bad input."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import zipfile

import pytest
from geonames_rows import SAMPLE_ROWS, geonames_line

from gazetteer import Gazetteer
from gazetteer.importer import import_files
from gazetteer.nameindex import index_path
from geomap.cli import main
from geomap.errors import EXIT_NO_INPUT, EXIT_PARTIAL


def content_digest(path) -> str:
    """Digest of what a lookup can see: features, names, admin1, countries."""
    digest = hashlib.sha256()
    with sqlite3.connect(path) as conn:
        for table, order in [("feature", "geonameid"), ("name", "key, geonameid"),
                             ("admin1", "country_code, admin1_code"), ("country", "iso2")]:
            for row in conn.execute(f"SELECT * FROM {table} ORDER BY {order}"):
                digest.update(repr(row).encode())
    return digest.hexdigest()


def test_geonames_rows_become_searchable_features(tmp_path, sample_geonames):
    database = tmp_path / "g.sqlite"
    [report] = import_files(database, [sample_geonames])
    assert (report.kind, report.imported, report.error_count) == ("geonames", 5, 0)
    gaz = Gazetteer.open(database)
    assert gaz.candidates("Halab")[0].geonameid == 170063
    assert gaz.candidates("Tartous")[0].name == "Ţarţūs"
    assert gaz.candidates("Syrian Arab Republic")[0].feature_code == "PCLI"
    assert gaz.has_name("aleppo governorate")
    gaz.close()


def test_import_is_idempotent_and_zip_equals_txt(tmp_path, sample_geonames):
    once, twice, zipped = (tmp_path / name for name in ("once.sqlite", "twice.sqlite",
                                                        "zipped.sqlite"))
    import_files(once, [sample_geonames])
    import_files(twice, [sample_geonames])
    import_files(twice, [sample_geonames])
    archive = tmp_path / "SY.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as handle:
        handle.write(sample_geonames, "SY.txt")
        handle.writestr("readme.txt", "not data")
    import_files(zipped, [archive])
    assert content_digest(once) == content_digest(twice) == content_digest(zipped)


def test_bad_rows_are_reported_with_file_and_line_and_the_rest_imported(tmp_path):
    path = tmp_path / "mixed.txt"
    good = geonames_line(1001, "Good Town", 35.0, 38.0)
    lines = [
        good.encode(),                                                        # line 1
        "\t".join(good.split("\t")[:18]).encode(),                            # line 2: 18 cols
        geonames_line(1003, "Bad Bytes", 35.0, 38.0).encode()[:-12] + b"\xff\xfe2024-01-01",
        geonames_line(1004, "Nowhere", 35.0, 38.0, country="ZZ").encode(),    # line 4
        geonames_line(1005, "", 35.0, 38.0).encode(),                         # line 5: no name
        geonames_line(1006, "Also Good", 35.1, 38.1).encode(),                # line 6
        geonames_line(1007, "Off The Map", 135.0, 38.1).encode(),             # line 7
    ]
    path.write_bytes(b"\n".join(lines) + b"\n")
    [report] = import_files(tmp_path / "g.sqlite", [path])
    assert report.imported == 2
    where = {error.line: str(error) for error in report.errors}
    assert sorted(where) == [2, 3, 4, 5, 7]
    assert all(message.startswith(f"{path}:{line}: ") for line, message in where.items())
    assert "18 columns, expected 19" in where[2]
    assert "UTF-8" in where[3]
    assert "unknown country code 'ZZ'" in where[4]
    assert "empty name" in where[5]
    assert "out of range" in where[7]


def test_truncated_zip_is_reported_and_other_files_still_import(tmp_path, sample_geonames):
    archive = tmp_path / "allCountries.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as handle:
        handle.writestr("allCountries.txt", "\n".join(
            geonames_line(2000 + i, f"Place {i}", 30 + i / 1e4, 40.0) for i in range(5000)))
    data = archive.read_bytes()
    archive.write_bytes(data[: len(data) // 2])
    reports = import_files(tmp_path / "g.sqlite", [archive, sample_geonames])
    assert reports[0].error_count == 1
    assert str(reports[0].errors[0]).startswith(f"{archive}: unreadable or truncated archive")
    assert reports[1].imported == len(SAMPLE_ROWS) and reports[1].ok


def test_zip_truncated_inside_the_member_keeps_the_rows_before(tmp_path):
    """Damage inside a member: the rows before it import, the garbage after it is reported line
    by line, and the archive error (bad CRC) closes the report."""
    rows = [geonames_line(3000 + i, f"Village {i}", 30 + i / 1e4, 40.0) for i in range(20000)]
    archive = tmp_path / "SY.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as handle:
        handle.writestr("SY.txt", "\n".join(rows))
    data = bytearray(archive.read_bytes())
    # Overwrite the middle of the compressed data: the member's CRC/deflate stream breaks there.
    middle = len(data) // 2
    data[middle:middle + 64] = b"\x00" * 64
    archive.write_bytes(bytes(data))
    [report] = import_files(tmp_path / "g.sqlite", [archive])
    assert "unreadable or truncated archive" in str(report.errors[-1])
    assert 5000 < report.imported < len(rows)


def test_alternate_names_admin1_codes_and_country_info(tmp_path, sample_geonames):
    database = tmp_path / "g.sqlite"
    alternates = tmp_path / "alternateNamesV2.txt"
    alternates.write_text("\n".join([
        "\t".join(["1", "170063", "la", "Beroea", "", "", "", "1", "", ""]),
        "\t".join(["2", "170063", "link", "https://en.wikipedia.org/wiki/Aleppo", "", "", "", "",
                   "", ""]),
        "\t".join(["3", "999999999", "en", "Elsewhere", "", "", "", "", "", ""]),
        "\t".join(["4", "170063", "en", "", "", "", "", "", "", ""]),
    ]) + "\n", encoding="utf-8")
    admin1 = tmp_path / "admin1CodesASCII.txt"
    admin1.write_text("SY.09\tAleppo\tAleppo\t170062\nSY.14\tTartus\tTartus\t173140\n",
                      encoding="utf-8")
    country_info = tmp_path / "countryInfo.txt"
    country_info.write_text(
        "# ISO\tISO3\tISO-Numeric\tfips\tCountry\tCapital\t...\n"
        "SY\tSYR\t760\tSY\tSyria\tDamascus\t185180\t22933531\tAS\t.sy\tSYP\tPound\t963\t\t\t"
        "ar-SY,ku\t163843\tIQ,JO,IL,TR,LB\t\n", encoding="utf-8")
    reports = import_files(database, [sample_geonames, alternates, admin1, country_info])
    kinds = [(r.kind, r.imported, r.skipped, r.error_count) for r in reports]
    assert kinds == [("geonames", 5, 0, 0), ("alternatenames", 1, 1, 1), ("admin1", 2, 0, 0),
                     ("countryinfo", 1, 0, 0)]
    assert reports[1].errors[0].line == 4
    gaz = Gazetteer.open(database)
    assert gaz.candidates("Beroea")[0].geonameid == 170063
    assert gaz.admin1("SY", "09").geonameid == 170062
    assert gaz.candidates("Aleppo")[0].admin1_name == "Aleppo"
    assert gaz.country("SY").name == "Syria"
    gaz.close()


def test_real_admin1_features_replace_the_derived_ones(tmp_path, gaz, sample_geonames):
    copy = tmp_path / "default-copy.sqlite"
    shutil.copy(gaz.path, copy)
    shutil.copy(index_path(gaz.path), index_path(copy))
    derived = gaz.admin1("SY", "09")
    assert derived.source == "derived"
    import_files(copy, [sample_geonames])
    imported = Gazetteer.open(copy)
    assert imported.admin1("SY", "09").geonameid == 170062
    assert imported.get(derived.geonameid) is None
    governorate = imported.candidates("Aleppo Governorate", kinds=["ADM1"])
    assert [c.geonameid for c in governorate] == [170062]
    imported.close()


def test_csv_and_geojson_point_lists(tmp_path):
    csv_path = tmp_path / "bases.csv"
    csv_path.write_text(
        "name,lat,lon,alternate_names,feature_class,feature_code,country\n"
        "Test Outpost,35.5,38.5,Outpost Nine|OP-9,L,MILB,SY\n"
        ",35.5,38.5,,,,SY\n"
        "No Coordinates,,38.5,,,,SY\n", encoding="utf-8")
    geojson_path = tmp_path / "points.geojson"
    geojson_path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [37.2, 36.2]},
         "properties": {"name": "Some Checkpoint", "feature_class": "S",
                        "feature_code": "PSTB", "country": "SY"}},
        {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[0, 0], [1, 1]]},
         "properties": {"name": "A Road"}},
    ]}), encoding="utf-8")
    database = tmp_path / "g.sqlite"
    csv_report, geojson_report = import_files(database, [csv_path, geojson_path])
    assert (csv_report.imported, csv_report.error_count) == (1, 2)
    assert [error.line for error in csv_report.errors] == [3, 4]
    assert (geojson_report.imported, geojson_report.error_count) == (1, 1)
    gaz = Gazetteer.open(database)
    outpost = gaz.candidates("Outpost Nine")[0]
    assert (outpost.feature_code, outpost.source, outpost.lat) == ("MILB", "user", 35.5)
    assert gaz.candidates("OP 9")[0].geonameid == outpost.geonameid
    assert gaz.candidates("Some Checkpoint")[0].feature_code == "PSTB"
    gaz.close()
    before = content_digest(database)
    import_files(database, [csv_path, geojson_path])
    assert content_digest(database) == before


def test_cli_import_exit_codes_and_messages(tmp_path, sample_geonames, capsys):
    database = tmp_path / "g.sqlite"
    assert main(["gazetteer", "import", str(sample_geonames), "--gazetteer", str(database)]) == 0
    assert "5 imported" in capsys.readouterr().out
    bad = tmp_path / "bad.txt"
    bad.write_text(SAMPLE_ROWS[0] + "\nonly\tthree\tcolumns\n", encoding="utf-8")
    code = main(["gazetteer", "import", str(bad), "--gazetteer", str(database)])
    captured = capsys.readouterr()
    assert code == EXIT_PARTIAL
    assert f"{bad}:2: 3 columns, expected 19" in captured.err
    worse = tmp_path / "worse.txt"
    worse.write_text("only\tthree\tcolumns\n", encoding="utf-8")
    assert main(["gazetteer", "import", str(worse), "--gazetteer", str(database)]) == \
        EXIT_NO_INPUT


def test_cli_add_is_searchable_and_idempotent(tmp_path, sample_geonames, capsys):
    database = tmp_path / "g.sqlite"
    import_files(database, [sample_geonames])
    args = ["gazetteer", "add", "Camp Example", "35.1", "38.2", "--country", "SY",
            "--kind", "S.CMPRF", "--alt", "Example Camp", "--gazetteer", str(database)]
    assert main(args) == 0
    assert main(args) == 0
    capsys.readouterr()
    assert main(["gazetteer", "lookup", "Example Camp", "--json", "--gazetteer",
                 str(database)]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert [c["feature_code"] for c in answer["candidates"]] == ["CMPRF"]


@pytest.mark.parametrize("bad_country", ["ZZ", "Syria"])
def test_cli_add_rejects_unknown_country(tmp_path, sample_geonames, bad_country, capsys):
    database = tmp_path / "g.sqlite"
    import_files(database, [sample_geonames])
    code = main(["gazetteer", "add", "X", "1", "2", "--country", bad_country, "--gazetteer",
                 str(database)])
    assert code == EXIT_NO_INPUT
    assert "unknown country code" in capsys.readouterr().err
