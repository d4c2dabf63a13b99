"""The Gazetteer: ranked candidates for a name, straight from the SQLite file and the name trie.

>>> gaz = Gazetteer.open()                                     # doctest: +SKIP
>>> top = gaz.candidates("Ţarţūs")[0]                            # doctest: +SKIP
>>> top.name, top.country_code, round(top.lat, 2), round(top.lon, 2)  # doctest: +SKIP
('Tartus', 'SY', 34.89, 35.89)
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from gazetteer import fuzzynames, notable, store
from gazetteer.builder_version import is_stale_default
from gazetteer.errors import GazetteerFileError
from gazetteer.model import Candidate, Feature, new_candidate
from gazetteer.nameindex import load_name_index, write_name_index
from gazetteer.names import normalize_name
from gazetteer.paths import default_path, exclusive_lock
from gazetteer.ranking import distance_km, near_penalty, prior_score

_SELECT = """
SELECT f.geonameid, f.name, f.lat, f.lon, f.feature_class, f.feature_code, f.country_code,
       f.admin1_code, a.name, f.population, f.source, c.name, {admin2}
FROM feature AS f
LEFT JOIN admin1 AS a ON a.country_code = f.country_code AND a.admin1_code = f.admin1_code
LEFT JOIN country AS c ON c.iso2 = f.country_code
{admin2_join}
"""
# A district's own feature (ADM2) carries its code in feature_admin2 too, so one join serves both.
_ADMIN2_JOIN = """LEFT JOIN feature_admin2 AS fa ON fa.geonameid = f.geonameid
LEFT JOIN admin2 AS d ON d.country_code = f.country_code AND d.admin1_code = f.admin1_code
     AND d.admin2_code = fa.admin2_code"""


def _sql(admin2: bool) -> str:
    """The lookup of one feature by id; files built before the admin2 tables existed get NULL
    districts."""
    return _SELECT.format(
        admin2="fa.admin2_code, d.name" if admin2 else "NULL, NULL",
        admin2_join=_ADMIN2_JOIN if admin2 else "") + "WHERE f.geonameid = ?"

#: The ranked lookup reads only the name and feature rows (and a feature's district code): the
#: region, country and district names come from small tables the Gazetteer keeps in dicts, which
#: spares three joins per row (the lookup is most of a cold geoparse's gazetteer time).
_RANKED_SQL = """
SELECT n.is_primary, f.geonameid, f.name, f.lat, f.lon, f.feature_class, f.feature_code,
       f.country_code, f.admin1_code, f.population, f.source, {admin2}
