"""The event store's file: its schema, opening it safely, and its transactions.

A store is created whole (never a 0-byte file a killed run left), a SQLite file of another
program is never adopted, an old schema or garbled pages are one clear StoreError (exit code 9),
and columns added since schema 1 shipped are added in place when an older store is opened.
geomap.store.EventStore reads and writes what is inside.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from geomap.errors import ConfigError, StoreUnusable

SCHEMA_VERSION = "1"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sources (
    location TEXT PRIMARY KEY,
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL,
    last_articles INTEGER NOT NULL DEFAULT 0,
    last_problems INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS articles (
    article_id TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL,
    pipeline_version TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('ok', 'failed')),
    error TEXT,
    title TEXT, url TEXT, source TEXT, published TEXT, path TEXT,
    source_location TEXT,
    run_id INTEGER,
    processed_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS events (
    event_id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(article_id) ON DELETE CASCADE,
    event_date TEXT, event_type TEXT, country TEXT,
    data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_by_article ON events(article_id);
CREATE TABLE IF NOT EXISTS runs (
    run_id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    status TEXT NOT NULL,
    engine TEXT,
    articles_new INTEGER DEFAULT 0, articles_changed INTEGER DEFAULT 0,
    articles_retried INTEGER DEFAULT 0, articles_unchanged INTEGER DEFAULT 0,
    articles_failed INTEGER DEFAULT 0,
    inputs_skipped INTEGER DEFAULT 0, events INTEGER DEFAULT 0,
    outputs_written INTEGER DEFAULT 0, seconds REAL, message TEXT
);
"""


#: Columns added after schema 1 shipped, added in place when an older store is opened.
_ADDED_COLUMNS = {
    # 1: resolved while the online fallback was down; reprocessed by the next run that has it.
    "needs_fallback": "ALTER TABLE articles ADD COLUMN needs_fallback INTEGER NOT NULL DEFAULT 0",
}


class StoreError(StoreUnusable):
    """The store file is not a geomap store, or of another schema version (exit code 9)."""


def open_connection(path: Path, *, create: bool = True,
                    read_only: bool = False) -> sqlite3.Connection:
    """A connection to the store at ``path``; with ``create=False`` and no store there, an
    in-memory stand-in with the schema (dry runs and --check never create anything).

    Refused: a directory, an empty file (a store is never 0 bytes: something truncated it),
    a SQLite file of another program (ConfigError naming store.path, exit code 8 -- it is
    never taken over), an old schema, garbled pages. ``read_only`` opens an existing store
    without writing to it.
    """
    if path.is_dir():
        raise StoreError(f"{path}: store.path is a directory, not a store file")
    exists = path.exists()
    if exists and path.stat().st_size == 0:
        raise StoreError(f"{path}: empty file (0 bytes), not a geomap store; move it away "
                         "to start a new store")
    if not exists and not create:
        connection = sqlite3.connect(":memory:", isolation_level=None)
        _write_schema(connection)
        return connection
    if read_only:
        return _open_read_only(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(f"{path}: cannot create the store's directory: "
                         f"{error.strerror or error}") from None
    if not exists and not os.access(path.parent, os.W_OK | os.X_OK):
        raise StoreError(f"{path.parent}: directory not writable, cannot create the store")
    if not exists:
        _create(path)
    try:
        connection = sqlite3.connect(path, timeout=30, isolation_level=None)
        if exists:
            _refuse_foreign(connection, path)
        connection.execute("PRAGMA journal_mode=WAL")
        # NORMAL in WAL mode: a killed process loses nothing committed; only a power cut can
        # lose the last transactions, and the store stays consistent either way.
        connection.execute("PRAGMA synchronous=NORMAL")
        connection.execute("PRAGMA foreign_keys=ON")
        with transaction(connection):
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    connection.execute(statement)
            found = connection.execute(
                "SELECT value FROM meta WHERE key='schema_version'").fetchone()
            if found is None:
                connection.execute("INSERT INTO meta VALUES ('schema_version', ?)",
                                   (SCHEMA_VERSION,))
            elif found[0] != SCHEMA_VERSION:
                raise StoreError(f"{path}: store schema {found[0]}, this geomap needs "
                                 f"{SCHEMA_VERSION}; move the file away to rebuild it")
            columns = {row[1] for row in connection.execute("PRAGMA table_info(articles)")}
            for column, statement in _ADDED_COLUMNS.items():
                if column not in columns:
                    connection.execute(statement)
    except sqlite3.DatabaseError as error:
        raise StoreError(f"{path}: not a usable geomap store ({error})") from None
    return connection


def _open_read_only(path: Path) -> sqlite3.Connection:
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                                     timeout=30, isolation_level=None)
        _refuse_foreign(connection, path)
        found = connection.execute(
            "SELECT value FROM meta WHERE key='schema_version'").fetchone()
    except sqlite3.DatabaseError as error:
        raise StoreError(f"{path}: not a usable geomap store ({error})") from None
    if found is None or found[0] != SCHEMA_VERSION:
        raise StoreError(f"{path}: store schema {found and found[0]}, this geomap needs "
                         f"{SCHEMA_VERSION}; move the file away to rebuild it")
    return connection


