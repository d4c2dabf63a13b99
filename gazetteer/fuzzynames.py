"""The fuzzy fallback's name lists, folded once when the gazetteer is written.

The geoparser's last resort (geomap.geoparse.fuzzy) compares an unknown name with every name of
one country, in a compact form: lower case, spaceless, a leading Arabic article dropped, bucketed
by the first letter of its consonant skeleton, each form owned by its most populous feature.
Folding a country's names takes ~3 µs a name in Python: with a village pack imported a country
holds up to 60,000 names, and folding them was 40 % of a cold geoparse. So the importer and the
builder fold every country once and store the buckets in the ``fuzzy_name`` table, one row per
(country, head letter): a process then reads just the bucket it searches, as one string and two
packed arrays.

The table is trusted only while ``meta.fuzzy_names`` is ``"<FOLD_VERSION>:<modified_at>"``: every
feature write (FeatureWriter.finish) stamps a new ``modified_at``, so a table left behind by an
older write or an older folding is seen as stale, and the matcher folds from the feature table as
before. Results are the same either way: both paths run :func:`fold_country` over the same rows.
"""

from __future__ import annotations

import re
import sqlite3
import string
import sys
from array import array
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from gazetteer.names import normalize_name
from gazetteer.store import get_meta, set_meta

#: Bump when the folding below changes: stored tables of older foldings are then stale.
FOLD_VERSION = 1
#: Shortest compact name kept (the matcher's default minimum of 5 letters, minus one).
MIN_COMPACT = 4

# Populated places, regions, terrain, areas/bases, spots (airports, camps): what an event
# happens at. Rivers and lakes (H) are left out: their names are short and generic.
# Countries are left out: their names, abbreviations and demonyms are mapped explicitly, and a
# fuzzy country ("Somali" -> Somalia) is always a demonym misread.
# In id order, the order each bucket keeps: the index a file holds (by country, or by country
# and province) then never changes which of two equal likenesses the matcher meets first.
_SELECT = ("SELECT geonameid, coalesce(asciiname, name), population FROM feature "
           "WHERE country_code = ? {province}AND feature_class IN ('P', 'A', 'T', 'L', 'S') "
           "AND feature_code NOT LIKE 'PCL%' ORDER BY geonameid")
COUNTRY_SQL = _SELECT.format(province="")
#: One province's names, (country_code, admin1_code): read through the province index
#: (``store.FeatureWriter.finish``), ~2,500 rows of a village pack instead of its country's 30,000.
PROVINCE_SQL = _SELECT.format(province="AND admin1_code = ? ")

# Transliteration pairs folded before vowels go: "kh" and "q" are both "k" in English news.
FOLDS = (("kh", "k"), ("gh", "g"), ("q", "k"), ("ck", "k"), ("ph", "f"), ("dh", "d"),
         ("th", "t"), ("dj", "j"), ("zh", "j"), ("w", "v"), ("ou", "u"), ("ee", "i"))
_HEAD_PAIRS = {old: new for old, new in FOLDS if len(old) == 2 and old[0] not in "aeiouy"}
_HEAD_LETTERS = {old: new for old, new in FOLDS if len(old) == 1}
# An Arabic article before a gazetteer name ("As Sukhnah") is no part of the likeness: names
# are compared without it, so a name need not begin with a vowel to match.
_ARTICLES = re.compile(r"^(?:al|el|as|ash|ad|an|ar|at|az|ez|es|ed|en|er|et)[ \t\-'\u2019]+(?=\S)",
                       re.MULTILINE)
_NOT_LETTERS_BUT_LINES = str.maketrans("", "", string.punctuation + " \t\r\x0b\x0c")

_TABLE = """CREATE TABLE IF NOT EXISTS fuzzy_name (
    country_code TEXT NOT NULL, head TEXT NOT NULL, country_size INTEGER NOT NULL,
    names TEXT NOT NULL, geonameids BLOB NOT NULL, populations BLOB NOT NULL,
    PRIMARY KEY (country_code, head)) WITHOUT ROWID"""


