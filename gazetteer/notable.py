"""Which name keys name a notable feature: a country or territory, a capital, a first-level
region, or a place of 100,000 people or more.

The geoparser asks how strong a place each capitalised phrase can be ("is Jordan a country
here?"), and with a village pack most phrases it asks about name only villages: half of a cold
geoparse's name lookups were made for that question alone, each a join over the name and feature
rows. The keys of notable features are few (about 200,000 with the village pack, of 1.9 million),
so the index writer stores them in the ``notable_name`` table, and a key absent from it is known to
name nothing notable without reading its senses.

The table is trusted only while ``meta.notable_names`` equals ``meta.index_token``: it is written
with the name index (and so with every build and import), and a write that could make a key
notable without rewriting the index (``Gazetteer.add_features`` with a notable or replaced
feature) withdraws the stamp. A file without the table answers "maybe" for every key: slower,
never different.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import TYPE_CHECKING

from gazetteer.model import Feature
from gazetteer.store import get_meta, set_meta

if TYPE_CHECKING:
    from gazetteer.nameindex import NameIndex

#: Feature codes that make a feature notable whatever its population.
NOTABLE_CODES = frozenset({"PCLI", "PCL", "PCLD", "PCLF", "PCLS", "PCLIX", "TERR", "PPLC",
                           "ADM1"})
#: A feature of this many people or more is notable.
NOTABLE_POPULATION = 100_000

_TABLE = "CREATE TABLE IF NOT EXISTS notable_name (key TEXT PRIMARY KEY) WITHOUT ROWID"
#: The same keys as one bit per key of each name-index shard (bit n: the trie's key number n),
#: read once at open: a bit test is ~20 times cheaper than a query, and the geoparser asks
#: about every capitalised phrase it meets.
_BITS = "CREATE TABLE IF NOT EXISTS notable_bits (shard INTEGER PRIMARY KEY, bits BLOB NOT NULL)"


def covers(codes: Iterable[str], population: int) -> bool:
    """Whether every feature with one of ``codes`` or at least ``population`` people is notable
    here (a caller that skips lookups for keys absent from the table relies on that)."""
    return set(codes) <= NOTABLE_CODES and population >= NOTABLE_POPULATION


def _is_notable(feature_code: str | None, population: int | None) -> bool:
    return feature_code in NOTABLE_CODES or (population or 0) >= NOTABLE_POPULATION


def write_notable_names(conn: sqlite3.Connection, token: str, index: NameIndex) -> None:
    """Refill the table from the name and feature rows, and its bitmaps from ``index`` (the
    name index just written), and stamp them with the index's token (the caller commits, with
    the index's own meta rows)."""
    conn.execute(_TABLE)
    conn.execute(_BITS)
    conn.execute("DELETE FROM notable_name")
    conn.execute("DELETE FROM notable_bits")
    codes = sorted(NOTABLE_CODES)
    conn.execute(
        "INSERT INTO notable_name (key) SELECT DISTINCT key FROM name WHERE geonameid IN "
        "(SELECT geonameid FROM feature WHERE population >= ? OR feature_code IN "
        f"({','.join('?' * len(codes))})) ORDER BY key", [NOTABLE_POPULATION, *codes])
    bits = [bytearray(len(trie) // 8 + 1) for trie in index.tries]
    for (key,) in conn.execute("SELECT key FROM notable_name"):
        shard = index.shard(key)
        number = index.tries[shard][key]
        bits[shard][number >> 3] |= 1 << (number & 7)
    conn.executemany("INSERT INTO notable_bits (shard, bits) VALUES (?, ?)",
                     [(shard, bytes(row)) for shard, row in enumerate(bits)])
    set_meta(conn, notable_names=token)


def is_current(conn: sqlite3.Connection) -> bool:
    token = get_meta(conn, "index_token")
    return token is not None and get_meta(conn, "notable_names") == token


class NotableNames:
    """One open file's view of the table: ``trusted`` while its stamp matches the index."""

    def __init__(self, conn: sqlite3.Connection, index: NameIndex):
        self.trusted = is_current(conn)
        self.index = index
        self.bits = dict(conn.execute("SELECT shard, bits FROM notable_bits")) \
            if self.trusted else {}
        self.trusted = self.trusted and len(self.bits) == len(index.tries)

    def may_name(self, key: str, pending: set[str]) -> bool:
        """False only when ``key`` is known to name no notable feature; keys added since the
        index was written (``pending``) may, and a key the index lacks names nothing."""
        if not self.trusted or key in pending:
            return True
        shard = self.index.shard(key)
        try:
            number = self.index.tries[shard][key]
        except KeyError:
            return False
        return bool(self.bits[shard][number >> 3] >> (number & 7) & 1)

    def before_write(self, conn: sqlite3.Connection, features: list[Feature]) -> None:
        """Withdraw the stamp when the features about to be written could make a key notable:
        a notable feature (its keys may be old ones), or a replaced feature (its old names stay
        indexed and are not rewritten here)."""
        if not self.trusted:
            return
        replaced = False
        ids = [feature.geonameid for feature in features]
        for start in range(0, len(ids), 900):  # SQLite's host-parameter limit
            chunk = ids[start:start + 900]
            replaced = replaced or conn.execute(
                f"SELECT 1 FROM feature WHERE geonameid IN ({','.join('?' * len(chunk))}) "
                "LIMIT 1", chunk).fetchone() is not None
        if replaced or any(_is_notable(f.feature_code, f.population) for f in features):
            conn.execute("DELETE FROM meta WHERE key = 'notable_names'")
            conn.commit()
            self.trusted = False