def check_pages(connection: sqlite3.Connection, path: Path) -> None:
    """Read every page (PRAGMA quick_check): garbled pages stop the run before any work."""
    try:
        rows = [row[0] for row in connection.execute("PRAGMA quick_check")]
    except sqlite3.DatabaseError as error:
        raise StoreError(f"{path}: store damaged ({error}); restore a backup or move "
                         "it away to rebuild it") from None
    if rows != ["ok"]:
        raise StoreError(f"{path}: store damaged ({rows[0]}); restore a backup or move "
                         "it away to rebuild it")


def _write_schema(connection: sqlite3.Connection) -> None:
    """Every table of the current schema, the added columns included, in a new database."""
    for statement in _SCHEMA.split(";"):
        if statement.strip():
            connection.execute(statement)
    connection.execute(_ADDED_COLUMNS["needs_fallback"])


def _create(path: Path) -> None:
    """A new store appears whole: made beside its path, then renamed into place.

    SQLite creates an empty file at connect; a run killed before its first commit would leave
    that 0-byte file, which every later run must refuse (it may be a truncated store).
    """
    temporary = path.with_name(f".{path.name}.{os.getpid()}.new")
    try:
        connection = sqlite3.connect(temporary, isolation_level=None)
        try:
            with transaction(connection):
                _write_schema(connection)
                connection.execute("INSERT INTO meta VALUES ('schema_version', ?)",
                                   (SCHEMA_VERSION,))
        finally:
            connection.close()
        os.replace(temporary, path)
    except (OSError, sqlite3.Error) as error:
        temporary.unlink(missing_ok=True)
        raise StoreError(f"{path}: cannot create the store: {error}") from None


def _refuse_foreign(connection: sqlite3.Connection, path: Path) -> None:
    """A SQLite file with tables but no geomap schema belongs to someone else: never adopt it."""
    tables = {row[0] for row in connection.execute(
        "SELECT name FROM sqlite_master WHERE type='table'")}
    ours = "meta" in tables and connection.execute(
        "SELECT 1 FROM meta WHERE key='schema_version'").fetchone() is not None
    if tables and not ours:
        connection.close()
        raise ConfigError(f"'store.path' = {path} is a SQLite file of another program (tables: "
                          f"{', '.join(sorted(tables)[:5])}); it is never taken over: point "
                          "store.path at a new file")


class transaction:
    """BEGIN IMMEDIATE ... COMMIT, ROLLBACK on any exception (autocommit connection)."""

    def __init__(self, connection: sqlite3.Connection):
        self.connection = connection

    def __enter__(self) -> None:
        # IMMEDIATE takes the write lock up front (waiting up to the connect timeout), so a
        # reader such as `geomap map` on the same store never turns a batch into a deadlock.
        self.connection.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type: type | None, *rest: object) -> None:
        self.connection.execute("ROLLBACK" if exc_type else "COMMIT")
