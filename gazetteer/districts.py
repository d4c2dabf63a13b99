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

The embedded default has districts too, named from cities1000 but without codes
(sources/admin2.py), and keeps their member places (table ``district_member``). A country dump
brings those places again with their admin2 codes, so :func:`adopt_dump_codes` gives each such
district the code most of its members carry, then places it again, as above, at the median of
*all* the dump's places with that code. Where admin2Codes.txt names the code, its district wins:
the embedded one hands its spellings over and goes.
"""

from __future__ import annotations

import sqlite3
import statistics
from collections.abc import Iterable
from typing import TYPE_CHECKING

from gazetteer import store
from gazetteer.errors import ImportInputError
from gazetteer.model import DUMP_DISTRICT_SOURCE, Feature
from gazetteer.names import district_names
from gazetteer.sources.geonames_dump import Admin2Code

if TYPE_CHECKING:
    from gazetteer.importer import ImportReport

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
    points = place_points(conn, set(unplaced))
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
                source=DUMP_DISTRICT_SOURCE, names=names, admin2_code=code.admin2_code))
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
            [*chunk, DUMP_DISTRICT_SOURCE]))
    return found


def place_points(conn: sqlite3.Connection, wanted: set[_Key]) -> dict[_Key, tuple[float, float]]:
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


MEMBER_SCHEMA = """CREATE TABLE IF NOT EXISTS district_member (
    geonameid INTEGER PRIMARY KEY,
    district INTEGER NOT NULL
) WITHOUT ROWID"""


def write_members(conn: sqlite3.Connection, rows: Iterable[tuple[int, int]]) -> None:
    """(place geonameid, district geonameid) of the embedded default's districts."""
    conn.execute(MEMBER_SCHEMA)
    conn.executemany("INSERT OR REPLACE INTO district_member (geonameid, district) VALUES (?, ?)",
                     rows)


def adopt_dump_codes(conn: sqlite3.Connection) -> None:
    """Code and place again the embedded districts whose places came with admin2 codes (or
    hand them over to admin2Codes.txt's district of that code)."""
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'district_member'").fetchone():
        return
    votes: dict[int, dict[_Key, int]] = {}
    for district, country, admin1, admin2 in conn.execute(
            "SELECT m.district, f.country_code, f.admin1_code, fa.admin2_code "
            "FROM district_member AS m JOIN feature_admin2 AS fa ON fa.geonameid = m.geonameid "
            "JOIN feature AS f ON f.geonameid = m.geonameid"):
        key = (country, admin1 or "", admin2)
        counts = votes.setdefault(district, {})
        counts[key] = counts.get(key, 0) + 1
    # A code goes to the district with the most members under it; a second district that
    # claims it (two spellings of one district) hands its names over.
    best = {district: max(counts.items(), key=lambda item: (item[1], item[0]))
            for district, counts in votes.items()}
    owner: dict[_Key, tuple[int, int]] = {}
    for district, (key, count) in best.items():
        if key not in owner or count > owner[key][1]:
            owner[key] = (district, count)
    named = _named_districts(conn, set(owner))
    points = place_points(conn, set(owner) - set(named))
    for key, (district, _count) in owner.items():
        if key in named:
            _hand_over(conn, district, named[key])
        elif key in points:
            lat, lon = points[key]
            conn.execute("UPDATE feature SET lat = ?, lon = ?, admin1_code = ? "
                         "WHERE geonameid = ?", (lat, lon, key[1] or None, district))
            conn.execute("INSERT OR REPLACE INTO feature_admin2 (geonameid, admin2_code) "
                         "VALUES (?, ?)", (district, key[2]))
    for district in set(votes) - {district for district, _ in owner.values()}:
        key = best[district][0]
        _hand_over(conn, district, named.get(key, owner[key][0]))
    conn.commit()


def _named_districts(conn: sqlite3.Connection, keys: set[_Key]) -> dict[_Key, int]:
    """Codes that admin2Codes.txt named and placed: key -> that district's feature."""
    found = {}
    for country, admin1, admin2, geonameid in conn.execute(
            "SELECT a.country_code, a.admin1_code, a.admin2_code, a.geonameid FROM admin2 AS a "
            "JOIN feature AS f ON f.geonameid = a.geonameid"):
        if (country, admin1, admin2) in keys:
            found[(country, admin1, admin2)] = geonameid
    return found


def _hand_over(conn: sqlite3.Connection, district: int, heir: int) -> None:
    """The embedded district's spellings go to ``heir``; the district and its members go."""
    if district == heir:
        return
    conn.execute("INSERT OR IGNORE INTO name (key, geonameid, is_primary) "
                 "SELECT key, ?, 0 FROM name WHERE geonameid = ?", (heir, district))
    for table in ("name", "feature", "feature_admin2"):
        conn.execute(f"DELETE FROM {table} WHERE geonameid = ?", (district,))
    conn.execute("DELETE FROM district_member WHERE district = ?", (district,))
