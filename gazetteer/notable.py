"""Which name keys name a notable feature (a country or territory, a capital, a first-level
region, or a place of 100,000 people or more), and which name a district placed by its villages.

The geoparser asks how strong a place each capitalised phrase can be ("is Jordan a country
here?"), and with a village pack most phrases it asks about name only villages: half of a cold
geoparse's name lookups were made for that question alone, each a join over the name and feature
rows. The keys of notable features are few (about 200,000 with the village pack, of 1.9 million),
so the index writer stores them in the ``notable_name`` table, and a key absent from it is known to
name nothing notable without reading its senses. The kind rules ask the same kind of question of
every weak name ("does a district outrank every town called this?"): the keys of district
features (about 100,000) are stored the same way, and a key without one needs no reading either.

Each set is also stored as one bit per key of each name-index shard (bit n: the trie's key number
n), read once at open: a bit test is ~20 times cheaper than a query. A set is trusted only while
its meta stamp (``meta.notable_names``, ``meta.district_names``) equals ``meta.index_token``: it
is written with the name index (and so with every build and import), and a write that could add a
key to it without rewriting the index (``Gazetteer.add_features`` with a notable, district or
replaced feature) withdraws the stamp. A file without a set answers "maybe" for every key: slower,
never different.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import TYPE_CHECKING

from gazetteer.model import DUMP_DISTRICT_SOURCE, EMBEDDED_DISTRICT_SOURCE, Feature
from gazetteer.store import get_meta, set_meta

if TYPE_CHECKING:
    from gazetteer.nameindex import NameIndex

#: Feature codes that make a feature notable whatever its population.
NOTABLE_CODES = frozenset({"PCLI", "PCL", "PCLD", "PCLF", "PCLS", "PCLIX", "TERR", "PPLC",
                           "ADM1"})
#: A feature of this many people or more is notable.
NOTABLE_POPULATION = 100_000
#: Sources of districts placed by their villages (the embedded default's and an import's).
DISTRICT_SOURCES = frozenset({DUMP_DISTRICT_SOURCE, EMBEDDED_DISTRICT_SOURCE})

_TABLE = "CREATE TABLE IF NOT EXISTS notable_name (key TEXT PRIMARY KEY) WITHOUT ROWID"
_BITS = "CREATE TABLE IF NOT EXISTS {table} (shard INTEGER PRIMARY KEY, bits BLOB NOT NULL)"
_NOTABLE, _DISTRICT = ("notable_bits", "notable_names"), ("district_bits", "district_names")


def covers(codes: Iterable[str], population: int) -> bool:
    """Whether every feature with one of ``codes`` or at least ``population`` people is notable
    here (a caller that skips lookups for keys absent from the table relies on that)."""
    return set(codes) <= NOTABLE_CODES and population >= NOTABLE_POPULATION


def _is_notable(feature_code: str | None, population: int | None) -> bool:
    return feature_code in NOTABLE_CODES or (population or 0) >= NOTABLE_POPULATION


def write_notable_names(conn: sqlite3.Connection, token: str, index: NameIndex) -> None:
    """Refill the notable-name table from the name and feature rows, both sets' bitmaps from
    ``index`` (the name index just written), and stamp them with the index's token (the caller
    commits, with the index's own meta rows)."""
    conn.execute(_TABLE)
    conn.execute("DELETE FROM notable_name")
    codes = sorted(NOTABLE_CODES)
    conn.execute(
        "INSERT INTO notable_name (key) SELECT DISTINCT key FROM name WHERE geonameid IN "
        "(SELECT geonameid FROM feature WHERE population >= ? OR feature_code IN "
        f"({','.join('?' * len(codes))})) ORDER BY key", [NOTABLE_POPULATION, *codes])
    _write_bits(conn, token, index, _NOTABLE, (row[0] for row in conn.execute(
        "SELECT key FROM notable_name")))
    sources = sorted(DISTRICT_SOURCES)
    _write_bits(conn, token, index, _DISTRICT, (row[0] for row in conn.execute(
        "SELECT DISTINCT key FROM name WHERE geonameid IN (SELECT geonameid FROM feature "
        f"WHERE source IN ({','.join('?' * len(sources))}))", sources)))


