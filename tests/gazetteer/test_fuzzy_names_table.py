"""The fuzzy fallback's stored name buckets: written on import, kept in step with feature writes,
ignored when stale, and giving the same answers as folding the names at run time."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest
from geonames_rows import geonames_line

from gazetteer import Gazetteer, normalize_name, store
from gazetteer.fuzzynames import fold_country, is_current, load_bucket, write_fuzzy_names
from gazetteer.importer import import_files
from gazetteer.model import Feature
from gazetteer.nameindex import index_path
from geomap.cli import main
from geomap.geoparse.fuzzy import FuzzyMatcher


def _village(geonameid: int, name: str, population: int = 0) -> str:
    return geonames_line(geonameid, name, 35.1, 38.1, "P", "PPL", "SY", "09", population)


@pytest.fixture
def villages(tmp_path: Path) -> Path:
    path = tmp_path / "SY.txt"
    rows = [_village(9_000_001, "Tall Bazzan", 900), _village(9_000_002, "Kafr Nubbul", 5000),
            _village(9_000_003, "Tal Bazan", 100), _village(9_000_004, "Marjaba", 40)]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def _stored(conn, country: str) -> dict:
    """Every stored bucket of a country, by head."""
    heads = [row[0] for row in conn.execute(
        "SELECT head FROM fuzzy_name WHERE country_code = ?", (country,))]
    return {head: load_bucket(conn, country, head) for head in heads}


def _folded(conn, country: str) -> dict:
    from gazetteer.fuzzynames import COUNTRY_SQL

    return fold_country(conn.execute(COUNTRY_SQL, (country,)).fetchall(), normalize_name)


def test_import_writes_current_buckets_equal_to_folding_at_run_time(tmp_path, villages):
    database = tmp_path / "g.sqlite"
    import_files(database, [villages])
    conn = store.connect(database)
    assert is_current(conn)
    stored = _stored(conn, "SY")
    assert stored and stored == _folded(conn, "SY")
    # "tallbazzan" and "talbazan" both head "t"; each name keeps its most populous owner
    bucket = stored["t"]
    position = bucket.names.index("tallbazzan")
    assert bucket.geonameids[position] == 9_000_001 and bucket.populations[position] == 900
    assert bucket.country_size == 4


def test_added_features_refold_their_country_and_are_found(tmp_path, villages):
    database = tmp_path / "g.sqlite"
    import_files(database, [villages])
    gazetteer = Gazetteer.open(database)
    try:
        gazetteer.add_features([Feature(
            geonameid=9_000_010, name="Khirbat Ghazalah", lat=35.2, lon=38.2,
            feature_class="P", feature_code="PPL", country_code="SY", admin1_code="09",
            population=300, source="user")])
        conn = gazetteer.connection()
        assert is_current(conn)
        assert _stored(conn, "SY") == _folded(conn, "SY")
        found = FuzzyMatcher(gazetteer, normalize_name).match("Khirbet Ghazaleh", ["SY"])
        assert found is not None and found.geonameid == 9_000_010
    finally:
        gazetteer.close()


def test_a_stale_table_is_ignored_and_the_names_are_folded_from_the_features(tmp_path, villages):
    database = tmp_path / "g.sqlite"
    import_files(database, [villages])
    conn = store.connect(database)
    # A writer that does not refold (an older geomap): the stamp no longer matches.
    writer = store.FeatureWriter(conn)
    writer.add(Feature(geonameid=9_000_011, name="Umm Jurfayn", lat=35.3, lon=38.3,
                       feature_class="P", feature_code="PPL", country_code="SY",
                       admin1_code="09", population=50, source="user"))
    writer.finish()
    assert not is_current(conn)
    conn.close()
    gazetteer = Gazetteer.open(database)
    try:
        found = FuzzyMatcher(gazetteer, normalize_name).match("Umm Jurfeen", ["SY"])
        assert found is not None and found.geonameid == 9_000_011
    finally:
        gazetteer.close()


def test_a_table_of_another_folding_version_is_stale(tmp_path, villages, monkeypatch):
    database = tmp_path / "g.sqlite"
    import_files(database, [villages])
    conn = store.connect(database)
    assert is_current(conn)
    monkeypatch.setattr("gazetteer.fuzzynames.FOLD_VERSION", 999)
    assert not is_current(conn)


@pytest.fixture(scope="module")
def default_with_table(tmp_path_factory) -> Gazetteer:
    """A copy of the embedded default with the buckets stored (the default itself may lack them
    when built by an older geomap: then it is the folding-at-run-time side of the comparison)."""
    source = Gazetteer.open().path
    target = tmp_path_factory.mktemp("fuzzy") / "copy.sqlite"
    shutil.copyfile(source, target)
    shutil.copyfile(index_path(source), index_path(target))
    conn = store.connect(target)
    write_fuzzy_names(conn)
    conn.close()
    gazetteer = Gazetteer.open(target)
    yield gazetteer
    gazetteer.close()


def _respelt(names: list[str], rng: random.Random) -> list[str]:
    """Names with one vowel changed, the variants the fuzzy fallback exists for."""
    out = []
    for name in names:
        spots = [i for i, ch in enumerate(name) if ch in "aeiou" and i > 0]
        if spots:
            i = rng.choice(spots)
            out.append(name[:i] + rng.choice([v for v in "aeiou" if v != name[i]]) + name[i + 1:])
    return out


@pytest.mark.parametrize("country", ["AF", "IQ", "SY", "US", "IN"])
def test_stored_and_run_time_folding_give_the_same_answers(default_with_table, country):
    folded_here = FuzzyMatcher(default_with_table, lambda text: normalize_name(text))
    from_table = FuzzyMatcher(default_with_table, normalize_name)
    conn = default_with_table.connection()
    assert is_current(conn) and from_table._stored and not folded_here._stored
    names = [row[0] for row in conn.execute(
        "SELECT name FROM feature WHERE country_code = ? AND feature_class = 'P' "
        "AND length(name) >= 6 AND name NOT LIKE '%.%' ORDER BY geonameid", (country,))]
    queries = _respelt(random.Random(country).sample(names, min(150, len(names))),
                       random.Random(1))
    answers = [(from_table.match(q, [country]), folded_here.match(q, [country]))
               for q in queries]
    assert all(stored == folded for stored, folded in answers)
    assert sum(stored is not None for stored, _ in answers) >= 10
    # each side took its own path: buckets read one at a time, or the country folded whole
    assert from_table._countries[country][0] is False
    assert folded_here._countries[country][0] is True


def test_cli_import_into_a_copy_of_the_default_stores_current_buckets(tmp_path, villages,
                                                                        capsys):
    source = Gazetteer.open().path
    copy = tmp_path / "copy.sqlite"
    shutil.copyfile(source, copy)
    shutil.copyfile(index_path(source), index_path(copy))
    assert main(["gazetteer", "import", str(villages), "--gazetteer", str(copy)]) == 0
    capsys.readouterr()
    conn = store.connect(copy)
    assert is_current(conn)
    assert _stored(conn, "SY") == _folded(conn, "SY")
    assert _stored(conn, "AF") == _folded(conn, "AF")  # countries the import did not touch too
    conn.close()
    gazetteer = Gazetteer.open(copy)
    try:
        matcher = FuzzyMatcher(gazetteer, normalize_name)
        found = matcher.match("Kafr Nubbal", ["SY"])
        assert found is not None and found.geonameid == 9_000_002
        assert matcher._countries["SY"][0] is False  # read from the stored buckets
    finally:
        gazetteer.close()


def test_a_province_is_read_through_its_own_index_in_id_order(tmp_path):
    """The province search reads its province's rows alone, and both searches read rows in id
    order whichever index the file has, so the buckets (and ties between likenesses) never
    depend on it."""
    from gazetteer.fuzzynames import COUNTRY_SQL, PROVINCE_SQL

    path = tmp_path / "SY.txt"
    rows = [geonames_line(9_000_020 - k, f"Qaryat Zemlo {k}", 35.1, 38.1, "P", "PPL", "SY",
                          "09" if k % 2 else "10", 10) for k in range(8)]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    database = tmp_path / "g.sqlite"
    import_files(database, [path])
    conn = store.connect(database)
    plan = " ".join(row[-1] for row in conn.execute("EXPLAIN QUERY PLAN " + PROVINCE_SQL,
                                                    ("SY", "09")))
    assert "feature_province" in plan and "admin1_code=?" in plan
    assert "TEMP B-TREE" not in plan  # the index gives id order: no sort
    ids = [row[0] for row in conn.execute(PROVINCE_SQL, ("SY", "09"))]
    assert ids == sorted(ids) and len(ids) == 4
    ids = [row[0] for row in conn.execute(COUNTRY_SQL, ("SY",))]
    assert ids == sorted(ids) and len(ids) == 8


def test_a_write_replaces_an_older_files_country_index(tmp_path, villages):
    database = tmp_path / "g.sqlite"
    import_files(database, [villages])
    conn = store.connect(database)
    conn.execute("DROP INDEX feature_province")
    conn.execute("CREATE INDEX feature_country ON feature (country_code)")
    conn.commit()
    store.FeatureWriter(conn).finish()
    indexes = {row[0] for row in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'feature'")}
    assert "feature_province" in indexes and "feature_country" not in indexes