@dataclass(frozen=True, slots=True)
class Bucket:
    """One country's compact names with one skeleton head, in the feature table's order, and
    the (geonameid, population) of each name's most populous owner, position by position."""

    country_size: int  # the country's distinct compact names, all heads
    names: list[str]
    geonameids: array
    populations: array


def head(compact: str) -> str:
    """The first letter of ``compact``'s consonant skeleton (a leading vowel is "a")."""
    if compact[:1] in "aeiouy":
        return "a"
    return _HEAD_PAIRS.get(compact[:2]) or _HEAD_LETTERS.get(compact[0], compact[0])


def fold_country(rows: list[tuple[int, str, int]], normalize: Callable[[str], str],
                 min_compact: int = MIN_COMPACT) -> dict[str, Bucket]:
    """Bucket a country's (geonameid, spelling, population) rows by skeleton head."""
    if not rows:
        return {}
    # Folded as one string, in C, not name by name.
    spellings = "\n".join(spelling if spelling.isascii() and "\n" not in spelling
                          else normalize(spelling) for _, spelling, _ in rows)
    spellings = _ARTICLES.sub("", spellings.lower()).translate(_NOT_LETTERS_BUT_LINES)
    best: dict[str, tuple[int, int]] = {}
    by_head: dict[str, list[str]] = {}
    for compact, (geonameid, _, population) in zip(spellings.split("\n"), rows, strict=True):
        held = best.get(compact)
        if held is None:
            if len(compact) < min_compact:
                continue
            by_head.setdefault(head(compact), []).append(compact)
        elif population <= held[1]:
            continue
        best[compact] = (geonameid, population)
    return {letter: Bucket(len(best), names, array("q", [best[n][0] for n in names]),
                           array("q", [best[n][1] for n in names]))
            for letter, names in by_head.items()}


def _stamp(conn: sqlite3.Connection) -> str:
    return f"{FOLD_VERSION}:{get_meta(conn, 'modified_at', '')}"


def is_current(conn: sqlite3.Connection) -> bool:
    """Whether the stored buckets were folded, the current way, after the last feature write."""
    return get_meta(conn, "fuzzy_names") == _stamp(conn)


def _packed(values: array) -> bytes:
    if sys.byteorder == "big":  # stored little-endian, so a file copied between machines reads
        values = array("q", values)
        values.byteswap()
    return values.tobytes()


def _unpacked(blob: bytes) -> array:
    values = array("q")
    values.frombytes(blob)
    if sys.byteorder == "big":
        values.byteswap()
    return values


def write_fuzzy_names(conn: sqlite3.Connection,
                      countries: Iterable[str] | None = None) -> None:
    """Fold ``countries`` (default: all) into the table and stamp it current (commits)."""
    conn.execute(_TABLE)
    if countries is None:
        conn.execute("DELETE FROM fuzzy_name")
        countries = [row[0] for row in conn.execute(
            "SELECT DISTINCT country_code FROM feature WHERE country_code IS NOT NULL")]
    for country in countries:
        conn.execute("DELETE FROM fuzzy_name WHERE country_code = ?", (country,))
        buckets = fold_country(conn.execute(COUNTRY_SQL, (country,)).fetchall(), normalize_name)
        conn.executemany(
            "INSERT INTO fuzzy_name VALUES (?, ?, ?, ?, ?, ?)",
            [(country, letter, bucket.country_size, "\n".join(bucket.names),
              _packed(bucket.geonameids), _packed(bucket.populations))
             for letter, bucket in buckets.items()])
    set_meta(conn, fuzzy_names=_stamp(conn))
    conn.commit()


def load_bucket(conn: sqlite3.Connection, country: str, letter: str) -> Bucket | None:
    """The stored bucket (None when the country has no name with that head); only call while
    :func:`is_current`."""
    row = conn.execute("SELECT country_size, names, geonameids, populations FROM fuzzy_name "
                       "WHERE country_code = ? AND head = ?", (country, letter)).fetchone()
    if row is None:
        return None
    return Bucket(row[0], row[1].split("\n"), _unpacked(row[2]), _unpacked(row[3]))