def _write_bits(conn: sqlite3.Connection, token: str, index: NameIndex,
                where: tuple[str, str], keys: Iterable[str]) -> None:
    table, stamp = where
    conn.execute(_BITS.format(table=table))
    conn.execute(f"DELETE FROM {table}")
    bits = [bytearray(len(trie) // 8 + 1) for trie in index.tries]
    for key in keys:
        shard = index.shard(key)
        number = index.tries[shard][key]
        bits[shard][number >> 3] |= 1 << (number & 7)
    conn.executemany(f"INSERT INTO {table} (shard, bits) VALUES (?, ?)",
                     [(shard, bytes(row)) for shard, row in enumerate(bits)])
    set_meta(conn, **{stamp: token})


def is_current(conn: sqlite3.Connection, where: tuple[str, str] = _NOTABLE) -> bool:
    token = get_meta(conn, "index_token")
    return token is not None and get_meta(conn, where[1]) == token


def _read_bits(conn: sqlite3.Connection, index: NameIndex, where: tuple[str, str]) -> dict:
    """A set's bitmaps by shard, or {} when they may be out of date (or were never written)."""
    if not is_current(conn, where):
        return {}
    bits = dict(conn.execute(f"SELECT shard, bits FROM {where[0]}"))
    return bits if len(bits) == len(index.tries) else {}


class NotableNames:
    """One open file's view of both sets: each ``trusted`` while its stamp matches the index."""

    def __init__(self, conn: sqlite3.Connection, index: NameIndex):
        self.index = index
        self.bits = _read_bits(conn, index, _NOTABLE)
        self.district_bits = _read_bits(conn, index, _DISTRICT)
        self.trusted = bool(self.bits)
        self.districts_trusted = bool(self.district_bits)

    def may_name(self, key: str, pending: set[str]) -> bool:
        """False only when ``key`` is known to name no notable feature; keys added since the
        index was written (``pending``) may, and a key the index lacks names nothing."""
        if not self.trusted or key in pending:
            return True
        return self._flagged(self.bits, key)

    def may_name_district(self, key: str, pending: set[str]) -> bool:
        """False only when ``key`` is known to name no feature of ``DISTRICT_SOURCES``."""
        if not self.districts_trusted or key in pending:
            return True
        return self._flagged(self.district_bits, key)

    def _flagged(self, bits: dict, key: str) -> bool:
        shard = self.index.shard(key)
        try:
            number = self.index.tries[shard][key]
        except KeyError:
            return False
        return bool(bits[shard][number >> 3] >> (number & 7) & 1)

    def before_write(self, conn: sqlite3.Connection, features: list[Feature]) -> None:
        """Withdraw a set's stamp when the features about to be written could add a key to it:
        a notable (district) feature, its keys may be old ones, or a replaced feature (its old
        names stay indexed and are not rewritten here)."""
        if not (self.trusted or self.districts_trusted):
            return
        replaced = False
        ids = [feature.geonameid for feature in features]
        for start in range(0, len(ids), 900):  # SQLite's host-parameter limit
            chunk = ids[start:start + 900]
            replaced = replaced or conn.execute(
                f"SELECT 1 FROM feature WHERE geonameid IN ({','.join('?' * len(chunk))}) "
                "LIMIT 1", chunk).fetchone() is not None
        withdrawn = []
        if self.trusted and (replaced or any(
                _is_notable(f.feature_code, f.population) for f in features)):
            withdrawn.append(_NOTABLE[1])
            self.trusted = False
        if self.districts_trusted and (replaced or any(
                f.source in DISTRICT_SOURCES for f in features)):
            withdrawn.append(_DISTRICT[1])
            self.districts_trusted = False
        if withdrawn:
            conn.executemany("DELETE FROM meta WHERE key = ?", [(key,) for key in withdrawn])
            conn.commit()
