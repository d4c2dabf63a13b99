"""The compact, memory-mapped name index the recogniser scans n-grams against.

A marisa-trie of every normalised name key, in files beside the database. It is memory-mapped,
so opening costs a few milliseconds and every process (xdist workers, Dask workers) shares the
pages. Each file carries a token key matching the database's ``meta.index_token``, so a trie left
over from an older database is detected and rebuilt instead of silently answering wrongly.

Building a marisa-trie holds all its keys in memory (~90 bytes a key at peak), so a large
gazetteer (a full GeoNames import: 10-20M distinct keys) is split into shards of at most
``SHARD_KEYS`` keys, cut where the first letter changes: a key and every key it prefixes live in
the same shard, and the build's peak memory stays bounded. The embedded default fits one shard.
"""

from __future__ import annotations

import bisect
import contextlib
import json
import os
import secrets
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import marisa_trie

from gazetteer.notable import write_notable_names
from gazetteer.store import get_meta, set_meta

_TOKEN_PREFIX = "\x01index-token:"
#: Keys per shard: ~3M keys peak at ~300 MB while the trie is built.
SHARD_KEYS = 3_000_000


def index_path(database: str | Path, shard: int = 0) -> Path:
    database = Path(database)
    suffix = ".names.marisa" if shard == 0 else f".names.{shard}.marisa"
    return database.with_name(database.name + suffix)


def _shard_paths(database: str | Path) -> list[Path]:
    paths = [index_path(database)]
    while index_path(database, len(paths)).is_file():
        paths.append(index_path(database, len(paths)))
    return paths


class NameIndex:
    """The shards as one set of keys: membership and word-prefix queries."""

    def __init__(self, tries: list[marisa_trie.Trie], bounds: list[str]):
        self.tries = tries
        self.bounds = bounds  # first key of shards 1..n-1
        # ``key in index``: the trie's own test when there is one shard (the embedded default,
        # a village pack), two Python calls fewer for each of the thousands of phrases a cold
        # geoparse asks about
        self.contains = tries[0].__contains__ if not bounds else self.__contains__

    def shard(self, key: str) -> int:
        """The number of the shard that holds ``key`` (if any does)."""
        return bisect.bisect_right(self.bounds, key) if self.bounds else 0

    def _trie(self, key: str) -> marisa_trie.Trie:
        # One shard (the embedded default, a village pack) needs no search: the recogniser
        # asks this for every phrase it grows.
        return self.tries[bisect.bisect_right(self.bounds, key)] if self.bounds else self.tries[0]

    def __contains__(self, key: str) -> bool:
        return key in self._trie(key)

    def has_prefix(self, prefix: str) -> bool:
        return next(self._trie(prefix).iterkeys(prefix), None) is not None

    def __len__(self) -> int:
        return sum(len(trie) - 1 for trie in self.tries)  # minus each shard's token


class _ShardFeed:
    """Feeds one shard's keys from the sorted key cursor, stopping at a first-letter change
    once the shard is full; the key that did not fit waits in ``pending``."""

    def __init__(self, keys: Iterator[str], limit: int):
        self.keys = keys
        self.limit = limit
        self.pending: str | None = next(keys, None)

    def shard(self, token: str) -> Iterator[str]:
        yield _TOKEN_PREFIX + token
        count = 0
        first_letter = ""
        while self.pending is not None:
            key = self.pending
            if count >= self.limit and key[:1] != first_letter:
                return
            yield key
            first_letter = key[:1]
            count += 1
            self.pending = next(self.keys, None)


def write_name_index(conn: sqlite3.Connection, database: str | Path,
                     shard_keys: int = SHARD_KEYS) -> list[Path]:
    """Rewrite the index from the ``name`` table (temp files renamed into place), with the keys
    of notable features (gazetteer.notable), and record its token and shard bounds in ``meta``."""
    token = secrets.token_hex(8)
    rows = conn.execute("SELECT DISTINCT key FROM name ORDER BY key")
    feed = _ShardFeed((row[0] for row in rows), shard_keys)
    written: list[Path] = []
    bounds: list[str] = []
    while True:
        if written:
            if feed.pending is None:
                break
            bounds.append(feed.pending[:1])
        trie = marisa_trie.Trie(feed.shard(token))
        target = index_path(database, len(written))
        temp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        trie.save(str(temp))
        del trie
        os.replace(temp, target)
        written.append(target)
    for stale in _shard_paths(database)[len(written):]:
        with contextlib.suppress(FileNotFoundError):
            stale.unlink()
    write_notable_names(conn, token, NameIndex([_mapped(path) for path in written], bounds))
    set_meta(conn, index_token=token, index_bounds=json.dumps(bounds))
    conn.execute("DELETE FROM name_pending")
    conn.commit()
    return written


def _mapped(path: Path) -> marisa_trie.Trie:
    trie = marisa_trie.Trie()
    trie.mmap(str(path))
    return trie


def move_name_index(source_database: str | Path, target_database: str | Path) -> None:
    """Rename the index files written beside ``source_database`` to sit beside the target."""
    moved = 0
    for moved, path in enumerate(_shard_paths(source_database), start=1):
        os.replace(path, index_path(target_database, moved - 1))
    for stale in _shard_paths(target_database)[moved:]:
        with contextlib.suppress(FileNotFoundError):
            stale.unlink()


def load_name_index(conn: sqlite3.Connection, database: str | Path) -> NameIndex | None:
    """The memory-mapped index, or None when it is missing or belongs to another database."""
    token = get_meta(conn, "index_token")
    if token is None:
        return None
    bounds = json.loads(get_meta(conn, "index_bounds") or "[]")
    tries = []
    for shard in range(len(bounds) + 1):
        path = index_path(database, shard)
        if not path.is_file():
            return None
        try:
            trie = _mapped(path)
        except Exception:  # noqa: BLE001 -- a truncated or foreign file: rebuild, don't crash
            return None
        if _TOKEN_PREFIX + token not in trie:
            return None
        tries.append(trie)
    return NameIndex(tries, bounds)
