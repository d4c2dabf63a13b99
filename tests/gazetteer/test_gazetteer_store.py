"""The gazetteer file: schema checks, the name index, caching, pickling, concurrent builders."""

from __future__ import annotations

import os
import pickle
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from gazetteer import Feature, Gazetteer
from gazetteer.errors import GazetteerFileError
from gazetteer.nameindex import index_path
from gazetteer.store import SCHEMA_VERSION
from geomap.cli import main
from geomap.errors import EXIT_GAZETTEER


def test_foreign_sqlite_file_is_a_clear_error(tmp_path):
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE t (x)")
    with pytest.raises(GazetteerFileError, match="not a geomap gazetteer"):
        Gazetteer.open(path)


def test_not_sqlite_at_all_is_a_clear_error(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_text("hello, I am a text file\n" * 100)
    with pytest.raises(GazetteerFileError, match="not a gazetteer file"):
        Gazetteer.open(path)


def test_old_schema_version_asks_for_a_rebuild(small_gazetteer):
    path = small_gazetteer.path
    small_gazetteer.close()
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    with pytest.raises(GazetteerFileError, match=r"schema version 0.*rebuild"):
        Gazetteer.open(path)


def test_cli_exit_code_for_an_unusable_gazetteer(tmp_path, capsys):
    path = tmp_path / "other.sqlite"
    sqlite3.connect(path).close()
    code = main(["gazetteer", "lookup", "Aleppo", "--gazetteer", str(path)])
    assert code == EXIT_GAZETTEER
    assert "not a geomap gazetteer" in capsys.readouterr().err


def test_missing_explicit_path_is_an_error_not_a_silent_build(tmp_path):
    with pytest.raises(GazetteerFileError, match="gazetteer build"):
        Gazetteer.open(tmp_path / "nope.sqlite")


def test_same_path_same_instance_and_pickles_by_path(small_gazetteer):
    assert Gazetteer.open(small_gazetteer.path) is small_gazetteer
    clone = pickle.loads(pickle.dumps(small_gazetteer))
    assert clone is small_gazetteer
    assert len(pickle.dumps(small_gazetteer)) < 300


def test_a_missing_name_index_is_rebuilt_on_open(small_gazetteer):
    path = small_gazetteer.path
    small_gazetteer.close()
    index_path(path).unlink()
    reopened = Gazetteer.open(path)
    assert reopened.has_name("aleppo") and index_path(path).is_file()


def test_a_stale_name_index_is_rebuilt_on_open(small_gazetteer, tmp_path):
    path = small_gazetteer.path
    small_gazetteer.close()
    stale = tmp_path / "stale.marisa"
    import marisa_trie

    marisa_trie.Trie(["somewhere else"]).save(str(stale))
    os.replace(stale, index_path(path))
    reopened = Gazetteer.open(path)
    assert reopened.has_name("aleppo") and not reopened.has_name("somewhere else")


def test_a_sharded_name_index_answers_like_one_trie(small_gazetteer):
    """Big imports split the trie by first letter to bound build memory; answers must not
    change, and a key's prefixes must stay in its shard."""
    from gazetteer.nameindex import write_name_index

    conn = small_gazetteer.connection()
    keys = [row[0] for row in conn.execute("SELECT DISTINCT key FROM name")]
    paths = write_name_index(conn, small_gazetteer.path, shard_keys=3)
    assert len(paths) > 2
    small_gazetteer.refresh()
    assert len(small_gazetteer._index.tries) == len(paths)
    assert all(small_gazetteer.has_name(key) for key in keys)
    assert small_gazetteer.has_prefix("aleppo") and small_gazetteer.has_prefix("muhafazat")
    assert not small_gazetteer.has_name("aleppo x") and not small_gazetteer.has_prefix("zz")
    write_name_index(conn, small_gazetteer.path)
    assert not index_path(small_gazetteer.path, 1).exists()  # stale shards removed


def test_added_features_are_found_at_once_and_after_reopening(small_gazetteer):
    feature = Feature(geonameid=-42, name="Karm al-Jabal", lat=36.21, lon=37.17,
                      feature_class="P", feature_code="PPLX", country_code="SY",
                      admin1_code="09", source="user")
    small_gazetteer.add_features([feature])
    assert small_gazetteer.has_name("karm al jabal") and small_gazetteer.has_name("karm jabal")
    assert small_gazetteer.has_prefix("karm")
    assert small_gazetteer.candidates("Karm el-Jabal")[0].geonameid == -42
    path = small_gazetteer.path
    small_gazetteer.close()
    reopened = Gazetteer.open(path)
    assert reopened.has_name("karm al jabal")
    assert reopened.get(-42).admin1_name is None  # no admin1 table rows in this small file


def test_threads_share_one_instance_safely(gaz):
    from concurrent.futures import ThreadPoolExecutor

    names = ["Aleppo", "Tartus", "Homs", "Idlib", "Raqqa", "Mosul", "Kyiv", "Gaza"] * 20
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda name: gaz.candidates(name, limit=1)[0].name, names))
    assert results == [gaz.candidates(name, limit=1)[0].name for name in names]


def _top_country(gazetteer_and_name):
    gazetteer, name = gazetteer_and_name
    return gazetteer.candidates(name, limit=1)[0].country_code


@pytest.mark.parametrize("start_method", ["fork", "spawn"])
def test_process_pools_reopen_it_by_path(gaz, start_method):
    import multiprocessing

    gaz.candidates("Aleppo")  # the parent has a live connection before the pool forks
    with multiprocessing.get_context(start_method).Pool(2) as pool:
        answers = pool.map(_top_country, [(gaz, "Aleppo"), (gaz, "Kramatorsk"), (gaz, "Mosul")])
    assert answers == ["SY", "UA", "IQ"]


def test_kinds_accepts_a_single_string(gaz):
    assert {c.feature_code for c in gaz.candidates("Aleppo", kinds="ADM1")} == {"ADM1"}


_OPEN_AND_REPORT = """
import os, sys
from gazetteer import Gazetteer
gaz = Gazetteer.open(sys.argv[1], build=True)
print(os.stat(sys.argv[1]).st_ino, gaz.candidates("Aleppo")[0].country_code)
"""


@pytest.mark.slow
def test_concurrent_first_users_wait_for_one_builder(tmp_path):
    path = tmp_path / "fresh.sqlite"
    killed_builder = tmp_path / ".fresh.sqlite.99999.building"  # a builder SIGKILLed earlier
    killed_builder.write_bytes(b"half a database")
    processes = [subprocess.Popen([sys.executable, "-c", _OPEN_AND_REPORT, str(path)],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for _ in range(2)]
    outputs = [process.communicate(timeout=300) for process in processes]
    assert all(process.returncode == 0 for process in processes), outputs
    lines = {out.strip() for out, _ in outputs}
    # One build: both saw the same file (a second build would have replaced the inode).
    assert lines == {f"{path.stat().st_ino} SY"}
    leftovers = [p.name for p in Path(tmp_path).iterdir() if p.name.endswith((".building",
                                                                               ".tmp"))]
    assert leftovers == []


@pytest.mark.parametrize("command", ["build", "import", "add", "lookup", "stats"])
def test_every_gazetteer_command_has_help_with_an_example(command, capsys):
    assert main(["gazetteer", command, "--help"]) == 0
    out = capsys.readouterr().out
    assert "Example" in out and f"geomap gazetteer {command}" in out