FROM name AS n JOIN feature AS f ON f.geonameid = n.geonameid
{admin2_join}WHERE n.key = ?"""


def _ranked_sql(admin2: bool) -> str:
    return _RANKED_SQL.format(
        admin2="fa.admin2_code" if admin2 else "NULL",
        admin2_join=("LEFT JOIN feature_admin2 AS fa ON fa.geonameid = f.geonameid\n"
                     if admin2 else ""))


_instances: dict[Path, Gazetteer] = {}
_instances_lock = threading.Lock()


class Gazetteer:
    """Read access to one gazetteer file (plus the writes the fallback and `add` need).

    Use :meth:`open`: the same path in one process gives the same instance, so the LRU cache
    and the memory-mapped trie are shared. Each thread gets its own SQLite connection. The
    object pickles as its path, so process pools and Dask workers reopen it locally.
    """

    def __init__(self, path: Path):
        self.path = path
        self._pid = os.getpid()
        self._local = threading.local()
        self._write_lock = threading.Lock()
        conn = self.connection()
        admin2 = store.has_admin2(conn)
        self._candidate_sql, self._feature_sql = _ranked_sql(admin2), _sql(admin2)
        self._unit_names = _unit_names(conn)
        self._district_names: dict[tuple, str | None] = {}
        self._has_districts = _has_districts(conn)
        self._index = load_name_index(conn, path)
        if self._index is None:
            self._index = self._rebuild_index()
        self._pending = {row[0] for row in conn.execute("SELECT key FROM name_pending")}
        self._demonyms = dict(conn.execute("SELECT key, iso2 FROM demonym"))
        self._notable = notable.NotableNames(conn, self._index)
        self._key = lru_cache(maxsize=100_000)(normalize_name)  # names are asked again & again
        self._ranked = lru_cache(maxsize=100_000)(self._query_ranked)
        self.may_be_district = lru_cache(maxsize=100_000)(self._may_be_district)
        # The resolver asks for the same few countries, regions and features in every article
        # (each a join over five tables): kept like the ranked lookups, dropped on any write.
        self._feature = lru_cache(maxsize=20_000)(self._query_feature)
        self._unit = lru_cache(maxsize=20_000)(self._query_unit)

    # -- opening -------------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path | None = None, *, build: bool | None = None) -> Gazetteer:
        """Open the gazetteer at ``path`` (default: $GEOMAP_GAZETTEER or the user cache dir).

        A missing file at the default path is built from the embedded default first (safe
        against concurrent builders); a missing explicit path is an error unless ``build``.
        A foreign or old-schema file raises GazetteerFileError.
        """
        target = Path(path).expanduser() if path is not None else default_path()
        if build is None:
            build = path is None or target == default_path()
        key = target.resolve()
        with _instances_lock:
            instance = _instances.get(key)
            if instance is not None:
                return instance
        if not target.is_file():
            if not build:
                raise GazetteerFileError(
                    f"{target}: no gazetteer file here; create it with "
                    f"`geomap gazetteer build --gazetteer {target}`")
            from gazetteer.build import build_default

            build_default(target)
        elif build and is_stale_default(target):  # (importing the builder costs a first article)
            from gazetteer.build import build_default

            build_default(target)
        instance = cls(target)
        with _instances_lock:
            return _instances.setdefault(key, instance)

    def __reduce__(self):
        return (Gazetteer.open, (str(self.path),))

    def __repr__(self) -> str:
        return f"Gazetteer({str(self.path)!r})"

    def connection(self) -> sqlite3.Connection:
        """This thread's SQLite connection to the file (for writers like the fallback cache)."""
        if self._pid != os.getpid():
            # A forked child (process pool) must not use the parent's SQLite connections.
            self._local = threading.local()
            self._pid = os.getpid()
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = store.connect(self.path)
            self._local.conn = conn
        return conn

    def _rebuild_index(self):
        """The trie is missing or stale (older file, crash mid-import): rewrite it once."""
        with exclusive_lock(self.path):
            conn = self.connection()
            index = load_name_index(conn, self.path)
            if index is None:
                write_name_index(conn, self.path)
                index = load_name_index(conn, self.path)
        if index is None:
            raise GazetteerFileError(f"{self.path}: cannot write its name index")
        return index

    def close(self) -> None:
        """Forget the cached instance (tests, `build --force`); open() reopens the file."""
        with _instances_lock:
            _instances.pop(self.path.resolve(), None)
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    # -- lookups -------------------------------------------------------------------------------

    def candidates(self, name: str, country: str | None = None,
                   near: tuple[float, float] | None = None, kinds: Iterable[str] | None = None,
                   limit: int = 25) -> list[Candidate]:
        """Features called ``name`` (any spelling), best prior first.

        ``country`` (ISO2) restricts; ``kinds`` restricts to feature classes ("P", "A", ...) or
        codes ("PCLI", "ADM1", "MT", ...); ``near`` (lat, lon) only re-ranks by distance.
        """
        ranked = self._ranked(self._key(name))
        if country:
            country = country.upper()
            ranked = tuple(c for c in ranked if c.country_code == country)
        if kinds is not None:
            wanted = {kinds} if isinstance(kinds, str) else set(kinds)
            ranked = tuple(c for c in ranked
                           if c.feature_class in wanted or c.feature_code in wanted)
        if near is not None and ranked:
            rescored = [(c.score - near_penalty(distance_km(near, (c.lat, c.lon))), c)
                        for c in ranked]
            rescored.sort(key=lambda pair: -pair[0])
            ranked = tuple(_with_score(c, score) for score, c in rescored)
        return list(ranked[:limit])

    def _query_ranked(self, key: str) -> tuple[Candidate, ...]:
        # The name index holds every key of the name table (rewritten with it, pending keys in
        # between): a key it lacks has no rows, and a cold geoparse asks for one in eight
        # that way ("X County", "the Y") -- a trie probe instead of a query that finds nothing.
        if not key or not self.has_name(key):
            return ()
        rows = self.connection().execute(self._candidate_sql, (key,)).fetchall()
        units = self._unit_names
        # One pass, positional arguments, no per-row helper: a village pack gives a name five
        # senses on average, and this loop builds each of them once per process.
        district = self._district_name if self._has_districts else _no_district
        found = [new_candidate(
            geonameid, name, lat, lon, feature_class, feature_code, country, admin1,
            units.get((country, admin1)), population, source, key, units.get(country),
            bool(is_primary), prior_score(feature_class, feature_code, population, source),
            admin2, district(country, admin1, admin2))
            for (is_primary, geonameid, name, lat, lon, feature_class, feature_code, country,
                 admin1, population, source, admin2) in rows]
        found.sort(key=_rank_order)
        return tuple(found)

    def _district_name(self, country: str | None, admin1: str | None,
                       admin2: str | None) -> str | None:
        """The admin2 table's name of a district (what the full join's ``d.name`` gives)."""
        if admin2 is None or country is None or admin1 is None:
            return None
        key = (country, admin1, admin2)
        if key not in self._district_names:
            row = self.connection().execute(
                "SELECT name FROM admin2 WHERE country_code = ? AND admin1_code = ? "
                "AND admin2_code = ?", key).fetchone()
            self._district_names[key] = row[0] if row else None
        return self._district_names[key]

    def get(self, geonameid: int) -> Candidate | None:
        return self._feature(int(geonameid))

    def _query_feature(self, geonameid: int) -> Candidate | None:
        row = self.connection().execute(self._feature_sql, (geonameid,)).fetchone()
        if row is None:
            return None
        return _candidate(row, matched=normalize_name(row[1]), is_primary=True)

    def has_name(self, normalized: str) -> bool:
        """Whether ``normalized`` (output of normalize_name) is an indexed name key."""
        return self._index.contains(normalized) or normalized in self._pending

    def has_prefix(self, normalized: str) -> bool:
        """Whether some indexed name continues ``normalized`` with another word."""
        prefix = normalized + " "
        return self._index.has_prefix(prefix) or bool(self._pending) and any(
            key.startswith(prefix) for key in self._pending)

    def may_be_notable(self, normalized: str) -> bool:
        """False only when no feature called ``normalized`` is a country, a capital, a region
        or a place of 100,000 people or more (``gazetteer.notable``): no need to read its senses."""
        return self._notable.may_name(normalized, self._pending)

    def _may_be_district(self, name: str) -> bool:
        """``may_be_district(name)`` (cached): False only when no district placed by its
        villages (``notable.DISTRICT_SOURCES``) is called ``name`` (as written)."""
        return self._notable.may_name_district(self._key(name), self._pending)

    def demonym(self, word: str) -> str | None:
        """The ISO2 country a demonym points to: "Syrians" -> "SY", "U.S." -> "US"."""
        return self._demonyms.get(normalize_name(word))

    def country(self, iso2: str) -> Candidate | None:
        return self._unit(iso2.upper(), None)

    def admin1(self, iso2: str, admin1_code: str) -> Candidate | None:
        return self._unit(iso2.upper(), admin1_code)

    def _query_unit(self, iso2: str, admin1_code: str | None) -> Candidate | None:
        """The feature of a country (``admin1_code`` None) or of one of its admin1 regions."""
        if admin1_code is None:
            row = self.connection().execute(
                "SELECT geonameid FROM country WHERE iso2 = ?", (iso2,)).fetchone()
        else:
            row = self.connection().execute(
                "SELECT geonameid FROM admin1 WHERE country_code = ? AND admin1_code = ?",
                (iso2, admin1_code)).fetchone()
        return self.get(row[0]) if row and row[0] is not None else None

    def stats(self) -> dict:
        conn = self.connection()
        by_class = dict(conn.execute(
            "SELECT feature_class, count(*) FROM feature GROUP BY feature_class ORDER BY 1"))
        by_source = dict(conn.execute(
            "SELECT source, count(*) FROM feature GROUP BY source ORDER BY 1"))
        meta = dict(conn.execute("SELECT key, value FROM meta"))
        meta.pop("index_token", None)
        meta.pop("index_bounds", None)
        return {
            "path": str(self.path),
            "schema_version": store.SCHEMA_VERSION,
            "features": sum(by_class.values()),
            "features_by_class": by_class,
            "features_by_source": by_source,
            "name_keys": len(self._index) + len(self._pending),
            "name_index_shards": len(self._index.tries),
            "countries": conn.execute("SELECT count(*) FROM country").fetchone()[0],
            "admin1": conn.execute("SELECT count(*) FROM admin1").fetchone()[0],
            "demonyms": len(self._demonyms),
            "cached_geocodes": conn.execute("SELECT count(*) FROM geocode_cache").fetchone()[0],
            "file_bytes": self.path.stat().st_size,
            **meta,
        }

    # -- writes (fallback answers, `geomap gazetteer add`) -------------------------------------

    def add_features(self, features: Iterable[Feature]) -> int:
        """Store features and index their names now (pending keys until the trie is rewritten)."""
        features = list(features)
        with self._write_lock:
            conn = self.connection()
            # The fuzzy fallback's stored buckets stay current if they were: refold the
            # countries the features are in now and were in before (a replaced feature).
            countries = _countries_of(conn, features) if fuzzynames.is_current(conn) else None
            self._notable.before_write(conn, features)
            writer = store.FeatureWriter(conn)
            for feature in features:
                writer.add(feature)
            writer.flush()
            staged = [row[0] for row in conn.execute("SELECT DISTINCT key FROM name_staging")]
            writer.finish()
            new_keys = [key for key in staged if key not in self._index]
            conn.executemany("INSERT OR IGNORE INTO name_pending (key) VALUES (?)",
                             [(key,) for key in new_keys])
            conn.commit()
            self._pending.update(new_keys)
            if countries is not None:
                fuzzynames.write_fuzzy_names(conn, sorted(countries))
            self._forget_lookups()
            return writer.count

    def refresh(self) -> None:
        """Re-read the trie, pending keys and demonyms after another process changed the file."""
        conn = self.connection()
        admin2 = store.has_admin2(conn)
        self._candidate_sql, self._feature_sql = _ranked_sql(admin2), _sql(admin2)
        self._index = load_name_index(conn, self.path) or self._rebuild_index()
        self._pending = {row[0] for row in conn.execute("SELECT key FROM name_pending")}
        self._demonyms = dict(conn.execute("SELECT key, iso2 FROM demonym"))
        self._notable = notable.NotableNames(conn, self._index)
        self._forget_lookups()

    def _forget_lookups(self) -> None:
        for cache in (self._ranked, self._feature, self._unit, self.may_be_district):
            cache.cache_clear()
        self._unit_names = _unit_names(self.connection())
        self._district_names = {}
        self._has_districts = _has_districts(self.connection())


