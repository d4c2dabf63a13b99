"""The gazetteer file: one SQLite database (WAL) with a versioned schema.

Writers go through :class:`FeatureWriter`, which appends name keys to an unindexed staging table
and merges them, sorted, into the indexed ``name`` table at the end: appending keeps a 13M-row
import streaming in bounded memory, and the sorted merge is far cheaper than 30M random B-tree
inserts.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable
from pathlib import Path

from gazetteer.errors import GazetteerFileError
from gazetteer.model import Feature
from gazetteer.names import name_variants

#: Bump when the tables change; an older file then gives a clear "rebuild it" error.
SCHEMA_VERSION = 1
#: Written to PRAGMA application_id so that a foreign SQLite file is recognised as such.
APPLICATION_ID = 0x47454F4D  # "GEOM"

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS feature (
    geonameid INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    asciiname TEXT,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    feature_class TEXT NOT NULL,
    feature_code TEXT NOT NULL,
    country_code TEXT,
    admin1_code TEXT,
    population INTEGER NOT NULL DEFAULT 0,
    source TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS name (
    key TEXT NOT NULL,
    geonameid INTEGER NOT NULL,
    is_primary INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (key, geonameid)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS country (
    iso2 TEXT PRIMARY KEY,
    iso3 TEXT,
    isonumeric INTEGER,
    name TEXT NOT NULL,
    geonameid INTEGER,
    continent TEXT,
    capital TEXT,
    population INTEGER
);
CREATE TABLE IF NOT EXISTS admin1 (
    country_code TEXT NOT NULL,
    admin1_code TEXT NOT NULL,
    name TEXT NOT NULL,
    geonameid INTEGER,
    PRIMARY KEY (country_code, admin1_code)
) WITHOUT ROWID;
-- second-order divisions (GeoNames admin2Codes.txt) and each imported feature's admin2 code;
-- added after schema 1 shipped, so a file without them is still version 1 (see ensure_admin2)
CREATE TABLE IF NOT EXISTS admin2 (
    country_code TEXT NOT NULL,
    admin1_code TEXT NOT NULL,
    admin2_code TEXT NOT NULL,
    name TEXT NOT NULL,
    geonameid INTEGER,
    PRIMARY KEY (country_code, admin1_code, admin2_code)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS feature_admin2 (
    geonameid INTEGER PRIMARY KEY,
    admin2_code TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS demonym (key TEXT PRIMARY KEY, iso2 TEXT NOT NULL) WITHOUT ROWID;
-- keys of notable features, written with the trie (gazetteer.notable)
CREATE TABLE IF NOT EXISTS notable_name (key TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS notable_bits (shard INTEGER PRIMARY KEY, bits BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS district_bits (shard INTEGER PRIMARY KEY, bits BLOB NOT NULL);
-- keys added after the trie was written (fallback answers, `add`); cleared when it is rewritten
CREATE TABLE IF NOT EXISTS name_pending (key TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS geocode_cache (
    geocoder TEXT NOT NULL,
    query TEXT NOT NULL,
    country TEXT NOT NULL DEFAULT '',
    geonameids TEXT,
    fetched_at REAL NOT NULL,
    PRIMARY KEY (geocoder, query, country)
) WITHOUT ROWID;
"""


def connect(path: str | Path, *, create: bool = False) -> sqlite3.Connection:
    """Open a gazetteer file; ``create`` makes a new empty one, otherwise it must exist."""
    path = Path(path)
    if not create and not path.is_file():
        raise GazetteerFileError(f"{path}: no gazetteer file here (run `geomap gazetteer build`)")
    mode = "rwc" if create else "rw"
    try:
        conn = sqlite3.connect(f"file:{path}?mode={mode}", uri=True, check_same_thread=False,
                               timeout=60)
    except sqlite3.Error as error:
        raise GazetteerFileError(f"{path}: cannot open the gazetteer: {error}") from error
    try:
        if create:
            init_schema(conn)
        else:
            check_schema(conn, path)
        conn.execute("PRAGMA cache_size = -65536")  # 64 MiB: the name index is the hot part
        conn.execute("PRAGMA mmap_size = 268435456")
    except BaseException:
        conn.close()
        raise
    return conn


def init_schema(conn: sqlite3.Connection) -> None:
    conn.executescript(SCHEMA)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    conn.commit()


