"""The event store: one SQLite file (WAL) that makes scheduled runs incremental.

Tables: `articles` (keyed by article id, with the content hash and pipeline version they were
processed with), `events` (each article's events, replaced as a whole when it is reprocessed),
`sources` (the configured inputs and when they were last read), `runs` (the run log) and `meta`
(schema version, the data version the outputs were last generated from).

The store mirrors the sources: articles no source yields any more are pruned with their events
(`prune`), so a deleted or renamed file takes its events out of every output.

The file itself (schema, safe opening, transactions) is geomap.store_file's job. Every batch of
processed articles is one transaction: a crash (kill -9 included) loses at most the
batch in flight, which the next run redoes, since its articles are still "new" there.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from geomap.model import Article, ArticleResult, Event
from geomap.store_file import StoreError, check_pages, open_connection, transaction


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

    def __init__(self, connection: sqlite3.Connection, path: Path):
        self.connection = connection
        self.path = path
        columns = {row[1] for row in connection.execute("PRAGMA table_info(articles)")}
        # A read-only view of a store from before the column: nothing there needs a retry.
        self._fallback_column = "needs_fallback" if "needs_fallback" in columns else "0"

    @classmethod
    def open(cls, path: str | Path, *, create: bool = True,
             read_only: bool = False) -> EventStore:
        """Open (or create) the store; every failure is one StoreError line (exit code 9).

        ``create=False`` (dry runs, --check) never creates anything: a store that does not
        exist yet reads as an empty one. ``read_only`` opens an existing store without writing
        to it. What is refused: geomap.store_file.open_connection.
        """
        path = Path(path)
        return cls(open_connection(path, create=create, read_only=read_only), path)

    def check(self) -> None:
        """Read every page (PRAGMA quick_check): garbled pages stop the run before any work."""
        check_pages(self.connection, self.path)

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
        with transaction(self.connection):
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
        with transaction(self.connection):
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
        with transaction(self.connection):
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

    # -- sources and the run log -----------------------------------------------------------------
    def record_source(self, location: str, articles: int, problems: int) -> None:
        now = _now()
        with transaction(self.connection):
            self.connection.execute(
                "INSERT INTO sources VALUES (?,?,?,?,?) ON CONFLICT(location) DO UPDATE SET "
                "last_seen=excluded.last_seen, last_articles=excluded.last_articles, "
                "last_problems=excluded.last_problems", (location, now, now, articles, problems))

    def start_run(self, engine: str) -> int:
        with transaction(self.connection):
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
        with transaction(self.connection):
            self.connection.execute(
                f"UPDATE runs SET finished_at=?, status=?, "
                f"{', '.join(f'{name}=?' for name in columns)} WHERE run_id=?",
                (_now(), status, *values, run_id))

    def runs(self) -> list[dict[str, Any]]:
        cursor = self.connection.execute("SELECT * FROM runs ORDER BY run_id")
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor]


__all__ = ["EventStore", "StoreError", "content_hash", "event_from_json", "event_to_json"]
