"""Districts as places: GeoNames' admin2Codes.txt becomes one ADM2 feature per district.

News names districts ("fighting in Suki district") that often have no village of the same name.
Each admin2 row gives the district's name and GeoNames id. When the country dump brought the
district's own ADM2 row, it keeps its point and only gains the district spellings. Otherwise the
district gets a feature of its own at the **median latitude and median longitude of its populated
places** (their admin2 code ties them to it): a median, not a mean, because a few villages filed
under the wrong code must not drag the point across the map, and not the most populous place,
because most villages in the dumps carry population 0, which makes "the most populous" an
arbitrary one. Districts with no populated place here (another country, or one we did not
import) are skipped: there is nothing to place them by.
"""

from __future__ import annotations

import sqlite3
import statistics
from collections.abc import Iterable
from typing import TYPE_CHECKING

from gazetteer import store
from gazetteer.errors import ImportInputError
from gazetteer.model import Feature
from gazetteer.names import district_names
from gazetteer.sources.geonames_dump import Admin2Code

if TYPE_CHECKING:
    from gazetteer.importer import ImportReport

#: Source of the ADM2 features placed here (a real ADM2 row from a dump replaces it).
DERIVED_SOURCE = "geonames-admin2"

_Key = tuple[str, str, str]


def import_admin2(conn: sqlite3.Connection, items: Iterable[Admin2Code | ImportInputError],
                  report: ImportReport) -> None:
    """Record the district names, create or name each district's feature."""
    codes: list[Admin2Code] = []
    for item in items:
        if isinstance(item, ImportInputError):
            report.add_error(item)
        else:
            codes.append(item)
    conn.executemany(
        "INSERT OR REPLACE INTO admin2 (country_code, admin1_code, admin2_code, name, geonameid) "
        "VALUES (?, ?, ?, ?, ?)",
        [(c.country_code, c.admin1_code, c.admin2_code, c.name, c.geonameid) for c in codes])
    existing = _existing_features(conn, [c.geonameid for c in codes if c.geonameid])
    unplaced = {_key(c): c for c in codes if c.geonameid not in existing}
    points = _place_points(conn, set(unplaced))
    writer = store.FeatureWriter(conn)
    for code in codes:
        names = district_names(code.name) + district_names(code.asciiname)
        if code.geonameid in existing:
            writer.add_names(code.geonameid, names, "ADM2")
        elif _key(code) in points and code.geonameid is not None:
            lat, lon = points[_key(code)]
            writer.add(Feature(
                geonameid=code.geonameid, name=code.name, asciiname=code.asciiname or None,
                lat=lat, lon=lon, feature_class="A", feature_code="ADM2",
                country_code=code.country_code, admin1_code=code.admin1_code,
                source=DERIVED_SOURCE, names=names, admin2_code=code.admin2_code))
        else:
            report.skipped += 1
            continue
        report.imported += 1
    writer.finish()


def _key(code: Admin2Code) -> _Key:
    return code.country_code, code.admin1_code, code.admin2_code


def _existing_features(conn: sqlite3.Connection, ids: list[int]) -> set[int]:
    """Districts with a feature of their own (points placed here are placed again: more
    villages may have come in since)."""
    found: set[int] = set()
    for start in range(0, len(ids), 900):  # SQLite's host-parameter limit
        chunk = ids[start:start + 900]
        marks = ",".join("?" * len(chunk))
        found.update(row[0] for row in conn.execute(
            f"SELECT geonameid FROM feature WHERE geonameid IN ({marks}) AND source != ?",
            [*chunk, DERIVED_SOURCE]))
    return found


def _place_points(conn: sqlite3.Connection, wanted: set[_Key]) -> dict[_Key, tuple[float, float]]:
    """Median point of each wanted district's populated places, one pass over them."""
    if not wanted:
        return {}
    lats: dict[_Key, list[float]] = {}
    lons: dict[_Key, list[float]] = {}
    countries = sorted({key[0] for key in wanted})
    marks = ",".join("?" * len(countries))
    rows = conn.execute(
        "SELECT f.country_code, f.admin1_code, fa.admin2_code, f.lat, f.lon "
        "FROM feature_admin2 AS fa JOIN feature AS f ON f.geonameid = fa.geonameid "
        f"WHERE f.feature_class = 'P' AND f.country_code IN ({marks})", countries)
    for country, admin1, admin2, lat, lon in rows:
        key = (country, admin1 or "", admin2)
        if key in wanted:
            lats.setdefault(key, []).append(lat)
            lons.setdefault(key, []).append(lon)
    return {key: (statistics.median(lats[key]), statistics.median(lons[key])) for key in lats}
