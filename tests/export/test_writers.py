"""The export formats: what GDAL, pyarrow, json and csv read back from write_events."""

from __future__ import annotations

import csv
import json
import struct

import pyarrow.parquet as pq
import pyogrio
import pytest

from geomap.export import (
    FIELD_TYPES,
    WRITERS,
    CoordinateError,
    ExportError,
    register_writer,
    write_events,
)
from geomap.model import EVENT_FIELDS, Event


def strict_json(text: str):
    def reject(constant: str):
        raise AssertionError(f"non-JSON constant {constant} in output")
    return json.loads(text, parse_constant=reject)


def test_field_types_cover_exactly_the_contract_record():
    assert tuple(FIELD_TYPES) == EVENT_FIELDS


def test_geojson_is_rfc7946_with_contract_properties_in_order(events, tmp_path):
    path = tmp_path / "events.geojson"
    assert write_events(events, path) == 4  # the unmapped event has a null geometry
    document = strict_json(path.read_text("utf-8"))
    assert document["type"] == "FeatureCollection"
    assert "crs" not in document
    first = document["features"][0]
    assert first["geometry"] == {"type": "Point", "coordinates": [37.1712346, 36.2123457]}
    assert list(first["properties"]) == list(EVENT_FIELDS)
    assert first["properties"]["event_date"] == "2016-10-04"
    assert first["properties"]["fatalities_low"] == 10
    second = document["features"][1]["properties"]
    assert second["confidence"] is None  # NaN became null
    assert second["fatalities_low"] is None
    assert [f["properties"]["event_id"] for f in document["features"]] == [
        "ev-1", "ev-2", "ev-3", "ev-4"]
    assert [f["id"] for f in document["features"]] == ["ev-1", "ev-2", "ev-3", "ev-4"]
    assert document["features"][2]["geometry"] is None
    for feature in document["features"][:2]:
        for value in feature["geometry"]["coordinates"]:
            assert len(repr(value).split(".")[-1]) <= 7


@pytest.mark.parametrize("extension", [".geojson", ".gpkg"])
def test_gdal_opens_layers_with_count_point_wgs84_and_contract_fields(events, tmp_path,
                                                                      extension):
    path = tmp_path / f"events{extension}"
    write_events(events, path)
    info = pyogrio.read_info(path)
    assert info["features"] == 4
    assert info["geometry_type"] == "Point"
    assert info["crs"] == "EPSG:4326"
    # GDAL shows a GeoJSON feature's string "id" member as a field in front of the properties
    extra = ["id"] if extension == ".geojson" else []
    assert list(info["fields"]) == extra + list(EVENT_FIELDS)
    _meta, table = pyogrio.read_arrow(path)
    assert table.column("event_id").to_pylist() == ["ev-1", "ev-2", "ev-3", "ev-4"]
    assert table.column("location").to_pylist() == [
        "Karam Houmid", "Jabal al-Tharda", "Somewhere", "Sydney"]


def test_geopackage_keeps_integer_and_date_types(events, tmp_path):
    path = tmp_path / "events.gpkg"
    write_events(events, path)
    info = pyogrio.read_info(path)
    types = dict(zip(info["fields"], info["ogr_types"], strict=True))
    assert types["fatalities"] == "OFTInteger"
    assert types["event_date"] == "OFTDate"
    assert types["geonameid"] == "OFTInteger64"
    _meta, table = pyogrio.read_arrow(path)
    assert table.column("fatalities_low").to_pylist() == [10, None, None, None]


def test_csv_keeps_unmapped_events_with_empty_coordinates(events, tmp_path):
    path = tmp_path / "events.csv"
    assert write_events(events, path) == 4
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0]) == EVENT_FIELDS
    assert (rows[0]["lat"], rows[0]["lon"]) == ("36.2123457", "37.1712346")
    assert rows[2]["event_id"] == "ev-3" and rows[2]["lat"] == "" and rows[2]["lon"] == ""
    assert rows[1]["confidence"] == ""  # NaN never reaches a file


def test_jsonl_has_one_contract_record_per_line_and_nulls(events, tmp_path):
    path = tmp_path / "events.jsonl"
    write_events(events, path)
    records = [strict_json(line) for line in path.read_text("utf-8").splitlines()]
    assert [r["event_id"] for r in records] == ["ev-1", "ev-2", "ev-3", "ev-4"]
    assert list(records[0]) == list(EVENT_FIELDS)
    assert records[2]["lat"] is None and records[2]["event_date"] is None


def test_geoparquet_has_wkb_points_and_geo_metadata(events, tmp_path):
    path = tmp_path / "events.parquet"
    write_events(events, path)
    table = pq.read_table(path)
    geo = json.loads(table.schema.metadata[b"geo"])
    assert geo["primary_column"] == "geometry"
    assert geo["columns"]["geometry"]["encoding"] == "WKB"
    assert geo["columns"]["geometry"]["geometry_types"] == ["Point"]
    assert geo["columns"]["geometry"]["bbox"] == pytest.approx([37.1712346, -33.8688,
                                                               151.2093, 36.2123457])
    assert table.column_names[:len(EVENT_FIELDS)] == list(EVENT_FIELDS)
    points = table.column("geometry").to_pylist()
    assert points[2] is None  # unmapped: null geometry
    order, kind, lon, lat = struct.unpack("<BIdd", points[0])
    assert (order, kind) == (1, 1)
    assert (lon, lat) == pytest.approx((37.1712346, 36.2123457))
    assert table.column("event_date").to_pylist()[0].date().isoformat() == "2016-10-04"


@pytest.mark.parametrize("extension", sorted(WRITERS))
@pytest.mark.parametrize("lat, lon", [(91.0, 10.0), (10.0, -180.5), (float("nan"), 1.0),
                                      (float("inf"), 1.0), (10.0, None)])
def test_schema_check_rejects_bad_coordinates_before_writing(tmp_path, extension, lat, lon):
    path = tmp_path / f"events{extension}"
    path.write_bytes(b"previous output")
    bad = Event("bad", "a", "Battles", "Armed clash", lat=lat, lon=lon)
    with pytest.raises(CoordinateError, match="bad"):
        write_events([bad], path)
    assert path.read_bytes() == b"previous output"
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temp file left


def test_unknown_extension_is_refused(events, tmp_path):
    with pytest.raises(ExportError, match=r"\.geojson"):
        write_events(events, tmp_path / "events.shp")


def test_a_registered_writer_is_chosen_by_extension_and_a_failure_keeps_the_old_file(
        events, tmp_path, monkeypatch):
    import geomap.export as export

    monkeypatch.setattr(export, "WRITERS", dict(WRITERS))
    path = tmp_path / "events.broken"
    path.write_text("previous")

    @register_writer(".broken")
    def broken(_events, target):
        from geomap.atomic import atomic_write
        with atomic_write(target) as handle:
            handle.write("half")
            raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        write_events(events, path)
    assert path.read_text() == "previous"
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def test_empty_event_list_writes_valid_empty_layers(tmp_path):
    for extension in (".geojson", ".gpkg", ".csv", ".jsonl", ".parquet"):
        assert write_events([], tmp_path / f"empty{extension}") == 0
    assert strict_json((tmp_path / "empty.geojson").read_text()) == {
        "type": "FeatureCollection", "features": []}
    assert pyogrio.read_info(tmp_path / "empty.gpkg")["features"] == 0
