"""geomap's own event files read back: GeoJSON, JSONL, CSV and (Geo)Parquet written by `export`.

A file is recognised by its content, not its name: a FeatureCollection whose properties carry
``event_id`` and ``event_type``, JSON lines that do, a CSV whose header does, a Parquet file
with those columns. ``read_event_file`` returns None for anything else, so the caller can read
the file as articles instead (or refuse it).

    >>> events = read_event_file(Path("outputs/events.geojson"))   # doctest: +SKIP
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import math
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

from geomap.errors import InputError
from geomap.model import Event

#: The columns that make a table or a JSON object an event record rather than an article.
EVENT_MARKERS = ("event_id", "event_type")
_FIELDS = {spec.name: str(spec.type) for spec in dataclasses.fields(Event) if spec.init}
_REQUIRED = ("event_id", "article_id", "event_type", "sub_event_type")


def is_event_record(record: Any) -> bool:
    return isinstance(record, Mapping) and all(key in record for key in EVENT_MARKERS)


def event_from_record(record: Mapping[str, Any]) -> Event:
    """An Event from a record as the exports write it (JSON, a CSV row, a DataFrame row).

    Values are coerced to the field's type: "3" or 3.0 -> 3, "2021-05-04" -> a date, a list or
    a "; "-joined string -> a tuple; None, "", NaN and pandas' missing values are None. Keys that
    are not Event fields (a geometry, a user's own column) are ignored.
    """
    values = {name: _coerce(_FIELDS[name], value) for name, value in record.items()
              if name in _FIELDS}
    for name in _REQUIRED:
        values[name] = "" if values.get(name) is None else str(values[name])
    return Event(**values)


def _coerce(annotation: str, value: Any) -> Any:
    value = plain_value(value)
    if value is None:
        return () if annotation.startswith("tuple[str") else None
    kind = annotation.split("|")[0].strip()
    if kind == "int":
        return int(float(value)) if isinstance(value, str) else int(value)
    if kind == "float":
        return float(value)
    if kind == "date":
        return _as_date(value)
    if kind.startswith("tuple[str"):
        if isinstance(value, str):  # CSV and GPKG join list columns with "; "
            return tuple(part for part in value.split("; ") if part)
        return tuple(str(item) for item in value)
    if kind.startswith("tuple[int"):
        return tuple(int(item) for item in value)
    return str(value) if kind == "str" else value


def plain_value(value: Any) -> Any:
    """A pandas/numpy cell as a plain Python value; every kind of missing value is None."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if type(value).__name__ in {"NAType", "NaTType"}:  # pandas' missing values
        return None
    if hasattr(value, "tolist") and not isinstance(value, (str, bytes)):
        value = value.tolist()  # numpy scalars and arrays
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def _as_date(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if hasattr(value, "date"):  # a pandas Timestamp
        return value.date()
    return date.fromisoformat(str(value)[:10])


def read_event_file(path: Path, data: bytes | None = None) -> list[Event] | None:
    """The events of one of geomap's event files, or None when ``path`` is not one.

    An event file with a broken record raises InputError (path:line): half an event layer
    would map as if it were whole.
    """
    if data is None:
        data = path.read_bytes()
    if data[:4] == b"PAR1":
        return _parquet_events(path)
    text = data.decode("utf-8-sig", errors="replace")
    if text.lstrip()[:1] == "{":
        return _json_events(text, str(path))
    return _csv_events(text, str(path))


def _json_events(text: str, name: str) -> list[Event] | None:
    try:
        document = json.loads(text)
    except json.JSONDecodeError:
        return _jsonl_events(text, name)
    if isinstance(document, dict) and document.get("type") == "FeatureCollection":
        features = document.get("features") or []
        properties = [feature.get("properties") if isinstance(feature, dict) else None
                      for feature in features]
        if all(is_event_record(record) for record in properties):
            return _built([(number, record) for number, record in enumerate(properties, 1)],
                          name)
        return None
    if is_event_record(document):  # a JSONL file of one line
        return _built([(1, document)], name)
    return None


def _jsonl_events(text: str, name: str) -> list[Event] | None:
    rows = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            if not rows:
                return None
            raise InputError(f"invalid JSON in an event file: {error.msg}", name, number) from None
        if not is_event_record(record):
            if not rows:
                return None
            raise InputError("a line without event_id/event_type in an event file", name, number)
        rows.append((number, record))
    return _built(rows, name) if rows else None


def _csv_events(text: str, name: str) -> list[Event] | None:
    first_line = text.split("\n", 1)[0]
    header = [cell.strip() for cell in next(csv.reader([first_line]), [])]
    if not all(marker in header for marker in EVENT_MARKERS):
        return None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    return _built([(number, row) for number, row in enumerate(reader, 2)], name)


def _parquet_events(path: Path) -> list[Event] | None:
    import pyarrow.parquet

    table = pyarrow.parquet.read_table(path)
    if not all(marker in table.column_names for marker in EVENT_MARKERS):
        return None
    columns = [name for name in table.column_names if name in _FIELDS]
    return _built(list(enumerate(table.select(columns).to_pylist(), 1)), str(path))


def _built(rows: list[tuple[int, Mapping[str, Any]]], name: str) -> list[Event]:
    events = []
    for number, record in rows:
        try:
            events.append(event_from_record(record))
        except (TypeError, ValueError) as error:
            raise InputError(f"bad event record: {error}", name, number) from None
    return events
