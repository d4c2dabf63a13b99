"""Event records out, for GIS tools and scripts: ``write_events(events, "events.geojson")``.

The writer is chosen by the file extension from a registry (``register_writer``), so a new format
is one function. Every writer emits the contract record (geomap.model.EVENT_FIELDS, in order),
writes atomically (geomap.atomic: a reader sees the old file or the complete new one) and refuses
coordinates outside WGS84's range before touching the disk.

Formats: GeoJSON (RFC 7946), GeoPackage (GDAL through pyogrio), GeoParquet (pyarrow, WKB points
and 'geo' metadata), CSV and JSONL. Every format holds every event: an unmapped one (no
coordinates) has null lat/lon and, in the layer formats, a null geometry (RFC 7946 §3.2 allows
it; GDAL reads it as a feature without geometry). The list columns (LIST_FIELDS: every report's
article id, source and URL) are lists in JSONL, GeoJSON and Parquet (list<string>) and
"; "-joined text in CSV and GeoPackage, whose cells hold one value.

GeoJSON features carry the event id as their top-level ``id`` (RFC 7946 §3.2); GDAL exposes a
string ``id`` as an extra "id" field in front of the properties, which stay exactly the record.
GDAL reads integer columns with nulls back as floats from GeoJSON: the values are integers in
the file. GeoParquet names its CRS (EPSG:4326 as PROJJSON, longitude first as the format always
is) so that geopandas reads it as the same CRS as the GeoJSON and GeoPackage layers and joins
them without a CRS-mismatch warning; its ``event_date`` is a timestamp (midnight) because
pandas reads Parquet dates as plain Python objects, timestamps as datetime64.
"""

from __future__ import annotations

import csv
import json
import math
import os
import struct
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from geomap.atomic import atomic_path, atomic_write
from geomap.errors import GeomapError
from geomap.model import EVENT_FIELDS, LIST_FIELDS, Event

COORDINATE_DECIMALS = 7  # RFC 7946 §11.2: more than ~1 cm of precision is noise

#: Column types of the contract record (Arrow names); a test keeps it equal to EVENT_FIELDS.
FIELD_TYPES: dict[str, str] = {
    "event_id": "string", "article_id": "string", "event_date": "date32",
    "time_precision": "int32", "event_type": "string", "sub_event_type": "string",
    "actor1": "string", "actor2": "string", "fatalities": "int32", "fatalities_low": "int32",
    "fatalities_high": "int32", "injured": "int32", "location": "string", "admin1": "string",
    "country": "string", "iso": "int32", "lat": "float64", "lon": "float64",
    "geo_precision": "int32", "geonameid": "int64", "notes": "string", "source": "string",
    "source_url": "string", "confidence": "float64",
    "year": "int32", "disorder_type": "string", "inter1": "int32", "inter2": "int32",
    "interaction": "int32", "civilian_targeting": "string", "region": "string",
    "admin2": "string", "admin3": "string", "source_scale": "string", "tags": "string",
    "timestamp": "int64", "place_id": "string",
    "article_ids": "list<string>", "sources": "list<string>", "source_urls": "list<string>",
    "n_reports": "int32",
}
LIST_SEPARATOR = "; "  # how CSV and GeoPackage cells hold a list column
_CRS_FILE = Path(__file__).resolve().parent / "data" / "epsg4326.projjson"

Writer = Callable[[Sequence[Event], Path], int]
WRITERS: dict[str, Writer] = {}


class ExportError(GeomapError):
    """The events cannot be written in the requested format (bad extension, bad record)."""

    exit_code = 2  # EXIT_USAGE for an unknown extension; a bad coordinate is a data error too


class CoordinateError(ExportError):
    """An event's coordinates are outside WGS84's range or not finite."""

    exit_code = 1  # coordinates come from the gazetteer: a bad one is a bug, not bad input


def register_writer(*extensions: str) -> Callable[[Writer], Writer]:
    """Register ``writer(events, path) -> count`` for file extensions (".geojson", ...)."""
    def decorate(writer: Writer) -> Writer:
        for extension in extensions:
            WRITERS[extension.lower()] = writer
        return writer
    return decorate


def write_events(events: Iterable[Event], path: str | os.PathLike) -> int:
    """Write events to ``path`` in the format of its extension; returns the number written.

    >>> write_events(events, "outputs/events.geojson")   # doctest: +SKIP
    4
    """
    target = Path(path)
    extension = target.suffix.lower()
    writer = WRITERS.get(extension)
    if writer is None:
        known = ", ".join(sorted(WRITERS))
        raise ExportError(f"{target}: unknown output format {extension or '(none)'}; use {known}")
    events = list(events)
    check_coordinates(events)
    return writer(events, target)


def check_coordinates(events: Iterable[Event]) -> None:
    """The schema check: lat in [-90, 90], lon in [-180, 180], finite, both or neither."""
    for event in events:
        lat, lon = event.lat, event.lon
        if lat is None and lon is None:
            continue
        if lat is None or lon is None:
            raise CoordinateError(f"event {event.event_id}: only one coordinate (lat={lat}, "
                                  f"lon={lon})")
        if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90
                and -180 <= lon <= 180):
            raise CoordinateError(f"event {event.event_id}: coordinates out of range "
                                  f"(lat={lat}, lon={lon})")


def is_mapped(event: Event) -> bool:
    return event.lat is not None and event.lon is not None


