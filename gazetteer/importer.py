"""`geomap gazetteer import`: load GeoNames dumps and user point lists into a gazetteer file.

Imports are idempotent (rows are keyed by geonameid, names by (key, geonameid)), stream in
bounded memory, hold the file's lock for their whole run, and rewrite the name index once at the
end. Bad rows are reported with file and line in an :class:`ImportReport`; the rest is imported.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from gazetteer import store
from gazetteer.districts import adopt_dump_codes, import_admin2
from gazetteer.errors import ImportInputError
from gazetteer.fuzzynames import write_fuzzy_names
from gazetteer.model import Feature
from gazetteer.nameindex import write_name_index
from gazetteer.paths import exclusive_lock
from gazetteer.sources import geonames_dump, point_list

#: How many errors a report keeps verbatim (the count stays exact).
MAX_KEPT_ERRORS = 1000
_BATCH = 5000


@dataclass
class ImportReport:
    path: str
    kind: str
    imported: int = 0
    skipped: int = 0  # rows that are fine but not for us (names of features we do not hold)
    error_count: int = 0
    errors: list[ImportInputError] = field(default_factory=list)

    def add_error(self, error: ImportInputError) -> None:
        self.error_count += 1
        if len(self.errors) < MAX_KEPT_ERRORS:
            self.errors.append(error)

    @property
    def ok(self) -> bool:
        return self.error_count == 0

    def summary(self) -> str:
        text = f"{self.path} ({self.kind}): {self.imported} imported"
        if self.skipped:
            text += f", {self.skipped} skipped (no such feature here)"
        if self.error_count:
            text += f", {self.error_count} bad rows"
        return text


def detect_kind(path: str | Path) -> str:
    """geonames | alternatenames | admin1 | admin2 | countryinfo | csv | geojson, from the file
    name."""
    name = Path(path).name.lower()
    if name.startswith("alternatenames"):
        return "alternatenames"
    if name.startswith("admin1codes"):
        return "admin1"
    if name.startswith("admin2codes"):
        return "admin2"
    if name.startswith("countryinfo"):
        return "countryinfo"
    if name.endswith(".csv"):
        return "csv"
    if name.endswith((".geojson", ".json")):
        return "geojson"
    if name.endswith((".txt", ".zip")):
        return "geonames"  # allCountries, per-country XX.zip, cities500/1000/... (19 columns)
    raise ImportInputError("cannot tell the file's format from its name; pass --format",
                           str(path))


KINDS = ("geonames", "alternatenames", "admin1", "admin2", "countryinfo", "csv", "geojson")


def import_files(database: str | Path, paths: Iterable[str | Path | tuple[str | Path, str]], *,
                 kind: str | None = None, create: bool = True, scratch: bool = False,
                 progress: Callable[[int], None] | None = None) -> list[ImportReport]:
    """Import each file into ``database`` (created empty if missing and ``create``).

    An item may be a (path, kind) pair: a country's alternate names come as ``XX.zip`` too.
    ``scratch``: the file is a private copy that a crash discards (gazetteer.download), so
    skip the journal and fsyncs while importing.
    """
    database = Path(database)
    database.parent.mkdir(parents=True, exist_ok=True)
    reports = []
    with exclusive_lock(database):
        conn = store.connect(database, create=create and not database.is_file())
        conn.execute(f"PRAGMA main.journal_mode = {'OFF' if scratch else 'WAL'}")
        conn.execute(f"PRAGMA synchronous = {'OFF' if scratch else 'NORMAL'}")
        conn.execute("PRAGMA mmap_size = 0")  # keep a 13M-row import's RSS to the page cache
        try:
            store.ensure_admin2(conn)
            # Each file commits on its own: if we die before the name index is rewritten, the
            # next open must see the index as stale and rebuild it, not miss the new names.
            conn.execute("DELETE FROM meta WHERE key IN ('index_token', 'fuzzy_names')")
            conn.commit()
            for item in paths:
                path, item_kind = item if isinstance(item, tuple) else (item, None)
                reports.append(_import_one(conn, Path(path),
                                           item_kind or kind or detect_kind(path), progress))
            adopt_dump_codes(conn)
            reconcile_admin1(conn)
            write_fuzzy_names(conn)
            write_name_index(conn, database)
            if scratch:  # back to what readers of the file expect (the pragma answers a row)
                conn.execute("PRAGMA main.journal_mode = WAL").fetchall()
            conn.execute("PRAGMA main.wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
    return reports


def _import_one(conn: sqlite3.Connection, path: Path, kind: str,
                progress: Callable[[int], None] | None) -> ImportReport:
    report = ImportReport(str(path), kind)
    if not path.is_file():
        report.add_error(ImportInputError("no such file", str(path)))
        return report
    known = known_countries(conn)
    if kind in ("geonames", "csv", "geojson"):
        reader = {"geonames": geonames_dump.read_geonames,
                  "csv": point_list.read_csv_points,
                  "geojson": point_list.read_geojson_points}[kind]
        _import_features(conn, reader(path, known), report, progress)
    elif kind == "alternatenames":
        _import_alternate_names(conn, geonames_dump.read_alternate_names(path), report)
    elif kind == "admin1":
        _import_admin1(conn, geonames_dump.read_admin1_codes(path), report)
    elif kind == "admin2":
        import_admin2(conn, geonames_dump.read_admin2_codes(path), report)
    elif kind == "countryinfo":
        _import_country_info(conn, geonames_dump.read_country_info(path), report)
    else:
        raise ImportInputError(f"unknown format {kind!r} (one of {', '.join(KINDS)})", str(path))
    label = path.name  # a country's alternate names are an SY.zip too: keep both counts
    if kind == "alternatenames" and not label.lower().startswith("alternatenames"):
        label = f"alternatenames/{label}"
    store.set_meta(conn, **{f"imported:{label}": report.imported})
    conn.commit()
    return report


def known_countries(conn: sqlite3.Connection) -> set[str]:
    """ISO2 codes a row may carry: the file's countries, ISO 3166 and GeoNames' XK (Kosovo)."""
    import pycountry

    codes = {row[0] for row in conn.execute("SELECT iso2 FROM country")}
    codes |= {country.alpha_2 for country in pycountry.countries}
    return codes | {"XK", "AN", "CS"}  # GeoNames keeps Kosovo and two retired codes


def _import_features(conn: sqlite3.Connection, items: Iterator[Feature | ImportInputError],
                     report: ImportReport, progress: Callable[[int], None] | None) -> None:
    writer = store.FeatureWriter(conn, batch_size=_BATCH)
    for item in items:
        if isinstance(item, ImportInputError):
            report.add_error(item)
            continue
        writer.add(item)
        report.imported += 1
        if progress and report.imported % 100_000 == 0:
            progress(report.imported)
    writer.finish()


def _import_alternate_names(conn: sqlite3.Connection, items, report: ImportReport) -> None:
    """Add names to features already here; names of other features are counted as skipped."""
    writer = store.FeatureWriter(conn, batch_size=_BATCH)
    batch: list[geonames_dump.AlternateName] = []

    def flush() -> None:
        ids = sorted({item.geonameid for item in batch})
        codes: dict[int, str] = {}
        for start in range(0, len(ids), 900):  # SQLite's host-parameter limit
            chunk = ids[start:start + 900]
            marks = ",".join("?" * len(chunk))
            codes.update(conn.execute(
                f"SELECT geonameid, feature_code FROM feature WHERE geonameid IN ({marks})",
                chunk))
        for item in batch:
            if item.geonameid in codes:
                writer.add_names(item.geonameid, [item.name], codes[item.geonameid])
                report.imported += 1
            else:
                report.skipped += 1
        batch.clear()

    for item in items:
        if isinstance(item, ImportInputError):
            report.add_error(item)
            continue
        batch.append(item)
        if len(batch) >= _BATCH:
            flush()
    flush()
    writer.finish()


def _import_admin1(conn: sqlite3.Connection, items, report: ImportReport) -> None:
    """Names (and real geonameids) for admin1 codes; derived admin1 features get the new name."""
    writer = store.FeatureWriter(conn, batch_size=_BATCH)
    for item in items:
        if isinstance(item, ImportInputError):
            report.add_error(item)
            continue
        row = conn.execute("SELECT geonameid FROM admin1 WHERE country_code = ? AND "
                           "admin1_code = ?", (item.country_code, item.admin1_code)).fetchone()
        geonameid = item.geonameid or (row[0] if row else None)
        conn.execute(
            "INSERT INTO admin1 (country_code, admin1_code, name, geonameid) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (country_code, admin1_code) DO UPDATE SET name = excluded.name, "
            "geonameid = coalesce(excluded.geonameid, admin1.geonameid)",
            (item.country_code, item.admin1_code, item.name, geonameid))
        # Index the official names on whichever feature stands for the region now.
        for feature_id in {geonameid, row[0] if row else None} - {None}:
            exists = conn.execute("SELECT 1 FROM feature WHERE geonameid = ?",
                                  (feature_id,)).fetchone()
            if exists:
                writer.add_names(feature_id, [item.name, item.asciiname], "ADM1")
        report.imported += 1
    writer.finish()


def reconcile_admin1(conn: sqlite3.Connection) -> None:
    """Once real ADM1 features are here, they replace the derived stand-ins of the default."""
    rows = conn.execute(
        "SELECT a.country_code, a.admin1_code, f.geonameid FROM admin1 AS a "
        "JOIN feature AS f ON f.country_code = a.country_code AND f.admin1_code = a.admin1_code "
        "AND f.feature_code = 'ADM1' AND f.source != 'derived'").fetchall()
    for country, code, real_id in rows:
        derived = conn.execute(
            "SELECT f.geonameid FROM feature AS f WHERE f.country_code = ? AND f.admin1_code = ? "
            "AND f.feature_code = 'ADM1' AND f.source = 'derived'", (country, code)).fetchall()
        for (derived_id,) in derived:
            # Keep the derived names ("Aleppo Governorate" spellings) on the real feature.
            conn.execute("INSERT OR IGNORE INTO name (key, geonameid, is_primary) "
                         "SELECT key, ?, 0 FROM name WHERE geonameid = ?", (real_id, derived_id))
            conn.execute("DELETE FROM name WHERE geonameid = ?", (derived_id,))
            conn.execute("DELETE FROM feature WHERE geonameid = ?", (derived_id,))
        conn.execute("UPDATE admin1 SET geonameid = ? WHERE country_code = ? AND admin1_code = ?",
                     (real_id, country, code))
    conn.commit()


def _import_country_info(conn: sqlite3.Connection, items, report: ImportReport) -> None:
    for item in items:
        if isinstance(item, ImportInputError):
            report.add_error(item)
            continue
        conn.execute(
            "INSERT INTO country (iso2, iso3, isonumeric, name, geonameid, continent, capital, "
            "population) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (iso2) DO UPDATE SET "
            "iso3 = excluded.iso3, isonumeric = excluded.isonumeric, name = excluded.name, "
            "geonameid = coalesce(excluded.geonameid, country.geonameid), "
            "continent = excluded.continent, capital = excluded.capital, "
            "population = excluded.population",
            (item.iso2, item.iso3, item.isonumeric, item.name, item.geonameid, item.continent,
             item.capital, item.population))
        report.imported += 1
