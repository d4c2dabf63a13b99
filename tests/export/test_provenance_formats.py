"""Every report of an event survives every format; GIS tools read the layers as one dataset."""

from __future__ import annotations

import csv
import json
import warnings
from datetime import date

import pandas
import pyarrow
import pyarrow.parquet as pq
import pyogrio
import pytest

from geomap.events import events_frame
from geomap.export import FIELD_TYPES, LIST_SEPARATOR, write_events
from geomap.model import EVENT_FIELDS, LIST_FIELDS, Event

REPORTS = {"article_ids": ["art-1", "art-2"], "sources": ["Wire One", "Daily Two"],
           "source_urls": ["https://one.example/a", "https://two.example/b?x=1&y=2"]}


@pytest.fixture
def merged() -> list[Event]:
    return [
        Event("m-1", "art-1", "Battles", "Armed clash", event_date=date(2021, 4, 5),
              lat=12.5, lon=-8.25, fatalities=2, injured=None, n_reports=2, year=2021,
              place_id="geonames:42", geonameid=42,
              **{name: tuple(values) for name, values in REPORTS.items()}),
        Event("m-2", "art-3", "Protests", "Peaceful protest", event_date=date(2019, 12, 31),
              source="Only One", tags="crowd size=no report", place_id="supplement:7"),
    ]


def test_list_columns_are_typed_lists_in_the_contract():
    assert set(LIST_FIELDS) <= set(EVENT_FIELDS)
    assert all(FIELD_TYPES[name] == "list<string>" for name in LIST_FIELDS)


def test_json_formats_keep_lists(merged, tmp_path):
    write_events(merged, tmp_path / "e.jsonl")
    write_events(merged, tmp_path / "e.geojson")
    lines = [json.loads(line) for line in (tmp_path / "e.jsonl").read_text().splitlines()]
    features = json.loads((tmp_path / "e.geojson").read_text())["features"]
    for records in (lines, [feature["properties"] for feature in features]):
        assert {name: records[0][name] for name in REPORTS} == REPORTS
        assert records[1]["sources"] == ["Only One"] and records[1]["source_urls"] == []
        assert records[0]["n_reports"] == 2 and records[1]["n_reports"] == 1


def test_parquet_keeps_lists_as_list_of_strings(merged, tmp_path):
    write_events(merged, tmp_path / "e.parquet")
    table = pq.read_table(tmp_path / "e.parquet")
    second = {"article_ids": ["art-3"], "sources": ["Only One"], "source_urls": []}
    for name, values in REPORTS.items():
        kind = table.schema.field(name).type
        assert pyarrow.types.is_list(kind) and pyarrow.types.is_string(kind.value_type)
        assert table.column(name).to_pylist() == [values, second[name]]


def test_single_value_formats_join_lists(merged, tmp_path):
    write_events(merged, tmp_path / "e.csv")
    write_events(merged, tmp_path / "e.gpkg")
    with (tmp_path / "e.csv").open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    _meta, table = pyogrio.read_arrow(tmp_path / "e.gpkg")
    gpkg_rows = table.to_pylist()
    for name, values in REPORTS.items():
        assert rows[0][name] == LIST_SEPARATOR.join(values)
        assert gpkg_rows[0][name] == LIST_SEPARATOR.join(values)
    assert rows[1]["source_urls"] == "" and gpkg_rows[1]["source_urls"] is None


@pytest.mark.parametrize("extension", [".geojson", ".gpkg"])
def test_unmapped_events_are_features_with_null_geometry_that_gdal_reads(merged, tmp_path,
                                                                         extension):
    path = tmp_path / f"e{extension}"
    assert write_events(merged, path) == 2
    info = pyogrio.read_info(path)
    assert info["features"] == 2 and info["geometry_type"] == "Point"
    meta, table = pyogrio.read_arrow(path)
    assert table.column("event_id").to_pylist() == ["m-1", "m-2"]
    geometries = table.column(meta["geometry_name"] or "wkb_geometry").to_pylist()
    assert geometries[0] is not None and geometries[1] is None