def clean_record(event: Event, *, joined: bool = False) -> dict[str, Any]:
    """The contract record with any NaN or infinity turned into None (never NaN in a file);
    ``joined`` turns the list columns into "; "-joined text (None when empty)."""
    record = event.record()
    for name, value in record.items():
        if isinstance(value, float) and not math.isfinite(value):
            record[name] = None
    for name in ("lat", "lon"):
        if record[name] is not None:
            record[name] = round(record[name], COORDINATE_DECIMALS)
    if joined:
        for name in LIST_FIELDS:
            record[name] = LIST_SEPARATOR.join(record[name]) or None
    return record


def _geometry(event: Event) -> dict[str, Any] | None:
    if not is_mapped(event):
        return None
    return {"type": "Point", "coordinates": [round(event.lon, COORDINATE_DECIMALS),
                                             round(event.lat, COORDINATE_DECIMALS)]}


@register_writer(".geojson")
def write_geojson(events: Sequence[Event], path: Path) -> int:
    """RFC 7946: one FeatureCollection of Points ([lon, lat]) or null geometries, each Feature
    identified by its event id, no ``crs`` member."""
    features = [{"type": "Feature", "id": event.event_id, "geometry": _geometry(event),
                 "properties": clean_record(event)} for event in events]
    with atomic_write(path) as handle:
        json.dump({"type": "FeatureCollection", "features": features}, handle,
                  ensure_ascii=False, allow_nan=False, separators=(",", ":"))
        handle.write("\n")
    return len(features)


@register_writer(".jsonl", ".ndjson")
def write_jsonl(events: Sequence[Event], path: Path) -> int:
    with atomic_write(path) as handle:
        for event in events:
            handle.write(json.dumps(clean_record(event), ensure_ascii=False, allow_nan=False))
            handle.write("\n")
    return len(events)


@register_writer(".csv")
def write_csv(events: Sequence[Event], path: Path) -> int:
    """One row per event, the contract columns (lat/lon among them); empty cell = null, list
    columns "; "-joined."""
    with atomic_write(path, newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=EVENT_FIELDS)
        writer.writeheader()
        for event in events:
            writer.writerow(clean_record(event, joined=True))
    return len(events)


def arrow_type(name: str, *, joined: bool = False) -> Any:
    """The pyarrow type of a contract column (a joined list column is a string)."""
    import pyarrow as pa

    kind = FIELD_TYPES[name]
    if kind == "list<string>":
        return pa.string() if joined else pa.list_(pa.string())
    return getattr(pa, kind)()


def arrow_table(events: Sequence[Event], *, joined: bool = False) -> Any:
    """The contract records as a pyarrow Table (typed columns, nulls kept as nulls); ``joined``
    as in clean_record, for formats whose cells hold one value."""
    import pyarrow as pa

    records = [clean_record(event, joined=joined) for event in events]
    columns = {}
    for name in EVENT_FIELDS:
        values = [record[name] for record in records]
        if FIELD_TYPES[name] == "date32":
            values = [date.fromisoformat(value) if value else None for value in values]
        columns[name] = pa.array(values, type=arrow_type(name, joined=joined))
    return pa.table(columns)


def _geometry_column(events: Sequence[Event]) -> Any:
    import pyarrow as pa

    return pa.array([point_wkb(event.lon, event.lat) if is_mapped(event) else None
                     for event in events], pa.binary())


def point_wkb(lon: float, lat: float) -> bytes:
    """ISO WKB of a 2D point, little-endian (byte order 1, geometry type 1)."""
    return struct.pack("<BIdd", 1, 1, lon, lat)


@register_writer(".gpkg")
def write_geopackage(events: Sequence[Event], path: Path) -> int:
    """GeoPackage through GDAL (pyogrio's bundled build), layer "events", EPSG:4326; unmapped
    events are features with a null geometry."""
    import pyogrio

    table = arrow_table(events, joined=True).append_column("geometry", _geometry_column(events))
    with atomic_path(path) as temporary:
        pyogrio.write_arrow(table, temporary, layer="events", driver="GPKG",
                            geometry_name="geometry", geometry_type="Point", crs="EPSG:4326")
    return len(events)


@register_writer(".parquet", ".geoparquet")
def write_geoparquet(events: Sequence[Event], path: Path) -> int:
    """GeoParquet 1.1: WKB ``geometry`` column plus the 'geo' file metadata (EPSG:4326)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    mapped = [event for event in events if is_mapped(event)]
    table = arrow_table(events)
    dates = table.schema.get_field_index("event_date")
    table = table.set_column(dates, "event_date",
                             table.column(dates).cast(pa.timestamp("ms")))
    table = table.append_column("geometry", _geometry_column(events))
    bbox = ([min(e.lon for e in mapped), min(e.lat for e in mapped),
             max(e.lon for e in mapped), max(e.lat for e in mapped)] if mapped else None)
    # Without a "crs" key GeoParquet means OGC:CRS84, which geopandas keeps apart from the
    # EPSG:4326 it reads the other layers as; both are WGS84 with longitude first in the file.
    column: dict[str, Any] = {"encoding": "WKB", "geometry_types": ["Point"],
                              "crs": json.loads(_CRS_FILE.read_text("utf-8"))}
    if bbox:
        column["bbox"] = bbox
    geo = {"version": "1.1.0", "primary_column": "geometry", "columns": {"geometry": column}}
    table = table.replace_schema_metadata({**(table.schema.metadata or {}),
                                           b"geo": json.dumps(geo).encode("utf-8")})
    with atomic_path(path) as temporary:
        pq.write_table(table, temporary)
    return len(events)
