"""The event store: one SQLite file (WAL) that makes scheduled runs incremental.

Tables: `articles` (keyed by article id, with the content hash and pipeline version they were
processed with), `events` (each article's events, replaced as a whole when it is reprocessed),
`sources` (the configured inputs and when they were last read), `runs` (the run log) and `meta`
(schema version, the data version the outputs were last generated from).

The store mirrors the sources: articles no source yields any more are pruned with their events
(`prune`), so a deleted or renamed file takes its events out of every output.

Every batch of processed articles is one transaction: a crash (kill -9 included) loses at most the
batch in flight, which the next run redoes, since its articles are still "new" there.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from geomap.errors import ConfigError, StoreUnusable
from geomap.model import Article, ArticleResult, Event

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


def content_hash(article: Article) -> str:
    """What decides whether an article must be reprocessed: every field the stages read."""
    payload = json.dumps(
        [article.text, article.published.isoformat() if article.published else None,
         article.title, article.url, article.source],
        ensure_ascii=False, separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def event_to_json(event: Event) -> str:
    data = {}
    for spec in dataclasses.fields(Event):
        value = getattr(event, spec.name)
        data[spec.name] = value.isoformat() if isinstance(value, date) else value
    return json.dumps(data, ensure_ascii=False, allow_nan=False)


def event_from_json(text: str) -> Event:
    data = json.loads(text)
    known = {spec.name for spec in dataclasses.fields(Event)}
    data = {name: value for name, value in data.items() if name in known}
    if data.get("event_date"):
        data["event_date"] = date.fromisoformat(data["event_date"])
    if data.get("trigger_span") is not None:
        data["trigger_span"] = tuple(data["trigger_span"])
    return Event(**data)


class EventStore:
    """    >>> with EventStore.open("geomap.sqlite") as store:   # doctest: +SKIP
    ...     events = store.events()
    """

    def __init__(self, connection: sqlite3.Connection, path: Path, *, created: bool = False):
        self.connection = connection
        self.path = path
        if created:  # an in-memory stand-in for a store that does not exist yet
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    connection.execute(statement)
            connection.execute(_ADDED_COLUMNS["needs_fallback"])
        columns = {row[1] for row in connection.execute("PRAGMA table_info(articles)")}
        # A read-only view of a store from before the column: nothing there needs a retry.
        self._fallback_column = "needs_fallback" if "needs_fallback" in columns else "0"

    @classmethod
    def open(cls, path: str | Path, *, create: bool = True,
             read_only: bool = False) -> EventStore:
        """Open (or create) the store; every failure is one StoreError line (exit code 9).

        Refused: a directory, an empty file (a store is never 0 bytes: something truncated it),
        a SQLite file of another program (ConfigError naming store.path, exit code 8 -- it is
        never taken over), an old schema, garbled pages. ``create=False`` (dry runs, --check)
        never creates anything; ``read_only`` opens an existing store without writing to it.
        """
        path = Path(path)
        if path.is_dir():
            raise StoreError(f"{path}: store.path is a directory, not a store file")
        exists = path.exists()
        if exists and path.stat().st_size == 0:
            raise StoreError(f"{path}: empty file (0 bytes), not a geomap store; move it away "
                             "to start a new store")
        if not exists and not create:
            return cls(sqlite3.connect(":memory:", isolation_level=None), path, created=True)
        if read_only:
            return cls._open_read_only(path)
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
            with _transaction(connection):
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
        return cls(connection, path)

    @classmethod
    def _open_read_only(cls, path: Path) -> EventStore:
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
        return cls(connection, path)

    def check(self) -> None:
        """Read every page (PRAGMA quick_check): garbled pages stop the run before any work."""
        try:
            rows = [row[0] for row in self.connection.execute("PRAGMA quick_check")]
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{self.path}: store damaged ({error}); restore a backup or move "
                             "it away to rebuild it") from None
        if rows != ["ok"]:
            raise StoreError(f"{self.path}: store damaged ({rows[0]}); restore a backup or move "
                             "it away to rebuild it")

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> EventStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- meta ------------------------------------------------------------------------------------
    def get_meta(self, key: str) -> str | None:
        row = self.connection.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        with _transaction(self.connection):
            self.connection.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    @property
    def data_version(self) -> int:
        """Bumped by every change to articles or events: outputs are stale when it moved."""
        return int(self.get_meta("data_version") or 0)

    # -- articles --------------------------------------------------------------------------------
    def known(self, article_ids: Sequence[str]) -> dict[str, tuple[str, str, str, bool]]:
        """article_id -> (content_hash, pipeline_version, status, needs_fallback) if stored."""
        found: dict[str, tuple[str, str, str, bool]] = {}
        for start in range(0, len(article_ids), 500):  # SQLite's bound-parameter limit
            part = article_ids[start:start + 500]
            marks = ",".join("?" * len(part))
            for row in self.connection.execute(
                    f"SELECT article_id, content_hash, pipeline_version, status, "
                    f"{self._fallback_column} FROM articles WHERE article_id IN ({marks})", part):
                found[row[0]] = (row[1], row[2], row[3], bool(row[4]))
        return found

    def save_results(self, batch: Iterable[tuple[Article, str, str | None, ArticleResult]],
                     *, pipeline_version: str, run_id: int | None = None) -> int:
        """Store (article, content hash, source location, result) rows in one transaction.

        An article's previous events are deleted before its new ones are inserted: events are
        replaced by article, never appended. The data version moves only when events did, so
        an article that fails again (retried every run) does not make the outputs stale.
        Returns the number of events written.
        """
        written = removed = 0
        now = _now()
        with _transaction(self.connection):
            for article, digest, location, result in batch:
                removed += self.connection.execute(
                    "DELETE FROM events WHERE article_id=?", (article.id,)).rowcount
                self.connection.execute(
                    "INSERT OR REPLACE INTO articles (article_id, content_hash, pipeline_version, "
                    "status, error, title, url, source, published, path, source_location, run_id, "
                    "processed_at, needs_fallback) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (article.id, digest, pipeline_version, "ok" if result.ok else "failed",
                     "; ".join(result.errors) or None, article.title, article.url,
                     article.source, article.published.isoformat() if article.published else None,
                     article.path, location, run_id, now, int(result.fallback_missed > 0)))
                for event in result.events:
                    # An event id is unique per article; OR REPLACE keeps a repeated id from
                    # failing the whole batch.
                    self.connection.execute(
                        "INSERT OR REPLACE INTO events VALUES (?,?,?,?,?,?)",
                        (event.event_id, article.id,
                         event.event_date.isoformat() if event.event_date else None,
                         event.event_type, event.country, event_to_json(event)))
                    written += 1
            if written or removed:
                self._bump_data_version()
        return written

    def _bump_data_version(self) -> None:
        self.connection.execute(
            "INSERT INTO meta VALUES ('data_version', '1') ON CONFLICT(key) DO UPDATE "
            "SET value = CAST(value AS INTEGER) + 1")

    def vanished(self, seen: Iterable[str], protected: Iterable[str] = ()) -> list[str]:
        """Stored article ids that no source yielded this run (``seen`` holds the ids read).

        Articles whose path or source location is in ``protected`` (a file or feed that could
        not be read this run) are kept: an unreadable source is not a deleted one.
        """
        self.connection.execute("CREATE TEMP TABLE IF NOT EXISTS seen_ids (id TEXT PRIMARY KEY)")
        self.connection.execute("CREATE TEMP TABLE IF NOT EXISTS kept_paths "
                                "(path TEXT PRIMARY KEY)")
        self.connection.execute("DELETE FROM seen_ids")
        self.connection.execute("DELETE FROM kept_paths")
        self.connection.executemany("INSERT OR IGNORE INTO seen_ids VALUES (?)",
                                    ((article_id,) for article_id in seen))
        self.connection.executemany("INSERT OR IGNORE INTO kept_paths VALUES (?)",
                                    ((path,) for path in protected))
        return [row[0] for row in self.connection.execute(
            "SELECT article_id FROM articles WHERE article_id NOT IN (SELECT id FROM seen_ids) "
            "AND coalesce(path, '') NOT IN (SELECT path FROM kept_paths) "
            "AND coalesce(source_location, '') NOT IN (SELECT path FROM kept_paths) "
            "ORDER BY article_id")]

    def prune(self, article_ids: Sequence[str]) -> int:
        """Delete these articles and their events in one transaction; returns events removed."""
        removed = 0
        with _transaction(self.connection):
            for start in range(0, len(article_ids), 500):
                part = list(article_ids[start:start + 500])
                marks = ",".join("?" * len(part))
                removed += self.connection.execute(
                    f"DELETE FROM events WHERE article_id IN ({marks})", part).rowcount
                self.connection.execute(f"DELETE FROM articles WHERE article_id IN ({marks})",
                                        part)
            if article_ids:
                self._bump_data_version()
        return removed

    def article_count(self, status: str | None = None) -> int:
        if status is None:
            return self.connection.execute("SELECT count(*) FROM articles").fetchone()[0]
        return self.connection.execute(
            "SELECT count(*) FROM articles WHERE status=?", (status,)).fetchone()[0]

    def failed_articles(self) -> list[tuple[str, str]]:
        return list(self.connection.execute(
            "SELECT article_id, error FROM articles WHERE status='failed' ORDER BY article_id"))

    # -- events ----------------------------------------------------------------------------------
    def iter_events(self, *, date_from: date | None = None, date_to: date | None = None,
                    event_types: Sequence[str] | None = None) -> Iterator[Event]:
        """Stored events in a stable order (article, event id), filtered in SQL where cheap.

        Events without a date pass a date filter only when it is open on both ends: an undated
        event cannot be shown to fall inside a window.
        """
        clauses, parameters = [], []
        if date_from:
            clauses.append("event_date >= ?")
            parameters.append(date_from.isoformat())
        if date_to:
            clauses.append("event_date <= ?")
            parameters.append(date_to.isoformat())
        if event_types:
            clauses.append(f"event_type IN ({','.join('?' * len(event_types))})")
            parameters.extend(event_types)
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        for (data,) in self.connection.execute(
                f"SELECT data FROM events {where} ORDER BY article_id, event_id", parameters):
            yield event_from_json(data)

    def event_count(self) -> int:
        return self.connection.execute("SELECT count(*) FROM events").fetchone()[0]

    # -- sources and the run log -----------------------------------------------------------------
    def record_source(self, location: str, articles: int, problems: int) -> None:
        now = _now()
        with _transaction(self.connection):
            self.connection.execute(
                "INSERT INTO sources VALUES (?,?,?,?,?) ON CONFLICT(location) DO UPDATE SET "
                "last_seen=excluded.last_seen, last_articles=excluded.last_articles, "
                "last_problems=excluded.last_problems", (location, now, now, articles, problems))

    def start_run(self, engine: str) -> int:
        with _transaction(self.connection):
            # We hold the run lock: a run still marked "running" died without finishing.
            self.connection.execute(
                "UPDATE runs SET status='interrupted' WHERE status='running'")
            cursor = self.connection.execute(
                "INSERT INTO runs (started_at, status, engine) VALUES (?, 'running', ?)",
                (_now(), engine))
            return cursor.lastrowid

    def finish_run(self, run_id: int, status: str, counts: dict[str, Any]) -> None:
        columns = ("articles_new", "articles_changed", "articles_retried", "articles_unchanged",
                   "articles_failed", "inputs_skipped", "events", "outputs_written", "seconds",
                   "message")
        values = [counts.get(name) for name in columns]
        with _transaction(self.connection):
            self.connection.execute(
                f"UPDATE runs SET finished_at=?, status=?, "
                f"{', '.join(f'{name}=?' for name in columns)} WHERE run_id=?",
                (_now(), status, *values, run_id))

    def runs(self) -> list[dict[str, Any]]:
        cursor = self.connection.execute("SELECT * FROM runs ORDER BY run_id")
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor]


def _create(path: Path) -> None:
    """A new store appears whole: made beside its path, then renamed into place.

    SQLite creates an empty file at connect; a run killed before its first commit would leave
    that 0-byte file, which every later run must refuse (it may be a truncated store).
    """
    temporary = path.with_name(f".{path.name}.{os.getpid()}.new")
    try:
        connection = sqlite3.connect(temporary, isolation_level=None)
        try:
            with _transaction(connection):
                for statement in _SCHEMA.split(";"):
                    if statement.strip():
                        connection.execute(statement)
                connection.execute(_ADDED_COLUMNS["needs_fallback"])
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


class _transaction:
    """BEGIN IMMEDIATE ... COMMIT, ROLLBACK on any exception (autocommit connection)."""

    def __init__(self, connection: sqlite3.Connection):
        self.connection = connection

    def __enter__(self) -> None:
        # IMMEDIATE takes the write lock up front (waiting up to the connect timeout), so a
        # reader such as `geomap map` on the same store never turns a batch into a deadlock.
        self.connection.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type: type | None, *rest: object) -> None:
        self.connection.execute("ROLLBACK" if exc_type else "COMMIT")
