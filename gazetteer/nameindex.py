"""The compact, memory-mapped name index the recogniser scans n-grams against.

A marisa-trie of every normalised name key, in a file beside the database. It is memory-mapped,
so opening costs a few milliseconds and every process (xdist workers, Dask workers) shares the
pages. The trie carries a token key matching the database's ``meta.index_token``, so a trie left
over from an older database is detected and rebuilt instead of silently answering wrongly.
"""

from __future__ import annotations

import os
import secrets
import sqlite3
from pathlib import Path

import marisa_trie

from gazetteer.store import get_meta, set_meta

_TOKEN_PREFIX = "\x01index-token:"


def index_path(database: str | Path) -> Path:
    database = Path(database)
    return database.with_name(database.name + ".names.marisa")


def write_name_index(conn: sqlite3.Connection, database: str | Path,
                     target: str | Path | None = None) -> Path:
    """Rebuild the trie from the ``name`` table, atomically, and record its token in ``meta``.

    ``target`` lets a builder write it beside a temporary database that is renamed later.
    """
    target = Path(target) if target else index_path(database)
    token = secrets.token_hex(8)
    keys = (row[0] for row in conn.execute("SELECT DISTINCT key FROM name"))
    trie = marisa_trie.Trie(_with_token(keys, token))
    temp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    trie.save(str(temp))
    del trie
    os.replace(temp, target)
    set_meta(conn, index_token=token)
    conn.execute("DELETE FROM name_pending")
    conn.commit()
    return target


def _with_token(keys, token):
    yield _TOKEN_PREFIX + token
    yield from keys


def load_name_index(conn: sqlite3.Connection, database: str | Path) -> marisa_trie.Trie | None:
    """The memory-mapped trie, or None when it is missing or belongs to another database."""
    path = index_path(database)
    token = get_meta(conn, "index_token")
    if token is None or not path.is_file():
        return None
    trie = marisa_trie.Trie()
    try:
        trie.mmap(str(path))
    except Exception:  # a truncated or foreign file: rebuild rather than crash
        return None
    if _TOKEN_PREFIX + token not in trie:
        return None
    return trie
