"""User lists of named points: CSV (a header with name, lat, lon) or GeoJSON Point features.

Optional columns/properties: ``alternate_names`` (``|``-separated), ``feature_class``,
``feature_code`` (default L/LCTY, GeoNames' "locality"), ``country`` (ISO2), ``admin1``,
``population``, ``geonameid`` (else a stable id derived from name, country and position, so
importing the same list twice gives the same rows) and ``source`` (default "user").
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

from gazetteer.errors import ImportInputError
from gazetteer.ids import synthetic_id
from gazetteer.model import Feature

DEFAULT_CLASS, DEFAULT_CODE = "L", "LCTY"


def point_feature(record: dict, known_countries: set[str], source: str = "user") -> Feature:
    """A Feature from one record's fields; ValueError says what is wrong with it."""
    name = str(record.get("name") or "").strip()
    if not name:
        raise ValueError("empty name")
    try:
        lat, lon = float(record["lat"]), float(record["lon"])
    except (KeyError, TypeError, ValueError):
        raise ValueError(f"{name}: lat/lon missing or not numbers") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(f"{name}: coordinates out of range ({lat}, {lon})")
    country = str(record.get("country") or "").strip().upper() or None
    if country is not None and country not in known_countries:
        raise ValueError(f"{name}: unknown country code {country!r}")
    feature_class = str(record.get("feature_class") or DEFAULT_CLASS).strip().upper()
    feature_code = str(record.get("feature_code") or DEFAULT_CODE).strip().upper()
    raw_id = str(record.get("geonameid") or "").strip()
    geonameid = int(raw_id) if raw_id.lstrip("-").isdigit() else synthetic_id(
        "point", f"{country}:{name}:{lat:.4f}:{lon:.4f}")
    alternates = record.get("alternate_names") or ""
    if isinstance(alternates, str):
        alternates = alternates.split("|")
    return Feature(
        geonameid=geonameid, name=name, lat=lat, lon=lon, feature_class=feature_class,
        feature_code=feature_code, country_code=country,
        admin1_code=str(record.get("admin1") or "").strip() or None,
        population=int(float(record.get("population") or 0)),
        source=str(record.get("source") or source),
        names=[alt.strip() for alt in alternates if str(alt).strip()])


def read_csv_points(path: str | Path, known_countries: set[str]
                    ) -> Iterator[Feature | ImportInputError]:
    path = Path(path)
    try:
        handle = open(path, encoding="utf-8-sig", newline="")
    except OSError as error:
        yield ImportInputError(f"cannot read: {error}", str(path))
        return
    with handle:
        try:
            reader = csv.DictReader(handle)
            missing = {"name", "lat", "lon"} - set(reader.fieldnames or ())
            if missing:
                yield ImportInputError(f"CSV header lacks {', '.join(sorted(missing))}",
                                       str(path), 1)
                return
            for record in reader:
                try:
                    yield point_feature(record, known_countries)
                except ValueError as error:
                    yield ImportInputError(str(error), str(path), reader.line_num)
        except UnicodeDecodeError as error:
            yield ImportInputError(f"not valid UTF-8 ({error.reason}); rows after it skipped",
                                   str(path))


def read_geojson_points(path: str | Path, known_countries: set[str]
                        ) -> Iterator[Feature | ImportInputError]:
    """GeoJSON Point features; errors name the feature index (a GeoJSON file has no lines)."""
    path = Path(path)
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        line = getattr(error, "lineno", None)
        yield ImportInputError(f"not readable GeoJSON: {error}", str(path), line)
        return
    features = document.get("features") if isinstance(document, dict) else None
    if not isinstance(features, list):
        yield ImportInputError("not a GeoJSON FeatureCollection", str(path))
        return
    for index, item in enumerate(features):
        try:
            geometry = item.get("geometry") or {}
            if geometry.get("type") != "Point":
                raise ValueError(f"geometry {geometry.get('type')!r} is not a Point")
            lon, lat = geometry["coordinates"][:2]
            properties = dict(item.get("properties") or {})
            properties.setdefault("name", properties.get("title"))
            if item.get("id") is not None and "geonameid" not in properties:
                properties["geonameid"] = item["id"]
            yield point_feature({**properties, "lat": lat, "lon": lon}, known_countries)
        except (ValueError, TypeError, KeyError, AttributeError) as error:
            yield ImportInputError(f"feature {index}: {error}", str(path))