def test_geojson_features_are_identified_by_event_id_and_properties_are_the_record(merged,
                                                                                    tmp_path):
    path = tmp_path / "e.geojson"
    write_events(merged, path)
    features = json.loads(path.read_text())["features"]
    assert [feature["id"] for feature in features] == ["m-1", "m-2"]
    assert all(list(feature["properties"]) == list(EVENT_FIELDS) for feature in features)


def test_parquet_event_date_is_a_datetime_in_pandas(merged, tmp_path):
    path = tmp_path / "e.parquet"
    write_events(merged, path)
    frame = pandas.read_parquet(path)
    assert pandas.api.types.is_datetime64_any_dtype(frame["event_date"])
    assert list(frame[frame.event_date >= "2020-01-01"].event_id) == ["m-1"]


def test_geoparquet_names_epsg_4326_with_longitude_first(merged, tmp_path):
    path = tmp_path / "e.parquet"
    write_events(merged, path)
    geo = json.loads(pq.read_schema(path).metadata[b"geo"])
    crs = geo["columns"]["geometry"]["crs"]
    assert crs["id"] == {"authority": "EPSG", "code": 4326}
    assert geo["columns"]["geometry"]["bbox"] == [-8.25, 12.5, -8.25, 12.5]


def test_geopandas_reads_parquet_and_geojson_in_one_crs_and_joins_them(merged, tmp_path):
    geopandas = pytest.importorskip("geopandas")
    write_events(merged, tmp_path / "e.parquet")
    write_events(merged, tmp_path / "e.geojson")
    write_events(merged, tmp_path / "e.gpkg")
    from_parquet = geopandas.read_parquet(tmp_path / "e.parquet")
    from_geojson = geopandas.read_file(tmp_path / "e.geojson")
    from_gpkg = geopandas.read_file(tmp_path / "e.gpkg")
    assert from_parquet.crs == from_geojson.crs == from_gpkg.crs
    assert from_parquet.crs.to_epsg() == 4326
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a CRS mismatch warning would fail here
        joined = geopandas.sjoin(from_geojson[from_geojson.geometry.notna()],
                                 from_parquet[from_parquet.geometry.notna()][
                                     ["event_id", "geometry"]], how="inner")
    assert list(joined.event_id_left) == ["m-1"]
    assert from_parquet.geometry.iloc[0].x == pytest.approx(-8.25)  # lon first


def test_events_frame_is_typed_for_analysis(merged):
    frame = events_frame(merged)
    assert list(frame.columns) == list(EVENT_FIELDS)
    assert str(frame["event_date"].dtype).startswith("datetime64")
    assert list(frame[frame.event_date >= "2020-01-01"].event_id) == ["m-1"]
    for name in ("fatalities", "injured", "geonameid", "n_reports", "year", "timestamp"):
        assert str(frame[name].dtype) == "Int64", name
    assert frame["injured"].isna().all()
    assert str(frame["lat"].dtype) == "float64"
    for name in ("event_type", "sub_event_type", "disorder_type"):
        assert isinstance(frame[name].dtype, pandas.CategoricalDtype), name
    assert "Riots" in frame["event_type"].cat.categories  # the whole taxonomy, not just seen
    assert frame["sources"].iloc[0] == REPORTS["sources"]
    assert frame["actor1"].iloc[0] is None
    empty = events_frame([])
    assert list(empty.columns) == list(EVENT_FIELDS) and len(empty) == 0


def test_no_nan_reaches_any_file(merged, tmp_path):
    nan_event = merged[0].replace(confidence=float("nan"))
    for extension in (".geojson", ".jsonl"):
        write_events([nan_event], tmp_path / f"n{extension}")
        text = (tmp_path / f"n{extension}").read_text()
        assert "NaN" not in text and '"confidence":null' in text.replace(" ", "")