def check_schema(conn: sqlite3.Connection, path: str | Path) -> None:
    """Raise GazetteerFileError unless ``conn`` is a gazetteer of this schema version."""
    try:
        application_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise GazetteerFileError(f"{path}: not a gazetteer file (not SQLite: {error})") from error
    if application_id != APPLICATION_ID:
        raise GazetteerFileError(
            f"{path}: not a geomap gazetteer (a foreign SQLite file); "
            "point --gazetteer elsewhere or rebuild it with `geomap gazetteer build`")
    if version != SCHEMA_VERSION:
        raise GazetteerFileError(
            f"{path}: gazetteer schema version {version}, this geomap needs {SCHEMA_VERSION}; "
            "rebuild it with `geomap gazetteer build`")


def ensure_admin2(conn: sqlite3.Connection) -> None:
    """Add the admin2 tables to a file built before they existed (writers only)."""
    conn.executescript(SCHEMA)


def has_admin2(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND "
                        "name = 'feature_admin2'").fetchone() is not None


def set_meta(conn: sqlite3.Connection, **values: object) -> None:
    conn.executemany("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                     [(key, str(value)) for key, value in values.items()])


def get_meta(conn: sqlite3.Connection, key: str, default: str | None = None) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else default


class FeatureWriter:
    """Batched, idempotent writes of features and their name keys.

    Re-adding a feature replaces its row and adds any new name keys; running the same input twice
    leaves the same database.
    """

    def __init__(self, conn: sqlite3.Connection, batch_size: int = 20000):
        self.conn = conn
        self.batch_size = batch_size
        self._features: list[tuple] = []
        self._names: list[tuple] = []
        self._admin2: list[tuple] = []
        self.count = 0
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS name_staging "
                     "(key TEXT NOT NULL, geonameid INTEGER NOT NULL, is_primary INTEGER)")

    def add(self, feature: Feature) -> None:
        self._features.append((
            feature.geonameid, feature.name, feature.asciiname, feature.lat, feature.lon,
            feature.feature_class, feature.feature_code, feature.country_code,
            feature.admin1_code, feature.population, feature.source))
        if feature.admin2_code:
            self._admin2.append((feature.geonameid, feature.admin2_code))
        self.add_names(feature.geonameid, feature.names, feature.feature_code,
                       primary=[feature.name, feature.asciiname or ""])
        self.count += 1
        if len(self._features) >= self.batch_size:
            self.flush()

    def add_names(self, geonameid: int, names: Iterable[str], feature_code: str | None,
                  primary: Iterable[str] = ()) -> None:
        """Index names of a feature; keys from ``primary`` (main/ASCII name) are flagged."""
        # key -> is_primary; a dict keeps the first (primary) flag and drops repeats in C.
        flags: dict[str, int] = {}
        for name in primary:
            if name:
                flags.update(dict.fromkeys(name_variants(name, feature_code), 1))
        for name in names:
            if name:
                for key in name_variants(name, feature_code):
                    flags.setdefault(key, 0)
        self._names.extend([(key, geonameid, flag) for key, flag in flags.items()])
        if len(self._names) >= self.batch_size * 8:
            self.flush()

    def flush(self) -> None:
        if self._features:
            self.conn.executemany(
                "INSERT OR REPLACE INTO feature (geonameid, name, asciiname, lat, lon, "
                "feature_class, feature_code, country_code, admin1_code, population, source) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", self._features)
            self._features.clear()
        if self._admin2:
            self.conn.executemany("INSERT OR REPLACE INTO feature_admin2 (geonameid, "
                                  "admin2_code) VALUES (?, ?)", self._admin2)
            self._admin2.clear()
        if self._names:
            self.conn.executemany("INSERT INTO name_staging VALUES (?, ?, ?)", self._names)
            self._names.clear()

    def finish(self) -> None:
        """Merge the staged name keys into the index (sorted: sequential B-tree appends)."""
        self.flush()
        self.conn.execute(
            "INSERT INTO name (key, geonameid, is_primary) "
            "SELECT key, geonameid, max(is_primary) FROM name_staging WHERE true "
            "GROUP BY key, geonameid ORDER BY key, geonameid "
            "ON CONFLICT (key, geonameid) DO UPDATE SET "
            "is_primary = max(name.is_primary, excluded.is_primary)")
        self.conn.execute("DELETE FROM name_staging")
        # The fuzzy fallback reads one country's or one province's names at a time (and the
        # importer matches regions by province): built once, after the bulk load. It serves
        # the country alone too, so a file's older index by country goes.
        self.conn.execute("DROP INDEX IF EXISTS feature_country")
        self.conn.execute("CREATE INDEX IF NOT EXISTS feature_province "
                          "ON feature (country_code, admin1_code)")
        set_meta(self.conn, modified_at=time.time())
        self.conn.commit()