def _unit_names(conn: sqlite3.Connection) -> dict:
    """Country names by ISO2 and admin1 names by (ISO2, code): a few thousand rows."""
    names: dict = dict(conn.execute("SELECT iso2, name FROM country"))
    names.update(((country, code), name) for country, code, name in conn.execute(
        "SELECT country_code, admin1_code, name FROM admin1"))
    return names


def _has_districts(conn: sqlite3.Connection) -> bool:
    """Whether the file names any district: without admin2Codes.txt imported, every district
    name is None and the per-code query can be skipped."""
    return store.has_admin2(conn) and conn.execute(
        "SELECT 1 FROM admin2 LIMIT 1").fetchone() is not None


def _no_district(country: str | None, admin1: str | None, admin2: str | None) -> None:
    return None


def _rank_order(candidate: Candidate) -> tuple[float, int]:
    return -candidate.score, candidate.geonameid


def _countries_of(conn: sqlite3.Connection, features: list[Feature]) -> set[str]:
    countries = {feature.country_code for feature in features}
    ids = [feature.geonameid for feature in features]
    for start in range(0, len(ids), 900):  # SQLite's host-parameter limit
        chunk = ids[start:start + 900]
        countries.update(row[0] for row in conn.execute(
            f"SELECT country_code FROM feature WHERE geonameid IN ({','.join('?' * len(chunk))})",
            chunk))
    return countries - {None}


def _candidate(row: tuple, *, matched: str, is_primary: bool) -> Candidate:
    """A candidate from ``_sql``'s row (its columns in the fields' order up to the source)."""
    return new_candidate(*row[:11], matched, row[11], is_primary,
                         prior_score(row[4], row[5], row[9], row[10]), row[12], row[13])


def _with_score(candidate: Candidate, score: float) -> Candidate:
    values = candidate.as_dict()
    values["score"] = score
    return Candidate(**values)

